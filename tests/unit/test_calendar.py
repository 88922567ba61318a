"""England working days, checked against the official bank-holiday list (domain.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from intake.calendar import WorkingCalendar

D = dt.date
CAL = WorkingCalendar()

BANK_HOLIDAYS = {
    2025: [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26), D(2025, 8, 25),
           D(2025, 12, 25), D(2025, 12, 26)],
    2026: [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31),
           D(2026, 12, 25), D(2026, 12, 28)],
    2027: [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30),
           D(2027, 12, 27), D(2027, 12, 28)],
    2028: [D(2028, 1, 3), D(2028, 4, 14), D(2028, 4, 17), D(2028, 5, 1), D(2028, 5, 29), D(2028, 8, 28),
           D(2028, 12, 25), D(2028, 12, 26)],
}


@pytest.mark.parametrize("day", [d for days in BANK_HOLIDAYS.values() for d in days], ids=str)
def test_every_listed_bank_holiday_is_not_a_working_day(day: dt.date) -> None:
    assert not CAL.is_working_day(day)


@pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
def test_no_other_weekday_is_a_holiday(year: int) -> None:
    named = [d for d, _ in CAL.holidays_between(D(year, 1, 1), D(year, 12, 31)) if d.weekday() < 5]
    assert named == BANK_HOLIDAYS[year]


def test_one_off_days_are_holidays() -> None:
    assert not CAL.is_working_day(D(2022, 9, 19))  # the Queen's state funeral
    assert not CAL.is_working_day(D(2023, 5, 8))  # the coronation
    assert not CAL.is_working_day(D(2022, 6, 3))  # the Platinum Jubilee


@pytest.mark.parametrize("start, n, expected", [
    (D(2026, 12, 23), 3, D(2026, 12, 30)),   # the example: Christmas and Boxing Day substitute
    (D(2026, 12, 23), 10, D(2027, 1, 11)),   # across New Year's Day
    (D(2026, 12, 23), 20, D(2027, 1, 25)),
    (D(2027, 12, 23), 6, D(2028, 1, 5)),     # 27-28 Dec 2027 and 3 Jan 2028 substitutes, a year boundary
    (D(2026, 4, 1), 3, D(2026, 4, 8)),       # Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr
    (D(2027, 3, 24), 3, D(2027, 3, 31)),     # Easter 2027: 26 and 29 Mar
    (D(2026, 5, 1), 1, D(2026, 5, 5)),       # early May bank holiday
    (D(2026, 5, 22), 1, D(2026, 5, 26)),     # spring bank holiday
    (D(2026, 8, 28), 1, D(2026, 9, 1)),      # summer bank holiday
    (D(2026, 11, 21), 1, D(2026, 11, 23)),   # received on a Saturday: day 1 is Monday
    (D(2026, 11, 20), 0, D(2026, 11, 20)),
    (D(2026, 12, 30), -3, D(2026, 12, 23)),  # counting back
])
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_working_days_between() -> None:
    assert CAL.working_days_between(D(2026, 12, 23), D(2026, 12, 30)) == 3
    assert CAL.working_days_between(D(2026, 12, 30), D(2026, 12, 23)) == -3
    assert CAL.working_days_between(D(2026, 12, 25), D(2026, 12, 28)) == 0
    assert CAL.working_days_between(D(2026, 1, 1), D(2026, 12, 31)) == 365 - 104 - 8


def test_closure_days_and_local_holidays_move_dates() -> None:
    closures = WorkingCalendar(closure_days=[D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)])
    assert closures.add_working_days(D(2026, 12, 23), 3) == D(2027, 1, 5)
    assert closures.non_working_reason(D(2026, 12, 29)) == "Council closure day"
    proclaimed = WorkingCalendar(extra_holidays=[D(2026, 12, 24)])
    assert proclaimed.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 29)
    cancelled = WorkingCalendar(not_holidays=[D(2026, 12, 28), D(2026, 11, 21)])
    assert cancelled.is_working_day(D(2026, 12, 28))
    assert not cancelled.is_working_day(D(2026, 11, 21))  # a weekend stays a weekend


def test_version_names_the_calendar_data() -> None:
    assert WorkingCalendar().version == CAL.version
    assert WorkingCalendar(closure_days=[D(2026, 12, 29)]).version != CAL.version
    assert CAL.version.startswith("holidays-0.108+")


@given(st.dates(D(2024, 1, 1), D(2029, 12, 31)), st.integers(0, 70))
def test_counting_forwards_and_back_agree(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    if n >= 1:
        assert CAL.is_working_day(end)
