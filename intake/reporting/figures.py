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
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from sqlalchemy import Select, Text, cast, func, select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.db.models import Case, CaseEvent, Deadline
from intake.notices.plan import COUNCIL_DEADLINES, DEADLINE_NAMES
from intake.timetable import EXTENDABLE, TimetableLimits

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
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
# The stage each of the council's deadlines belongs to.
STAGE_OF = {"acknowledgement": 1, "stage1_response": 1, "stage2_response": 2, "stage3_panel": 3,
            "panel_report": 3, "final_response": 3}
OPEN = ("open", "paused")
# A duplicate merged into another case (intake.staff_actions) is counted once, under the case it joined.
MERGED = "merged"


@dataclass(frozen=True)
class Period:
    """Local dates from `start` to `end`, both included."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        if not self.label:
            object.__setattr__(self, "label", f"{_long(self.start)} to {_long(self.end)}")

    def bounds(self, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        """[first instant, first instant after) in the council's time zone."""
        return (dt.datetime.combine(self.start, dt.time(), tzinfo=tz),
                dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=tz))

    def months(self) -> tuple[dt.date, ...]:
        """The first day of each calendar month the period touches, in order."""
        found, month = [], self.start.replace(day=1)
        while month <= self.end:
            found.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return tuple(found)


def financial_year(year_starting: int) -> Period:
    """1 April of `year_starting` to 31 March of the next year (2026 is "2026/27")."""
    return Period(dt.date(year_starting, 4, 1), dt.date(year_starting + 1, 3, 31),
                  f"{year_starting}/{(year_starting + 1) % 100:02d} (1 April {year_starting} to 31 March "
                  f"{year_starting + 1})")


def financial_year_of(day: dt.date) -> int:
    """The year a financial year containing `day` starts in."""
    return day.year if day.month >= 4 else day.year - 1


def _long(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


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


def deadline_label(name: str) -> str:
    """The notices' words for a deadline, as a heading: "Stage 1 response", "Acknowledgement"."""
    words = DEADLINE_NAMES.get(name, name.replace("_", " "))
    return words[:1].upper() + words[1:]


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
