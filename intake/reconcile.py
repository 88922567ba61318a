"""Accounted for, every day: compare the mailbox with the case log.

Reports every message that is in the mailbox but not stored, every stored
message whose mailbox copy has gone (other than to our processed folder), and
every stored message that has not reached a final state. `intake reconcile`
exits non-zero when any list is not empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from intake.db.models import InboundMessage, MailboxEntry
from intake.db.session import session_factory
from intake.sources import Source

STUCK_AFTER = dt.timedelta(minutes=30)


@dataclass
class Reconciliation:
    source: str
    in_mailbox: int = 0
    stored_entries: int = 0
    not_stored: list[str] = field(default_factory=list)
    missing_from_mailbox: list[str] = field(default_factory=list)
    unfinished: list[int] = field(default_factory=list)

    @property
    def accounted_for(self) -> bool:
        return not (self.not_stored or self.missing_from_mailbox or self.unfinished)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "accounted_for": self.accounted_for, "in_mailbox": self.in_mailbox,
                "stored_entries": self.stored_entries, "not_stored": self.not_stored,
                "missing_from_mailbox": self.missing_from_mailbox, "unfinished": self.unfinished}


def reconcile(engine: Engine, source: Source, now: dt.datetime) -> Reconciliation:
    mailbox_keys = source.keys()
    moved = source.moved_message_ids()
    result = Reconciliation(source=source.name, in_mailbox=len(mailbox_keys))
    with session_factory(engine)() as session:
        entries = session.execute(
            select(MailboxEntry.source_key, InboundMessage.message_id_header)
            .join(InboundMessage, InboundMessage.id == MailboxEntry.inbound_id)
            .where(MailboxEntry.source == source.name)).all()
        result.stored_entries = len(entries)
        stored_keys = {key for key, _ in entries}
        result.not_stored = sorted(mailbox_keys - stored_keys)
        for key, message_id in entries:
            if key in mailbox_keys:
                continue
            if moved is not None and message_id and message_id.lower() in moved:
                continue
            result.missing_from_mailbox.append(key)
        result.unfinished = list(session.scalars(
            select(InboundMessage.id).where(InboundMessage.state == "stored",
                                            InboundMessage.stored_at < now - STUCK_AFTER)))
    result.missing_from_mailbox.sort()
    return result
