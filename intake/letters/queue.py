"""The print queue: one PDF per case and purpose, written in the case's transaction."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.config import Settings
from intake.db.models import Case, Deadline, Letter
from intake.letters.pdf import Letterhead, address_block, render_letter


def letterhead(settings: Settings) -> Letterhead:
    c = settings.council
    return Letterhead(c.name, c.team_name, c.team_address, c.team_phone, c.team_email, c.website)


def find_letter(session: Session, case: Case, purpose: str) -> Letter | None:
    if case.id is None:
        return None
    with session.no_autoflush:
        return session.scalar(select(Letter).where(Letter.case_id == case.id, Letter.purpose == purpose))


def queue_letter(session: Session, settings: Settings, *, case: Case, purpose: str, template: str,
                 body: str, now: dt.datetime, actor: str = "system", new_case: bool = False) -> Letter:
    """Queue once per case and purpose: asking twice returns the letter already queued.

    As with the outbox, a case logged in this transaction (`new_case`) cannot have a
    letter yet; the unique (case, purpose) constraint stands guard all the same.
    """
    existing = None if new_case else find_letter(session, case, purpose)
    if existing is not None:
        return existing
    printed = render_letter(letterhead(settings),
                            recipient=address_block(case.complainant_name, case.complainant_address),
                            date=now.astimezone(settings.tz).date(), reference=case.reference, body=body)
    letter = Letter(case=case, purpose=purpose, template=template, state="queued", pdf=printed.pdf,
                    pages=printed.pages, sha256=hashlib.sha256(printed.pdf).hexdigest(),
                    created_at=now, created_by=actor)
    session.add(letter)
    return letter


def mark_posted(session: Session, letter: Letter, *, officer: str, now: dt.datetime) -> bool:
    """Record that a person posted the letter; False if it was already marked."""
    if letter.state == "posted":
        return False
    letter.state, letter.posted_at, letter.posted_by = "posted", now, officer
    case = letter.case
    if letter.purpose == "acknowledgement":
        case.acknowledgement = "sent"
        session.execute(update(Deadline).where(Deadline.case_id == case.id,
                                               Deadline.deadline == "acknowledgement",
                                               Deadline.met_at.is_(None)).values(met_at=now))
    record_event(session, case, now, officer, "letter_posted", letter_id=letter.id, purpose=letter.purpose)
    return True
