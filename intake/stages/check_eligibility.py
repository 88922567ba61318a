"""For complaints: eligible, ineligible or needs_review, each reason with its sentence."""

from __future__ import annotations

from intake.eligibility import decide
from intake.item import Category, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


@stage
def check_eligibility(item: IntakeItem, ctx: Context) -> None:
    if item.category is not Category.complaint or item.parsed is None:
        return
    item.eligibility = decide(item.parsed.newest_text)
    item.hits.extend(item.eligibility.reasons)


STAGE = check_eligibility
