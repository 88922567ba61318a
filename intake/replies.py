"""Writing to the person who wrote to us: by email when we have their address, else by post.

`send_to_complainant` is the one way out for the acknowledgement and for the replies a
person decides to send (the ineligible reply, the request for consent). Email goes into
the outbox once per dedupe key (`purpose:reference`), threaded to their message; a letter
goes into the print queue once per case and purpose. Both are written in the caller's
transaction, so the case change and the message commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.db.models import Case, InboundMessage, OutboxMessage
from intake.letters.queue import find_letter, queue_letter
from intake.outbox.compose import queue_email
from intake.rendering import render


@dataclass(frozen=True)
class Queued:
    channel: str          # "email" or "letter"
    new: bool             # False: it was already queued, nothing was added
    template: str
    detail: dict[str, Any]  # for the case trail: ids only, never names or addresses


def channel_for(case: Case) -> str | None:
    """Email when we have an address; a letter when we have only a postal address; else none."""
    if case.complainant_email.strip():
        return "email"
    if case.complainant_address.strip():
        return "letter"
    return None


def original_message_id(session: Session, case: Case) -> str:
    """The Message-ID of the message that opened the case (for In-Reply-To), or ""."""
    if case.inbound_id is None:
        return ""
    with session.no_autoflush:
        value = session.scalar(select(InboundMessage.message_id_header)
                               .where(InboundMessage.id == case.inbound_id))
    return (value or "").strip()


def send_to_complainant(session: Session, settings: Settings, case: Case, *, purpose: str, template: str,
                        context: dict[str, Any], subject: str, now: dt.datetime, in_reply_to: str,
                        actor: str = "system", auto_submitted: bool = False,
                        new_case: bool = False) -> Queued | None:
    """Render `email/<template>` or `letter/<template>` and queue it once; None without any address."""
    channel = channel_for(case)
    if channel == "email":
        key = f"{purpose}:{case.reference}"
        existing = None if new_case else _queued_email(session, key)
        if existing is not None:
            return Queued("email", False, f"email/{template}", {"message_id": existing.message_id})
        row = queue_email(session, settings, dedupe_key=key, purpose=purpose, to=case.complainant_email,
                          subject=subject, body_text=render(f"email/{template}.txt.j2", **context),
                          body_html=render(f"email/{template}.html.j2", **context), now=now, case=case,
                          in_reply_to=in_reply_to, auto_submitted=auto_submitted, new_case=new_case)
        return Queued("email", True, f"email/{template}", {"message_id": row.message_id})
    if channel == "letter":
        letter = None if new_case else find_letter(session, case, purpose)
        if letter is not None:
            return Queued("letter", False, letter.template, {"letter_id": letter.id})
        name = f"letter/{template}"
        letter = queue_letter(session, settings, case=case, purpose=purpose, template=name,
                              body=render(f"{name}.txt.j2", **context), now=now, actor=actor, new_case=new_case)
        return Queued("letter", True, name, {"purpose": purpose})
    return None


def _queued_email(session: Session, key: str) -> OutboxMessage | None:
    with session.no_autoflush:
        return session.scalar(select(OutboxMessage).where(OutboxMessage.dedupe_key == key))
