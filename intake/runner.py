"""The runner: store every message raw first (intake.storing), then run the pipeline.

Shaped like Mailman's runner loop: a fault in one message rolls back that
message's work alone, writes a quarantine record (the raw stays), logs one line
with ids only, and the rest carry on. Nothing is deleted from the mailbox.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from classifiers import registry
from intake import pipeline
from intake.config import Settings
from intake.db.models import InboundMessage, QuarantineRecord, utcnow
from intake.db.session import session_factory
from intake.item import IntakeItem
from intake.sources import Source
from intake.storing import store_new

log = logging.getLogger("intake.runner")

CLAIM_BATCH = 500
PROCESS_BATCH = 200
MAX_ATTEMPTS = 3


@dataclass
class PollReport:
    fetched: int = 0
    stored: int = 0
    copies: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"fetched={self.fetched}", f"stored={self.stored}", f"copies={self.copies}"]
        parts += [f"{k}={v}" for k, v in sorted(self.outcomes.items())]
        return " ".join(parts)


class Runner:
    def __init__(self, settings: Settings, engine: Engine, *,
                 clock: Callable[[], dt.datetime] = utcnow,
                 classifiers: dict[str, object] | None = None) -> None:
        self.settings = settings
        self.engine = engine
        self.sessions = session_factory(engine)
        self.clock = clock
        self.calendar = settings.working_calendar()
        self.classifiers = classifiers or registry.create_defaults()
        for name in pipeline.STAGES:  # imported now, not inside the first batch's transaction
            pipeline.load_stage(name)

    def poll_once(self, source: Source) -> PollReport:
        report = PollReport()
        self.store_new(source, report)
        self.process_pending(report)
        return report

    def store_new(self, source: Source, report: PollReport) -> None:
        stored, copies = store_new(self.sessions, source, self.clock)
        report.fetched += stored + copies
        report.stored += stored
        report.copies += copies

    def process_pending(self, report: PollReport | None = None, limit: int | None = None) -> PollReport:
        """Process stored messages: fresh ones in batches, ones that failed part-way alone.

        A batch is one transaction: a crash rolls it back whole (to be done again,
        never twice), and a fault in one message rolls it back and redoes its
        messages one at a time, so only the faulty one is quarantined. A message
        tried before that did not finish is taken alone, so a poison message
        cannot take others with it.
        """
        report = report or PollReport()
        tried: set[int] = set()
        while limit is None or len(tried) < limit:
            candidates = [(i, a) for i, a in self._candidates(CLAIM_BATCH) if i not in tried]
            if not candidates:
                break
            tried.update(i for i, _ in candidates)
            retried = [[i] for i, attempts in candidates if attempts > 0]
            fresh = [i for i, attempts in candidates if attempts == 0]
            for batch in retried + [fresh[n:n + PROCESS_BATCH] for n in range(0, len(fresh), PROCESS_BATCH)]:
                report.outcomes.update(self.process_batch(batch))
        return report

    def _candidates(self, size: int) -> list[tuple[int, int]]:
        with self.sessions() as session:
            return [(i, a) for i, a in session.execute(
                select(InboundMessage.id, InboundMessage.attempts).where(InboundMessage.state == "stored")
                .order_by(InboundMessage.id).limit(size))]

    def process_one(self, inbound_id: int) -> str | None:
        outcomes = self.process_batch([inbound_id])
        return next(iter(outcomes), None)

    def process_batch(self, ids: list[int], *, count_attempt: bool = True) -> Counter[str]:
        """One transaction for the batch; if any message in it fails, redo them one by one."""
        if count_attempt:  # counted first, in its own commit, so a crash is remembered
            with self.sessions.begin() as session:
                session.execute(update(InboundMessage).where(InboundMessage.id.in_(ids),
                                                             InboundMessage.state == "stored")
                                .values(attempts=InboundMessage.attempts + 1))
        if len(ids) == 1:
            return self._process_alone(ids[0])
        outcomes: Counter[str] = Counter()
        try:
            with self.sessions.begin() as session:
                for row in self._lock_rows(session, ids):
                    outcomes[self._process_row(session, row)] += 1
        except Exception:  # noqa: BLE001 - one message failed: the batch rolled back, take each alone
            outcomes = Counter()
            for inbound_id in ids:
                outcomes.update(self.process_batch([inbound_id], count_attempt=False))
        return outcomes

    def _lock_rows(self, session: Session, ids: list[int]) -> list[InboundMessage]:
        """The stored rows among ids that no other worker holds (PostgreSQL: SKIP LOCKED)."""
        return list(session.scalars(select(InboundMessage).where(
            InboundMessage.id.in_(ids), InboundMessage.state == "stored")
            .order_by(InboundMessage.id).with_for_update(skip_locked=True)))

    def _process_alone(self, inbound_id: int) -> Counter[str]:
        """One message, one transaction; a fault rolls it back and quarantines it, raw kept."""
        try:
            with self.sessions.begin() as session:
                rows = self._lock_rows(session, [inbound_id])
                return Counter(self._process_row(session, row) for row in rows)
        except Exception as exc:  # noqa: BLE001 - one message's fault never stops the batch
            where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            try:
                with self.sessions.begin() as session:
                    for row in self._lock_rows(session, [inbound_id]):
                        self._quarantine(session, row, f"{type(exc).__name__} while processing: {str(exc)[:300]}",
                                         level=logging.WARNING, error=type(exc).__name__,
                                         at=f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else "-")
            except Exception as fault:  # noqa: BLE001 - the raw is still stored; the next poll retries
                # Type only: a database error's text can carry the message's own values.
                log.error("message_not_processed inbound_id=%s error=%s (left stored; retried next poll)",
                          inbound_id, type(fault).__name__)
                return Counter()
            return Counter({"quarantined": 1})

    def _process_row(self, session: Session, row: InboundMessage) -> str:
        if row.attempts > MAX_ATTEMPTS:
            raise RuntimeError(f"processing stopped part-way {row.attempts - 1} times")
        item = IntakeItem(raw=row.raw, received_at=row.received_at, inbound_id=row.id,
                          message_identity=row.identity, channel=row.channel)
        ctx = pipeline.Context(self.settings, self.calendar, self.clock, self.classifiers, session)
        outcome = pipeline.run(item, ctx)
        row.state, row.processed_at = outcome, self.clock()
        row.outcome = item.stop_reason or (item.case_reference or "")
        if item.parsed is not None:
            row.sent_at = item.parsed.sent_at
            row.attachments = [{"filename": a.filename, "content_type": a.content_type, "size": a.size,
                                "sha256": a.sha256} for a in item.parsed.attachments]
        if outcome == "quarantined":
            self._quarantine(session, row, item.stop_reason, level=logging.INFO)
        log.info("message_processed inbound_id=%s outcome=%s case_reference=%s",
                 row.id, outcome, item.case_reference or "-")
        return outcome

    def _quarantine(self, session: Session, row: InboundMessage, reason: str, *, level: int,
                    error: str = "-", at: str = "-") -> None:
        error_id = uuid.uuid4().hex[:12]
        row.state, row.outcome, row.processed_at = "quarantined", reason, self.clock()
        session.add(QuarantineRecord(inbound_id=row.id, reason=reason, error_id=error_id,
                                     created_at=self.clock()))
        session.flush()
        log.log(level, "message_quarantined inbound_id=%s error_id=%s error=%s at=%s",
                row.id, error_id, error, at)

