"""Dates of the matter and reasons for delay in forms the ninth round added (made-up sentences, none from a
labelled set).

- years with an apostrophe ("Oct '23", "spring '24", "Christmas '23");
- counts back with "back" and hedged counts ("two years back", "fifteen months or so ago", "three-odd years ago");
- fixed days of the calendar, with or without a year, and a step from them ("Halloween 2023", "the week after
  Bonfire Night", "a few days before Christmas");
- "N school years ago"; "last year in June";
- a season naming a kind of thing ("the summer fair", "her winter coat") is no date;
- an age reached this year ("he turned 13 this May") gives the age now;
- a child's fear caused by the matter, and an illness the writer told the social worker about, are no reasons
  for the delay; language and release from prison are;
- a child still talking about it, and what another body has done since, are no ongoing matter;
- a sentence whose "she" is the social worker named just before is about the matter;
- the reason for the delay (a death "in August") does not date the matter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import find_dates
from tests.helpers import decided, latest


@pytest.mark.parametrize(("text", "received", "expected"), [
    ("Back in Oct '23 the social worker cancelled contact.", "2025-01-02", dt.date(2023, 10, 31)),
    ("The assessment was done in spring '24.", "2025-12-31", dt.date(2024, 5, 31)),
    ("Over Christmas '23 nobody answered the duty line.", "2025-03-01", dt.date(2023, 12, 25)),
    ("Two years back the social worker shouted at me.", "2026-02-28", dt.date(2024, 2, 28)),
    ("Fifteen months or so ago the team closed our case.", "2027-01-01", dt.date(2025, 10, 1)),
    ("Three-odd years ago she promised us respite.", "2028-02-29", dt.date(2025, 2, 28)),
    ("Halloween 2023 was when the placement ended.", "2025-01-01", dt.date(2023, 10, 31)),
    ("The week after Bonfire Night the social worker came.", "2026-01-01", dt.date(2025, 11, 12)),
    ("A few days before Christmas 2024 the visit was cancelled.", "2026-01-01", dt.date(2024, 12, 25)),
    ("On Valentine's Day the contact centre turned us away.", "2027-03-01", dt.date(2027, 2, 14)),
    ("Three school years ago her social worker stopped visiting.", "2027-11-15", dt.date(2025, 7, 31)),
    ("Last year in June the social worker missed the review.", "2026-01-05", dt.date(2025, 6, 30)),
    ("When my son Alfie was 8 (he turned 13 this May) the social worker came to the house.", "2026-10-10",
     dt.date(2021, 10, 10)),
])
def test_informal_dates_resolve(text: str, received: str, expected: dt.date) -> None:
    assert latest(text, received) == expected


@pytest.mark.parametrize("text", [
    "The social worker said she would come to the summer fair.",
    "I bought her a winter coat because the foster carer had not.",
    "Her birthday is on Guy Fawkes",  # no year, no complaint: nothing after receipt is kept
])
def test_a_season_naming_a_kind_of_thing_is_no_date(text: str) -> None:
    found = [text[m.start:m.end].lower() for m in find_dates(text, dt.date(2026, 6, 1))]
    assert not any(word in " ".join(found) for word in ("summer", "winter"))


def test_when_he_turned_is_an_age_then_not_now() -> None:
    assert not find_dates("When he turned 12 the social worker stopped coming.", dt.date(2026, 6, 1))


@pytest.mark.parametrize(("text", "received", "expected"), [
    # an informal date of an old matter: out of time
    ("In March '24 our social worker read my son's diary out at a review. I want an apology.", "2025-09-30",
     ("ineligible", {"time_limit"})),
    ("A year and a half back the duty social worker hung up on me. I want to complain about her.", "2027-04-01",
     ("ineligible", {"time_limit"})),
    ("The week after Halloween 2024 the social worker told my neighbour about our case. I am the children's dad "
     "and I want it looked into.", "2025-11-25", ("ineligible", {"time_limit"})),
    # ... and in time
    ("In March '25 our social worker read my son's diary out at a review. I want an apology.", "2025-09-30",
     ("eligible", set())),
    ("Six months or so back the duty social worker hung up on me. I want to complain about her.", "2027-04-01",
     ("eligible", set())),
])
def test_informal_dates_decide_the_time_limit(text: str, received: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, received) == expected


@pytest.mark.parametrize("text", [
    # the child's fear is what the matter did
    "In January 2024 the social worker questioned my daughter at her school without me. She was scared for "
    "months. I am her mum and I want an apology.",
    # an illness told to the social worker at the time is part of the matter
    "In May 2024 I told the social worker I was struggling with depression and she rolled her eyes. I am the "
    "children's mother and I want this on record.",
])
def test_words_about_the_matter_are_no_reason_for_the_delay(text: str) -> None:
    assert decided(text, "2025-11-03") == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    "In June 2024 my son's social worker wrote that I refused help. The letters were in English and I could not "
    "read English well at that time. I am his father.",
    "Last year in April my daughter's social worker cancelled every visit. I was released from prison in October "
    "and this is the first chance I have had. I am her dad.",
    "In February 2024 the social worker moved my son without telling me. Before, I could not write a complaint. "
    "I am his mother.",
    "I was too scared to complain when the social worker shouted at me in March 2024. I am the children's mum.",
])
def test_language_prison_and_fear_of_the_writer_are_reasons_for_the_delay(text: str) -> None:
    assert decided(text, "2025-11-03") == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize(("text", "expected"), [
    # the child remembering it, and another body's doing since, are not the matter going on
    ("In April 2024 the social worker told my son in front of his friends that he might be moved. He has talked "
     "about it ever since. I am his mum.", ("ineligible", {"time_limit"})),
    ("In April 2024 the social worker wrongly told the nursery that I had been violent, and they have kept me "
     "at arm's length ever since. I am the mum.", ("ineligible", {"time_limit"})),
    # near-misses: children's social care itself going on
    ("In April 2024 the social worker stopped our contact, and she has refused to restart it ever since. I am "
     "the mum.", ("eligible", set())),
    ("In April 2024 the social worker told my son he might be moved, and she keeps saying it ever since. I am "
     "his mum.", ("eligible", set())),
])
def test_what_goes_on_since(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, "2025-11-03") == expected


def test_she_in_the_next_sentence_is_the_social_worker() -> None:
    text = ("While I was in hospital my children's social worker stopped my phone calls to them. The last time "
            "she refused was in February 2024. I was too ill to complain until now. I am their father.")
    assert decided(text, "2025-11-03") == ("needs_review", {"time_limit_good_reason"})


def test_the_death_that_delayed_the_complaint_does_not_date_the_matter() -> None:
    text = ("In March 2024 my son's social worker gave the school the wrong address. I meant to complain, but my "
            "father fell ill that spring and I cared for him until he died in July. I am the boy's mother.")
    assert decided(text, "2025-09-01") == ("needs_review", {"time_limit_good_reason"})
