"""Phrasings the first tuning set did not use: each general rule, with the sentence recorded."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from intake.eligibility import decide
from intake.eligibility.learned import RULES_ONLY

LONDON = ZoneInfo("Europe/London")


def decided(text: str, received: str = "2026-06-01", *, rules_only: bool = False) -> tuple[str, dict[str, str]]:
    day = dt.datetime.combine(dt.date.fromisoformat(received), dt.time(12), LONDON)
    result = decide(text, day, model=RULES_ONLY if rules_only else None)
    return result.decision.value, {h.code: h.evidence for h in result.reasons}


@pytest.mark.parametrize(("text", "code", "evidence"), [
    ("Family court took my baby off me in May. its not right and i want her back",
     "court_decision", "Family court took my baby off me in May."),
    ("The Ombudsman has already looked at this and found partly in my favour.",
     "already_completed", "The Ombudsman has already looked at this and found partly in my favour."),
    ("The Stage 3 panel met in February. Nothing has changed about my son's contact.",
     "already_completed", "The Stage 3 panel met in February."),
    ("I'd like to complain about Riverside Housing Association. They have left us in a flat with no heating.",
     "other_organisation", "I'd like to complain about Riverside Housing Association."),
    ("The youth offending team worker keeps changing my son's appointments.",
     "not_childrens_social_care", "The youth offending team worker keeps changing my son's appointments."),
    ("The EHCP team are now 30 weeks late finalising my daughter's plan.",
     "not_childrens_social_care", "The EHCP team are now 30 weeks late finalising my daughter's plan."),
    ("I'm Tyler's football coach. The social worker keeps pulling him out of training.",
     "standing_unclear", "I'm Tyler's football coach."),
    ("I'm the kids' stepdad. I don't have PR but the social worker has banned me from meetings.",
     "standing_unclear", "I'm the kids' stepdad."),
    ("I'm the youth worker at the project Shania attends. She's 15. Her social worker never visits.",
     "consent_required", "I'm the youth worker at the project Shania attends."),
])
def test_other_voices_give_the_code_and_its_sentence(text: str, code: str, evidence: str) -> None:
    assert decided(text)[1].get(code) == evidence


@pytest.mark.parametrize(("text", "received", "evidence"), [
    (("I was pregnant and very poorly, so I couldn't deal with this earlier. In January 2025 the social worker "
      "told my ex where I was living."), "2026-05-15",
     "I was pregnant and very poorly, so I couldn't deal with this earlier."),
    ("Sorry this is so late. The fostering team never paid the holiday allowance for summer 2023.", "2025-07-29",
     "Sorry this is so late."),
])
def test_a_reason_for_the_delay_in_other_words_goes_to_a_person(text: str, received: str, evidence: str) -> None:
    decision, found = decided(text, received)
    assert decision == "needs_review" and found == {"time_limit_good_reason": evidence}


@pytest.mark.parametrize("text", [
    # a referral reported, then the social worker complained about: not the school's complaint
    "The school rang social services about a bruise and now the social worker won't tell me what is in the referral.",
    "I have told the social worker about the school, but she says she can't do anything and she has not come.",
    # consent in other words, or shown by an attached form
    "His signed form is attached. I'm Aaron's advocate and he wants to complain that the children's home took his phone.",
    "I am Kira's aunt. She is 14 and she has asked me to write to you because her social worker keeps cancelling.",
    # parental responsibility outweighs "step-dad"
    "I'm the step-dad but I have parental responsibility. The social worker still won't send me the minutes.",
    # asking for a panel, and the Ombudsman sending the writer here first
    "Could you tell me how to take this to the independent review panel? The investigator didn't interview me.",
    "The Ombudsman told me I need to go through your complaints process first. My social worker never visits.",
    # a fostering panel is part of the service, not the complaints panel
    "The fostering panel said no last month and the social worker never explained why.",
    # the matter goes on
    "My child protection plan ended in 2024, but the social worker is still turning up at my house unannounced.",
])
def test_near_misses_stay_eligible(text: str) -> None:
    """The rules keep them eligible; with the text model one may go to a person, never be turned away."""
    assert decided(text, "2026-11-03", rules_only=True) == ("eligible", {})
    assert decided(text, "2026-11-03")[0] != "ineligible"
