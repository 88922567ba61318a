"""What staff do from the case page: each action reads its form, calls the domain
function that the command line also uses, and says in one sentence what was done.

A refused action raises IntakeError (the page shows the sentence; nothing is saved).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from flask import abort, request
from sqlalchemy import select

from intake import accounts, casework
from intake.db.models import Case
from intake.eligibility.override import record_decision
from intake.errors import IntakeError
from intake.staff_actions import acknowledgement, consent, merge, notes
from intake.staff_actions.reclassify import reclassify
from intake.staff_replies import queue_consent_request, queue_ineligible_reply
from intake.timetable import Event
from intake.web.context import db, services, user


class FormProblem(IntakeError):
    exit_code = 2


def field(name: str, label: str | None = None) -> str:
    value = request.form.get(name, "").strip()
    if not value:
        raise FormProblem(f"{label or name.replace('_', ' ')} is required")
    return value


def _by() -> str:
    return user().username


def change_category_or_flag(case: Case) -> str:
    name, value = field("field"), field("value")
    done = reclassify(db(), services().settings, case, name, value, by=_by(), reason=field("reason"),
                      at=services().now(), calendar=services().calendar, evidence=request.form.get("evidence", ""))
    return (f"{name.replace('_', ' ')} changed to {value}; kept for retraining" if done
            else f"{name.replace('_', ' ')} was already {value}")


def eligibility(case: Case) -> str:
    decision = field("decision")
    codes = tuple(c for c in request.form.getlist("code") if c)
    record_decision(db(), case, decision, officer=_by(), reason=field("reason"), at=services().now(), codes=codes)
    if decision != "ineligible":
        return f"Eligibility recorded: {decision.replace('_', ' ')}"
    if request.form.get("send_reply") != "1":
        return "Eligibility recorded: ineligible. No reply queued: write to the complainant yourself."
    queued = queue_ineligible_reply(db(), services().settings, case, officer=_by(), now=services().now(),
                                    codes=codes)
    if queued is None:
        return "Eligibility recorded: ineligible. There is no email or postal address: find another way to reply."
    where = "the outbox" if queued.channel == "email" else "the print queue"
    return f"Eligibility recorded: ineligible. The reply with signposting is in {where}."


def assign(case: Case) -> str:
    casework.assign(db(), case, field("officer"), by=_by(), at=services().now())
    return f"Assigned to {case.officer}"


def record_consent(case: Case) -> str:
    consent.record_consent(db(), case, by=_by(), at=services().now(), how=field("how", "how consent was given"))
    return "Consent recorded"


def request_consent(case: Case) -> str:
    queued = queue_consent_request(db(), services().settings, case, officer=_by(), now=services().now(),
                                   young_person_name=request.form.get("young_person_name", ""))
    return "Consent request queued" if queued is not None else "No email or postal address to send it to"


def send_acknowledgement(case: Case) -> str:
    acknowledgement.send_acknowledgement(db(), services().settings, case, by=_by(), at=services().now())
    return "Acknowledgement queued"


def extend(case: Case) -> str:
    if not accounts.has_role(user(), "manager"):
        abort(403)
    row = casework.extend(db(), case, field("deadline"), reason=field("reason"), by=_by(), at=services().now(),
                          calendar=services().calendar, limits=services().settings.limits)
    return f"{row.deadline.replace('_', ' ')} extended to {row.due_date:%d %B %Y}"


def record_step(case: Case) -> str:
    try:
        event = Event(field("event"))
        on = dt.date.fromisoformat(field("on", "the date"))
    except ValueError as exc:
        raise FormProblem(str(exc)) from None
    if event not in casework.MEETS:
        raise FormProblem(f"{event.value} is not a step that can be recorded here")
    casework.record_step(db(), case, event, on, by=_by(), at=services().now(), calendar=services().calendar,
                         limits=services().settings.limits)
    return f"Recorded: {event.value.replace('_', ' ')} on {on:%d %B %Y}"


def pause(case: Case) -> str:
    """A local practice (consent or clarification awaited): the clocks stop from today, with a reason."""
    casework.pause(db(), case, services().today(), reason=field("reason"), by=_by(), at=services().now())
    return "Clocks paused: no reminders until they are started again"


def resume(case: Case) -> str:
    days = casework.resume(db(), case, services().today(), by=_by(), at=services().now(),
                           calendar=services().calendar)
    return f"Clocks started again; every open deadline moved by {days} working day{'s' * (days != 1)}"


def close(case: Case) -> str:
    casework.close(db(), case, outcome=field("outcome"), by=_by(), at=services().now())
    return "Case closed"


def add_note(case: Case) -> str:
    notes.add_note(db(), case, field("text", "the note"), by=_by(), at=services().now())
    return "Note added"


def merge_into(case: Case) -> str:
    reference = field("into", "the case to keep")
    into = db().scalar(select(Case).where(Case.reference == reference))
    if into is None:
        raise FormProblem(f"there is no case {reference}")
    merge.merge_duplicate(db(), case, into, by=_by(), at=services().now(), reason=field("reason"))
    return f"Merged into {into.reference}"


ACTIONS: dict[str, Callable[[Case], str]] = {
    "reclassify": change_category_or_flag, "eligibility": eligibility, "assign": assign,
    "record-consent": record_consent, "request-consent": request_consent,
    "send-acknowledgement": send_acknowledgement, "extend": extend, "record-step": record_step,
    "pause": pause, "resume": resume, "close": close, "note": add_note, "merge": merge_into,
}
