"""Deliver queued outbox rows and record the result.

A row is held under a row lock (PostgreSQL: FOR UPDATE SKIP LOCKED) while it is
sent and marked, so two senders never both take it. The one window left is a
crash after the relay accepted the message and before the mark was committed:
then the row is sent again on the next pass (at most one duplicate over SMTP;
none with the folder transport, which overwrites the same file).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from typing import Callable

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.config import Settings
from intake.db.models import Case, Deadline, OutboxMessage, utcnow
from intake.db.session import session_factory
from intake.errors import OutboxError, PermanentDeliveryError
from intake.outbox import Transport
from intake.outbox.compose import queue_email
from intake.outbox.envelope import build_email
from intake.rendering import render

log = logging.getLogger("intake.outbox")

MAX_ATTEMPTS = 8
STAFF_ALERT = "delivery_failed_notice"
BASE_DELAY = dt.timedelta(minutes=1)


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, ... minutes, capped at 6 hours."""
    delay: dt.timedelta = min(BASE_DELAY * (2 ** max(attempts - 1, 0)), dt.timedelta(hours=6))
    return delay


def send_pending(engine: Engine, settings: Settings, transport: Transport,
                 clock: Callable[[], dt.datetime] = utcnow, limit: int = 1000) -> Counter[str]:
    """One pass over the outbox: send what is due, return counts by result."""
    sessions = session_factory(engine)
    results: Counter[str] = Counter()
    done: set[int] = set()
    while len(done) < limit:
        with sessions.begin() as session:
            row = session.scalar(
                select(OutboxMessage).where(
                    OutboxMessage.state == "queued",
                    or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= clock()),
                    OutboxMessage.id.not_in(done or {0}))
                .order_by(OutboxMessage.id).limit(1).with_for_update(skip_locked=True))
            if row is None:
                break
            done.add(row.id)
            results[_deliver(session, row, settings, transport, clock())] += 1
    return results


def _deliver(session: Session, row: OutboxMessage, settings: Settings, transport: Transport,
             now: dt.datetime) -> str:
    row.attempts += 1
    try:
        transport.send(build_email(row, settings, now), outbox_id=row.id)
    except PermanentDeliveryError as exc:
        return _failed(session, row, settings, now, str(exc))
    except OutboxError as exc:
        row.last_error = str(exc)
        if row.attempts >= MAX_ATTEMPTS:
            return _failed(session, row, settings, now, f"gave up after {row.attempts} attempts: {exc}")
        row.next_attempt_at = now + backoff(row.attempts)
        log.warning("outbox_deferred outbox_id=%s attempts=%s", row.id, row.attempts)
        return "deferred"
    row.state, row.sent_at, row.last_error = "sent", now, ""
    if row.purpose == "acknowledgement" and row.case_id is not None:
        session.execute(update(Case).where(Case.id == row.case_id).values(acknowledgement="sent"))
        session.execute(update(Deadline).where(Deadline.case_id == row.case_id,
                                               Deadline.deadline == "acknowledgement",
                                               Deadline.met_at.is_(None)).values(met_at=now))
    _trail(session, row, now, f"{row.purpose}_sent")
    log.info("outbox_sent outbox_id=%s purpose=%s", row.id, row.purpose)
    return "sent"


def _failed(session: Session, row: OutboxMessage, settings: Settings, now: dt.datetime, error: str) -> str:
    """Stop retrying, record why on the case, and tell the team so a person gets in touch."""
    row.state, row.last_error = "failed", error
    _trail(session, row, now, "outbox_failed", error=error)
    log.error("outbox_failed outbox_id=%s purpose=%s", row.id, row.purpose)
    if row.purpose == STAFF_ALERT:
        return "failed"  # never alert about a failed alert: that is how mail loops start
    reference = row.case.reference if row.case is not None else None
    queue_email(session, settings, dedupe_key=f"{STAFF_ALERT}:{row.id}", purpose=STAFF_ALERT,
                to=settings.council.team_email, now=now, case=row.case, body_html=None,
                subject=f"Not delivered: {reference or row.purpose}",
                body_text=render("notice/staff/delivery_failed.txt.j2", council=settings.council.template_context(),
                                 case_reference=reference, purpose=row.purpose, outbox_id=row.id, error=error,
                                 case_url=settings.case_url(reference) if reference else ""))
    return "failed"


def _trail(session: Session, row: OutboxMessage, now: dt.datetime, action: str, **detail: object) -> None:
    if row.case_id is None:
        return
    case = session.get(Case, row.case_id)
    if case is not None:
        record_event(session, case, now, "system", action, outbox_id=row.id, **detail)
