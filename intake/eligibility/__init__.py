"""Eligibility under the statutory children's complaints procedure: one rule per reason code.

Each rule answers one question and returns a Hit with the sentence that triggered it.
The decision follows product.md: a code that closes the door makes `ineligible`; a code a
person must weigh makes `needs_review`; none, `eligible`. An `ineligible` decision carries
the signposting the reply should give (from the rules file). No rejection is ever sent on
this decision alone: acknowledge holds it, and an officer confirms or changes it
(intake.eligibility.override, `intake cases decide`).

The phrases are data (intake/eligibility/default_rules.toml, or the council's own file
named by `[eligibility] rules_file`); the rules below are code. A learned text model
(intake.eligibility.learned, shipped in model/) reads what the phrase lists miss; a closing
code only it finds makes the decision `needs_review`, never `ineligible`
(intake.eligibility.combining says how the two combine).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from intake.eligibility import (
    already_completed,
    combining,
    court_decision,
    learned,
    not_childrens_social_care,
    other_organisation,
    standing,
    targets,
    time_limit,
)
from intake.eligibility.matching import Analysis, analyse
from intake.eligibility.rules import EligibilityRules as EligibilityRules
from intake.eligibility.rules import load_rules as load_rules
from intake.item import Decision, Eligibility, Hit

Rule = Callable[[Analysis], "Hit | None"]

RULES: tuple[Rule, ...] = (court_decision.check, other_organisation.check, not_childrens_social_care.check,
                           already_completed.check, time_limit.check, standing.consent_required,
                           standing.standing_unclear)

CLOSING = combining.CLOSING
REVIEW = combining.REVIEW
CODES = CLOSING + REVIEW
LONDON = ZoneInfo("Europe/London")


def decide(text: str, received_at: dt.datetime, rules: EligibilityRules | None = None, *,
           attachment_names: tuple[str, ...] = (), model: learned.TextModel | None = None) -> Eligibility:
    """The decision for one complaint received at `received_at` (its date in Europe/London).

    `model` is the learned text model (the shipped one by default; `learned.RULES_ONLY` for none).
    """
    rules = rules or load_rules()
    model = model or learned.shipped()
    received = received_at.astimezone(LONDON).date() if received_at.tzinfo else received_at.date()
    analysis = analyse(text, received, rules)
    analysis.memo["attachment_names"] = attachment_names
    rule_hits = [hit for rule in RULES if (hit := rule(analysis)) is not None]
    sentences = [analysis.sentence_text(i) for i in range(len(analysis.sentence_bounds))]
    found = learned.signals(model, analysis.text, sentences)
    decision, hits = combining.combine(rule_hits, {label: sentences[i] if sentences else analysis.text[:300]
                                                   for label, i in found.items()}, model.version,
                                       standing.role(analysis))
    codes = {h.code for h in hits} & {h.code for h in rule_hits}  # signposting follows the rules only
    signposting = _signposting(analysis, codes) if decision is Decision.ineligible else []
    return Eligibility(decision, hits, signposting=signposting, standing=standing.role(analysis))


def _signposting(analysis: Analysis, codes: set[str]) -> list[str]:
    """What the reply should tell the writer, for each code that closes the door."""
    rules, found = analysis.rules, targets.of(analysis)
    texts = []
    for code in CLOSING:
        if code not in codes:
            continue
        if code == "other_organisation":
            texts += [rules.group(code, name).signposting for name in sorted({**found.beside_court, **found.bodies})]
        elif code == "not_childrens_social_care":
            texts += [rules.group(code, name).signposting for name in sorted(found.services)]
        else:
            texts.append(rules.signposting[code])
    return list(dict.fromkeys(texts))
