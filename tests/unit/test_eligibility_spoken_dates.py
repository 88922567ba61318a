"""Dates of the matter in forms the tenth round added (made-up sentences, none from a labelled set).

- weekdays ("last Tuesday", "on Sunday"); a month with a two-digit year after "in"/"back in" ("Sept 23"), but
  not after "on" (a day);
- Mothering Sunday, Father's Day and fixed days counted back in years ("Bonfire Night last year");
- "two years and a bit ago"; "before the pandemic";
- a date in a clause opening with "since" starts a run of events, it is not the latest one;
- "never been given the chance to answer it" is the aftermath of a past report, not a failure going on;
- having had time at last is no reason for the delay.
"""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import find_dates
from tests.helpers import decided, latest


@pytest.mark.parametrize(("text", "received", "expected"), [
    ("Last Tuesday the contact worker cancelled again.", "2026-01-08", dt.date(2026, 1, 6)),
    ("On Sunday the social worker turned up unannounced.", "2027-03-01", dt.date(2027, 2, 28)),
    ("Back in Sept 23 the family support worker stopped visiting.", "2025-06-01", dt.date(2023, 9, 30)),
    ("Father's Day two years ago the contact visit was cancelled.", "2026-07-01", dt.date(2024, 6, 16)),
    ("On Mothering Sunday 2025 the visit was called off.", "2026-01-01", dt.date(2025, 3, 30)),
    ("Bonfire Night last year the placement broke down.", "2026-03-01", dt.date(2025, 11, 5)),
    ("Two years and a bit ago the social worker closed our case.", "2027-05-10", dt.date(2025, 4, 10)),
    ("Before the pandemic we had a family support worker.", "2026-01-01", dt.date(2020, 3, 22)),
])
def test_spoken_dates_resolve(text: str, received: str, expected: dt.date) -> None:
    assert latest(text, received) == expected


def test_on_a_month_and_number_is_a_day_not_a_year() -> None:
    assert latest("On Sept 23 the review was cancelled.", "2025-12-31").year == 2025


def test_a_habit_on_a_weekday_is_no_date() -> None:
    assert find_dates("We see him on Saturdays at the family centre.", dt.date(2026, 1, 8)) == []


def test_a_date_in_an_opening_since_clause_starts_a_run() -> None:
    text = ("I'm her mum. Since she was placed with carers in 2023 the social worker has cancelled my contact "
            "again and again, most recently last Friday.")
    assert decided(text, "2026-01-05") == ("eligible", set())


def test_a_date_not_in_a_since_clause_still_dates_the_matter() -> None:
    text = "I'm her mum. In 2023 the social worker cancelled my contact with my daughter."
    assert decided(text, "2026-01-05") == ("ineligible", {"time_limit"})


def test_never_given_the_chance_to_answer_is_an_aftermath() -> None:
    text = ("I'm his father. The social worker's report of 4 June 2024 says I drink every day. "
            "I have never been given the chance to answer it.")
    assert decided(text, "2026-01-10") == ("ineligible", {"time_limit"})


def test_never_given_a_service_goes_on() -> None:
    text = "I'm her mum. Since 2022 my daughter has never been given a care plan by her social worker."
    assert decided(text, "2026-01-10") == ("eligible", set())


def test_having_time_at_last_is_no_reason_for_the_delay() -> None:
    text = ("I'm his mum. In March 2024 the social worker mislaid my son's passport. "
            "I've only recently had the time to write.")
    assert decided(text, "2026-01-10", rules_only=True) == ("ineligible", {"time_limit"})


def test_finding_out_recently_is_a_reason_for_the_delay() -> None:
    text = ("I'm his mum. In March 2024 the social worker mislaid my son's passport. "
            "I only recently found out it was her.")
    assert decided(text, "2026-01-10") == ("needs_review", {"time_limit_good_reason"})


def test_mothering_sunday_repeated_is_the_same_day() -> None:
    text = ("I'm their mum. On Mother's Day last year the contact worker cancelled my visit at the family centre. "
            "It was my only Mother's Day with them.")
    assert decided(text, "2026-11-20") == ("ineligible", {"time_limit"})


def test_a_frequency_promised_is_no_matter_going_on() -> None:
    text = ("I'm her mum. In March 2024 her social worker promised I would see her every week, "
            "and then it never happened.")
    assert decided(text, "2026-01-10") == ("ineligible", {"time_limit"})


def test_a_frequency_that_keeps_happening_goes_on() -> None:  # near-miss: no promise, a failure repeated
    text = "I'm her mum. Since March 2024 her social worker cancels my contact every week."
    assert decided(text, "2026-01-10") == ("eligible", set())
