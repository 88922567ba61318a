"""Put a message in the outbox, inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import make_msgid

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.db.models import Case, OutboxMessage

_MESSAGE_ID = re.compile(r"^<[^<>\s@]+@[^<>\s@]+>$")


def one_line(value: str, limit: int = 300) -> str:
    """Header text from any input: no line breaks, no control characters, bounded length."""
    cleaned = re.sub(r"[\x00-\x1f\x7f]+", " ", value)
    return " ".join(cleaned.split())[:limit]


def queue_email(session: Session, settings: Settings, *, dedupe_key: str, purpose: str,
                to: str, subject: str, body_text: str, body_html: str | None, now: dt.datetime,
                case: Case | None = None, in_reply_to: str = "",
                auto_submitted: bool = True, new_case: bool = False) -> OutboxMessage:
    """Queue once per dedupe key: asking twice returns the row already queued.

    Nothing is flushed here, so a case's rows go to the database together at commit.
    A case logged in this transaction cannot have a row yet, so `new_case` skips the
    look-up; the unique dedupe key still stands guard.
    """
    if not new_case:
        with session.no_autoflush:
            existing = session.scalar(select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key))
        if existing is not None:
            return existing
    row = OutboxMessage(
        dedupe_key=dedupe_key, case=case, purpose=purpose, channel="email",
        to_address=one_line(to, 320), subject=one_line(subject), body_text=body_text,
        body_html=body_html, message_id=make_msgid(idstring=purpose.replace("_", "-"), domain=settings.own_domain),
        in_reply_to=in_reply_to if _MESSAGE_ID.match(in_reply_to or "") else None,
        auto_submitted=auto_submitted, state="queued", next_attempt_at=now, created_at=now)
    session.add(row)
    return row
