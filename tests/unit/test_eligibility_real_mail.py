"""Forms the eleventh round added, as real mail tells them (made-up sentences, none from a labelled set).

- a season and the year said after it ("the summer holidays the year before last") are one date; a year in
  brackets glosses the date before it; a holiday named before it is dated is the same one;
- "I was 10 minutes late" is no age; a child's diagnosed fear is the story; finding out the same day is no delay;
  "the proceedings finally finished" ends the wait (its date is no event);
- "complain about the officers who came with the social worker": the subject ends at "who"; a social worker
  who agrees with the writer, wrote in support or sent them here, and "she is a child in need", are no subject;
- asking for the court's order to be undone makes the court the subject;
- a title in the sign-off is the writer; asked by an adult is no young person's consent; "on behalf of her
  daughter, R"; forwarded with the young person's knowledge; a head of year; "no longer fostering".
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import decided, latest


@pytest.mark.parametrize(("text", "received", "expected"), [
    ("Over the summer holidays the year before last the respite worker stopped coming.", "2026-09-28",
     dt.date(2024, 8, 31)),
    ("In the Easter holidays last year the contact centre shut without warning.", "2026-11-30", dt.date(2025, 4, 5)),
    ("The social worker cancelled respite in the summer two years ago.", "2026-09-28", dt.date(2024, 8, 31)),
    ("On Boxing Day last year (2025) the duty worker hung up on me.", "2026-12-30", dt.date(2025, 12, 26)),
    ("I'm writing about the Christmas party. On Christmas Eve 2023 the worker left early.", "2025-12-31",
     dt.date(2023, 12, 25)),
])
def test_story_dates(text: str, received: str, expected: dt.date) -> None:
    assert latest(text, received) == expected


def test_a_season_alone_is_still_the_latest_one() -> None:
    # near-miss: no year after the season
    assert latest("Over the summer holidays the respite worker stopped coming.", "2026-09-28") == dt.date(2026, 8, 31)
    assert decided("Over the summer holidays the year before last the social worker cancelled my son's place on "
                   "the play scheme. I want to complain.", "2026-09-28") == ("ineligible", {"time_limit"})


@pytest.mark.parametrize(("text", "expected"), [
    ("In March 2024 the contact worker sent me away because I was 15 minutes late. I want to complain.",
     ("ineligible", {"time_limit"})),
    ("In May 2024 the social worker took my daughter to a firework display although she has a diagnosed fear of "
     "loud bangs. I'm complaining about it.", ("ineligible", {"time_limit"})),
    ("The child protection conference met on 3 April 2024 without me. I found out the same day when the school rang.",
     ("ineligible", {"time_limit"})),
    ("In January 2024 the social worker lost my son's passport. I was told to wait until the care proceedings "
     "were over. The proceedings finally finished two weeks ago.", ("needs_review", {"time_limit_good_reason"})),
    ("In January 2024 the social worker lost my son's passport. I want to complain about it.",
     ("ineligible", {"time_limit"})),
    # near-misses: the writer's own age, the writer's own diagnosis, finding out late
    ("In March 2024 the social worker ignored what I said. I was 15 and too scared to complain.",
     ("needs_review", {"time_limit_good_reason"})),
    ("In May 2024 the social worker cancelled my contact. Soon after that I was diagnosed with cancer.",
     ("needs_review", {"time_limit_good_reason"})),
    ("The child protection conference met on 3 April 2024 without me. I only found out recently, from the minutes.",
     ("needs_review", {"time_limit_good_reason"})),
])
def test_reasons_for_the_delay_in_real_mail(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, "2026-06-01") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I want to complain about the police officers who came with the social worker on 3 May. They shouted at my "
     "children in the street. The social worker was kind.", ("ineligible", {"other_organisation"})),
    # near-miss: the social worker is the subject, the police come after "who"
    ("I want to complain about the social worker who came with the police on 3 May. She shouted at my children "
     "in the street.", ("eligible", set())),
    ("At the hearing on 2 May the judge made a supervision order. He did not listen to me. I want the "
     "order lifted.", ("ineligible", {"court_decision"})),
    # near-misses: the council not doing what the order says; undoing it disowned
    ("The judge made a supervision order on 2 May. The social worker has not done one of the visits it needs. "
     "I want the order followed.", ("eligible", set())),
    ("The judge made a supervision order on 2 May. I don't want the order changed. I want the social worker to "
     "visit like it says.", ("eligible", set())),
    # children's social care on the writer's side, sending them here, or what the child is
    ("I want to complain about Larkfield Academy. They excluded my son for a week for nothing. His social "
     "worker agrees it's unfair.", ("ineligible", {"other_organisation"})),
    ("The council's housing team has ignored the mould in our flat since March. My son's social worker told "
     "me to complain to you.", ("ineligible", {"not_childrens_social_care"})),
    ("My son is a child in need. The admissions team gave him a school two buses away and I want to complain "
     "about them.", ("ineligible", {"not_childrens_social_care"})),
    # near-misses: the social worker promised and failed; the social worker is the one complained of
    ("I want to complain about Larkfield Academy and the social worker. The school excluded my son and his "
     "social worker agreed to come to the meeting but never turned up.", ("eligible", set())),
    ("My son is a child in need and his social worker has not visited since March.", ("eligible", set())),
])
def test_subjects_in_real_mail(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hello, I'm the youth worker at Brookside Youth Hub and I support Leon, who is 14 and in care. His social "
     "worker has cancelled his review three times. Please treat this as a complaint.\n\nMr K. Abara, Youth Worker",
     ("needs_review", {"consent_required"})),
    ("We have been asked by the grandmother of Tia (14) to complain about her social worker's missed visits. "
     "Please treat this as a complaint on Tia's behalf.", ("needs_review", {"consent_required"})),
    ("We are instructed by Mrs Green to complain on behalf of her daughter, R (aged 15). R's social worker has "
     "not written her pathway plan.", ("needs_review", {"consent_required"})),
    ("I'm head of year for Zara (Year 9), who is in foster care. Her social worker has not visited since "
     "April. I'd like this treated as a complaint.", ("needs_review", {"consent_required"})),
    # near-misses: consent shown, asked by the young person, forwarded with her knowledge
    ("Hello, I'm the youth worker at Brookside Youth Hub and I support Leon, who is 14 and in care. His social "
     "worker has cancelled his review three times. Leon has asked me to write.\n\nMr K. Abara, Youth Worker",
     ("eligible", set())),
    ("I have been asked by Tia (14) to complain about her social worker's missed visits.", ("eligible", set())),
    ("Our constituent, who is 16 and in care, writes that her social worker never returns calls. She has asked "
     "us to forward this to you.", ("eligible", set())),
    ("I'm Ellis's advocate. Ellis (15) is copied into this email. His social worker cancelled his review "
     "twice this month.", ("eligible", set())),
    ("I was Theo's foster carer until March. I'm no longer fostering. I want to complain about the social "
     "worker's plan for him.", ("needs_review", {"standing_unclear"})),
])
def test_standing_in_real_mail(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, "2026-06-01") == expected
