"""A reply to an existing case joins that case instead of starting a new one."""

from __future__ import annotations

import re

from sqlalchemy import select

from intake.db.models import Case, CaseEvent, CaseMessage, OutboxMessage
from intake.errors import Hold
from intake.item import Flag, Hit, IntakeItem
from intake.pipeline import Context
from intake.stages import stage

REFERENCE = re.compile(r"\bCSC-(\d{4})-(\d{4,6})\b", re.I)
ESCALATION = re.compile(
    r"\b(stage (2|two|3|three)|escalate|independent (investigation|review)|review panel|"
    r"not (satisfied|happy) with (the|your) (response|outcome|reply|answer))\b", re.I)


@stage
def thread(item: IntakeItem, ctx: Context) -> None:
    parsed = item.parsed
    assert parsed is not None
    match = REFERENCE.search(parsed.subject) or REFERENCE.search(parsed.newest_text)
    reference = f"CSC-{match.group(1)}-{match.group(2)}" if match else None
    case = _find_case(ctx, reference, parsed.in_reply_to)
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
    if ctx.session is None:
        return None
    if reference:
        case = ctx.session.scalar(select(Case).where(Case.reference == reference.upper()))
        if case is not None:
            return case
    if in_reply_to:
        return ctx.session.scalar(
            select(Case).join(OutboxMessage, OutboxMessage.case_id == Case.id)
            .where(OutboxMessage.message_id.in_(in_reply_to)).limit(1))
    return None


def _attach(item: IntakeItem, ctx: Context, case: Case) -> None:
    assert ctx.session is not None and item.inbound_id is not None
    role = "escalation_request" if Flag.escalation_request in item.flags else "reply"
    ctx.session.add(CaseMessage(case_id=case.id, inbound_id=item.inbound_id, role=role))
    ctx.session.add(CaseEvent(case_id=case.id, at=ctx.clock(), actor="system",
                              action="message_added",
                              detail={"inbound_id": item.inbound_id, "role": role,
                                      "flags": sorted(f.value for f in item.flags)}))
    item.case_id = case.id


STAGE = thread
