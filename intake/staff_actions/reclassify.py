"""A person changes a category or flag; a case that becomes a complaint gets a complaint's clocks.

The pipeline planned only an acknowledgement for a compliment, suggestion or
out-of-scope message, and never checked its eligibility. When a person says it
is a complaint after all, its statutory clocks start from when the council
received it (not from today), and the eligibility rules read it now, so the
case is not left without a Stage 1 date or a decision.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.case_log import plan_received, record_event
from intake.config import Settings
from intake.corrections import correct
from intake.db.models import Case, Correction, Deadline, InboundMessage
from intake.eligibility import decide
from intake.eligibility.rules import load_rules
from intake.parsing import parse_message


def reclassify(session: Session, settings: Settings, case: Case, field: str, value: str, *, by: str, reason: str,
               at: dt.datetime, calendar: WorkingCalendar, evidence: str = "") -> Correction | None:
    """Apply the correction (kept for retraining); None when the case already said so."""
    previous = case.category
    correction = correct(session, case, field, value, officer=by, reason=reason, at=at, evidence=evidence)
    if correction is not None and field == "category" and value == "complaint" and previous != "complaint":
        _start_complaint_clocks(session, settings, case, by=by, at=at, calendar=calendar)
        _check_eligibility(session, settings, case, by=by, at=at)
    return correction


def _start_complaint_clocks(session: Session, settings: Settings, case: Case, *, by: str, at: dt.datetime,
                            calendar: WorkingCalendar) -> None:
    already = set(session.scalars(select(Deadline.deadline).where(Deadline.case_id == case.id)))
    plan_received(session, case, case.received_at.astimezone(settings.tz).date(), complaint=True,
                  calendar=calendar, limits=settings.limits, at=at, actor=by, already=already)
    session.flush()
    session.expire(case, ["deadlines"])


def _check_eligibility(session: Session, settings: Settings, case: Case, *, by: str, at: dt.datetime) -> None:
    """The rules' decision on the message as received; a letter's scan is left for a person to read."""
    inbound = session.get(InboundMessage, case.inbound_id) if case.inbound_id else None
    if inbound is None or inbound.channel != "email":
        case.eligibility_decision, case.eligibility_reasons = "needs_review", []
    else:
        parsed = parse_message(inbound.raw, settings.mailbox_options.max_attachment_bytes)
        result = decide(parsed.newest_text, case.received_at, load_rules(settings.eligibility_rules_file),
                        attachment_names=tuple(a.filename for a in parsed.attachments))
        case.eligibility_decision = result.decision.value
        case.eligibility_reasons = [h.to_json() for h in result.reasons]
    record_event(session, case, at, by, "eligibility_checked", decision=case.eligibility_decision,
                 reasons=[r["code"] for r in case.eligibility_reasons])
