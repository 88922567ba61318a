"""Write what is due into the ledger and the outbox, in one transaction: each notice exactly once.

Every notice is a ledger row first: its key is unique, so when two workers (or a
restarted one) plan the same notice, one insert wins and the other is skipped.
The notices one recipient gets in one scan go out as one email, not a burst.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from itertools import groupby

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.db.models import Notice
from intake.notices.digest import build_digest
from intake.notices.plan import DEADLINE_NAMES, PlannedNotice, plan
from intake.outbox.compose import queue_email
from intake.rendering import render

KIND_ORDER = {"senior_escalation": 0, "escalation": 1, "unassigned": 2, "reminder": 3}


def send_due(session: Session, settings: Settings, calendar: WorkingCalendar,
             now: dt.datetime) -> list[PlannedNotice]:
    """Queue what is due now and not sent before; returns what this call claimed."""
    claimed: list[tuple[PlannedNotice, Notice]] = []
    for notice in plan(session, settings, calendar, now):
        row = Notice(key=notice.key, case_id=notice.case_id, kind=notice.kind, deadline=notice.deadline,
                     due_date=notice.due_date, to_address=notice.to, created_at=now)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            continue  # another worker claimed it first
        claimed.append((notice, row))
    local_day = now.astimezone(settings.tz).date()
    deadline_notices = sorted((c for c in claimed if c[0].kind != "digest"), key=lambda c: c[0].to)
    for to, group in groupby(deadline_notices, key=lambda c: c[0].to):
        items = sorted(group, key=lambda c: (KIND_ORDER[c[0].kind], c[0].due_date or local_day))
        _queue_notice_email(session, settings, to, items, now)
    for notice, row in claimed:
        if notice.kind == "digest":
            context = {"digest": build_digest(session, calendar, local_day), "case_url": settings.case_url,
                       "council": settings.council.template_context()}
            outbox = queue_email(
                session, settings, dedupe_key=notice.key, purpose="digest", to=notice.to,
                subject=f"Complaints daily digest: {local_day:%A} {local_day.day} {local_day:%B %Y}",
                body_text=render("notice/manager/digest.txt.j2", **context),
                body_html=render("notice/manager/digest.html.j2", **context), now=now, auto_submitted=True)
            session.flush()
            row.outbox_id = outbox.id
    return [notice for notice, _ in claimed]


def _queue_notice_email(session: Session, settings: Settings, to: str,
                        items: list[tuple[PlannedNotice, Notice]], now: dt.datetime) -> None:
    notices = [n for n, _ in items]
    first = notices[0]
    if len(notices) == 1:
        what = {"reminder": "Reminder", "escalation": "ESCALATION", "senior_escalation": "SENIOR ESCALATION",
                "unassigned": "No officer assigned"}[first.kind]
        due = f" due {first.due_date:%d %b %Y}" if first.due_date else ""
        subject = f"{what}: {first.case_reference} {DEADLINE_NAMES.get(first.deadline, '')}{due}".strip()
    else:
        late = sum(1 for n in notices if n.kind != "reminder")
        subject = f"Complaints deadlines: {len(notices)} notices ({late} overdue or unassigned)"
    key = "notices:" + hashlib.sha256("|".join(n.key for n in notices).encode()).hexdigest()[:32]
    context = {"notices": notices, "names": DEADLINE_NAMES, "case_url": settings.case_url,
               "council": settings.council.template_context()}
    outbox = queue_email(session, settings, dedupe_key=key, purpose="deadline_notice", to=to, subject=subject,
                         body_text=render("notice/staff/deadline_notices.txt.j2", **context),
                         body_html=render("notice/staff/deadline_notices.html.j2", **context),
                         now=now, auto_submitted=True)
    session.flush()
    for _, row in items:
        row.outbox_id = outbox.id
