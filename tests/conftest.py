"""Shared fixtures: settings for a temporary embedded install, databases on SQLite and
PostgreSQL (one suite for every backend), and a controlled clock in Europe/London."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, create_engine, text

from intake import config
from intake.db.session import make_engine, upgrade
from tests.support.dovecot import DovecotServer
from tests.support.dovecot_fixture import dovecot_server

LONDON = ZoneInfo("Europe/London")
PG_ADMIN_URL = os.environ.get("INTAKE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SHARED = Path(__file__).resolve().parents[2] / "shared"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 12, 23, 10, 0, tzinfo=LONDON))


def _pg_admin() -> Engine | None:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return engine
    except Exception:  # noqa: BLE001
        return None


@pytest.fixture(scope="session")
def pg_template() -> Iterator[tuple[Engine, str]]:
    """A migrated template database; each test gets a fast copy of it."""
    admin = _pg_admin()
    if admin is None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}; CI must run the PostgreSQL tests")
        pytest.skip(f"PostgreSQL is not reachable at {PG_ADMIN_URL} (set INTAKE_TEST_PG_URL)")
    name = f"intake_tpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield admin, name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated case log on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'intake.db'}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
        return
    admin, template = request.getfixturevalue("pg_template")
    name = f"intake_t_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> config.Settings:
    return config.load(environ={
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_MAILBOX_URL": f"maildir://{tmp_path / 'mailbox'}",
        "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}",
    }, base_dir=tmp_path)


@pytest.fixture
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DovecotServer]:
    """A real Dovecot IMAP server on loopback, fresh for each test (it starts in ~0.1 s)."""
    yield from dovecot_server(tmp_path_factory)


def imap_environ(server: DovecotServer, folder: str = "INBOX") -> dict[str, str]:
    return {"INTAKE_MAILBOX_URL": f"imap://{server.user}@{server.host}:{server.port}/{folder}?tls=none",
            "INTAKE_MAILBOX_PASSWORD": server.password}
