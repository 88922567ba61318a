"""Store raw, first: every fetched message is in the case log before anything reads it.

Storing is batched (two multi-row inserts a batch) because a durable commit per
message, not the network, sets the pace. Two copies of one message (To and Cc,
two mailboxes) become one record with two mailbox entries. If another worker
stored some of a batch meanwhile, the batch is stored again one message at a
time, so nothing is doubled and nothing is left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Callable

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from intake.db.models import InboundMessage, MailboxEntry
from intake.identity import message_identity
from intake.sources import Source, SourceMessage

log = logging.getLogger("intake.storing")

STORE_BATCH = 200
Prepared = tuple[SourceMessage, str, "str | None"]


def store_new(sessions: sessionmaker[Session], source: Source,
              clock: Callable[[], dt.datetime]) -> tuple[int, int]:
    """Fetch what the mailbox has that we have not stored; return (new records, copies)."""
    def is_known(keys: list[str]) -> set[str]:
        with sessions() as session:
            return set(session.scalars(select(MailboxEntry.source_key).where(
                MailboxEntry.source == source.name, MailboxEntry.source_key.in_(keys))))

    totals = [0, 0]
    batch: list[SourceMessage] = []

    def flush() -> None:
        stored, copies = _store_batch(sessions, source, batch, clock)
        totals[0] += stored
        totals[1] += copies
        batch.clear()

    for message in source.fetch_new(is_known):
        batch.append(message)
        if len(batch) >= STORE_BATCH:
            flush()
    if batch:
        flush()
    return totals[0], totals[1]


def _store_batch(sessions: sessionmaker[Session], source: Source, batch: list[SourceMessage],
                 clock: Callable[[], dt.datetime]) -> tuple[int, int]:
    prepared = [(message, *message_identity(message.raw)) for message in batch]
    try:
        with sessions.begin() as session:
            stored, copies = _store_all(session, source.name, prepared, clock())
    except IntegrityError:
        stored = copies = 0
        for one in prepared:
            try:
                with sessions.begin() as session:
                    new, copy = _store_all(session, source.name, [one], clock())
            except IntegrityError:  # stored by another worker meanwhile
                new, copy = 0, 1
                log.info("message_already_stored inbound_identity_hash=%s",
                         hashlib.sha256(one[1].encode()).hexdigest()[:12])
            stored, copies = stored + new, copies + copy
    source.mark_stored(m.source_key for m in batch)
    return stored, copies


def _store_all(session: Session, source_name: str, prepared: list[Prepared],
               now: dt.datetime) -> tuple[int, int]:
    """(new records, copies of known ones): two multi-row inserts, whatever the batch size."""
    ids: dict[str, int] = {identity: row_id for identity, row_id in session.execute(
        select(InboundMessage.identity, InboundMessage.id).where(
            InboundMessage.identity.in_({identity for _, identity, _ in prepared})))}
    rows: dict[str, dict[str, object]] = {}
    for message, identity, message_id in prepared:
        if identity not in ids and identity not in rows:
            rows[identity] = dict(
                identity=identity, sha256=hashlib.sha256(message.raw).hexdigest(),
                message_id_header=message_id, channel="email", raw=message.raw, size=len(message.raw),
                received_at=message.received_at, sent_at=None, state="stored", outcome="", attempts=0,
                attachments=[], stored_at=now, processed_at=None)
    if rows:
        inserted = session.execute(insert(InboundMessage).returning(InboundMessage.identity, InboundMessage.id),
                                   list(rows.values()))
        ids.update({identity: row_id for identity, row_id in inserted})
    session.execute(insert(MailboxEntry), [
        dict(source=source_name, source_key=message.source_key, inbound_id=ids[identity], seen_at=now)
        for message, identity, _ in prepared])
    return len(rows), len(prepared) - len(rows)


def letter_identity(raw: bytes) -> str:
    """A letter file's identity is its content: the same file added twice is one letter."""
    return f"letter:sha256:{hashlib.sha256(raw).hexdigest()}"


def store_letter(sessions: sessionmaker[Session], raw: bytes, received_at: dt.datetime,
                 now: dt.datetime) -> tuple[int, bool]:
    """Store a scanned or posted letter raw, first; return (inbound id, whether it is new).

    Like mail, it is committed before anything reads it; a second copy of the same file
    (or another worker adding it at the same moment) finds the first and adds nothing.
    """
    identity = letter_identity(raw)
    for _ in range(2):
        with sessions.begin() as session:
            found = session.scalar(select(InboundMessage.id).where(InboundMessage.identity == identity))
            if found is not None:
                return found, False
        try:
            with sessions.begin() as session:
                row = InboundMessage(identity=identity, sha256=identity.rsplit(":", 1)[1], message_id_header=None,
                                     channel="letter", raw=raw, size=len(raw), received_at=received_at,
                                     sent_at=None, state="stored", outcome="", attempts=0, attachments=[],
                                     stored_at=now, processed_at=None)
                session.add(row)
                session.flush()
                return row.id, True
        except IntegrityError:  # stored by another worker meanwhile: the next look finds it
            log.info("letter_already_stored inbound_identity_hash=%s",
                     hashlib.sha256(identity.encode()).hexdigest()[:12])
    raise RuntimeError("the letter could be neither stored nor found")
