from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from intake import config
from intake.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def load(tmp_path: Path, toml: str = "", **env: str) -> config.Settings:
    path = None
    if toml:
        path = tmp_path / "intake.toml"
        path.write_text(toml, encoding="utf-8")
    return config.load(path, environ=env, base_dir=tmp_path)


def test_defaults_are_the_embedded_install_under_var(tmp_path: Path) -> None:
    settings = load(tmp_path)
    assert settings.database_url == f"sqlite:///{tmp_path / 'var' / 'intake.db'}"
    assert settings.mailbox.scheme == "maildir" and settings.mailbox.path == tmp_path / "var" / "mailbox"
    assert settings.outbound.scheme == "folder" and settings.outbound.path == tmp_path / "var" / "outbox"
    assert settings.limits.acknowledgement == 3


def test_example_file_loads_and_matches_the_built_in_defaults(tmp_path: Path) -> None:
    example = config.load(ROOT / "config" / "intake.example.toml", environ={}, base_dir=tmp_path)
    defaults = load(tmp_path)
    assert example.council == defaults.council
    assert example.limits == defaults.limits
    assert example.notices == defaults.notices
    assert replace(example.web, secret_key_path=None) == replace(defaults.web, secret_key_path=None)
    assert example.mailbox == defaults.mailbox and example.outbound == defaults.outbound
    assert (example.from_address, example.duty_address, example.timezone) == (
        defaults.from_address, defaults.duty_address, defaults.timezone)


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    settings = load(tmp_path, '[database]\nurl = "sqlite:///from-file.db"\n',
                    INTAKE_DATABASE_URL="postgresql+psycopg://db.example.org/intake",
                    INTAKE_MAILBOX_URL="imap://complaints@imap.example.org/INBOX?tls=starttls",
                    INTAKE_MAILBOX_PASSWORD="s3cret",
                    INTAKE_OUTBOUND_URL="smtp://relay.example.org:2525?tls=none")
    assert settings.database_url.startswith("postgresql+psycopg://")
    assert settings.mailbox.scheme == "imap" and settings.mailbox.port == 143
    assert settings.mailbox.tls == "starttls" and settings.mailbox.username == "complaints"
    assert settings.mailbox.password == "s3cret"
    assert settings.outbound.port == 2525 and settings.outbound.tls == "none"


def test_imap_defaults_to_implicit_tls_on_993(tmp_path: Path) -> None:
    settings = load(tmp_path, INTAKE_MAILBOX_URL="imap://user@imap.example.org")
    assert (settings.mailbox.tls, settings.mailbox.port, settings.mailbox.folder) == ("ssl", 993, "INBOX")


def test_secrets_never_show_in_repr_or_description(tmp_path: Path) -> None:
    settings = load(tmp_path, INTAKE_MAILBOX_URL="imap://user@imap.example.org",
                    INTAKE_MAILBOX_PASSWORD="hunter2-secret")
    assert "hunter2" not in repr(settings)
    assert "hunter2" not in settings.mailbox.describe()


def test_password_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("from-file\n")
    settings = load(tmp_path, INTAKE_OUTBOUND_URL="smtp://relay.example.org",
                    INTAKE_OUTBOUND_PASSWORD_FILE=str(secret))
    assert settings.outbound.password == "from-file"


def test_every_problem_is_reported_at_once_naming_the_key(tmp_path: Path) -> None:
    toml = """
[mailbox]
poll_interval_seconds = 0
[timetable]
stage1_response = "ten"
[calendar]
closure_days = ["2026-13-01"]
[service]
timezone = "Mars/Olympus"
[surprise]
x = 1
"""
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, toml, INTAKE_MAILBOX_URL="pop3://x", INTAKE_OUTBOUND_URL="smtp://h?tls=maybe")
    text = str(caught.value)
    for expected in ("INTAKE_MAILBOX_URL", "tls must be one of", "poll_interval_seconds",
                     "timetable.stage1_response", "calendar.closure_days", "service.timezone", "[surprise]"):
        assert expected in text
    assert caught.value.exit_code == 2


def test_a_password_inside_the_url_is_refused_without_echoing_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, INTAKE_MAILBOX_URL="imap://user:topsecret@imap.example.org")
    assert "INTAKE_MAILBOX_PASSWORD" in str(caught.value)
    assert "topsecret" not in str(caught.value)


def test_calendar_dates_and_council_contacts(tmp_path: Path) -> None:
    toml = """
[calendar]
closure_days = [2026-12-29, "2026-12-30"]
[council]
name = "Westvale Borough Council"
[council.ombudsman]
phone = "0300 000 0000"
"""
    settings = load(tmp_path, toml)
    assert settings.closure_days == (dt.date(2026, 12, 29), dt.date(2026, 12, 30))
    assert settings.council.name == "Westvale Borough Council"
    assert settings.council.ombudsman.phone == "0300 000 0000"
    assert settings.council.ombudsman.name.startswith("Local Government")
    assert not settings.working_calendar().is_working_day(dt.date(2026, 12, 29))


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        config.load(tmp_path / "nope.toml", environ={}, base_dir=tmp_path)


def test_notice_settings_problems_are_each_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, '[notices]\nteam_manager = "nobody"\nreminder_working_days = 0\n'
                       'digest_time = "half past eight"\nworking_hours_start = "18:00"\nfoo = 1\n')
    problems = "\n".join(caught.value.problems)
    for key in ("notices.team_manager", "notices.reminder_working_days", "notices.digest_time",
                "notices.working_hours_start", "notices.foo"):
        assert key in problems


def test_web_settings_are_checked_and_the_signing_key_comes_from_the_environment(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, '[web]\nport = 0\nsecure_cookies = "yes"\ncolour = "blue"\n', INTAKE_WEB_SECRET_KEY="short")
    problems = "\n".join(caught.value.problems)
    for expected in ("web.port", "web.secure_cookies", "web.colour: unknown key", "INTAKE_WEB_SECRET_KEY: too short"):
        assert expected in problems
    key = "k" * 40
    assert load(tmp_path, INTAKE_WEB_SECRET_KEY=key).web.signing_key() == key
    key_file = tmp_path / "key"
    key_file.write_text(key + "\n")
    assert load(tmp_path, INTAKE_WEB_SECRET_KEY_FILE=str(key_file)).web.signing_key() == key


def test_without_a_key_one_is_kept_beside_the_case_log_readable_by_its_owner_only(tmp_path: Path) -> None:
    web = load(tmp_path).web
    first = web.signing_key()
    assert len(first) >= 32 and web.signing_key() == first
    assert web.secret_key_path is not None and web.secret_key_path.stat().st_mode & 0o077 == 0

