"""Eligibility under the statutory children's complaints procedure: one rule per reason code.

Each rule answers one question and returns a Hit with the sentence that
triggered it. The decision follows product.md: codes that close the door make
`ineligible`; codes a person must weigh make `needs_review`; none, `eligible`.
No rejection is ever sent on this decision alone: a person confirms it.
"""

from __future__ import annotations

from typing import Callable

from intake.eligibility import court_decision, not_childrens_social_care, other_organisation
from intake.item import Decision, Eligibility, Hit

Rule = Callable[[str], "Hit | None"]

RULES: tuple[Rule, ...] = (court_decision.check, other_organisation.check,
                           not_childrens_social_care.check)

CLOSING = frozenset({"time_limit", "court_decision", "other_organisation", "already_completed",
                     "not_childrens_social_care"})
REVIEW = frozenset({"time_limit_good_reason", "consent_required", "standing_unclear"})


def decide(text: str, rules: tuple[Rule, ...] = RULES) -> Eligibility:
    hits = [hit for rule in rules if (hit := rule(text)) is not None]
    codes = {h.code for h in hits}
    if codes & CLOSING:
        decision = Decision.ineligible
    elif codes & REVIEW:
        decision = Decision.needs_review
    else:
        decision = Decision.eligible
    return Eligibility(decision, hits)
