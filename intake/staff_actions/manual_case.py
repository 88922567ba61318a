"""Make a case by hand from a message that has none (quarantined, or kept as automated mail).

A person has read the message and says what it is. The case is numbered and timed by
the same code as the pipeline's (intake.case_log.log_new_case and plan_received), so its
statutory clocks run from when the council received the message, not from today. Nothing
is sent to the writer: a complaint's eligibility is left for a person (`needs_review`) and
the acknowledgement is held until a person sends it (intake.staff_actions.acknowledgement).
The message is screened for safeguarding as the pipeline would have screened it (a
quarantined message never was): a disclosure, or the person's own tick, flags the case
and alerts the duty manager at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from email.utils import parseaddr

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers import registry
from classifiers.base import Classifier
from intake.calendar import WorkingCalendar
from intake.case_log import log_new_case, plan_received, record_event
from intake.casework import CaseworkRefused
from intake.config import Settings
from intake.db.models import Case, CaseMessage, InboundMessage, QuarantineRecord
from intake.item import ParsedMessage
from intake.parsing import parse_message
from intake.safeguarding_alert import queue_safeguarding_alert
from intake.scans.message import letter_message, scanned_letter_in_email
from intake.stages.screen_safeguarding import screen_message
from intake.staff_actions.listing import HEAD_BYTES, headers
from intake.timetable import TimetableLimits

log = logging.getLogger("intake.staff_actions")

CATEGORIES = ("complaint", "compliment", "suggestion")
HELD_BY_HAND = "made by hand: a person sends the acknowledgement"


def case_from_message(session: Session, settings: Settings, inbound_id: int, *, category: str, by: str,
                      at: dt.datetime, calendar: WorkingCalendar, limits: TimetableLimits,
                      safeguarding: bool = False) -> Case:
    """Log a case for the message, plan its timetable, hold its acknowledgement; refused if it has a case."""
    problems = []
    if category not in CATEGORIES:
        problems.append(f"the category must be one of {', '.join(CATEGORIES)}, not {category!r}")
    if not by.strip():
        problems.append("the name of the person making the case is required")
    if problems:
        raise CaseworkRefused("; ".join(problems))
    # Locked, so two people pressing the button at once make one case (the unique
    # inbound_id on cases stands guard all the same).
    inbound = session.scalar(select(InboundMessage).where(InboundMessage.id == inbound_id).with_for_update())
    if inbound is None:
        raise CaseworkRefused(f"no message {inbound_id}; `intake messages without-case` lists them")
    if inbound.state == "stored":
        raise CaseworkRefused(f"message {inbound_id} has not been processed yet: the next poll takes it")
    existing = _case_of(session, inbound_id)
    if existing is not None:
        raise CaseworkRefused(f"message {inbound_id} already belongs to case {existing}")
    parsed = _read(inbound, settings)
    complaint = category == "complaint"
    screened = screen_message(_safeguarding_screen(), parsed)
    flagged = safeguarding or bool(screened)
    case = log_new_case(
        session, received_at=inbound.received_at, tz=settings.tz, inbound_id=inbound.id,
        channel=parsed.channel, category=category, category_confidence=1.0, category_model="by_hand",
        category_review=False, subject=parsed.subject[:500], complainant_name=parsed.sender_name,
        complainant_email=parsed.reply_to or parsed.sender, complainant_address=parsed.postal_address,
        flags=["safeguarding"] if flagged else [],
        eligibility_decision="needs_review" if complaint else "n/a", eligibility_reasons=[],
        hits=[hit.to_json() for hit in screened],
        acknowledgement="held")
    record_event(session, case, at, by.strip(), "case_made_by_hand", inbound_id=inbound.id, category=category,
                 previous_state=inbound.state, reason=inbound.outcome[:300], flags=case.flags,
                 eligibility="a person decides" if complaint else "n/a")
    plan_received(session, case, inbound.received_at.astimezone(settings.tz).date(), complaint=complaint,
                  calendar=calendar, limits=limits, at=at, actor=by.strip())
    record_event(session, case, at, by.strip(), "acknowledgement_held", reasons=[HELD_BY_HAND])
    if flagged:
        queue_safeguarding_alert(session, settings, case, [hit.evidence for hit in screened], at, actor=by.strip())
    record = session.scalar(select(QuarantineRecord).where(QuarantineRecord.inbound_id == inbound.id))
    if record is not None and record.resolved_at is None:
        record.resolved_at, record.resolved_by = at, by.strip()
    # As the runner leaves a message that opened a case: processed, with the case reference.
    inbound.state, inbound.outcome = "processed", case.reference
    return case


@functools.cache
def _safeguarding_screen() -> Classifier:
    """Loaded once a process, when the first case is made by hand."""
    screen: Classifier = registry.create(registry.DEFAULTS["safeguarding"])
    return screen


def _case_of(session: Session, inbound_id: int) -> str | None:
    """The reference of the case the message opened or joined, or None."""
    return (session.scalar(select(Case.reference).where(Case.inbound_id == inbound_id))
            or session.scalar(select(Case.reference).join(CaseMessage, CaseMessage.case_id == Case.id)
                              .where(CaseMessage.inbound_id == inbound_id)))


def _read(inbound: InboundMessage, settings: Settings) -> ParsedMessage:
    """Read it as the parse stage does; if it cannot be read, what its headers say (else nothing).

    The channel is the inbound message's, except that an email carrying only a scanned
    letter is read as that letter (channel "letter"), as the pipeline reads it.
    """
    try:
        if inbound.channel == "letter":
            return letter_message(inbound.raw, settings)
        parsed = parse_message(inbound.raw, settings.mailbox_options.max_attachment_bytes)
        return scanned_letter_in_email(inbound.raw, parsed, settings)
    except Exception as exc:  # noqa: BLE001 - why it was quarantined, perhaps: the case is made all the same
        log.info("manual_case_unreadable inbound_id=%s error=%s", inbound.id, type(exc).__name__)
    if inbound.channel != "email":
        return ParsedMessage(channel=inbound.channel)
    subject, sender = headers(inbound.raw[:HEAD_BYTES])
    name, address = parseaddr(sender)
    return ParsedMessage(sender=address.lower() if "@" in address else "", sender_name=name, subject=subject,
                         channel=inbound.channel)
