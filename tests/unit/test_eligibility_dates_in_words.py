"""Dates of the matter in forms the fifth round added (made-up sentences, none from a labelled set).

- school years in words and reception ("when he was in Year Three ... he's in Year Seven now");
- birthdays counted back ("four birthdays ago");
- dates counted on from the date before ("the following summer", "the next year", "a year later");
- the writer's state beside words of going on ("I'm still not over it", "I've been meaning to complain ever
  since") is no ongoing matter, while the matter itself going on is;
- a reason for the delay that goes on ("I've been unwell ever since") leaves the matter's age to a person.
"""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import find_dates
from tests.helpers import decided, latest


@pytest.mark.parametrize(("text", "received", "expected"), [
    ("When Kai was in Year Three (he's in Year Seven now) his social worker rang.", "2026-03-10", dt.date(2022, 3, 10)),
    ("When my son was in reception - he is in year 4 now - the social worker visited.", "2027-10-04", dt.date(2023, 10, 4)),
    ("Four birthdays ago the social worker missed my party.", "2027-05-20", dt.date(2024, 5, 20)),
    ("In autumn 2022 the social worker promised an assessment. It came the following summer.", "2025-01-15",
     dt.date(2023, 8, 31)),
    ("The social worker first refused respite in June 2023. A year later she refused it again.", "2025-09-01",
     dt.date(2024, 6, 30)),
    ("In March 2025 the contact team cut our visits. The following month they stopped.", "2026-01-10",
     dt.date(2025, 4, 30)),
    ("We were referred in 2021 and the assessment was only done the next year.", "2025-02-01", dt.date(2022, 12, 31)),
])
def test_dates_in_words_resolve(text: str, received: str, expected: dt.date) -> None:
    assert latest(text, received) == expected


def test_the_following_spring_with_nothing_before_it_is_not_dated() -> None:
    assert find_dates("The social worker said it would be sorted the following spring.", dt.date(2026, 1, 5)) == []


@pytest.mark.parametrize(("text", "received"), [
    ("When Kai was in Year Three (he's in Year Seven now) his social worker told his class about his care "
     "order. I want to complain about her.", "2026-03-10"),
    ("four birthdays ago my foster carers forgot my birthday and my social worker said it didnt matter. im 17 now. "
     "i want to complain", "2027-05-20"),
    ("In autumn 2022 the social worker promised us a kinship assessment. It happened the following summer and "
     "was full of mistakes. I am complaining about that assessment.", "2025-01-15"),
    ("In 2023 the social worker moved me to a placement two hours from my school. I'm still not over it and I "
     "want to complain.", "2025-06-01"),
    ("Back in 2022 the duty team hung up on me twice. I've been meaning to complain ever since.", "2024-11-20"),
])
def test_old_matters_in_these_words_are_out_of_time(text: str, received: str) -> None:
    assert decided(text, received) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize(("text", "received"), [
    # reception one school year ago: exactly twelve months, in time
    ("When my son was in reception the social worker lost his passport. He's in year 1 now. I want to complain.",
     "2026-09-20"),
    # counted on to a date inside the twelve months
    ("In March last year the social worker promised a new bed for my daughter. The following month she said "
     "there was no money. I want to complain.", "2026-01-10"),
    # the matter itself goes on, beside a feeling
    ("In 2022 the social worker stopped my contact with my son. I've been meaning to complain ever since, and "
     "she still won't let me see him.", "2025-06-01"),
    ("In 2023 my social worker stopped my allowance and she still hasn't paid it back.", "2025-06-01"),
])
def test_in_time_or_going_on_is_not_turned_away(text: str, received: str) -> None:
    decision, codes = decided(text, received)
    assert decision != "ineligible" and "time_limit" not in codes


def test_a_reason_for_the_delay_that_goes_on_is_for_a_person() -> None:
    text = ("In January 2024 the social worker told my ex-partner our new address. I have been very unwell ever "
            "since and could not write until now. I want to complain.")
    assert decided(text, "2025-09-01") == ("needs_review", {"time_limit_good_reason"})
