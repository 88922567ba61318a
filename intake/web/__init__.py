"""The staff web app: sign-in, the triage queue, the case page and the manager's view.

Server-rendered from templates/web/ with no JavaScript framework. Every page but
the sign-in page needs a signed-in member of staff; every form carries a CSRF
token; every response forbids caching and loading anything from elsewhere,
because every page shows personal data.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import jinja2
from flask import Flask, g, redirect, request, url_for
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine
from werkzeug.wrappers.response import Response

from intake.config import Settings
from intake.db.models import utcnow
from intake.db.session import session_factory
from intake.rendering import TEMPLATES_DIR, long_date
from intake.services import engine_for
from intake.web import accounts_page, auth, case_page, letters, manager, messages, queue
from intake.web.context import WebServices, db, services

CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
PUBLIC_ENDPOINTS = {"auth.login", "static"}


def create_app(settings: Settings, *, engine: Engine | None = None,
               clock: Callable[[], dt.datetime] = utcnow) -> Flask:
    app = Flask(__name__, template_folder=str(TEMPLATES_DIR),
                static_folder=str(TEMPLATES_DIR / "web" / "static"), static_url_path="/static")
    app.jinja_options = {**app.jinja_options, "undefined": jinja2.StrictUndefined,
                         "trim_blocks": True, "lstrip_blocks": True}
    app.config.update(
        SECRET_KEY=settings.web.signing_key(),
        SESSION_COOKIE_NAME="intake_session",
        SESSION_COOKIE_SECURE=settings.web.secure_cookies,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=settings.web.session_hours),
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the signed-in session
        MAX_CONTENT_LENGTH=settings.mailbox_options.max_attachment_bytes + 1_000_000,
    )
    engine = engine or engine_for(settings)
    app.extensions["intake"] = WebServices(settings, clock, engine, session_factory(engine), settings.working_calendar())
    CSRFProtect(app)
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["local"] = lambda at: at.astimezone(settings.tz).strftime("%d %b %Y %H:%M")
    for blueprint in (auth.blueprint, accounts_page.blueprint, queue.blueprint, case_page.blueprint,
                      letters.blueprint, manager.blueprint, messages.blueprint):
        app.register_blueprint(blueprint)
    app.before_request(_open_session)
    app.before_request(_require_sign_in)
    app.teardown_request(_close_session)
    app.after_request(_safe_headers)
    app.context_processor(auth.template_globals)
    app.add_url_rule("/", "home", lambda: redirect(url_for("queue.show")))
    return app


def _open_session() -> None:
    g.db = services().sessions()


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db", None)
    if session is not None:
        session.close()


def _require_sign_in() -> Response | None:
    auth.load_user()
    # Ends the read at once (the user stays loaded): on SQLite every transaction holds the write
    # lock, and the poller should not wait for a page to render.
    db().commit()
    if g.user is None and request.endpoint not in PUBLIC_ENDPOINTS:
        return redirect(url_for("auth.login", next=request.path if request.method == "GET" else None))
    return None


def _safe_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response
