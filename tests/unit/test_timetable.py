"""The statutory timetable: which event starts which deadline, and on which date it falls.

Every expected date is worked out by hand in the comments (day 0 is the event's day).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from intake.calendar import WorkingCalendar
from intake.timetable import DueDate, Event, TimetableLimits, due_date, due_dates, parse_event

D = dt.date
CAL = WorkingCalendar()


def by_deadline(event: Event, on: dt.date, calendar: WorkingCalendar = CAL,
                limits: TimetableLimits = TimetableLimits()) -> dict[str, DueDate]:
    return {d.deadline: d for d in due_dates(event, on, calendar, limits)}


def test_a_complaint_received_the_wednesday_before_christmas_2026() -> None:
    due = by_deadline(Event.complaint_received, D(2026, 12, 23))
    assert list(due) == ["acknowledgement", "stage1_response"]
    ack, stage1 = due["acknowledgement"], due["stage1_response"]
    # 24 Dec (1); 25 Dec and 28 Dec (Boxing Day substitute) off; 29 (2); 30 (3)
    assert (ack.working_days, ack.due_date, ack.who) == (3, D(2026, 12, 30), "complaints team")
    assert ack.extended_working_days is None and ack.extended_due_date is None
    # 31 Dec (4); 1 Jan off; 4-8 Jan (5-9); 11 Jan (10)
    assert (stage1.working_days, stage1.due_date, stage1.who) == (10, D(2027, 1, 11), "service manager")
    # 12-15 Jan (11-14); 18-22 Jan (15-19); 25 Jan (20)
    assert (stage1.extended_working_days, stage1.extended_due_date) == (20, D(2027, 1, 25))
    assert {d.event for d in due.values()} == {Event.complaint_received}
    assert {d.event_date for d in due.values()} == {D(2026, 12, 23)}
    assert {d.calendar_version for d in due.values()} == {CAL.version}


def test_the_same_complaint_with_the_council_closed_between_christmas_and_new_year() -> None:
    closed = WorkingCalendar(closure_days=[D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)])
    due = by_deadline(Event.complaint_received, D(2026, 12, 23), closed)
    # 24 Dec (1); 25 Dec - 3 Jan all off; 4 Jan (2); 5 Jan (3) ... 14 Jan (10); 15-28 Jan (11-20)
    assert due["acknowledgement"].due_date == D(2027, 1, 5)
    assert due["stage1_response"].due_date == D(2027, 1, 14)
    assert due["stage1_response"].extended_due_date == D(2027, 1, 28)
    assert due["acknowledgement"].calendar_version == closed.version != CAL.version


@pytest.mark.parametrize("on, ack, stage1, extended", [
    (D(2026, 11, 21), D(2026, 11, 25), D(2026, 12, 4), D(2026, 12, 18)),  # a Saturday: day 1 is Monday 23 Nov
    (D(2026, 12, 25), D(2026, 12, 31), D(2027, 1, 12), D(2027, 1, 26)),  # Christmas Day: 29, 30, 31 Dec
    (D(2026, 4, 2), D(2026, 4, 9), D(2026, 4, 20), D(2026, 5, 5)),       # before Easter 2026 (3, 6 Apr; 4 May)
])
def test_complaints_received_on_awkward_days(on: dt.date, ack: dt.date, stage1: dt.date, extended: dt.date) -> None:
    due = by_deadline(Event.complaint_received, on)
    assert (due["acknowledgement"].due_date, due["stage1_response"].due_date,
            due["stage1_response"].extended_due_date) == (ack, stage1, extended)


@pytest.mark.parametrize("event, on, deadline, days, expected, extended, who", [
    # 12-15 Jan (4); 18-22 (9); 25-29 (14); 1-5 Feb (19); 8 Feb (20)
    (Event.stage1_response_sent, D(2027, 1, 11), "stage2_request", 20, D(2027, 2, 8), None, "complainant"),
    # 21-24 Dec (4); 25, 28 off; 29-31 (7); 1 Jan off; 4-8 (12); 11-15 (17); 18-20 (20)
    (Event.stage1_response_sent, D(2026, 12, 18), "stage2_request", 20, D(2027, 1, 20), None, "complainant"),
    # 2-5 Mar (4); 8-12 (9); 15-19 (14); 22-25 (18); Easter 26, 29 off; 30-31 (20); 1-2 Apr (22); 5-7 (25).
    # Extended: 8-9 (27); 12-30 Apr (42); 3 May off; 4-28 May (61); 31 May off; 1-4 Jun (65)
    (Event.stage2_requested, D(2027, 3, 1), "stage2_response", 25, D(2027, 4, 7), D(2027, 6, 4),
     "investigating and adjudicating officers"),
    # 23-25 Mar (3); 26, 29 off; 30-31 (5); 1-2 Apr (7); 5-9 (12); 12-16 (17); 19-21 (20)
    (Event.stage2_adjudication_sent, D(2027, 3, 22), "stage3_request", 20, D(2027, 4, 21), None, "complainant"),
    # 22-23 Apr (2); 26-30 (7); 3 May off; 4-7 (11); 10-28 May (26); 31 May off; 1-4 Jun (30)
    (Event.stage3_requested, D(2027, 4, 21), "stage3_panel", 30, D(2027, 6, 4), None, "review panel"),
    (Event.panel_held, D(2027, 6, 4), "panel_report", 5, D(2027, 6, 11), None, "review panel"),
    # 29-31 Dec (3); 1 Jan off; 4 (4); 5 (5)
    (Event.panel_held, D(2026, 12, 24), "panel_report", 5, D(2027, 1, 5), None, "review panel"),
    # 14-18 Jun (5); 21-25 (10); 28 Jun - 2 Jul (15)
    (Event.panel_report_received, D(2027, 6, 11), "final_response", 15, D(2027, 7, 2), None, "director"),
    # 16-17 Dec (2); 20-24 (7); 27-28 substitutes; 29-31 (10); 3 Jan substitute; 4-7 (14); 10 Jan (15)
    (Event.panel_report_received, D(2027, 12, 15), "final_response", 15, D(2028, 1, 10), None, "director"),
])
def test_each_event_starts_its_deadline(event: Event, on: dt.date, deadline: str, days: int, expected: dt.date,
                                        extended: dt.date | None, who: str) -> None:
    [due] = due_dates(event, on, CAL)
    assert (due.deadline, due.working_days, due.due_date, due.extended_due_date, due.who) == \
        (deadline, days, expected, extended, who)
    assert due.extended_working_days == (65 if extended else None)
    assert due_date(deadline, on, CAL) == expected
    assert CAL.working_days_between(on, expected) == days


def test_every_event_starts_at_least_one_deadline_and_every_deadline_is_reachable() -> None:
    seen = [d.deadline for event in Event for d in due_dates(event, D(2027, 3, 1), CAL)]
    assert seen == ["acknowledgement", "stage1_response", "stage2_request", "stage2_response", "stage3_request",
                    "stage3_panel", "panel_report", "final_response"]


def test_due_date_for_one_deadline() -> None:
    assert due_date("stage2_response", D(2027, 3, 1), CAL) == D(2027, 4, 7)
    assert due_date("stage2_response", D(2027, 3, 1), CAL, extended=True) == D(2027, 6, 4)
    assert due_date("stage1_response", D(2026, 12, 23), CAL, TimetableLimits(stage1_response=5)) == D(2027, 1, 4)
    with pytest.raises(ValueError, match="has no extended limit"):
        due_date("acknowledgement", D(2026, 12, 23), CAL, extended=True)
    with pytest.raises(ValueError, match="unknown deadline 'stage9'.*acknowledgement"):
        due_date("stage9", D(2026, 12, 23), CAL)


def test_limits_are_configurable() -> None:
    limits = TimetableLimits(acknowledgement=5, stage1_response_extended=25)
    due = by_deadline(Event.complaint_received, D(2026, 12, 23), limits=limits)
    assert (due["acknowledgement"].working_days, due["acknowledgement"].due_date) == (5, D(2027, 1, 4))
    assert (due["stage1_response"].extended_working_days, due["stage1_response"].extended_due_date) == \
        (25, D(2027, 2, 1))  # 26-29 Jan (21-24); 1 Feb (25)


def test_the_defaults_are_the_statutory_ones() -> None:
    assert dataclasses.asdict(TimetableLimits()) == {
        "acknowledgement": 3, "stage1_response": 10, "stage1_response_extended": 20, "stage2_request": 20,
        "stage2_response": 25, "stage2_response_extended": 65, "stage3_request": 20, "stage3_panel": 30,
        "panel_report": 5, "final_response": 15}
    with pytest.raises(dataclasses.FrozenInstanceError):
        TimetableLimits().acknowledgement = 2  # type: ignore[misc]


@pytest.mark.parametrize("values, field", [
    ({"acknowledgement": 0}, "acknowledgement"),
    ({"stage3_panel": -1}, "stage3_panel"),
    ({"panel_report": 2.5}, "panel_report"),
    ({"final_response": True}, "final_response"),
    ({"stage2_request": "20"}, "stage2_request"),
    ({"stage1_response": 15, "stage1_response_extended": 12}, "stage1_response_extended"),
    ({"stage2_response": 70}, "stage2_response_extended"),
])
def test_limits_are_validated(values: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        TimetableLimits(**values)  # type: ignore[arg-type]


def test_an_extension_equal_to_the_normal_limit_is_allowed() -> None:
    assert TimetableLimits(stage1_response=20, stage1_response_extended=20).stage1_response == 20


def test_parse_event() -> None:
    assert parse_event("stage2_requested") is Event.stage2_requested
    assert all(parse_event(e.value) is e for e in Event)
    with pytest.raises(ValueError) as caught:
        parse_event("stage9")
    message = str(caught.value)
    assert "'stage9'" in message
    assert all(e.value in message for e in Event)
    with pytest.raises(ValueError):
        Event("stage9")


def test_due_dates_accepts_an_event_name() -> None:
    by_name = due_dates("panel_held", D(2027, 6, 4), CAL)  # type: ignore[arg-type]
    assert by_name == due_dates(Event.panel_held, D(2027, 6, 4), CAL)
    assert by_name[0].event is Event.panel_held
    with pytest.raises(ValueError, match="complaint_received"):
        due_dates("stage9", D(2027, 6, 4), CAL)  # type: ignore[arg-type]


def test_to_json_uses_iso_dates_and_plain_types() -> None:
    [ack, stage1] = due_dates(Event.complaint_received, D(2026, 12, 23), CAL)
    assert stage1.to_json() == {
        "deadline": "stage1_response", "event": "complaint_received", "event_date": "2026-12-23",
        "working_days": 10, "due_date": "2027-01-11", "extended_working_days": 20,
        "extended_due_date": "2027-01-25", "who": "service manager", "calendar_version": CAL.version}
    assert ack.to_json()["due_date"] == "2026-12-30"
    assert ack.to_json()["extended_due_date"] is None and ack.to_json()["extended_working_days"] is None
    assert type(stage1.to_json()["event"]) is str
    assert json.loads(json.dumps(ack.to_json())) == ack.to_json()
