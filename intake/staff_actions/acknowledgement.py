"""A person releases an acknowledgement the pipeline held, after looking at the case.

The acknowledge stage holds it when a person must look first (safeguarding, a category
to review, an ineligible decision, no address, go-live, the daily cap). Until now a held
acknowledgement had no way out: a case changed from ineligible to eligible, say, stayed
unacknowledged. Released here, it goes through intake.replies.send_to_complainant with the
same dedupe key as the automatic one (`acknowledgement:REFERENCE`), so it is queued once
however often the button is pressed, and it is not marked Auto-Submitted: a person sent it.
An ineligible case gets the ineligible reply instead (`intake cases decide`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from intake.acknowledgements import SUBJECTS, acknowledgement_context, kind_for, subject_for
from intake.case_log import record_event
from intake.casework import CaseworkRefused
from intake.config import Settings
from intake.db.models import Case
from intake.rendering import render
from intake.replies import Queued, channel_for, original_message_id, send_to_complainant

RELEASABLE = ("held", "pending")


@dataclass(frozen=True)
class Preview:
    """What the writer would receive, and why it cannot be sent yet (empty: it can)."""

    channel: str           # "email" or "letter"
    template: str          # e.g. email/acknowledgement/complaint
    subject: str
    text: str
    html: str              # "" for a letter (printed from the text)
    refusals: tuple[str, ...]


def stage1_due(case: Case) -> dt.date | None:
    """The Stage 1 response due date from the case's deadlines (as extended, if it was)."""
    return next((d.due_date for d in case.deadlines if d.deadline == "stage1_response"), None)


def refusals(case: Case) -> list[str]:
    """Every reason the acknowledgement cannot be released now, as sentences; empty when it can."""
    found = []
    if case.acknowledgement not in RELEASABLE:
        found.append(f"{case.reference}: the acknowledgement is already {case.acknowledgement}")
    if case.category not in SUBJECTS:
        found.append(f"{case.reference} is {case.category}: only a complaint, compliment or suggestion "
                     "is acknowledged")
    if case.status == "merged":
        found.append(f"{case.reference} was merged into another case: that case is acknowledged")
    if case.eligibility_decision == "ineligible":
        found.append(f"{case.reference} is ineligible: it gets the ineligible reply instead "
                     "(`intake cases decide`), or change the decision first")
    if channel_for(case) is None:
        found.append(f"{case.reference} has no email or postal address to send it to")
    if case.category == "complaint" and stage1_due(case) is None:
        found.append(f"{case.reference} has no Stage 1 due date to give the writer")
    return found


def preview_acknowledgement(session: Session, settings: Settings, case: Case) -> Preview:
    """Render what would be sent, for a person to read first; refused only when nothing can be rendered."""
    problems = refusals(case)
    channel = channel_for(case)
    if channel is None or case.category not in SUBJECTS or (case.category == "complaint"
                                                               and stage1_due(case) is None):
        raise CaseworkRefused("; ".join(problems))
    kind = kind_for(case)
    context = acknowledgement_context(case, settings, stage1_due(case))
    if channel == "email":
        text = render(f"email/{kind}.txt.j2", **context)
        html = render(f"email/{kind}.html.j2", **context)
    else:
        text, html = render(f"letter/{kind}.txt.j2", **context), ""
    return Preview(channel, f"{channel}/{kind}", subject_for(case), text, html, tuple(problems))


def send_acknowledgement(session: Session, settings: Settings, case: Case, *, by: str,
                         at: dt.datetime) -> Queued:
    """Queue the held acknowledgement once (email, or a letter to print) and record who released it."""
    problems = refusals(case)
    if not by.strip():
        problems.append("the name of the person sending it is required")
    if problems:
        raise CaseworkRefused("; ".join(problems))
    session.flush()  # the dedupe reads without autoflush: let it see rows this transaction added
    queued = send_to_complainant(
        session, settings, case, purpose="acknowledgement", template=kind_for(case),
        context=acknowledgement_context(case, settings, stage1_due(case)), subject=subject_for(case),
        now=at, in_reply_to=original_message_id(session, case), actor=by.strip(), auto_submitted=False)
    assert queued is not None  # refusals() refuses a case with no address
    if not queued.new:
        where = "outbox" if queued.channel == "email" else "print queue"
        raise CaseworkRefused(f"{case.reference}: an acknowledgement is already in the {where}")
    previous, case.acknowledgement = case.acknowledgement, "queued"
    record_event(session, case, at, by.strip(), "acknowledgement_released", previous=previous,
                 channel=queued.channel, template=queued.template, **queued.detail)
    return queued
