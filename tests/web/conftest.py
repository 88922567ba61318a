"""A staff web app over a case log filled by the real pipeline from the bundled demo mail,
with one account per role, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from intake import accounts
from intake.config import Settings
from intake.db.models import Case
from intake.db.session import session_factory
from intake.runner import Runner
from intake.services import source_for
from intake.web import create_app
from tests.helpers import deliver

DEMO_MAIL = Path(__file__).resolve().parents[2] / "intake" / "demo" / "mail"
RECEIVED = dt.datetime(2026, 12, 21, 9, 30, tzinfo=ZoneInfo("Europe/London"))
PASSWORD = "a long enough test password"
USERS = {"olivia": "officer", "mo": "manager", "ada": "admin"}


@dataclass
class WebApp:
    app: Flask
    engine: Engine
    settings: Settings

    def session(self) -> Session:
        return session_factory(self.engine)()

    def reference(self, subject_part: str) -> str:
        with self.session() as session:
            ref = session.scalar(select(Case.reference).where(Case.subject.contains(subject_part)))
        assert ref is not None, subject_part
        return ref

    def case(self, reference: str) -> Case:
        with self.session() as session:
            case = session.scalar(select(Case).where(Case.reference == reference))
            assert case is not None
            session.expunge_all()
            return case


@pytest.fixture
def web(settings: Settings, engine: Engine, tmp_path: Path, clock: object) -> WebApp:
    for eml in sorted(DEMO_MAIL.glob("*.eml")):
        deliver(tmp_path / "mailbox", eml.read_bytes(), RECEIVED)
    Runner(settings, engine, clock=lambda: RECEIVED).poll_once(source_for(settings))
    with session_factory(engine).begin() as session:
        for username, role in USERS.items():
            accounts.add_user(session, username, display_name=username.title(), role=role, password=PASSWORD,
                              email=f"{username}@northshire.example.org")
    app = create_app(settings, engine=engine, clock=lambda: RECEIVED + dt.timedelta(hours=2))
    app.config["TESTING"] = True
    return WebApp(app, engine, settings)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def signed_in(web: WebApp, username: str) -> FlaskClient:
    client = web.app.test_client()
    token = csrf_token(client.get("/login").text)
    response = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, response.text
    return client


def post(client: FlaskClient, path: str, page: str, **form: str | list[str]) -> tuple[int, str]:
    """Submit a form the way the browser does: with the token from the page it is on; follow the redirect."""
    token = csrf_token(client.get(page).text)
    response = client.post(path, data={**form, "csrf_token": token}, follow_redirects=True)
    return response.status_code, response.text
