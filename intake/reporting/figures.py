"""Counts for the manager's view and the annual report, over a period in the council's time zone.

A period is a range of local dates, both ends included; councils report on the
financial year, 1 April to 31 March (`financial_year(2026)`). A case belongs to
the period its `received_at` falls in, read in the council's time zone; a
deadline belongs to the period its clock started in (`event_date`, a local date),
so Stage 2 and Stage 3 are counted in the year they were asked for.

The database does the counting where it can (GROUP BY category, stage,
decision). Where the council's time zone or the working-day calendar decides (a
month, on time or late), one narrow select of a few columns is grouped here,
which reads the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import Select, Text, cast, func, select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.db.models import Case, CaseEvent, Deadline
from intake.notices.plan import COUNCIL_DEADLINES
from intake.reporting.period import MONTHS, Period
from intake.reporting.timeliness import (MERGED, OPEN, Timeliness, deadline_label,
                                         median_acknowledgement_working_days, timeliness)

CATEGORIES = {"complaint": "Complaints", "compliment": "Compliments", "suggestion": "Suggestions and comments",
              "out_of_scope": "Out of scope"}
STAGES = {1: "Stage 1", 2: "Stage 2", 3: "Stage 3"}
DECISIONS = {"eligible": "Eligible", "ineligible": "Not eligible", "needs_review": "Needs a person's decision",
             "n/a": "Not a complaint (n/a)"}
REASONS = {"time_limit": "Over 12 months old", "time_limit_good_reason": "Over 12 months old, reason given",
           "court_decision": "A court's decision", "other_organisation": "Another organisation's matter",
           "already_completed": "Already through all three stages", "consent_required": "Consent not shown",
           "not_childrens_social_care": "Another council service", "standing_unclear": "Standing unclear"}
OUTCOMES = {"upheld": "Upheld", "partly_upheld": "Partly upheld", "not_upheld": "Not upheld",
            "withdrawn": "Withdrawn", "resolved": "Resolved"}


@dataclass(frozen=True)
class Count:
    key: str  # the stored value (category, stage number, decision, reason code, outcome)
    label: str  # words for a person
    count: int


@dataclass(frozen=True)
class MonthCount:
    month: dt.date  # the first of the month
    label: str  # "April 2026"
    count: int


@dataclass(frozen=True)
class OverdueDeadline:
    case_reference: str
    deadline: str
    label: str
    due_date: dt.date
    working_days_overdue: int  # working days after the due date up to today (0 on a weekend just after it)
    officer: str | None


@dataclass(frozen=True)
class Caseload:
    """The position now, whatever the period."""

    today: dt.date
    open_cases: int
    paused_cases: int
    open_safeguarding: int  # open or paused cases flagged safeguarding
    overdue: tuple[OverdueDeadline, ...]  # oldest due date first

    @property
    def overdue_cases(self) -> int:
        return len({row.case_reference for row in self.overdue})


@dataclass(frozen=True)
class Report:
    period: Period
    generated_at: dt.datetime  # aware, in the council's time zone
    by_category: tuple[Count, ...]
    by_stage: tuple[Count, ...]  # complaints, by the furthest stage reached
    by_month: tuple[MonthCount, ...]
    eligibility: tuple[Count, ...]
    eligibility_reasons: tuple[Count, ...]
    outcomes: tuple[Count, ...]
    timeliness: tuple[Timeliness, ...]
    median_acknowledgement_working_days: float | None
    caseload: Caseload

    @property
    def total(self) -> int:
        return sum(c.count for c in self.by_category)


def _received_in(query: Select[Any], period: Period, tz: dt.tzinfo) -> Select[Any]:
    first, after = period.bounds(tz)
    return query.where(Case.received_at >= first, Case.received_at < after, Case.status != MERGED)


def _counts(found: Mapping[Any, int], labels: Mapping[Any, str]) -> tuple[Count, ...]:
    """Every known key (zero included) in its fixed order, then any other key found, sorted."""
    extra = sorted((k for k in found if k not in labels), key=str)
    return tuple(Count(str(k), labels.get(k, str(k).replace("_", " ").capitalize()), int(found.get(k, 0)))
                 for k in [*labels, *extra])


def volumes_by_category(session: Session, period: Period, tz: dt.tzinfo) -> tuple[Count, ...]:
    """Representations received: complaints, compliments, suggestions, out of scope."""
    query = _received_in(select(Case.category, func.count()).group_by(Case.category), period, tz)
    return _counts(dict(session.execute(query).tuples().all()), CATEGORIES)


def volumes_by_stage(session: Session, period: Period, tz: dt.tzinfo) -> tuple[Count, ...]:
    """Complaints received in the period, by the furthest stage each has reached."""
    query = _received_in(select(Case.stage, func.count()).where(Case.category == "complaint")
                         .group_by(Case.stage), period, tz)
    return _counts(dict(session.execute(query).tuples().all()), STAGES)


def volumes_by_month(session: Session, period: Period, tz: dt.tzinfo,
                     category: str | None = None) -> tuple[MonthCount, ...]:
    """Cases received in each calendar month of the period (local time), zero months included."""
    query = _received_in(select(Case.received_at), period, tz)
    if category is not None:
        query = query.where(Case.category == category)
    found = Counter(at.astimezone(tz).date().replace(day=1) for at in session.scalars(query))
    return tuple(MonthCount(m, f"{MONTHS[m.month - 1]} {m.year}", found[m]) for m in period.months())


def eligibility_decisions(session: Session, period: Period, tz: dt.tzinfo) -> tuple[Count, ...]:
    query = _received_in(select(Case.eligibility_decision, func.count()).group_by(Case.eligibility_decision),
                         period, tz)
    return _counts(dict(session.execute(query).tuples().all()), DECISIONS)


def eligibility_reason_codes(session: Session, period: Period, tz: dt.tzinfo) -> tuple[Count, ...]:
    """Reason codes on the cases not plainly eligible (a case may carry several)."""
    query = _received_in(select(Case.eligibility_reasons)
                         .where(Case.eligibility_decision.in_(("ineligible", "needs_review"))), period, tz)
    found = Counter(str(r["code"]) for reasons in session.scalars(query) for r in reasons or ()
                    if isinstance(r, dict) and r.get("code"))
    return _counts(found, REASONS)


def outcomes(session: Session, period: Period, tz: dt.tzinfo) -> tuple[Count, ...]:
    """Cases closed in the period, by the outcome recorded when each was (last) closed."""
    first, after = period.bounds(tz)
    query = (select(CaseEvent.case_id, CaseEvent.detail).where(CaseEvent.action == "case_closed",
                                                                CaseEvent.at >= first, CaseEvent.at < after)
             .order_by(CaseEvent.id))
    last = {case_id: str((detail or {}).get("outcome") or "unknown") for case_id, detail in session.execute(query)}
    return _counts(Counter(last.values()), OUTCOMES)


def overdue_deadlines(session: Session, calendar: WorkingCalendar, today: dt.date) -> tuple[OverdueDeadline, ...]:
    """The council's deadlines not met and past due, on open cases (a paused clock is not overdue)."""
    rows = session.execute(
        select(Case.reference, Case.officer, Deadline.deadline, Deadline.due_date)
        .join(Case, Deadline.case_id == Case.id)
        .where(Deadline.met_at.is_(None), Case.status == "open", Deadline.deadline.in_(COUNCIL_DEADLINES),
               Deadline.due_date < today)
        .order_by(Deadline.due_date, Case.id))
    return tuple(OverdueDeadline(reference, name, deadline_label(name), due,
                                 calendar.working_days_between(due, today), officer)
                 for reference, officer, name, due in rows)


