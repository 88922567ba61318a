"""A reply to an existing case joins that case instead of starting a new one."""

from __future__ import annotations

import datetime as dt
import re
from contextlib import AbstractContextManager, nullcontext
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.db.models import Case, CaseMessage, Deadline, OutboxMessage
from intake.errors import Hold
from intake.item import Flag, Hit, IntakeItem
from intake.outbox.compose import queue_email
from intake.pipeline import Context
from intake.rendering import render
from intake.staff_actions.merge import surviving_case
from intake.stages import stage
from intake.timetable import Event, due_dates

REFERENCE = re.compile(r"\bCSC-(\d{4})-(\d{4,6})\b", re.I)
ESCALATION = re.compile(
    r"\b(stage (2|two|3|three)|escalate|independent (investigation|review)|review panel|"
    r"not (satisfied|happy) with (the|your) (response|outcome|reply|answer))\b", re.I)
STAGE3 = re.compile(r"\b(stage (3|three)|review panel)\b", re.I)
# Which clock a request starts, by the stage the case is at.
ESCALATION_CLOCKS = {2: (Event.stage2_requested, "stage2_response", "the Stage 2 response"),
                     3: (Event.stage3_requested, "stage3_panel", "the Stage 3 review panel")}


@stage
def thread(item: IntakeItem, ctx: Context) -> None:
    parsed = item.parsed
    assert parsed is not None
    match = REFERENCE.search(parsed.subject) or REFERENCE.search(parsed.newest_text)
    reference = f"CSC-{match.group(1)}-{match.group(2)}" if match else None
    case = _find_case(ctx, reference, parsed.in_reply_to)
    if case is not None and ctx.session is not None:
        case = surviving_case(ctx.session, case)  # a reply to a merged duplicate joins the case kept
    if case is None and (ctx.session is not None or reference is None):
        return
    item.case_reference = case.reference if case else reference
    how = "the case reference" if reference else "a reply to our message"
    item.flag(Flag.reply_to_case, Hit("thread", "reply_to_case",
                                      f"The message refers to case {item.case_reference} ({how})."))
    escalation = ESCALATION.search(parsed.newest_text)
    if escalation:
        item.flag(Flag.escalation_request, Hit("thread", "escalation_request",
                                               "The writer asks to take the complaint further.",
                                               escalation.group(0)))
    if case is None or ctx.session is None:
        return
    _attach(item, ctx, case)
    item.outcome = "reply_to_case"
    raise Hold(f"added to case {case.reference}")


def _find_case(ctx: Context, reference: str | None, in_reply_to: tuple[str, ...]) -> Case | None:
    session = ctx.session
    if session is None:
        return None
    if reference:
        wanted = reference.upper()
        with _flush_if_pending(session, lambda row: isinstance(row, Case) and row.reference == wanted):
            case = session.scalar(select(Case).where(Case.reference == wanted))
        if case is not None:
            return case
    # Our Message-IDs end in our own domain: only those can point at a message we sent.
    ours = [m for m in in_reply_to if m.lower().endswith(f"@{ctx.settings.own_domain}>")]
    if ours:
        with _flush_if_pending(session, lambda row: isinstance(row, OutboxMessage) and row.message_id in ours):
            return session.scalar(
                select(Case).join(OutboxMessage, OutboxMessage.case_id == Case.id)
                .where(OutboxMessage.message_id.in_(ours)).limit(1))
    return None


def _flush_if_pending(session: Session, could_match: Callable[[object], bool]) -> AbstractContextManager[object]:
    """Autoflush only when a row this batch has yet to write could be the one looked up.

    Both lookups match columns a row never changes once made (a case's reference, an
    outbox Message-ID), so only a new row can change their answer. Flushing the batch's
    rows before every reply cost more than the lookup itself; one flush at commit writes
    them together.
    """
    if any(could_match(row) for row in session.new):
        return nullcontext()  # the query autoflushes first, as it always has
    return session.no_autoflush


def _attach(item: IntakeItem, ctx: Context, case: Case) -> None:
    """Add the message to the case, start any Stage 2/3 clock it asks for, tell the officer."""
    session = ctx.session
    assert session is not None and item.inbound_id is not None and item.parsed is not None
    role = "escalation_request" if Flag.escalation_request in item.flags else "reply"
    session.add(CaseMessage(case_id=case.id, inbound_id=item.inbound_id, role=role))
    record_event(session, case, ctx.clock(), "system", "message_added", inbound_id=item.inbound_id,
                 role=role, flags=sorted(f.value for f in item.flags))
    item.case = case
    requested = _requested_stage(item, case)
    due = _start_escalation_clock(item, ctx, case, requested) if requested else None
    context = {"case": {"reference": case.reference}, "council": ctx.settings.council.template_context(),
               "received_at": item.received_at.astimezone(ctx.settings.tz),
               "case_url": ctx.settings.case_url(case.reference),
               "escalation_stage": requested if due else None,
               "deadline_label": ESCALATION_CLOCKS[requested][2] if due and requested else "",
               "due_date": due}
    queue_email(session, ctx.settings, dedupe_key=f"case_message:{item.inbound_id}", purpose="case_message_notice",
                to=ctx.settings.council.team_email, case=case, now=ctx.clock(),
                subject=f"{case.reference}: {'Stage ' + str(requested) + ' requested' if due else 'new message'}",
                body_text=render("notice/officer/case_message.txt.j2", **context), body_html=None)


def _requested_stage(item: IntakeItem, case: Case) -> int | None:
    if Flag.escalation_request not in item.flags or case.status != "open":
        return None
    assert item.parsed is not None
    wants = 3 if STAGE3.search(item.parsed.newest_text) or case.stage >= 2 else 2
    return wants if wants == case.stage + 1 else None


def _start_escalation_clock(item: IntakeItem, ctx: Context, case: Case, requested: int) -> dt.date | None:
    """A request for the next stage starts that stage's statutory clock on the day it arrived."""
    session = ctx.session
    assert session is not None
    event, deadline, _ = ESCALATION_CLOCKS[requested]
    exists = session.scalar(select(Deadline.id).where(Deadline.case_id == case.id, Deadline.deadline == deadline))
    if exists:
        return None
    received_on = item.received_at.astimezone(ctx.settings.tz).date()
    [due] = due_dates(event, received_on, ctx.calendar, ctx.settings.limits)
    session.add(Deadline(case_id=case.id, deadline=due.deadline, event=event.value, event_date=received_on,
                         working_days=due.working_days, due_date=due.due_date,
                         calendar_version=due.calendar_version))
    record_event(session, case, ctx.clock(), "system", "escalation_requested", stage=requested,
                 deadline=due.deadline, due_date=due.due_date.isoformat())
    return due.due_date


STAGE = thread
