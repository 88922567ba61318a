"""Test helpers: build messages, deliver them into a real Maildir, run the command line."""

from __future__ import annotations

import mailbox
import os
import subprocess
import sys
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
import datetime as dt
from zoneinfo import ZoneInfo


def make_mail(body: str, *, subject: str = "My complaint", sender: str = "pat.example@example.org",
              name: str = "Pat Example", headers: dict[str, str] | None = None,
              sent: dt.datetime | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = f"{name} <{sender}>"
    message["To"] = "complaints@northshire.example.org"
    message["Subject"] = subject
    message["Date"] = format_datetime(sent or dt.datetime(2026, 12, 23, 9, 0, tzinfo=dt.timezone.utc))
    message["Message-ID"] = make_msgid(domain="example.org")
    for key, value in (headers or {}).items():
        message[key] = value
    message.set_content(body)
    return message.as_bytes()


def deliver(maildir: Path, raw: bytes, received_at: dt.datetime | None = None) -> str:
    """Deliver like an MTA: the file's mtime is the moment the council received it."""
    box = mailbox.Maildir(str(maildir), create=True)
    key = box.add(raw)
    if received_at is not None:
        path = maildir / "new" / key
        os.utime(path, (received_at.timestamp(), received_at.timestamp()))
    return key


ROOT = Path(__file__).resolve().parents[1]


def cli_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    """The environment of an embedded install under tmp_path, on the given database."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
            "INTAKE_MAILBOX_URL": f"maildir://{tmp_path / 'mailbox'}",
            "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}"}


def intake(*args: str, env: dict[str, str], cwd: Path, check: bool = True,
           timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """`intake ARGS` as a real process, the way scripts run it."""
    result = subprocess.run([sys.executable, "-m", "intake", *args], env=env, cwd=cwd,
                            capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"intake {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


# Eligibility: a complaint decided as if received at noon, London time, on an ISO date.
LONDON = ZoneInfo("Europe/London")


def noon_in_london(received: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(received), dt.time(12), LONDON)


def decided_evidence(text: str, received: str = "2026-06-01", *,
                     rules_only: bool = False) -> tuple[str, dict[str, str]]:
    """The decision and each reason code with its evidence (`rules_only`: without the learned model)."""
    from intake.eligibility import decide, learned

    result = decide(text, noon_in_london(received), model=learned.RULES_ONLY if rules_only else None)
    return result.decision.value, {h.code: h.evidence for h in result.reasons}


def decided(text: str, received: str = "2026-06-01", *, rules_only: bool = False) -> tuple[str, set[str]]:
    """The decision and its reason codes."""
    decision, evidence = decided_evidence(text, received, rules_only=rules_only)
    return decision, set(evidence)


def latest(text: str, received: str) -> dt.date:
    """The latest date the eligibility rules read in `text`."""
    from intake.eligibility.dates import find_dates

    return max(m.latest for m in find_dates(text, dt.date.fromisoformat(received)))
