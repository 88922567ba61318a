"""The managers' daily digest: what is due, what is late, what is waiting for a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.db.models import Case, Deadline
from intake.notices.plan import COUNCIL_DEADLINES, DEADLINE_NAMES

AHEAD_WORKING_DAYS = 3


@dataclass(frozen=True)
class DigestLine:
    reference: str
    deadline: str
    due_date: dt.date
    working_days: int


@dataclass
class Digest:
    day: dt.date
    due_today: list[DigestLine] = field(default_factory=list)
    due_soon: list[DigestLine] = field(default_factory=list)
    overdue: list[DigestLine] = field(default_factory=list)
    safeguarding_open: list[str] = field(default_factory=list)
    acknowledgements_waiting: list[str] = field(default_factory=list)


def build_digest(session: Session, calendar: WorkingCalendar, day: dt.date) -> Digest:
    digest = Digest(day)
    horizon = calendar.add_working_days(day, AHEAD_WORKING_DAYS)
    rows = session.execute(
        select(Deadline, Case.reference).join(Case, Deadline.case_id == Case.id)
        .where(Deadline.met_at.is_(None), Case.status == "open", Deadline.deadline.in_(COUNCIL_DEADLINES),
               Deadline.due_date <= horizon)
        .order_by(Deadline.due_date, Case.reference))
    for deadline, reference in rows:
        line = DigestLine(reference, DEADLINE_NAMES[deadline.deadline], deadline.due_date,
                          calendar.working_days_between(day, deadline.due_date))
        target = digest.overdue if line.due_date < day else digest.due_today if line.due_date == day \
            else digest.due_soon
        target.append(line)
    ended = ("closed", "merged")  # a merged duplicate is reported under the case it joined
    for case in session.scalars(select(Case).where(Case.status.not_in(ended)).order_by(Case.reference)):
        if "safeguarding" in case.flags:
            digest.safeguarding_open.append(case.reference)
        if case.acknowledgement != "sent":
            digest.acknowledgements_waiting.append(case.reference)
    return digest
