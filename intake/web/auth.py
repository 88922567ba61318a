"""Sign-in and sign-out, the signed-in user on every request, and role checks.

The session cookie holds only the user's id (signed, HTTP-only, Secure,
SameSite=Lax); the account is read again on every request, so disabling an
account ends its sessions at once.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, abort, g, redirect, render_template, request, session, url_for
from werkzeug.wrappers.response import Response

from intake import accounts
from intake.db.models import StaffUser
from intake.web.context import db, services

blueprint = Blueprint("auth", __name__)
F = TypeVar("F", bound=Callable[..., Any])


def load_user() -> None:
    user_id = session.get("user_id")
    user = db().get(StaffUser, user_id) if isinstance(user_id, int) else None
    g.user = user if user is not None and user.active else None


def requires(role: str) -> Callable[[F], F]:
    """Only this role (or one above it) may use the view; anyone else gets 403, never the page."""
    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if g.user is None or not accounts.has_role(g.user, role):
                abort(403)
            return view(*args, **kwargs)
        return wrapper  # type: ignore[return-value]
    return decorate


def template_globals() -> dict[str, Any]:
    user = g.get("user")
    return {"current_user": user, "is_manager": bool(user and accounts.has_role(user, "manager")),
            "is_admin": bool(user and accounts.has_role(user, "admin")),
            "council_name": services().settings.council.name}


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    problem = ""
    username = ""
    if request.method == "POST":
        username = request.form.get("username", "")
        result = accounts.sign_in(db(), username, request.form.get("password", ""),
                                  remote_addr=request.remote_addr or "unknown", now=services().now())
        db().commit()
        if result.user is not None:
            session.clear()  # a fresh session on sign-in: no fixation
            session["user_id"] = result.user.id
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
        problem = result.problem
    status = 200 if not problem else 401 if "Too many" not in problem else 429
    return render_template("web/login.html", problem=problem, username=username), status  # type: ignore[return-value]


@blueprint.route("/logout", methods=["POST"])
def logout() -> Response:
    session.clear()
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to somewhere else."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("queue.show")
