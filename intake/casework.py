"""What staff do to a case's timetable: assign, extend, record a step, close.

Each change is an event in the case trail, and each moves the deadlines table,
which is all the notice scan reads: change a deadline here and the reminders and
escalations follow by themselves.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.case_log import record_event
from intake.db.models import Case, CaseEvent, Deadline
from intake.errors import IntakeError
from intake.timetable import EXTENDABLE, Event, TimetableLimits, due_date, due_dates

# The deadline an event meets (the step it records was due), and the stage the case is then at.
MEETS: dict[Event, tuple[str, int]] = {
    Event.stage1_response_sent: ("stage1_response", 1),
    Event.stage2_requested: ("stage2_request", 2),
    Event.stage2_adjudication_sent: ("stage2_response", 2),
    Event.stage3_requested: ("stage3_request", 3),
    Event.panel_held: ("stage3_panel", 3),
    Event.panel_report_received: ("panel_report", 3),
}


# How a complaint ended, as the annual report counts them.
OUTCOMES = ("upheld", "partly_upheld", "not_upheld", "withdrawn", "resolved")


class CaseworkRefused(IntakeError):
    exit_code = 2


def find_case(session: Session, reference: str) -> Case:
    case = session.scalar(select(Case).where(Case.reference == reference))
    if case is None:
        raise CaseworkRefused(f"no case {reference!r}; `intake cases` lists them")
    return case


def open_deadline(session: Session, case: Case, name: str) -> Deadline | None:
    return session.scalar(select(Deadline).where(Deadline.case_id == case.id, Deadline.deadline == name,
                                                 Deadline.met_at.is_(None)))


def assign(session: Session, case: Case, officer: str, *, by: str, at: dt.datetime) -> None:
    """The officer receives the reminders (an email address; anything else: the team mailbox)."""
    previous, case.officer = case.officer, officer.strip()
    record_event(session, case, at, by, "officer_assigned", officer=case.officer, previous=previous)


def extend(session: Session, case: Case, deadline: str, *, reason: str, by: str, at: dt.datetime,
           calendar: WorkingCalendar, limits: TimetableLimits) -> Deadline:
    """A complex case: the statutory extended limit, counted from the same event."""
    if deadline not in EXTENDABLE:
        raise CaseworkRefused(f"{deadline} cannot be extended; only {', '.join(sorted(EXTENDABLE))} can")
    row = open_deadline(session, case, deadline)
    if row is None:
        raise CaseworkRefused(f"{case.reference} has no open {deadline} deadline to extend")
    if row.extended:
        raise CaseworkRefused(f"{case.reference}: {deadline} is already extended (to {row.due_date})")
    old = row.due_date
    row.due_date = due_date(deadline, row.event_date, calendar, limits, extended=True)
    row.working_days = int(getattr(limits, f"{deadline}_extended"))
    row.extended, row.calendar_version = True, calendar.version
    record_event(session, case, at, by, "deadline_extended", deadline=deadline, reason=reason,
                 old_due_date=old.isoformat(), due_date=row.due_date.isoformat())
    return row


def record_step(session: Session, case: Case, event: Event, on: dt.date, *, by: str, at: dt.datetime,
                calendar: WorkingCalendar, limits: TimetableLimits) -> list[Deadline]:
    """A step happened on `on`: the deadline it meets is met, the clocks it starts are planned."""
    meets, stage = MEETS[event]
    met = open_deadline(session, case, meets)
    if met is not None:
        met.met_at = at
    case.stage = max(case.stage, stage)
    existing = {d for (d,) in session.execute(select(Deadline.deadline).where(Deadline.case_id == case.id))}
    planned = []
    for due in due_dates(event, on, calendar, limits):
        if due.deadline in existing:
            continue
        row = Deadline(case_id=case.id, deadline=due.deadline, event=event.value, event_date=on,
                       working_days=due.working_days, due_date=due.due_date,
                       calendar_version=due.calendar_version)
        session.add(row)
        planned.append(row)
    record_event(session, case, at, by, "step_recorded", event=event.value, on=on.isoformat(),
                 met=meets if met is not None else None,
                 planned={d.deadline: d.due_date.isoformat() for d in planned})
    return planned


def pause(session: Session, case: Case, on: dt.date, *, reason: str, by: str, at: dt.datetime) -> None:
    """Stop the clock (a local practice, e.g. while consent is awaited): no notices until resumed."""
    if case.status != "open":
        raise CaseworkRefused(f"{case.reference} is {case.status}; only an open case can be paused")
    case.status = "paused"
    record_event(session, case, at, by, "clock_paused", on=on.isoformat(), reason=reason)


def resume(session: Session, case: Case, on: dt.date, *, by: str, at: dt.datetime,
           calendar: WorkingCalendar) -> int:
    """Start the clock again: every open deadline moves by the working days the pause lasted."""
    if case.status != "paused":
        raise CaseworkRefused(f"{case.reference} is not paused")
    paused = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.action == "clock_paused")
                             .order_by(CaseEvent.id.desc())).first()
    assert paused is not None
    days = max(0, calendar.working_days_between(dt.date.fromisoformat(paused.detail["on"]), on))
    for row in session.scalars(select(Deadline).where(Deadline.case_id == case.id, Deadline.met_at.is_(None))):
        # Kept as working days from the event, so a later calendar change still counts it right.
        row.working_days += days
        row.due_date = calendar.add_working_days(row.event_date, row.working_days)
    case.status = "open"
    record_event(session, case, at, by, "clock_resumed", on=on.isoformat(), paused_working_days=days)
    return days


def close(session: Session, case: Case, *, outcome: str, by: str, at: dt.datetime) -> None:
    """Closed: no more reminders or escalations for it."""
    if outcome not in OUTCOMES:
        raise CaseworkRefused(f"the outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
    case.status = "closed"
    record_event(session, case, at, by, "case_closed", outcome=outcome)


def recompute_deadlines(session: Session, calendar: WorkingCalendar, limits: TimetableLimits,
                        at: dt.datetime) -> int:
    """A bank holiday or closure day was added or removed: move every open deadline to match.

    Each move is an event in its case's trail, with the calendar versions before and after.
    """
    moved = 0
    # Locked rows are another worker's to move: skipping them records each move once.
    stale = session.scalars(select(Deadline).where(Deadline.met_at.is_(None),
                                                   Deadline.calendar_version != calendar.version)
                            .with_for_update(skip_locked=True))
    for row in stale:
        new = calendar.add_working_days(row.event_date, row.working_days)
        old_version, row.calendar_version = row.calendar_version, calendar.version
        if new != row.due_date:
            record_event(session, row.case, at, "system", "deadline_recomputed", deadline=row.deadline,
                         old_due_date=row.due_date.isoformat(), due_date=new.isoformat(),
                         old_calendar=old_version, calendar=calendar.version)
            row.due_date = new
            moved += 1
    return moved
