"""Settings: config/*.toml, then environment overrides, then validation.

This is the only module that reads configuration. Every problem is collected and
reported at once (an operator fixing one key per restart is a bad morning), and
secrets only ever come from the environment or a file, never from the TOML, so
the TOML can be committed and shown.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake.council import Council, parse_council
from intake.endpoints import Endpoint, parse_mailbox_url, parse_outbound_url, secret_from_env
from intake.errors import ConfigError
from intake.notices.settings import NoticeSettings, parse_notices
from intake.timetable import TimetableLimits
from intake.web_settings import WebSettings, parse_web

if TYPE_CHECKING:
    from intake.calendar import WorkingCalendar

@dataclass(frozen=True)
class MailboxOptions:
    """How we treat a real mailbox (the URL says where it is)."""

    # Stored messages move here (IMAP MOVE); empty: they stay and are flagged instead.
    processed_folder: str = ""
    ca_file: Path | None = None
    oauth2_token_command: str = ""
    oauth2_token_file: Path | None = None
    # Mail received before this date is logged but never acknowledged automatically.
    go_live_cutoff: dt.date | None = None
    max_attachment_bytes: int = 25_000_000


@dataclass(frozen=True)
class Settings:
    database_url: str
    mailbox: Endpoint
    outbound: Endpoint
    from_address: str = "complaints@northshire.example.org"
    from_name: str = "Children's Services Complaints Team"
    duty_address: str = "duty.manager@northshire.example.org"
    base_url: str = "http://localhost:8080"
    timezone: str = "Europe/London"
    poll_interval_seconds: int = 60
    max_auto_replies_per_address_per_day: int = 3
    category_threshold: float = 0.6
    closure_days: tuple[dt.date, ...] = ()
    extra_holidays: tuple[dt.date, ...] = ()
    not_holidays: tuple[dt.date, ...] = ()
    limits: TimetableLimits = TimetableLimits()
    council: Council = Council()
    mailbox_options: MailboxOptions = MailboxOptions()
    # The council's own eligibility rules (phrases, signposting); None: the shipped default.
    eligibility_rules_file: Path | None = None
    notices: NoticeSettings = NoticeSettings()
    web: WebSettings = WebSettings()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def own_domain(self) -> str:
        """The domain of our sending address: our Message-IDs end in it."""
        return self.from_address.rpartition("@")[2].lower() or "localhost"

    def case_url(self, reference: str) -> str:
        """Where staff open a case (sign-in required); notices link here."""
        return f"{self.base_url.rstrip('/')}/cases/{reference}"

    def working_calendar(self) -> WorkingCalendar:
        from intake.calendar import WorkingCalendar

        return WorkingCalendar(self.closure_days, self.extra_holidays, self.not_holidays)


def default_paths(base: Path) -> dict[str, str]:
    """The embedded default: everything under ./var, no servers."""
    var = base / "var"
    return {
        "database_url": f"sqlite:///{var / 'intake.db'}",
        "mailbox_url": f"maildir://{var / 'mailbox'}",
        "outbound_url": f"folder://{var / 'outbox'}",
    }


ENV_KEYS = {
    "INTAKE_DATABASE_URL": "database.url",
    "INTAKE_MAILBOX_URL": "mailbox.url",
    "INTAKE_OUTBOUND_URL": "outbound.url",
}


def load(path: str | os.PathLike[str] | None = None,
         environ: Mapping[str, str] | None = None,
         base_dir: Path | None = None) -> Settings:
    """Read the TOML (INTAKE_CONFIG or `path`), apply environment overrides, validate."""
    env = os.environ if environ is None else environ
    base = (base_dir or Path.cwd()).resolve()
    problems: list[str] = []
    data: dict[str, Any] = {}
    config_path = path or env.get("INTAKE_CONFIG")
    if config_path:
        try:
            data = tomllib.loads(Path(config_path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(f"INTAKE_CONFIG: file {config_path} does not exist")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"INTAKE_CONFIG: {config_path} is not valid TOML: {exc}")
    return _build(data, env, base, problems)


KNOWN_KEYS: dict[str, set[str] | None] = {
    "database": {"url"},
    "mailbox": {"url", "poll_interval_seconds", "processed_folder", "ca_file", "oauth2_token_command",
                "oauth2_token_file", "go_live_cutoff", "max_attachment_bytes"},
    "outbound": {"url", "from_address", "from_name", "max_auto_replies_per_address_per_day"},
    "service": {"duty_address", "base_url", "timezone"},
    "classification": {"category_threshold"},
    "calendar": {"closure_days", "extra_holidays", "not_holidays"},
    "timetable": None,  # checked against TimetableLimits
    "council": None,  # checked against Council
    "eligibility": {"rules_file"},
    "notices": None,  # checked against NoticeSettings
    "web": None,  # checked against WebSettings
}


def _section(data: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        problems.append(f"[{name}] must be a table")
        return {}
    known = KNOWN_KEYS.get(name)
    for key in sorted(value.keys() - known if known is not None else ()):
        problems.append(f"{name}.{key}: unknown key (known: {', '.join(sorted(known or ()))})")
    return value


def _unknown_sections(data: dict[str, Any], problems: list[str]) -> None:
    for name in sorted(data.keys() - KNOWN_KEYS.keys()):
        problems.append(f"[{name}]: unknown section (known: {', '.join(sorted(KNOWN_KEYS))})")


def _build(data: dict[str, Any], env: Mapping[str, str], base: Path,
           problems: list[str]) -> Settings:
    defaults = default_paths(base)
    _unknown_sections(data, problems)
    db, mbox, out, svc = (_section(data, n, problems)
                          for n in ("database", "mailbox", "outbound", "service"))
    database_url = env.get("INTAKE_DATABASE_URL") or db.get("url") or defaults["database_url"]
    if "://" not in str(database_url):
        problems.append("INTAKE_DATABASE_URL (database.url): expected an SQLAlchemy URL "
                        "such as sqlite:///var/intake.db or postgresql+psycopg://host/db")
    mailbox = parse_mailbox_url(
        env.get("INTAKE_MAILBOX_URL") or mbox.get("url") or defaults["mailbox_url"],
        secret_from_env(env, "INTAKE_MAILBOX_PASSWORD", problems), base, problems)
    outbound = parse_outbound_url(
        env.get("INTAKE_OUTBOUND_URL") or out.get("url") or defaults["outbound_url"],
        secret_from_env(env, "INTAKE_OUTBOUND_PASSWORD", problems), base, problems)
    scalars = _scalars(svc, mbox, out, env, problems)
    threshold = _section(data, "classification", problems).get("category_threshold", 0.6)
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 <= threshold <= 1:
        problems.append(f"classification.category_threshold: must be a number from 0 to 1, got {threshold!r}")
    else:
        scalars["category_threshold"] = float(threshold)
    calendar = _section(data, "calendar", problems)
    dates: dict[str, Any] = {key: _dates(calendar, key, problems)
                             for key in ("closure_days", "extra_holidays", "not_holidays")}
    limits = _limits(_section(data, "timetable", problems), problems)
    council = parse_council(_section(data, "council", problems), problems)
    options = _mailbox_options(mbox, base, problems)
    rules_file = _eligibility_rules_file(_section(data, "eligibility", problems), base, problems)
    notices = parse_notices(_section(data, "notices", problems), problems)
    web = parse_web(_section(data, "web", problems), env, _var_dir(database_url, base), problems)
    if mailbox.auth == "oauth2" and not (options.oauth2_token_command or options.oauth2_token_file):
        problems.append("mailbox.oauth2_token_command or mailbox.oauth2_token_file: required when "
                        "INTAKE_MAILBOX_URL has auth=oauth2")
    if problems:
        raise ConfigError(problems)
    return Settings(database_url=str(database_url), mailbox=mailbox, outbound=outbound,
                    limits=limits, council=council, mailbox_options=options,
                    eligibility_rules_file=rules_file, notices=notices, web=web, **scalars, **dates)


def _var_dir(database_url: object, base: Path) -> Path:
    """Beside an SQLite case log; otherwise the working folder's var/."""
    url = str(database_url)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url.removeprefix("sqlite:///")).parent
    return base / "var"


