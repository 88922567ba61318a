"""The messages that have no case, for staff to look at: quarantined ones and automated mail.

Nothing is silently dropped: a message that could not be processed is kept raw in
quarantine with its reason, and automated mail (auto-replies, bounces, bulk) is kept
unanswered. Either may turn out to be a real complaint; a person looks at these lists
and can make a case by hand (intake.staff_actions.manual_case).
"""

from __future__ import annotations

import datetime as dt
import email.policy
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from intake.db.models import Case, CaseMessage, InboundMessage, QuarantineRecord
from intake.text import header_text

HEAD_BYTES = 65_536  # enough for any real header block; the body is never read here


@dataclass(frozen=True)
class WaitingMessage:
    """One message with no case; subject and sender from its headers (email only, else "")."""

    id: int
    kind: str            # "quarantined" or "automated"
    state: str
    channel: str
    received_at: dt.datetime
    subject: str
    sender: str
    reason: str
    error_id: str | None = None

    def to_json(self, *, details: bool = True) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "kind": self.kind, "state": self.state,
                                  "channel": self.channel, "received_at": self.received_at.isoformat(),
                                  "reason": self.reason, "error_id": self.error_id}
        if details:  # personal data: shown to staff on request, never logged
            record |= {"subject": self.subject, "from": self.sender}
        return record


def has_case(inbound_id: Any) -> Any:
    """SQL: the message opened a case, or was added to one."""
    return exists().where(Case.inbound_id == inbound_id) | exists().where(CaseMessage.inbound_id == inbound_id)


def quarantined(session: Session) -> list[WaitingMessage]:
    """Unresolved quarantine records whose message has no case, oldest first."""
    query = (_columns().add_columns(QuarantineRecord.reason, QuarantineRecord.error_id)
             .join(QuarantineRecord, QuarantineRecord.inbound_id == InboundMessage.id)
             .where(QuarantineRecord.resolved_at.is_(None), ~has_case(InboundMessage.id))
             .order_by(InboundMessage.received_at, InboundMessage.id))
    return [_waiting(row, "quarantined", row.reason, row.error_id) for row in session.execute(query)]


def automated(session: Session) -> list[WaitingMessage]:
    """Messages kept as automated mail (never answered) that have no case, oldest first."""
    query = (_columns().where(InboundMessage.state == "automated", ~has_case(InboundMessage.id))
             .order_by(InboundMessage.received_at, InboundMessage.id))
    return [_waiting(row, "automated", row.outcome, None) for row in session.execute(query)]


def _columns() -> Select[Any]:
    return select(InboundMessage.id, InboundMessage.state, InboundMessage.channel, InboundMessage.received_at,
                  InboundMessage.outcome, func.substr(InboundMessage.raw, 1, HEAD_BYTES).label("head"))


def _waiting(row: Any, kind: str, reason: str, error_id: str | None) -> WaitingMessage:
    subject, sender = headers(bytes(row.head or b"")) if row.channel == "email" else ("", "")
    return WaitingMessage(row.id, kind, row.state, row.channel, row.received_at, subject, sender,
                          reason, error_id)


def headers(head: bytes) -> tuple[str, str]:
    """(Subject, From) read from the header block with the standard library; ("", "") if unreadable."""
    try:
        parsed = BytesHeaderParser(policy=email.policy.compat32).parsebytes(head)
        return header_text(parsed.get("Subject", ""))[:300], header_text(parsed.get("From", ""))[:300]
    except Exception:  # noqa: BLE001 - a header block that cannot be read: shown without them
        return "", ""
