"""For complaints: eligible, ineligible or needs_review, each reason with its sentence.

The rules read the newest part of the message and the date it was received (the time
limit counts from `received_at`, never the sender's own Date header). A consent form
attached to the message counts as consent shown. The shipped text model adds what the
phrase lists miss (intake.eligibility.combining): never a decision of `ineligible` alone.
"""

from __future__ import annotations

from intake.eligibility import decide
from intake.eligibility.rules import load_rules
from intake.item import Category, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


@stage
def check_eligibility(item: IntakeItem, ctx: Context) -> None:
    if item.category is not Category.complaint or item.parsed is None:
        return
    rules = load_rules(ctx.settings.eligibility_rules_file)
    item.eligibility = decide(item.parsed.newest_text, item.received_at, rules,
                              attachment_names=tuple(a.filename for a in item.parsed.attachments))
    item.hits.extend(item.eligibility.reasons)


STAGE = check_eligibility
