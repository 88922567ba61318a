"""The triage queue: what staff should look at first, and why.

Urgent safeguarding first; then what waits for a person's decision (a category
or eligibility to review, an acknowledgement held back); then everything else by
its nearest statutory deadline. Sorting happens here, not in a page, so the
order is the same wherever the queue is shown and can be tested on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from intake.calendar import WorkingCalendar
from intake.db.models import Case, Deadline

GROUPS = ("safeguarding", "needs_decision", "in_progress")
GROUP_TITLES = {"safeguarding": "Safeguarding: look now", "needs_decision": "Needs a person's decision",
                "in_progress": "In progress, nearest deadline first"}
ACTIVE_STATUSES = ("open", "paused")


@dataclass(frozen=True)
class QueueFilters:
    category: str = ""
    stage: int | None = None
    status: str = ""
    officer: str = ""
    overdue: bool = False


@dataclass(frozen=True)
class QueueRow:
    case: Case
    group: str
    why: tuple[str, ...]
    next_deadline: Deadline | None
    # Working days from today to the nearest open due date; negative when overdue.
    working_days_left: int | None

    @property
    def overdue(self) -> bool:
        return self.working_days_left is not None and self.working_days_left < 0


@dataclass
class Queue:
    rows: list[QueueRow] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {group: sum(1 for r in self.rows if r.group == group) for group in GROUPS}

    def overdue_count(self) -> int:
        return sum(1 for r in self.rows if r.overdue)


def reasons_for_a_person(case: Case) -> tuple[str, ...]:
    why = []
    if case.category_review:
        why.append("category to review")
    if case.eligibility_decision == "needs_review":
        why.append("eligibility to decide")
    if case.acknowledgement == "held":
        why.append("acknowledgement held")
    return tuple(why)


def build_queue(session: Session, calendar: WorkingCalendar, today: dt.date,
                filters: QueueFilters = QueueFilters()) -> Queue:
    query = (select(Case).options(selectinload(Case.deadlines))
             .where(Case.status.in_((filters.status,) if filters.status else ACTIVE_STATUSES)))
    if filters.category:
        query = query.where(Case.category == filters.category)
    if filters.stage is not None:
        query = query.where(Case.stage == filters.stage)
    if filters.officer == "-":
        query = query.where(Case.officer.is_(None))
    elif filters.officer:
        query = query.where(Case.officer == filters.officer)
    rows = [_row(case, calendar, today) for case in session.scalars(query)]
    if filters.overdue:
        rows = [r for r in rows if r.overdue]
    rows.sort(key=_order)
    return Queue(rows)


def _row(case: Case, calendar: WorkingCalendar, today: dt.date) -> QueueRow:
    open_deadlines = [d for d in case.deadlines if d.met_at is None]
    nearest = min(open_deadlines, key=lambda d: d.due_date, default=None)
    left = calendar.working_days_between(today, nearest.due_date) if nearest else None
    why = reasons_for_a_person(case)
    group = ("safeguarding" if "safeguarding" in case.flags and case.status == "open"
             else "needs_decision" if why else "in_progress")
    return QueueRow(case, group, why, nearest, left)


def _order(row: QueueRow) -> tuple[int, dt.date, dt.datetime]:
    due = row.next_deadline.due_date if row.next_deadline else dt.date.max
    return GROUPS.index(row.group), due, row.case.received_at
