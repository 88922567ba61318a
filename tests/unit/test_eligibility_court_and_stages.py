"""Court decisions and completed stages in forms the fifth round added (made-up sentences, none from a labelled
set): what a court *found* ("the judge found that ...", "findings of fact"), challenged by a denial ("I did
not."), a side not heard, a wish to have it corrected or the decision reviewed; and a complaint after Stage 3
"about the same issues", which is no new matter. Near-misses stay in: a court's finding the council is not
acting on, a social worker's report to the court, a new matter after Stage 3.
"""

from __future__ import annotations

import pytest

from tests.helpers import decided


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


# Ninth round (made-up sentences): the panels of other processes, a request to reopen a closed complaint,
# and a court's order challenged as "never given a chance" or "made up his mind".

@pytest.mark.parametrize("text", [
    "My son is on a referral order. On 2 May his social worker told the referral order panel he had missed "
    "school, which was untrue. I am his mum.",
    "The agency's own panel met on 2 May and our social worker gave it the wrong dates. We are foster carers "
    "for the council.",
])
def test_the_panels_of_other_processes_are_not_stage_3(text: str) -> None:
    assert "already_completed" not in decided(text)[1]


@pytest.mark.parametrize("text", [
    "The Ombudsman closed my complaint about my son's care plan last month. I still disagree and I ask for it to "
    "be reopened.",
    "My complaint about the fostering team went through all three stages and the Ombudsman has finished with "
    "it. I am asking for the decision to be reconsidered.",
])
def test_asking_to_reopen_a_closed_complaint_is_already_completed(text: str) -> None:
    assert decided(text) == ("ineligible", {"already_completed"})


def test_asking_to_go_to_the_panel_is_still_a_request() -> None:
    text = "My Stage 2 response came on 2 May and I disagree with it. Please can I ask for a Stage 3 panel?"
    assert "already_completed" not in decided(text)[1]


@pytest.mark.parametrize("text", [
    "In March the judge made a care order for my two boys. I was never given a chance to show I have changed.",
    "The magistrates granted a supervision order last month. The chairman had made up his mind before I spoke.",
])
def test_a_court_order_challenged_in_other_words_is_a_court_decision(text: str) -> None:
    assert decided(text) == ("ineligible", {"court_decision"})
