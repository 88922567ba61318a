"""What is due to be sent at a given moment: reminders, escalations, unassigned cases, the digest.

A pure question over the deadlines table and the ledger: `intake due --at` and the
scan ask it the same way, so what staff see is what the scan will send.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.db.models import Case, Deadline, Notice

# The council's own deadlines; the complainant's windows (asking for Stage 2 or 3) are not ours to miss.
COUNCIL_DEADLINES = ("acknowledgement", "stage1_response", "stage2_response", "stage3_panel",
                     "panel_report", "final_response")
DEADLINE_NAMES = {
    "acknowledgement": "acknowledgement", "stage1_response": "Stage 1 response",
    "stage2_response": "Stage 2 investigation and response", "stage3_panel": "Stage 3 review panel",
    "panel_report": "review panel's report", "final_response": "council's final response",
}


@dataclass(frozen=True)
class PlannedNotice:
    key: str  # the ledger key: one notice per kind, case, deadline and due date
    kind: str  # reminder | escalation | senior_escalation | unassigned | digest
    to: str
    case_id: int | None = None
    case_reference: str | None = None
    deadline: str = ""
    due_date: dt.date | None = None
    working_days: int = 0  # left (positive), overdue (negative), 0 on the day

    def to_json(self) -> dict[str, Any]:
        return {"case_reference": self.case_reference, "deadline": self.deadline or None,
                "due_date": self.due_date.isoformat() if self.due_date else None, "kind": self.kind,
                "to": self.to, "working_days": self.working_days}


def officer_address(case: Case, settings: Settings) -> str:
    officer = (case.officer or "").strip()
    return officer if "@" in officer else settings.council.team_email


def plan(session: Session, settings: Settings, calendar: WorkingCalendar, now: dt.datetime) -> list[PlannedNotice]:
    """Everything due at `now` and not yet in the ledger; nothing outside working hours and days."""
    local = now.astimezone(settings.tz)
    today, options = local.date(), settings.notices
    if not calendar.is_working_day(today):
        return []
    planned: list[PlannedNotice] = []
    if local.time() >= options.digest_time:
        planned.append(PlannedNotice(f"digest:{today.isoformat()}", "digest", options.team_manager))
    if options.in_working_hours(local.time()):
        planned += _deadline_notices(session, settings, calendar, today)
        planned += _unassigned(session, settings, calendar, today)
    sent = set(session.scalars(select(Notice.key).where(Notice.key.in_([p.key for p in planned]))))
    return [p for p in planned if p.key not in sent]


def _deadline_notices(session: Session, settings: Settings, calendar: WorkingCalendar,
                      today: dt.date) -> list[PlannedNotice]:
    options = settings.notices
    rows = session.execute(
        select(Deadline, Case).join(Case, Deadline.case_id == Case.id)
        .where(Deadline.met_at.is_(None), Case.status == "open", Deadline.deadline.in_(COUNCIL_DEADLINES))
        .order_by(Deadline.due_date, Case.id))
    found = []
    for deadline, case in rows:
        left = calendar.working_days_between(today, deadline.due_date)
        common = {"case_id": case.id, "case_reference": case.reference, "deadline": deadline.deadline,
                  "due_date": deadline.due_date, "working_days": left}
        stem = f"{case.id}:{deadline.deadline}:{deadline.due_date.isoformat()}"
        if 0 < left <= options.reminder_working_days:
            found.append(PlannedNotice(f"reminder:{stem}", "reminder", officer_address(case, settings), **common))
        if left <= 0:
            found.append(PlannedNotice(f"escalation:{stem}", "escalation", options.team_manager, **common))
        if -left >= options.senior_after_working_days:
            found.append(PlannedNotice(f"senior_escalation:{stem}", "senior_escalation",
                                       options.senior_manager, **common))
    return found


def _unassigned(session: Session, settings: Settings, calendar: WorkingCalendar,
                today: dt.date) -> list[PlannedNotice]:
    found = []
    waiting = session.scalars(select(Case).where(Case.officer.is_(None), Case.status == "open",
                                                 Case.category == "complaint").order_by(Case.id))
    for case in waiting:
        received = case.received_at.astimezone(settings.tz).date()
        days = calendar.working_days_between(received, today)
        if days >= settings.notices.unassigned_after_working_days:
            found.append(PlannedNotice(f"unassigned:{case.id}", "unassigned", settings.notices.team_manager,
                                       case_id=case.id, case_reference=case.reference, working_days=-days))
    return found
