"""Who and what the complaint is about, in forms the tenth round added (made-up sentences, none from a
labelled set).

- a challenge to a court's order the writer says they are not making ("I'm not asking to overturn the order");
- a matter said to be "new and unrelated" beside an earlier complaint that went to the review panel;
- children's social care praised in a clause of its own beside another body declared the subject, and "I want
  X to answer for it" as a declaration;
- a step-parent without parental responsibility whose stepchildren live with them part of the week; a
  social worker's "said I could" is no consent; neighbours of a foster home, great-grandparents; a young
  person "too angry to write himself" is represented.
"""

from __future__ import annotations

import pytest

from tests.helpers import decided

RECEIVED = "2026-03-20"


@pytest.mark.parametrize(("text", "expected"), [
    # a challenge disowned: the council's failure is the complaint
    ("I'm their mum. The family court made a supervision order in January. I'm not asking to overturn the order. "
     "I'm complaining that the council never set up the parenting support it promised.", ("eligible", set())),
    # near-miss: the challenge made
    ("I'm their mum. The family court made a supervision order in January and I want the order overturned.",
     ("ineligible", {"court_decision"})),
    ("I'm their dad. The judge made a care order on 2 February. The hearing was rushed and I don't accept it.",
     ("ineligible", {"court_decision"})),
])
def test_court_challenges(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, RECEIVED) == expected


def test_a_new_and_unrelated_matter_is_a_new_complaint() -> None:
    text = ("My complaint about respite went to the review panel last year. This is a new and unrelated complaint: "
            "on 2 March my supervising social worker cancelled our respite weekend without telling us.")
    assert decided(text, RECEIVED) == ("eligible", set())


def test_the_same_matter_after_the_panel_is_completed() -> None:
    text = ("My complaint about respite went through all three stages and the review panel met last year. "
            "I want it all looked at again.")
    assert decided(text, RECEIVED) == ("ineligible", {"already_completed"})


def test_social_care_praised_beside_a_body_declared() -> None:
    text = ("I'm complaining about the health visitor. She wrote in my baby's red book that I was not coping "
            "and never spoke to me. The social worker who visited did everything right. "
            "I want the health visitor to answer for what she wrote.")
    assert decided(text, RECEIVED) == ("ineligible", {"other_organisation"})


def test_answer_for_it_names_the_social_worker_too() -> None:  # near-miss: the body praised, ours declared
    text = ("I want the social worker to answer for what she wrote in the assessment about my drinking. "
            "The health visitor was lovely.")
    assert decided(text, RECEIVED) == ("eligible", set())


@pytest.mark.parametrize(("text", "expected"), [
    ("I'm the children's stepdad. I don't have parental responsibility but they live with us every other week. "
     "Their social worker won't return my calls.", ("needs_review", {"standing_unclear"})),
    ("I'm the children's stepdad and I have parental responsibility. They live with us. "
     "Their social worker won't return my calls.", ("eligible", set())),
    ("I'm the boys' uncle. Their social worker said I could take them to football on Saturdays, then stopped it "
     "last week with no reason.", ("needs_review", {"standing_unclear"})),
    ("We live next to one of your foster homes, and the social worker parks across our drive every week.",
     ("needs_review", {"standing_unclear"})),
    ("I'm writing about my great-granddaughter. Her social worker cancelled the family meeting last week and "
     "told me I wasn't welcome.", ("needs_review", {"standing_unclear"})),
    ("I'm Noah's older brother. Noah is 15 and his social worker moved him last week without any warning. "
     "He is too angry to write himself.", ("needs_review", {"consent_required"})),
    ("I'm Kai's advocate. Kai (15) has asked me to write about his social worker cancelling visits last month.",
     ("eligible", set())),
])
def test_standing(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, RECEIVED) == expected


def test_the_ombudsmans_decision_came_is_completed() -> None:
    text = ("The Ombudsman's final decision on my complaint about my son's care plan came in February. "
            "I want the council to look at it all over again.")
    assert decided(text, RECEIVED) == ("ineligible", {"already_completed"})


def test_waiting_for_the_ombudsman_is_not_completed() -> None:  # near-miss: nothing has come yet
    text = ("I'm his mum. The social worker cancelled his review last week. "
            "I may go to the Ombudsman if this isn't sorted.")
    assert decided(text, RECEIVED) == ("eligible", set())


def test_the_writers_own_operation_is_no_complaint_about_the_nhs() -> None:
    text = ("I'm sorry this is late, I had an operation and a long stay on a surgical ward. In January 2025 the "
            "social worker stopped my daughter's respite without telling me.")
    assert decided(text, RECEIVED) == ("needs_review", {"time_limit_good_reason"})


def test_a_gp_surgery_is_a_place_not_a_reason_for_delay() -> None:
    text = ("I'm his foster carer. In January 2025 the GP surgery refused to register my foster son without "
            "his birth mother's say, which is ridiculous.")
    decision, codes = decided(text, RECEIVED)
    assert "time_limit_good_reason" not in codes
