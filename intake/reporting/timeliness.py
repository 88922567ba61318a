"""Answered within the statutory timescales: each of the council's deadlines whose clock started in
the period, judged on time, within an extension, late, overdue or pending, in the council's time zone
and working days. A deadline belongs to the period its clock started in (`event_date`)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.db.models import Case, Deadline
from intake.notices.plan import COUNCIL_DEADLINES, DEADLINE_NAMES
from intake.reporting.period import Period
from intake.timetable import EXTENDABLE, TimetableLimits

# The stage each of the council's deadlines belongs to.
STAGE_OF = {"acknowledgement": 1, "stage1_response": 1, "stage2_response": 2, "stage3_panel": 3,
            "panel_report": 3, "final_response": 3}
OPEN = ("open", "paused")
# A duplicate merged into another case (intake.staff_actions) is counted once, under the case it joined.
MERGED = "merged"


@dataclass(frozen=True)
class Timeliness:
    """One of the council's deadlines, over the deadlines whose clock started in the period.

    Answered: `on_time` (by the first limit, extended or not), `within_extension`
    (extended, answered after the first limit and by the extended one), `late`.
    Not answered: `overdue` (past due, case open), `pending` (not yet due, or the
    clock is paused), `not_answered` (case closed without the step recorded).
    """

    deadline: str
    label: str
    stage: int
    working_days: int
    extended_working_days: int | None
    on_time: int = 0
    within_extension: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0
    not_answered: int = 0
    extended: int = 0  # how many were extended, whatever came of them

    @property
    def answered(self) -> int:
        return self.on_time + self.within_extension + self.late

    @property
    def within_timescale(self) -> int:
        return self.on_time + self.within_extension

    @property
    def share_within_timescale(self) -> float | None:
        """Of those answered, the share answered within the statutory timescale (0..1); None if none."""
        return self.within_timescale / self.answered if self.answered else None


def deadline_label(name: str) -> str:
    """The notices' words for a deadline, as a heading: "Stage 1 response", "Acknowledgement"."""
    words = DEADLINE_NAMES.get(name, name.replace("_", " "))
    return words[:1].upper() + words[1:]


def _deadline_rows(session: Session, period: Period) -> Iterable[Any]:
    """The narrow rows behind timeliness: no case is loaded, only these columns."""
    return session.execute(
        select(Deadline.deadline, Deadline.extended, Deadline.event_date, Deadline.working_days,
               Deadline.due_date, Deadline.met_at, Case.status)
        .join(Case, Deadline.case_id == Case.id)
        .where(Deadline.deadline.in_(COUNCIL_DEADLINES), Deadline.event_date >= period.start,
               Deadline.event_date <= period.end, Case.status != MERGED))


def _first_due(row: Any, calendar: WorkingCalendar, limits: TimetableLimits) -> dt.date:
    """An extended deadline's first due date: its working days less the extension (pauses kept)."""
    if not row.extended or row.deadline not in EXTENDABLE:
        return row.due_date  # type: ignore[no-any-return]
    extension = getattr(limits, f"{row.deadline}_extended") - getattr(limits, row.deadline)
    return calendar.add_working_days(row.event_date, row.working_days - extension)


def _verdict(row: Any, tz: dt.tzinfo, calendar: WorkingCalendar, limits: TimetableLimits, today: dt.date) -> str:
    if row.met_at is None:
        if row.status not in OPEN:
            return "not_answered"
        return "overdue" if row.status == "open" and row.due_date < today else "pending"
    met_on = row.met_at.astimezone(tz).date()  # met on the due date, in the council's time zone, is on time
    if met_on <= _first_due(row, calendar, limits):
        return "on_time"
    return "within_extension" if row.extended and met_on <= row.due_date else "late"


def timeliness(session: Session, period: Period, tz: dt.tzinfo, calendar: WorkingCalendar,
               limits: TimetableLimits, today: dt.date) -> tuple[Timeliness, ...]:
    """For each of the council's deadlines: answered on time, within an extension, late, or not yet."""
    verdicts: dict[str, Counter[str]] = {name: Counter() for name in COUNCIL_DEADLINES}
    for row in _deadline_rows(session, period):
        verdicts[row.deadline][_verdict(row, tz, calendar, limits, today)] += 1
        verdicts[row.deadline]["extended"] += bool(row.extended)
    result = []
    for name in COUNCIL_DEADLINES:
        found = verdicts[name]
        result.append(Timeliness(
            deadline=name, label=deadline_label(name), stage=STAGE_OF[name],
            working_days=int(getattr(limits, name)),
            extended_working_days=int(getattr(limits, f"{name}_extended")) if name in EXTENDABLE else None,
            on_time=found["on_time"], within_extension=found["within_extension"], late=found["late"],
            overdue=found["overdue"], pending=found["pending"], not_answered=found["not_answered"],
            extended=found["extended"]))
    return tuple(result)


def median_acknowledgement_working_days(session: Session, period: Period, tz: dt.tzinfo,
                                        calendar: WorkingCalendar) -> float | None:
    """Working days from receipt to the acknowledgement going out, middle value; None if none went."""
    rows = session.execute(select(Deadline.event_date, Deadline.met_at).join(Case, Deadline.case_id == Case.id).where(
        Deadline.deadline == "acknowledgement", Deadline.met_at.is_not(None),
        Deadline.event_date >= period.start, Deadline.event_date <= period.end, Case.status != MERGED))
    days = [calendar.working_days_between(received_on, met_at.astimezone(tz).date()) for received_on, met_at in rows]
    return float(statistics.median(days)) if days else None