def _eligibility_rules_file(section: dict[str, Any], base: Path, problems: list[str]) -> Path | None:
    """The rules file is read and checked now, so a bad one stops the start, every problem listed."""
    value = section.get("rules_file", "")
    if not isinstance(value, str):
        problems.append("eligibility.rules_file: must be a path to a TOML file")
        return None
    if not value.strip():
        return None
    from intake.eligibility.rules import load_rules

    path = Path(value.strip())
    path = path if path.is_absolute() else base / path
    try:
        load_rules(path)
    except ConfigError as exc:
        problems.extend(f"eligibility.rules_file: {p}" for p in exc.problems)
    return path


def _mailbox_options(section: dict[str, Any], base: Path, problems: list[str]) -> MailboxOptions:
    values: dict[str, Any] = {}
    for key in ("processed_folder", "oauth2_token_command"):
        if key in section:
            if not isinstance(section[key], str):
                problems.append(f"mailbox.{key}: must be a string")
            else:
                values[key] = section[key].strip()
    for key in ("ca_file", "oauth2_token_file"):
        if section.get(key):
            path = Path(str(section[key]))
            path = path if path.is_absolute() else base / path
            if not path.is_file():
                problems.append(f"mailbox.{key}: file {path} does not exist")
            values[key] = path
    if "go_live_cutoff" in section:
        cutoff = _dates({"go_live_cutoff": [section["go_live_cutoff"]]}, "go_live_cutoff", problems, "mailbox")
        values["go_live_cutoff"] = cutoff[0] if cutoff else None
    if "max_attachment_bytes" in section:
        cap = section["max_attachment_bytes"]
        if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
            problems.append(f"mailbox.max_attachment_bytes: must be a whole number of at least 1, got {cap!r}")
        else:
            values["max_attachment_bytes"] = cap
    return MailboxOptions(**values)


