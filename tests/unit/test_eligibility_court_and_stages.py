"""Court decisions and completed stages in forms the fifth round added (made-up sentences, none from a labelled
set): what a court *found* ("the judge found that ...", "findings of fact"), challenged by a denial ("I did
not."), a side not heard, a wish to have it corrected or the decision reviewed; and a complaint after Stage 3
"about the same issues", which is no new matter. Near-misses stay in: a court's finding the council is not
acting on, a social worker's report to the court, a new matter after Stage 3.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from intake.eligibility import decide

LONDON = ZoneInfo("Europe/London")


def decided(text: str, received: str = "2026-06-01") -> tuple[str, set[str]]:
    day = dt.datetime.combine(dt.date.fromisoformat(received), dt.time(12), LONDON)
    result = decide(text, day)
    return result.decision.value, {h.code for h in result.reasons}


@pytest.mark.parametrize("text", [
    ("At the final hearing in April the judge found that I had left the children alone overnight. I did not. "
     "I want that finding taken off the record."),
    ("The magistrates concluded that my partner was a risk to the baby. That is not true and I want it corrected."),
    ("Our client, Mrs Okafor, is unhappy with the supervision order made on her sons last month and says the court "
     "never heard her side. She asks the council to review the decision."),
])
def test_a_court_s_finding_challenged_in_other_words_is_a_court_decision(text: str) -> None:
    assert decided(text) == ("ineligible", {"court_decision"})


@pytest.mark.parametrize("text", [
    # the council not acting on what the court found
    ("The judge found in March that my daughter should see her brother every month. The social worker has not "
     "arranged a single visit since."),
    # the social worker's report to the court is the council's work
    "The social worker's report to the court said I did not attend meetings. I did. I want to complain about her report.",
    # unhappy with what the council does under an order, not with the order
    ("The court made a special guardianship order last year and I am unhappy with the support plan the council "
     "wrote."),
    # "her side" of a family is no side unheard
    "The court placed my grandson with her side of the family in 2025 and the social worker has not visited since.",
])
def test_the_council_s_own_acts_around_a_court_stay_in(text: str) -> None:
    assert decided(text)[0] != "ineligible"  # the text model may ask a person; the rules never turn it away


@pytest.mark.parametrize("text", [
    ("The review panel met in January and the council's final letter came in March. I'm sending a new complaint "
     "about the same two issues because nothing has changed."),
    ("After the Stage 3 panel I got the Director's response. I want to raise a new complaint on exactly the same "
     "points as before."),
])
def test_a_new_complaint_on_the_same_matters_after_stage_3_is_already_completed(text: str) -> None:
    assert decided(text) == ("ineligible", {"already_completed"})


def test_a_new_matter_after_stage_3_stays_in() -> None:
    text = ("My last complaint went to a Stage 3 panel in 2025. This is a new complaint about a different issue: "
            "the social worker has stopped my son's contact with his grandmother this month.")
    decision, codes = decided(text)
    assert decision != "ineligible" and "already_completed" not in codes
