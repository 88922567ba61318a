"""England working days, checked against the official bank-holiday list (domain.md).

Expected dates are worked out by hand in the comments: day 0 is the start, day 1
the first working day after it.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import holidays
import pytest
from hypothesis import given, strategies as st

from intake.calendar import WorkingCalendar

D = dt.date
CAL = WorkingCalendar()
CLOSED_XMAS_2026 = [D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)]

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
def test_the_named_weekday_holidays_are_exactly_the_listed_ones(year: int) -> None:
    assert [d for d, _ in CAL.holidays_between(D(year, 1, 1), D(year, 12, 31))] == BANK_HOLIDAYS[year]


@pytest.mark.parametrize("day, working", [
    (D(2026, 11, 21), False), (D(2026, 11, 22), False),  # Saturday, Sunday
    (D(2026, 11, 20), True), (D(2026, 11, 23), True),    # Friday, Monday
    (D(2026, 12, 24), True), (D(2026, 12, 31), True),    # Christmas Eve, New Year's Eve: working days
    (D(2026, 12, 26), False),                             # Boxing Day on a Saturday
    (D(2027, 12, 25), False), (D(2027, 12, 26), False),  # Christmas 2027 at a weekend...
    (D(2027, 12, 27), False), (D(2027, 12, 28), False),  # ...so both substitutes are off
    (D(2028, 1, 1), False), (D(2028, 1, 3), False), (D(2028, 1, 4), True),  # New Year 2028 and its substitute
])
def test_weekends_and_the_days_around_christmas(day: dt.date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize("day", [D(2022, 9, 19), D(2023, 5, 8), D(2022, 6, 3), D(2022, 6, 2), D(2022, 12, 27)],
                         ids=["state funeral", "coronation", "platinum jubilee", "moved spring", "xmas sub"])
def test_one_off_and_substitute_days_are_holidays(day: dt.date) -> None:
    assert not CAL.is_working_day(day)


@pytest.mark.parametrize("start, n, expected", [
    (D(2026, 12, 23), 3, D(2026, 12, 30)),   # 24 (1); 25 hol; 26-27 weekend; 28 Boxing Day sub; 29 (2); 30 (3)
    (D(2026, 12, 23), 10, D(2027, 1, 11)),   # 31 (4); 1 Jan hol; 4-8 Jan (5-9); 11 Jan (10)
    (D(2026, 12, 23), 20, D(2027, 1, 25)),
    (D(2025, 12, 23), 3, D(2025, 12, 30)),   # 24 (1); 25, 26 hol; 27-28 weekend; 29 (2); 30 (3)
    (D(2027, 12, 23), 6, D(2028, 1, 5)),     # 24 (1); 27-28 subs; 29-31 (2-4); 3 Jan sub; 4 (5); 5 (6)
    (D(2027, 12, 24), 1, D(2027, 12, 29)),
    (D(2026, 12, 31), 1, D(2027, 1, 4)),     # a year boundary over New Year's Day (Friday)
    (D(2027, 12, 31), 1, D(2028, 1, 4)),     # a year boundary over the New Year substitute
    (D(2026, 4, 1), 3, D(2026, 4, 8)),       # Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr
    (D(2026, 4, 2), 1, D(2026, 4, 7)),
    (D(2027, 3, 24), 3, D(2027, 3, 31)),     # Easter 2027: 26 and 29 Mar
    (D(2027, 3, 25), 1, D(2027, 3, 30)),
    (D(2026, 5, 1), 1, D(2026, 5, 5)),       # early May bank holiday 2026
    (D(2027, 4, 30), 1, D(2027, 5, 4)),      # early May bank holiday 2027
    (D(2026, 5, 22), 1, D(2026, 5, 26)),     # spring bank holiday 2026
    (D(2027, 5, 28), 1, D(2027, 6, 1)),      # spring bank holiday 2027
    (D(2026, 8, 28), 1, D(2026, 9, 1)),      # summer bank holiday
    (D(2022, 9, 16), 1, D(2022, 9, 20)),     # the state funeral
    (D(2023, 5, 5), 1, D(2023, 5, 9)),       # the coronation
    (D(2026, 11, 20), 0, D(2026, 11, 20)),   # n == 0 is the start
    (D(2026, 11, 21), 0, D(2026, 11, 21)),   # even on a Saturday
    (D(2026, 12, 25), 0, D(2026, 12, 25)),   # or a bank holiday
    (D(2026, 11, 21), 1, D(2026, 11, 23)),   # received on a Saturday: day 0 is Saturday, day 1 Monday
    (D(2026, 11, 22), 3, D(2026, 11, 25)),   # received on a Sunday
    (D(2026, 12, 25), 3, D(2026, 12, 31)),   # received on Christmas Day: 29, 30, 31
    (D(2026, 12, 26), 1, D(2026, 12, 29)),   # received on Boxing Day (Saturday)
])
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected


@pytest.mark.parametrize("start, n, expected", [
    (D(2026, 12, 30), -3, D(2026, 12, 23)),  # 29 (-1); 28, 25 hol; 24 (-2); 23 (-3)
    (D(2027, 1, 4), -1, D(2026, 12, 31)),    # back over New Year's Day and a year boundary
    (D(2026, 11, 21), -1, D(2026, 11, 20)),  # from a Saturday: the Friday before
    (D(2026, 11, 23), -1, D(2026, 11, 20)),
    (D(2026, 4, 7), -1, D(2026, 4, 2)),      # back over Easter 2026
    (D(2028, 1, 5), -6, D(2027, 12, 23)),
])
def test_negative_n_counts_backwards(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_working_days_between() -> None:
    assert CAL.working_days_between(D(2026, 12, 23), D(2026, 12, 30)) == 3
    assert CAL.working_days_between(D(2026, 12, 30), D(2026, 12, 23)) == -3
    assert CAL.working_days_between(D(2026, 12, 23), D(2026, 12, 23)) == 0
    assert CAL.working_days_between(D(2026, 12, 25), D(2026, 12, 28)) == 0
    assert CAL.working_days_between(D(2026, 12, 31), D(2027, 1, 4)) == 1
    # 2026: 261 weekdays (starts on a Thursday), all 8 bank holidays on weekdays; 1 Jan itself is excluded.
    assert CAL.working_days_between(D(2026, 1, 1), D(2026, 12, 31)) == 261 - 8


def test_next_working_day() -> None:
    assert CAL.next_working_day(D(2026, 12, 24)) == D(2026, 12, 29)
    assert CAL.next_working_day(D(2026, 11, 20)) == D(2026, 11, 23)
    assert CAL.next_working_day(D(2026, 11, 23)) == D(2026, 11, 24)  # strictly after, even from a working day
    assert CAL.next_working_day(D(2027, 12, 31)) == D(2028, 1, 4)


def test_holidays_between_names_the_days() -> None:
    assert CAL.holidays_between(D(2026, 12, 20), D(2027, 1, 3)) == [
        (D(2026, 12, 25), "Christmas Day"), (D(2026, 12, 28), "Boxing Day (observed)"),
        (D(2027, 1, 1), "New Year's Day")]
    assert CAL.holidays_between(D(2026, 12, 28), D(2026, 12, 28)) == [(D(2026, 12, 28), "Boxing Day (observed)")]
    assert CAL.holidays_between(D(2026, 11, 1), D(2026, 11, 30)) == []
    assert CAL.holidays_between(D(2027, 1, 1), D(2026, 12, 1)) == []  # an empty range


def test_closure_days_from_config_move_dates() -> None:
    closed = WorkingCalendar(closure_days=CLOSED_XMAS_2026)
    # 24 Dec (1); 25, 28 hol; 29-31 closed; 1 Jan hol; 4 Jan (2); 5 Jan (3)
    assert closed.add_working_days(D(2026, 12, 23), 3) == D(2027, 1, 5)
    assert closed.add_working_days(D(2026, 12, 23), 10) == D(2027, 1, 14)
    assert closed.working_days_between(D(2026, 12, 23), D(2027, 1, 5)) == 3
    assert not closed.is_working_day(D(2026, 12, 30))
    assert closed.holidays_between(D(2026, 12, 28), D(2026, 12, 31)) == [
        (D(2026, 12, 28), "Boxing Day (observed)"), (D(2026, 12, 29), "Council closure day"),
        (D(2026, 12, 30), "Council closure day"), (D(2026, 12, 31), "Council closure day")]
    assert CAL.add_working_days(D(2026, 12, 23), 3) == D(2026, 12, 30)  # the default calendar is untouched


def test_a_closure_day_on_a_bank_holiday_keeps_the_bank_holiday_name() -> None:
    closed = WorkingCalendar(closure_days=[D(2026, 12, 28)])
    assert closed.holidays_between(D(2026, 12, 28), D(2026, 12, 28)) == [(D(2026, 12, 28), "Boxing Day (observed)")]


def test_extra_holidays_add_a_newly_proclaimed_day() -> None:
    proclaimed = WorkingCalendar(extra_holidays=[D(2026, 12, 24), D(2027, 6, 7)])
    assert not proclaimed.is_working_day(D(2026, 12, 24))
    assert proclaimed.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 29)
    assert proclaimed.add_working_days(D(2027, 6, 4), 1) == D(2027, 6, 8)
    assert proclaimed.holidays_between(D(2026, 12, 24), D(2026, 12, 24)) == [
        (D(2026, 12, 24), "Bank holiday (added in configuration)")]


def test_not_holidays_cancels_a_bank_holiday_but_never_a_weekend() -> None:
    cancelled = WorkingCalendar(not_holidays=[D(2026, 12, 28), D(2026, 11, 21), D(2026, 12, 26)])
    assert cancelled.is_working_day(D(2026, 12, 28))
    assert not cancelled.is_working_day(D(2026, 11, 21))  # a Saturday stays a Saturday
    assert not cancelled.is_working_day(D(2026, 12, 26))  # Boxing Day on a Saturday: still a weekend
    assert cancelled.add_working_days(D(2026, 12, 23), 3) == D(2026, 12, 29)  # 24, 28, 29
    assert D(2026, 12, 28) not in dict(cancelled.holidays_between(D(2026, 12, 1), D(2026, 12, 31)))


def test_a_moved_bank_holiday() -> None:
    moved = WorkingCalendar(not_holidays=[D(2027, 5, 3)], extra_holidays=[D(2027, 5, 7)])
    assert moved.is_working_day(D(2027, 5, 3)) and not moved.is_working_day(D(2027, 5, 7))
    with pytest.raises(ValueError, match="2027-05-03"):
        WorkingCalendar(not_holidays=[D(2027, 5, 3)], extra_holidays=[D(2027, 5, 3)])


def test_datetimes_are_refused_rather_than_silently_never_matching() -> None:
    with pytest.raises(TypeError):
        CAL.add_working_days(dt.datetime(2026, 12, 23, 10, 0), 3)
    with pytest.raises(TypeError):
        CAL.is_working_day("2026-12-25")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="closure_days"):
        WorkingCalendar(closure_days=[dt.datetime(2026, 12, 29)])


def test_the_calendar_is_immutable_and_survives_copy_and_pickle() -> None:
    closed = WorkingCalendar(closure_days=CLOSED_XMAS_2026)
    with pytest.raises(AttributeError):
        closed.version = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        closed._closures = frozenset()  # type: ignore[misc]
    for clone in (copy.copy(closed), pickle.loads(pickle.dumps(closed))):
        assert clone.version == closed.version
        assert clone.add_working_days(D(2026, 12, 23), 3) == D(2027, 1, 5)


def test_version_names_the_calendar_data() -> None:
    prefix = f"holidays-{holidays.__version__}+local-"
    assert CAL.version.startswith("holidays-0.108+local-") and CAL.version.startswith(prefix)
    assert len(CAL.version) == len(prefix) + 8
    assert WorkingCalendar().version == CAL.version
    assert WorkingCalendar(closure_days=reversed(CLOSED_XMAS_2026)).version == \
        WorkingCalendar(closure_days=CLOSED_XMAS_2026).version  # order and repeats do not matter
    versions = {CAL.version, WorkingCalendar(closure_days=CLOSED_XMAS_2026).version,
                WorkingCalendar(closure_days=CLOSED_XMAS_2026[:2]).version,
                WorkingCalendar(extra_holidays=[D(2026, 12, 29)]).version,
                WorkingCalendar(not_holidays=[D(2026, 12, 28)]).version,
                WorkingCalendar(closure_days=[D(2026, 12, 29)]).version}
    assert len(versions) == 6


def test_version_does_not_change_with_use() -> None:
    fresh = WorkingCalendar(closure_days=CLOSED_XMAS_2026)
    before = fresh.version
    fresh.add_working_days(D(2020, 1, 1), 2000)
    assert fresh.version == before


DATES = st.dates(D(2020, 1, 1), D(2030, 12, 31))


@given(DATES, st.integers(0, 70))
def test_counting_forwards_and_back_agree(start: dt.date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(end, start) == -n
    if n >= 1:
        assert CAL.is_working_day(end)
        assert CAL.add_working_days(end, -n) <= start


@given(DATES, st.integers(1, 70))
def test_negative_n_lands_on_a_working_day(start: dt.date, n: int) -> None:
    back = CAL.add_working_days(start, -n)
    assert CAL.is_working_day(back)
    # between() counts the half-open range (back, start]: n - 1 working days strictly inside, plus start itself.
    assert CAL.working_days_between(start, back) == -(n - 1 + CAL.is_working_day(start))
    assert CAL.add_working_days(back, n) >= start


@given(DATES, st.integers(0, 70))
def test_closure_days_never_make_a_deadline_earlier(start: dt.date, n: int) -> None:
    closed = WorkingCalendar(closure_days=CLOSED_XMAS_2026 + [D(2027, 12, 29), D(2027, 12, 30)])
    assert closed.add_working_days(start, n) >= CAL.add_working_days(start, n)


@given(DATES)
def test_working_days_agree_with_the_holiday_library(day: dt.date) -> None:
    library = holidays.country_holidays("GB", subdiv="ENG", years=day.year)
    assert CAL.is_working_day(day) == (day.weekday() < 5 and day not in library)
