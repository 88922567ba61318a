"""Writing to the case log: references, cases and their trail."""

from __future__ import annotations

import datetime as dt
from typing import Any, Collection

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.db.models import Case, CaseCounter, CaseEvent, Deadline
from intake.timetable import Event, TimetableLimits, due_dates


def format_reference(year: int, number: int) -> str:
    return f"CSC-{year}-{number:04d}"


COUNTERS = "case_counters"


def next_number(session: Session, year: int) -> int:
    """The next number for the year, contiguous and never shared.

    The year's counter row is read once per transaction under a row lock
    (SELECT ... FOR UPDATE; SQLite's write lock does the same), numbers are handed
    out in memory, and the counter is written back just before commit
    (`write_counters`), so a batch of cases costs one read and one write.
    """
    counters: dict[int, int] = session.info.setdefault(COUNTERS, {})
    if year not in counters:
        counters[year] = _locked_counter(session, year)
    counters[year] += 1
    return counters[year]


def _locked_counter(session: Session, year: int) -> int:
    read = select(CaseCounter.last_number).where(CaseCounter.year == year).with_for_update()
    with session.no_autoflush:
        current = session.scalar(read)
    if current is not None:
        return current
    dialect = session.get_bind().dialect.name
    insert_new = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CaseCounter)
    # A new year's first case: another worker may create the row at the same moment.
    session.execute(insert_new.values(year=year, last_number=0).on_conflict_do_nothing())
    current = session.scalar(read)
    assert current is not None
    return current


def write_counters(session: Session) -> None:
    """Session hook (before commit): store the numbers handed out in this transaction."""
    for year, last in session.info.pop(COUNTERS, {}).items():
        session.execute(update(CaseCounter).where(CaseCounter.year == year).values(last_number=last))


def forget_counters(session: Session, *_: object) -> None:
    """Session hook (after rollback): numbers handed out in a rolled-back transaction are free again."""
    session.info.pop(COUNTERS, None)


def record_event(session: Session, case: Case, at: dt.datetime, actor: str, action: str,
                 **detail: Any) -> CaseEvent:
    event = CaseEvent(case=case, at=at, actor=actor, action=action, detail=detail)
    session.add(event)
    return event



def log_new_case(session: Session, *, received_at: dt.datetime, tz: dt.tzinfo, **fields: Any) -> Case:
    """A new case with the next reference of the year it was received (in the council's zone).

    Shared by the pipeline (`log_case`) and a case made by hand (intake.staff_actions), so
    both number and store a case the same way. Added to the session; written at commit.
    """
    year = received_at.astimezone(tz).year
    number = next_number(session, year)
    case = Case(reference=format_reference(year, number), year=year, number=number,
                received_at=received_at, **fields)
    session.add(case)
    return case


def plan_received(session: Session, case: Case, received_on: dt.date, *, complaint: bool,
                  calendar: WorkingCalendar, limits: TimetableLimits, at: dt.datetime,
                  actor: str = "system", already: Collection[str] = ()) -> dict[str, dt.date]:
    """Write the due dates that receiving the message starts; returns them by deadline name.

    A compliment or suggestion has no statutory response clock, only a prompt thank-you,
    so it keeps the acknowledgement deadline alone. Shared by `plan_timetable`, a case
    made by hand and a case that becomes a complaint, so all plan the same clocks; the
    deadlines `already` planned are left as they are.
    """
    planned = [d for d in due_dates(Event.complaint_received, received_on, calendar, limits)
               if (complaint or d.deadline == "acknowledgement") and d.deadline not in already]
    for due in planned:
        session.add(Deadline(case=case, deadline=due.deadline, event=due.event.value,
                             event_date=due.event_date, working_days=due.working_days,
                             due_date=due.due_date, calendar_version=due.calendar_version))
    record_event(session, case, at, actor, "timetable_planned",
                 deadlines={d.deadline: d.due_date.isoformat() for d in planned},
                 calendar_version=calendar.version)
    return {d.deadline: d.due_date for d in planned}
