"""The runner: store every message raw first, then one message = one transaction.

Shaped like Mailman's runner loop: a fault in one message rolls back that
message alone, writes a quarantine record (the raw stays), logs one line with
ids only, and the batch carries on. Nothing is deleted from the mailbox.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError

from classifiers import registry
from intake import pipeline
from intake.config import Settings
from intake.db.models import InboundMessage, MailboxEntry, QuarantineRecord, utcnow
from intake.db.session import session_factory
from intake.identity import message_identity
from intake.item import IntakeItem
from intake.sources import Source, SourceMessage

log = logging.getLogger("intake.runner")

STORE_BATCH = 200
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
        self.classifiers = classifiers or {k: registry.create(v) for k, v in registry.DEFAULTS.items()}

    # -- storing -----------------------------------------------------------------

    def poll_once(self, source: Source) -> PollReport:
        report = PollReport()
        self.store_new(source, report)
        self.process_pending(report)
        return report

    def store_new(self, source: Source, report: PollReport) -> None:
        def is_known(keys: list[str]) -> set[str]:
            with self.sessions() as session:
                return set(session.scalars(select(MailboxEntry.source_key).where(
                    MailboxEntry.source == source.name, MailboxEntry.source_key.in_(keys))))

        batch: list[SourceMessage] = []
        for message in source.fetch_new(is_known):
            report.fetched += 1
            batch.append(message)
            if len(batch) >= STORE_BATCH:
                self._store_batch(source, batch, report)
                batch = []
        if batch:
            self._store_batch(source, batch, report)

    def _store_batch(self, source: Source, batch: list[SourceMessage], report: PollReport) -> None:
        """Store raw in one commit; each message in a savepoint so one conflict spoils nothing."""
        with self.sessions.begin() as session:
            for message in batch:
                try:
                    with session.begin_nested():
                        new = self._store_one(session, source.name, message)
                except IntegrityError:  # another worker stored it meanwhile
                    new = False
                    log.info("message_already_stored source_key_hash=%s", _short_hash(message.source_key))
                if new:
                    report.stored += 1
                else:
                    report.copies += 1
        source.mark_stored(m.source_key for m in batch)

    def _store_one(self, session, source_name: str, message: SourceMessage) -> bool:  # type: ignore[no-untyped-def]
        identity, message_id = message_identity(message.raw)
        inbound = session.scalar(select(InboundMessage).where(InboundMessage.identity == identity))
        new = inbound is None
        if inbound is None:
            inbound = InboundMessage(
                identity=identity, sha256=hashlib.sha256(message.raw).hexdigest(),
                message_id_header=message_id, channel="email", raw=message.raw,
                size=len(message.raw), received_at=message.received_at, state="stored",
                stored_at=self.clock())
            session.add(inbound)
            session.flush()
        session.add(MailboxEntry(source=source_name, source_key=message.source_key,
                                 inbound_id=inbound.id, seen_at=self.clock()))
        session.flush()
        return new

    # -- processing --------------------------------------------------------------

    def process_pending(self, report: PollReport | None = None, limit: int | None = None) -> PollReport:
        report = report or PollReport()
        tried: set[int] = set()
        while limit is None or len(tried) < limit:
            ids = [i for i in self._claim(STORE_BATCH) if i not in tried]
            if not ids:
                break
            for inbound_id in ids:
                tried.add(inbound_id)
                outcome = self.process_one(inbound_id)
                if outcome:
                    report.outcomes[outcome] += 1
        return report

    def _claim(self, size: int) -> list[int]:
        """Count an attempt on a batch of stored messages that no other worker holds."""
        with self.sessions.begin() as session:
            ids = list(session.scalars(
                select(InboundMessage.id).where(InboundMessage.state == "stored")
                .order_by(InboundMessage.id).limit(size).with_for_update(skip_locked=True)))
            if ids:
                session.execute(update(InboundMessage).where(InboundMessage.id.in_(ids))
                                .values(attempts=InboundMessage.attempts + 1))
        return ids

    def process_one(self, inbound_id: int) -> str | None:
        try:
            with self.sessions.begin() as session:
                row = session.scalar(select(InboundMessage).where(
                    InboundMessage.id == inbound_id, InboundMessage.state == "stored")
                    .with_for_update(skip_locked=True))
                if row is None:
                    return None  # done or held by another worker
                if row.attempts > MAX_ATTEMPTS:
                    raise RuntimeError(f"processing stopped part-way {row.attempts - 1} times")
                item = IntakeItem(raw=row.raw, received_at=row.received_at, inbound_id=row.id,
                                  message_identity=row.identity)
                ctx = pipeline.Context(self.settings, self.calendar, self.clock, self.classifiers, session)
                outcome = pipeline.run(item, ctx)
                row.state = outcome
                row.outcome = item.stop_reason or (item.case_reference or "")
                row.sent_at = item.parsed.sent_at if item.parsed else None
                row.processed_at = self.clock()
                if outcome == "quarantined":
                    session.add(QuarantineRecord(inbound_id=row.id, reason=item.stop_reason,
                                                 error_id=uuid.uuid4().hex[:12], created_at=self.clock()))
            log.info("message_processed inbound_id=%s outcome=%s case_reference=%s",
                     inbound_id, outcome, item.case_reference or "-")
            return outcome
        except Exception as exc:  # noqa: BLE001 - one message's fault never stops the batch
            return self._quarantine(inbound_id, exc)

    def _quarantine(self, inbound_id: int, exc: BaseException) -> str | None:
        error_id = uuid.uuid4().hex[:12]
        reason = f"{type(exc).__name__} while processing: {str(exc)[:300]}"
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        try:
            with self.sessions.begin() as session:
                session.execute(update(InboundMessage).where(InboundMessage.id == inbound_id)
                                .values(state="quarantined", outcome=reason, processed_at=self.clock()))
                session.add(QuarantineRecord(inbound_id=inbound_id, reason=reason, error_id=error_id,
                                             created_at=self.clock()))
        except Exception:  # noqa: BLE001 - the raw is still stored; the next poll retries
            log.exception("quarantine_failed inbound_id=%s error_id=%s", inbound_id, error_id)
            return None
        log.warning("message_quarantined inbound_id=%s error_id=%s error=%s at=%s:%s",
                    inbound_id, error_id, type(exc).__name__,
                    where.filename.rsplit("/", 1)[-1] if where else "-", where.lineno if where else "-")
        return "quarantined"


def _short_hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:12]


def stored_ids(engine: Engine, states: Iterable[str]) -> list[int]:
    with session_factory(engine)() as session:
        return list(session.scalars(select(InboundMessage.id).where(InboundMessage.state.in_(list(states)))))
