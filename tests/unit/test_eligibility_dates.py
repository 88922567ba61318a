"""Date expressions resolved against the day of receipt: year ends, leap days, relative forms."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import anchor, easter, find_dates, months_before

D = dt.date


def spans(text: str, received: D) -> list[tuple[str, D, D]]:
    return [(text[m.start:m.end], m.earliest, m.latest) for m in find_dates(text, received)]


@pytest.mark.parametrize(("received", "text", "said", "earliest", "latest"), [
    (D(2025, 1, 2), "On 14 November 2023 she told the conference", "14 November 2023", D(2023, 11, 14), D(2023, 11, 14)),
    (D(2025, 1, 2), "she told me on 30 December that contact was off", "30 December", D(2024, 12, 30), D(2024, 12, 30)),
    (D(2024, 1, 1), "On 31 December my son was sent back", "31 December", D(2023, 12, 31), D(2023, 12, 31)),
    (D(2024, 1, 1), "In March last year the social worker", "March last year", D(2023, 3, 1), D(2023, 3, 31)),
    (D(2024, 12, 31), "Last year, in December, she went on leave", "in December", D(2024, 12, 1), D(2024, 12, 31)),
    (D(2025, 3, 1), "On 29 February 2024 the social worker", "29 February 2024", D(2024, 2, 29), D(2024, 2, 29)),
    (D(2025, 2, 28), "came on 29 February last year", "29 February last year", D(2024, 2, 29), D(2024, 2, 29)),
    (D(2028, 2, 29), "my son's review on the 28th February", "the 28th February", D(2028, 2, 28), D(2028, 2, 28)),
    (D(2025, 2, 28), "On 12/01/2024 the social worker", "12/01/2024", D(2024, 1, 12), D(2024, 1, 12)),
    (D(2025, 1, 1), "Last summer my son was moved", "Last summer", D(2024, 6, 1), D(2024, 8, 31)),
    (D(2026, 8, 3), "Two summers ago, the social worker", "Two summers ago", D(2024, 6, 1), D(2024, 8, 31)),
    (D(2025, 9, 15), "the summer before last", "the summer before last", D(2024, 6, 1), D(2024, 8, 31)),
    (D(2028, 1, 2), "In the summer of 2026 the police", "the summer of 2026", D(2026, 6, 1), D(2026, 8, 31)),
    (D(2025, 12, 31), "two years ago the duty social worker came", "two years ago", D(2023, 12, 31), D(2023, 12, 31)),
    (D(2028, 2, 29), "a year ago the social worker said", "a year ago", D(2027, 2, 28), D(2027, 2, 28)),
    (D(2027, 1, 1), "More than a year ago we asked", "More than a year ago", D(2025, 12, 31), D(2025, 12, 31)),
    (D(2028, 12, 31), "About two and a half years ago our", "About two and a half years ago", D(2026, 6, 29), D(2026, 6, 29)),
    (D(2027, 6, 1), "18 months ago, my social worker", "18 months ago", D(2025, 12, 1), D(2025, 12, 1)),
    (D(2026, 12, 30), "the year before last my social worker", "the year before last", D(2024, 1, 1), D(2024, 12, 31)),
    (D(2026, 2, 28), "a meeting at the end of 2024, where", "the end of 2024", D(2024, 9, 1), D(2024, 12, 31)),
    (D(2028, 12, 30), "In early 2027 my support worker", "early 2027", D(2027, 1, 1), D(2027, 4, 30)),
    (D(2024, 1, 2), "On Christmas Eve 2022 the social worker rang", "Christmas Eve 2022", D(2022, 12, 24), D(2022, 12, 24)),
    (D(2024, 12, 31), "Last Christmas my son's social worker", "Last Christmas", D(2024, 12, 25), D(2024, 12, 25)),
    (D(2028, 1, 1), "On Boxing Day the out of hours team", "Boxing Day", D(2027, 12, 26), D(2027, 12, 26)),
    (D(2025, 1, 1), "On New Year's Eve the police took him home", "New Year's Eve", D(2024, 12, 31), D(2024, 12, 31)),
    (D(2028, 2, 28), "she was rude to me yesterday", "yesterday", D(2028, 2, 27), D(2028, 2, 27)),
])
def test_expressions_resolve_against_the_day_of_receipt(received: D, text: str, said: str, earliest: D,
                                                        latest: D) -> None:
    assert (said, earliest, latest) in spans(text, received)


def test_since_runs_to_the_day_of_receipt() -> None:
    [mention] = find_dates("Since last summer the council has stopped paying", D(2024, 2, 29))
    assert mention.since and mention.latest <= D(2024, 2, 29)
    [mention] = find_dates("Since the 1st of December my daughter has not phoned", D(2024, 1, 1))
    assert mention.since and mention.earliest == D(2023, 12, 1)


def test_plans_after_receipt_are_not_events() -> None:
    assert find_dates("It's nearly 2029 and the review is next week", D(2028, 12, 30)) == []
    assert find_dates("I may go and march up there", D(2025, 1, 2)) == []


def test_ages_then_and_now_date_the_matter() -> None:
    [mention] = find_dates("When I was 11, the social workers split us up. I'm 19 now.", D(2027, 3, 1))
    assert mention.latest == D(2019, 3, 1)


def test_a_date_without_a_year_takes_the_year_written_beside_it() -> None:
    text = "On Christmas Eve 2022 the social worker rang to say he would not be home for Christmas."
    mentions = anchor(find_dates(text, D(2024, 1, 2)), lambda offset: 0)
    assert max(m.latest for m in mentions) == D(2022, 12, 25)


def test_calendar_helpers() -> None:
    assert months_before(D(2028, 2, 29), 12) == D(2027, 2, 28)
    assert months_before(D(2025, 3, 31), 1) == D(2025, 2, 28)
    assert months_before(D(2024, 1, 1), 12) == D(2023, 1, 1)
    assert [easter(y) for y in (2024, 2025, 2028)] == [D(2024, 3, 31), D(2025, 4, 20), D(2028, 4, 16)]