def _scalars(svc: dict[str, Any], mbox: dict[str, Any], out: dict[str, Any],
             env: Mapping[str, str], problems: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, source in (("from_address", out), ("from_name", out), ("duty_address", svc),
                        ("base_url", svc), ("timezone", svc)):
        if key in source:
            if not isinstance(source[key], str) or not source[key].strip():
                problems.append(f"{key}: must be a non-empty string")
            elif any(c in source[key] for c in "\r\n"):
                problems.append(f"{key}: must not contain line breaks")
            else:
                result[key] = source[key].strip()
    for key, source in (("poll_interval_seconds", mbox),
                        ("max_auto_replies_per_address_per_day", out)):
        if key in source:
            if not isinstance(source[key], int) or isinstance(source[key], bool) or source[key] < 1:
                problems.append(f"{key}: must be a whole number of at least 1, got {source[key]!r}")
            else:
                result[key] = source[key]
    try:
        ZoneInfo(result.get("timezone", "Europe/London"))
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"service.timezone: unknown time zone {result.get('timezone')!r}")
    return result


def _dates(section: dict[str, Any], key: str, problems: list[str],
           where: str = "calendar") -> tuple[dt.date, ...]:
    values = section.get(key, [])
    if not isinstance(values, list):
        problems.append(f"{where}.{key}: must be a list of dates like 2026-12-29")
        return ()
    result = []
    for value in values:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            result.append(value)
            continue
        try:
            result.append(dt.date.fromisoformat(str(value)))
        except ValueError:
            problems.append(f"{where}.{key}: {value!r} is not a date like 2026-12-29")
    return tuple(sorted(set(result)))


def _limits(section: dict[str, Any], problems: list[str]) -> TimetableLimits:
    known = {f.name for f in fields(TimetableLimits)}
    for key in section.keys() - known:
        problems.append(f"timetable.{key}: unknown key; known keys are {', '.join(sorted(known))}")
    values = {k: v for k, v in section.items() if k in known}
    for key, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"timetable.{key}: must be a whole number of working days")
    try:
        return TimetableLimits(**values)
    except (TypeError, ValueError) as exc:
        if values and all(isinstance(v, int) for v in values.values()):
            problems.append(f"timetable: {exc}")
        return TimetableLimits()
