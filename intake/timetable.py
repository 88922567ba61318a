"""The statutory timetable of the children's complaints procedure, in working days (pure).

Each event (a complaint received, a Stage 1 response sent, ...) starts one or more
deadlines. The limits are configurable because councils differ; the defaults are
those of the Regulations and guidance as summarised in domain.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from intake.calendar import WorkingCalendar


class Event(StrEnum):
    """Something that happened on a case and starts a clock."""

    complaint_received = "complaint_received"
    stage1_response_sent = "stage1_response_sent"
    stage2_requested = "stage2_requested"
    stage2_adjudication_sent = "stage2_adjudication_sent"
    stage3_requested = "stage3_requested"
    panel_held = "panel_held"
    panel_report_received = "panel_report_received"


# The deadlines the law lets the council extend (the complainant is told why).
EXTENDABLE = frozenset({"stage1_response", "stage2_response"})


@dataclass(frozen=True)
class TimetableLimits:
    """Working-day limits; validated on construction so bad configuration fails at load time."""

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
        for normal in EXTENDABLE:
            if getattr(self, f"{normal}_extended") < getattr(self, normal):
                raise ValueError(f"{normal}_extended must not be shorter than {normal}")


# deadline -> (the event that starts its clock, who must act); in procedure order.
DEADLINES: dict[str, tuple[Event, str]] = {
    "acknowledgement": (Event.complaint_received, "complaints team"),
    "stage1_response": (Event.complaint_received, "service manager"),
    "stage2_request": (Event.stage1_response_sent, "complainant"),
    "stage2_response": (Event.stage2_requested, "investigating and adjudicating officers"),
    "stage3_request": (Event.stage2_adjudication_sent, "complainant"),
    "stage3_panel": (Event.stage3_requested, "review panel"),
    "panel_report": (Event.panel_held, "review panel"),
    "final_response": (Event.panel_report_received, "director"),
}


@dataclass(frozen=True)
class DueDate:
    """One deadline as computed, with the calendar version so a stored date can be explained later."""

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
        """Plain JSON types: ISO dates, the event's name."""
        extended = self.extended_due_date
        return {"deadline": self.deadline, "event": self.event.value, "event_date": self.event_date.isoformat(),
                "working_days": self.working_days, "due_date": self.due_date.isoformat(),
                "extended_working_days": self.extended_working_days,
                "extended_due_date": extended.isoformat() if extended else None,
                "who": self.who, "calendar_version": self.calendar_version}


def parse_event(name: str) -> Event:
    """An Event from its name, with an error that lists the valid names (for the CLI and config)."""
    try:
        return Event(name)
    except ValueError:
        raise ValueError(f"unknown event {name!r}; expected one of: {', '.join(e.value for e in Event)}") from None


def _limit(deadline: str, limits: TimetableLimits, extended: bool) -> int:
    if deadline not in DEADLINES:
        raise ValueError(f"unknown deadline {deadline!r}; expected one of: {', '.join(DEADLINES)}")
    if extended and deadline not in EXTENDABLE:
        raise ValueError(f"{deadline} has no extended limit; only {', '.join(sorted(EXTENDABLE))} do")
    return int(getattr(limits, f"{deadline}_extended" if extended else deadline))


def due_date(deadline: str, event_date: dt.date, calendar: WorkingCalendar,
             limits: TimetableLimits = TimetableLimits(), extended: bool = False) -> dt.date:
    """The date one deadline falls on, counting from the event that starts it."""
    return calendar.add_working_days(event_date, _limit(deadline, limits, extended))


def due_dates(event: Event, on: dt.date, calendar: WorkingCalendar,
              limits: TimetableLimits = TimetableLimits()) -> list[DueDate]:
    """Every deadline that `event` on `on` starts, with its extended date where the law allows one."""
    event = parse_event(event)
    result = []
    for deadline, (starts_on, who) in DEADLINES.items():
        if starts_on is not event:
            continue
        days = _limit(deadline, limits, extended=False)
        extended_days = _limit(deadline, limits, extended=True) if deadline in EXTENDABLE else None
        result.append(DueDate(
            deadline=deadline, event=event, event_date=on, working_days=days,
            due_date=calendar.add_working_days(on, days), extended_working_days=extended_days,
            extended_due_date=calendar.add_working_days(on, extended_days) if extended_days else None,
            who=who, calendar_version=calendar.version))
    return result
