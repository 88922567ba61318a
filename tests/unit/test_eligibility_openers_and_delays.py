"""What a complaint is about, and why it is late, in forms the twelfth round added (made-up sentences, none
from a labelled set).

- "Her dentist refused ...": a clause opened by a possessive names its own subject; the social worker named
  before is not carried into it (but is still there for a later "she");
- "this is about my council tax", "This email is about the housing team": the subject declared;
- "His social worker knows all about it.": named only as knowing; "he is also a child in need": a status;
- "she told me I had to wait until ...", "too scared to tell anyone": reasons for the delay;
- "while she was still living there", "I used to see him every month": the past, not a matter going on;
- "that order has to be undone", "the SGO is wrong": a court's order challenged.

Each with near-misses.
"""

from __future__ import annotations

import pytest

from tests.helpers import decided


@pytest.mark.parametrize(("text", "expected"), [
    ("My daughter is 10 and has a social worker. Her dentist refused to see her on Monday and I want to "
     "complain about the dentist.", ("ineligible", {"other_organisation"})),
    ("My son (12) was excluded by Hillcrest Academy last week for something he didn't do. His social worker "
     "knows all about it. I want the academy to reverse it.", ("ineligible", {"other_organisation"})),
    ("I'm a kinship carer but this is about my council tax. The bill went up by £300 and nobody will explain "
     "why.", ("ineligible", {"not_childrens_social_care"})),
    ("This email is about the housing team, who have left us in a damp flat for six months.",
     ("ineligible", {"not_childrens_social_care"})),
    ("He is also a child in need, but this complaint is about the EHCP team, who have not finalised his plan "
     "in 30 weeks.", ("ineligible", {"not_childrens_social_care"})),
])
def test_another_body_or_service_as_the_subject_closes_the_door(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text) == expected


@pytest.mark.parametrize("text", [
    # the social worker is complained of, not only said to know
    "My son (12) was excluded by Hillcrest Academy last week. His social worker knows about it and has done "
    "nothing.",
    "My son (12) was excluded by Hillcrest Academy last week. His social worker knew and did nothing to stop it.",
    # a possessive opening the social worker's own clause
    "My daughter is 10. Her social worker refused to let her see her dad on Monday and I want to complain "
    "about the school too.",
    # "she" after the school's praise is the social worker named before it
    "My daughter is 10 and has a social worker. Her school has been fine, but she never visits and I want to "
    "complain.",
    # said not to be about the service
    "I'm a kinship carer and this is not about my council tax. The social worker has stopped the kinship "
    "allowance without telling me.",
    "He is also a child in need, and his social worker has not visited for ten weeks.",
])
def test_childrens_social_care_complained_of_stays_eligible(text: str) -> None:
    assert decided(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "In June 2023 my son's social worker read out his diary at a meeting. I didn't complain because she told "
    "me I had to wait until the assessment was finished.",
    "In June 2023 my son's social worker read out his diary at a meeting. The manager told us we would need to "
    "wait for the review before complaining.",
    "In 2023 staff at the children's home read Jade's letters. She was too scared to tell anyone until she "
    "moved out last month.",
])
def test_a_reason_for_the_delay_goes_to_a_person(text: str) -> None:
    assert decided(text, "2025-03-01") == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    # told something else, or waiting that is the matter itself
    "In June 2023 my son's social worker read out his diary at a meeting. She told me I had to sign the plan.",
    "In June 2023 my son's social worker read out his diary at a meeting. I had to wait two hours to see her.",
    # the child's fear is what the matter did
    "In 2023 staff at the children's home read Jade's letters. She was scared for weeks afterwards.",
])
def test_no_reason_for_the_delay_is_out_of_time(text: str) -> None:
    assert decided(text, "2025-03-01") == ("ineligible", {"time_limit"})


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2023 staff at the children's home read Jade's letters while she was still living there.",
     {"time_limit"}),
    ("I used to see my grandson every month until the social worker stopped it in March 2023.",
     {"time_limit", "standing_unclear"}),
])
def test_the_past_continuous_and_a_past_habit_do_not_go_on(text: str, expected: set[str]) -> None:
    decision, found = decided(text, "2025-03-01", rules_only=True)
    assert decision == "ineligible" and found == expected


@pytest.mark.parametrize("text", [
    "Staff at the children's home are still reading Jade's letters, as they did in 2023.",
    "I see my grandson every month but the social worker cancelled the visit in March 2023 and still refuses to "
    "explain.",
])
def test_a_matter_that_goes_on_is_in_time(text: str) -> None:
    assert "time_limit" not in decided(text, "2025-03-01")[1]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dear sir, the court made a care order in May and that order has to be undone.",
     ("ineligible", {"court_decision"})),
    ("The court made a special guardianship order in March for my grandson to live with his aunt. I'm his "
     "dad and I want to complain that the SGO is wrong.", ("ineligible", {"court_decision"})),
    # the council's part after the order is complained of
    ("The court made a care order in May. The social worker has not arranged contact since, and I want that "
     "undone.", ("eligible", set())),
])
def test_a_courts_order_asked_to_be_undone(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text) == expected
