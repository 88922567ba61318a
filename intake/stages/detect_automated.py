"""Automated mail (auto-replies, bounces, lists, spam) is kept and never answered."""

from __future__ import annotations

from classifiers.automated import MessageFacts, automated_reasons
from intake.errors import NoReply
from intake.item import Category, Flag, Hit, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


@stage
def detect_automated(item: IntakeItem, ctx: Context) -> None:
    parsed = item.parsed
    assert parsed is not None
    facts = MessageFacts(headers=parsed.headers, content_types=parsed.content_types,
                         subject=parsed.subject, sender=parsed.sender, body=parsed.newest_text)
    reasons = automated_reasons(facts)
    if parsed.sender and parsed.sender == ctx.settings.from_address.lower():
        reasons.append(("own_address", "The message came from our own sending address."))
    if not reasons:
        return
    for code, sentence in reasons:
        item.flag(Flag.automated, Hit("detect_automated", code, sentence))
    item.category = Category.out_of_scope
    raise NoReply(reasons[0][1])


STAGE = detect_automated
