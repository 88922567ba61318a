"""Log a case for every complaint, compliment and suggestion (and anything with a safeguarding flag)."""

from __future__ import annotations

from intake.case_log import log_new_case, record_event
from intake.errors import Hold
from intake.item import Category, Flag, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


@stage
def log_case(item: IntakeItem, ctx: Context) -> None:
    session, parsed = ctx.session, item.parsed
    assert session is not None and parsed is not None and item.category is not None
    needs_review = item.confidence < ctx.settings.category_threshold
    if item.category is Category.out_of_scope and not needs_review and Flag.safeguarding not in item.flags:
        item.outcome = "out_of_scope"
        raise Hold("out of scope: kept in the out-of-scope list for staff")
    # written with the rest of the batch at commit; related rows link by object
    case = log_new_case(
        session, received_at=item.received_at, tz=ctx.settings.tz,
        inbound_id=item.inbound_id, channel=parsed.channel, category=item.category.value,
        category_confidence=item.confidence, category_model=item.category_model,
        category_review=needs_review, subject=parsed.subject[:500],
        complainant_name=parsed.sender_name, complainant_email=parsed.reply_to or parsed.sender,
        complainant_address=parsed.postal_address,
        flags=sorted(f.value for f in item.flags),
        eligibility_decision=item.eligibility.decision.value,
        eligibility_reasons=[h.to_json() for h in item.eligibility.reasons],
        hits=[h.to_json() for h in item.hits])
    item.case, item.case_reference = case, case.reference
    record_event(session, case, ctx.clock(), "system", "case_logged",
                 inbound_id=item.inbound_id, category=case.category,
                 confidence=item.confidence, model=item.category_model, flags=case.flags,
                 category_scores=item.category_scores,
                 eligibility=item.eligibility.to_json())


STAGE = log_case
