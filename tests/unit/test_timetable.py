"""The statutory timetable: which event starts which deadline, and on which date it falls."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.calendar import WorkingCalendar
from intake.timetable import Event, TimetableLimits, due_date, due_dates, parse_event

D = dt.date
CAL = WorkingCalendar()


def by_deadline(event: Event, on: dt.date, limits: TimetableLimits = TimetableLimits()) -> dict[str, object]:
    return {d.deadline: d for d in due_dates(event, on, CAL, limits)}


def test_a_complaint_received_before_christmas() -> None:
    due = by_deadline(Event.complaint_received, D(2026, 12, 23))
    assert set(due) == {"acknowledgement", "stage1_response"}
    assert due["acknowledgement"].due_date == D(2026, 12, 30)
    assert due["acknowledgement"].extended_due_date is None
    assert due["stage1_response"].due_date == D(2027, 1, 11)
    assert due["stage1_response"].extended_due_date == D(2027, 1, 25)
    assert due["stage1_response"].calendar_version == CAL.version


@pytest.mark.parametrize("event, on, deadline, days, expected, extended", [
    (Event.stage1_response_sent, D(2027, 1, 11), "stage2_request", 20, D(2027, 2, 8), None),
    (Event.stage2_requested, D(2027, 3, 1), "stage2_response", 25, D(2027, 4, 7), D(2027, 6, 4)),
    (Event.stage2_adjudication_sent, D(2027, 3, 22), "stage3_request", 20, D(2027, 4, 21), None),
    (Event.stage3_requested, D(2027, 4, 21), "stage3_panel", 30, D(2027, 6, 4), None),
    (Event.panel_held, D(2027, 6, 4), "panel_report", 5, D(2027, 6, 11), None),
    (Event.panel_report_received, D(2027, 6, 11), "final_response", 15, D(2027, 7, 2), None),
])
def test_each_event_starts_its_deadline(event: Event, on: dt.date, deadline: str, days: int,
                                        expected: dt.date, extended: dt.date | None) -> None:
    [due] = due_dates(event, on, CAL)
    assert (due.deadline, due.working_days, due.due_date, due.extended_due_date) == (deadline, days, expected, extended)


def test_easter_inside_a_stage2_investigation() -> None:
    # 25 working days from 1 Mar 2027 skip Good Friday (26 Mar) and Easter Monday (29 Mar).
    assert CAL.working_days_between(D(2027, 3, 1), D(2027, 4, 7)) == 25
    assert due_date("stage2_response", D(2027, 3, 1), CAL) == D(2027, 4, 7)
    assert due_date("stage2_response", D(2027, 3, 1), CAL, extended=True) == D(2027, 6, 4)


def test_limits_are_configurable_and_validated() -> None:
    due = by_deadline(Event.complaint_received, D(2026, 12, 23), TimetableLimits(acknowledgement=5))
    assert due["acknowledgement"].due_date == D(2027, 1, 4)
    with pytest.raises(ValueError, match="acknowledgement"):
        TimetableLimits(acknowledgement=0)
    with pytest.raises(ValueError, match="stage1_response_extended"):
        TimetableLimits(stage1_response=15, stage1_response_extended=12)


def test_parse_event_names_the_valid_events() -> None:
    assert parse_event("stage2_requested") is Event.stage2_requested
    with pytest.raises(ValueError, match="complaint_received"):
        parse_event("stage9")


def test_json_uses_iso_dates() -> None:
    [ack, stage1] = due_dates(Event.complaint_received, D(2026, 12, 23), CAL)
    assert ack.to_json()["due_date"] == "2026-12-30" and ack.to_json()["extended_due_date"] is None
    assert stage1.to_json()["event"] == "complaint_received"
    assert stage1.to_json()["extended_due_date"] == "2027-01-25"