def open_safeguarding_cases(session: Session) -> int:
    """Open or paused cases flagged safeguarding (the flag list is JSON text on both databases)."""
    query = select(func.count()).select_from(Case).where(
        Case.status.in_(OPEN), cast(Case.flags, Text).like('%"safeguarding"%'))
    return int(session.scalar(query) or 0)


def caseload(session: Session, calendar: WorkingCalendar, today: dt.date) -> Caseload:
    statuses = dict(session.execute(select(Case.status, func.count()).where(Case.status.in_(OPEN))
                                    .group_by(Case.status)).tuples().all())
    return Caseload(today=today, open_cases=int(statuses.get("open", 0)),
                    paused_cases=int(statuses.get("paused", 0)),
                    open_safeguarding=open_safeguarding_cases(session),
                    overdue=overdue_deadlines(session, calendar, today))


def build_report(session: Session, settings: Settings, period: Period, now: dt.datetime) -> Report:
    """Every figure for the period, and the position at `now`."""
    tz, calendar = settings.tz, settings.working_calendar()
    local_now = now.astimezone(tz)
    return Report(
        period=period, generated_at=local_now,
        by_category=volumes_by_category(session, period, tz), by_stage=volumes_by_stage(session, period, tz),
        by_month=volumes_by_month(session, period, tz), eligibility=eligibility_decisions(session, period, tz),
        eligibility_reasons=eligibility_reason_codes(session, period, tz), outcomes=outcomes(session, period, tz),
        timeliness=timeliness(session, period, tz, calendar, settings.limits, local_now.date()),
        median_acknowledgement_working_days=median_acknowledgement_working_days(session, period, tz, calendar),
        caseload=caseload(session, calendar, local_now.date()))
