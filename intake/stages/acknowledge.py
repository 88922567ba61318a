"""Queue the acknowledgement, or hold it for a person and say why.

It waits for a person when the category needs review, the case carries a
safeguarding flag (the duty manager is alerted at once instead), the reply would
be a rejection, there is neither an email nor a postal address, or the email
address already had its share of automatic replies today. A writer with a postal
address and no email address gets a printed letter (intake.letters) instead.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from intake.acknowledgements import acknowledgement_context, kind_for, subject_for
from intake.case_log import record_event
from intake.db.models import Case, OutboxMessage
from intake.item import NOT_ENGLISH, Flag, IntakeItem
from intake.pipeline import Context
from intake.replies import channel_for, send_to_complainant
from intake.safeguarding_alert import queue_safeguarding_alert
from intake.stages import stage


REPLIES_TODAY = "replies_today"


@stage
def acknowledge(item: IntakeItem, ctx: Context) -> None:
    session = ctx.session
    assert session is not None and item.case is not None and item.parsed is not None
    case: Case = item.case
    now = ctx.clock()
    if Flag.safeguarding in item.flags:
        queue_safeguarding_alert(session, ctx.settings, case,
                                 [h.evidence for h in item.evidence_for("safeguarding")], now)
    reasons = _reasons_to_hold(item, ctx, case, now)
    if reasons:
        case.acknowledgement = "held"
        record_event(session, case, now, "system", "acknowledgement_held", reasons=reasons)
        return
    queued = send_to_complainant(
        session, ctx.settings, case, purpose="acknowledgement", template=kind_for(case),
        context=acknowledgement_context(case, ctx.settings, item.due_dates.get("stage1_response")),
        subject=subject_for(case), now=now, in_reply_to=item.parsed.message_id,
        auto_submitted=True, new_case=True)
    assert queued is not None  # _reasons_to_hold holds a case with no address at all
    case.acknowledgement = "queued"
    if queued.channel == "email":
        session.info[REPLIES_TODAY][case.complainant_email] += 1
    record_event(session, case, now, "system", "acknowledgement_queued",
                 channel=queued.channel, template=queued.template, **queued.detail)


def _reasons_to_hold(item: IntakeItem, ctx: Context, case: Case, now: dt.datetime) -> list[str]:
    reasons = []
    cutoff = ctx.settings.mailbox_options.go_live_cutoff
    if cutoff and item.received_at.astimezone(ctx.settings.tz).date() < cutoff:
        reasons.append(f"received before go-live ({cutoff.isoformat()}): a person decides whether to reply")
    if Flag.safeguarding in item.flags:
        reasons.append("safeguarding: a person must look before any reply")
    if item.evidence_for(NOT_ENGLISH):
        reasons.append("mostly not in English: a person must read it, with an interpreter if need be")
    if case.category_review:
        reasons.append("the category needs a person's review")
    if case.eligibility_decision == "ineligible":
        reasons.append("the reply would turn the complaint away: a person must confirm")
    channel = channel_for(case)
    if channel is None:
        reasons.append("no email or postal address: a person must find a way to reply")
    elif channel == "email" and (_replies_today(ctx, case.complainant_email, now)
                                 >= ctx.settings.max_auto_replies_per_address_per_day):
        reasons.append("this address has had its automatic replies for today")
    return reasons


def _replies_today(ctx: Context, address: str, now: dt.datetime) -> int:
    """Automatic acknowledgements to this address in the last 24 hours, this batch included.

    Counted for every address in one query per transaction, then kept up to date
    as this transaction queues more.
    """
    assert ctx.session is not None
    counts: Counter[str] | None = ctx.session.info.get(REPLIES_TODAY)
    if counts is None:
        with ctx.session.no_autoflush:
            rows = ctx.session.execute(
                select(OutboxMessage.to_address, func.count(OutboxMessage.id)).where(
                    OutboxMessage.auto_submitted.is_(True), OutboxMessage.purpose == "acknowledgement",
                    OutboxMessage.created_at >= now - dt.timedelta(days=1))
                .group_by(OutboxMessage.to_address)).all()
        counts = ctx.session.info[REPLIES_TODAY] = Counter({to: n for to, n in rows})
    return counts[address]


STAGE = acknowledge
