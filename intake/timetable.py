"""The statutory timetable of the children's complaints procedure, in working days (pure).

Each event (a complaint received, a Stage 1 response sent, ...) starts one or more
deadlines; the limits are configurable because councils differ, with the
defaults from the Regulations and guidance summarised in domain.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from intake.calendar import WorkingCalendar


class Event(StrEnum):
    complaint_received = "complaint_received"
    stage1_response_sent = "stage1_response_sent"
    stage2_requested = "stage2_requested"
    stage2_adjudication_sent = "stage2_adjudication_sent"
    stage3_requested = "stage3_requested"
    panel_held = "panel_held"
    panel_report_received = "panel_report_received"


@dataclass(frozen=True)
class TimetableLimits:
    acknowledgement: int = 3
    stage1_response: int = 10
    stage1_response_extended: int = 20
    stage2_request: int = 20
    stage2_response: int = 25
    stage2_response_extended: int = 65
    stage3_request: int = 20
    stage3_panel: int = 30
    panel_report: int = 5
    final_response: int = 15

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{f.name} must be a whole number of working days of at least 1, got {value!r}")
        for normal in ("stage1_response", "stage2_response"):
            if getattr(self, f"{normal}_extended") < getattr(self, normal):
                raise ValueError(f"{normal}_extended must not be shorter than {normal}")


# deadline → (event that starts it, who must act, has an extended limit)
DEADLINES: dict[str, tuple[Event, str, bool]] = {
    "acknowledgement": (Event.complaint_received, "complaints team", False),
    "stage1_response": (Event.complaint_received, "service manager", True),
    "stage2_request": (Event.stage1_response_sent, "complainant", False),
    "stage2_response": (Event.stage2_requested, "investigating and adjudicating officers", True),
    "stage3_request": (Event.stage2_adjudication_sent, "complainant", False),
    "stage3_panel": (Event.stage3_requested, "review panel", False),
    "panel_report": (Event.panel_held, "review panel", False),
    "final_response": (Event.panel_report_received, "director", False),
}


@dataclass(frozen=True)
class DueDate:
    deadline: str
    event: Event
    event_date: dt.date
    working_days: int
    due_date: dt.date
    extended_working_days: int | None
    extended_due_date: dt.date | None
    who: str
    calendar_version: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["event"] = self.event.value
        for key in ("event_date", "due_date", "extended_due_date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def parse_event(name: str) -> Event:
    try:
        return Event(name)
    except ValueError:
        raise ValueError(f"unknown event {name!r}; expected one of: {', '.join(e.value for e in Event)}") from None


def due_date(deadline: str, event_date: dt.date, calendar: WorkingCalendar,
             limits: TimetableLimits = TimetableLimits(), extended: bool = False) -> dt.date:
    days = getattr(limits, f"{deadline}_extended" if extended else deadline)
    return calendar.add_working_days(event_date, days)


def due_dates(event: Event, on: dt.date, calendar: WorkingCalendar,
              limits: TimetableLimits = TimetableLimits()) -> list[DueDate]:
    """Every deadline that `event` on `on` starts, with its extended date where the law allows one."""
    result = []
    for deadline, (starts_on, who, extendable) in DEADLINES.items():
        if starts_on is not event:
            continue
        days = getattr(limits, deadline)
        extended_days = getattr(limits, f"{deadline}_extended") if extendable else None
        result.append(DueDate(
            deadline=deadline, event=event, event_date=on, working_days=days,
            due_date=calendar.add_working_days(on, days),
            extended_working_days=extended_days,
            extended_due_date=calendar.add_working_days(on, extended_days) if extended_days else None,
            who=who, calendar_version=calendar.version))
    return result
