"""Rules and the learned text model together: which codes a complaint gets, and the decision.

- A closing code the rules find (court_decision, other_organisation, not_childrens_social_care,
  already_completed, time_limit) closes the door: `ineligible`. The rules are precise.
- A closing code only the model finds is reported with the sentence it reads it in, but it
  makes the decision `needs_review`, never `ineligible`: wrongly turning an eligible complaint
  away is the costly error, so where the model and the rules disagree a person decides.
- A review code (consent_required, standing_unclear) from either source: `needs_review`; but
  not the model's when the rules read the writer as a parent or carer, who may complain in their
  own right ("I'm the step-dad but I have parental responsibility"), nor its consent_required
  when the rules read a representative and checked consent (in words or an attached form).
- `time_limit` is the date rules' alone; a reason for the delay read by the model turns it into
  `time_limit_good_reason` (a person decides), as a reason the rules find does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from intake.item import Decision, Hit

STAGE = "check_eligibility"
CLOSING = ("court_decision", "other_organisation", "not_childrens_social_care", "already_completed",
           "time_limit")
REVIEW = ("time_limit_good_reason", "consent_required", "standing_unclear")
STANDING = ("consent_required", "standing_unclear")
OWN_RIGHT = ("parent", "foster_carer", "special_guardian", "adopter", "kinship_carer")
FROM_THE_MODEL = {
    "court_decision": "The text reads as a complaint about a court's decision",
    "other_organisation": "The text reads as a complaint about another organisation",
    "not_childrens_social_care": "The text reads as a complaint about another council service",
    "already_completed": "The text reads as a matter already taken through all three stages",
    "consent_required": "The text reads as made on behalf of a young person whose consent is not shown",
    "standing_unclear": "The text reads as written by someone who may not be able to complain",
}


def combine(rule_hits: Sequence[Hit], signals: Mapping[str, str], version: str,
            role: str = "") -> tuple[Decision, list[Hit]]:
    """The decision and every reason: the rules' hits, then what only the model found.

    `signals` maps a model label (a code, or "delay_reason") to the sentence it is read in;
    `role` is who the rules read the writer as (intake.eligibility.standing.role).
    """
    if role in OWN_RIGHT:
        signals = {label: sentence for label, sentence in signals.items() if label not in STANDING}
    elif role == "representative":
        signals = {label: sentence for label, sentence in signals.items() if label != "consent_required"}
    hits = [_with_reason(h, signals, version) if h.code == "time_limit" and "delay_reason" in signals else h
            for h in rule_hits]
    codes = {h.code for h in hits}
    hits += [Hit(STAGE, code, f"{FROM_THE_MODEL[code]} (text model {version}); the rules did not find it, "
                 "so a person decides.", sentence)
             for code, sentence in signals.items() if code in FROM_THE_MODEL and code not in codes]
    closing_by_rules = {h.code for h in hits if h.code in CLOSING and h.code in codes}
    if closing_by_rules:
        return Decision.ineligible, hits
    if hits:
        return Decision.needs_review, hits
    return Decision.eligible, hits


def _with_reason(hit: Hit, signals: Mapping[str, str], version: str) -> Hit:
    explanation = hit.sentence.replace(" No reason for the delay is given.", "")
    return Hit(hit.stage, "time_limit_good_reason", f"{explanation} The text model ({version}) reads a reason "
               "for the delay: a person decides whether to accept it.", signals["delay_reason"])
