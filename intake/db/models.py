"""The case log.

Unique constraints, not code paths, are what make double work impossible:
one inbound message per identity, one mailbox entry per (source, key), one case
per inbound message, one reference per year and number, one deadline per case
and kind, one outbox row per dedupe key, one quarantine record per message.
A retry, a restart or a second worker that tries again hits a constraint and
rolls back instead of doubling anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Integer,
                        LargeBinary, String, Text, TypeDecorator, UniqueConstraint)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Store instants in UTC and always hand back aware datetimes (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the case log; pass an aware one")
        return value.astimezone(dt.timezone.utc)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class InboundMessage(Base):
    """Every message or letter received, stored raw before any processing."""

    __tablename__ = "inbound_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity: Mapped[str] = mapped_column(String(512), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    message_id_header: Mapped[str | None] = mapped_column(String(998), index=True)
    channel: Mapped[str] = mapped_column(String(16), default="email")
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[dt.datetime]
    sent_at: Mapped[dt.datetime | None]
    state: Mapped[str] = mapped_column(String(24), default="stored", index=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # What the parser found attached (name, type, size, sha256); the bytes stay in `raw`.
    attachments: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    stored_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[dt.datetime | None]


class MailboxEntry(Base):
    """One message as seen in one mailbox: two copies of a message share one InboundMessage."""

    __tablename__ = "mailbox_entries"
    __table_args__ = (UniqueConstraint("source", "source_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(512))
    source_key: Mapped[str] = mapped_column(String(512))
    inbound_id: Mapped[int] = mapped_column(ForeignKey("inbound_messages.id"), index=True)
    seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseCounter(Base):
    """The last reference number given out in a year: CSC-YYYY-NNNN restarts each year."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"), unique=True)
    channel: Mapped[str] = mapped_column(String(16), default="email")
    category: Mapped[str] = mapped_column(String(24))
    category_confidence: Mapped[float] = mapped_column(default=0.0)
    category_model: Mapped[str] = mapped_column(String(64), default="")
    category_review: Mapped[bool] = mapped_column(Boolean, default=False)
    stage: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(24), default="open", index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    complainant_name: Mapped[str] = mapped_column(Text, default="")
    complainant_email: Mapped[str] = mapped_column(String(320), default="", index=True)
    complainant_address: Mapped[str] = mapped_column(Text, default="")
    flags: Mapped[list[Any]] = mapped_column(default=list)
    eligibility_decision: Mapped[str] = mapped_column(String(16), default="n/a")
    eligibility_reasons: Mapped[list[Any]] = mapped_column(default=list)
    hits: Mapped[list[Any]] = mapped_column(default=list)
    acknowledgement: Mapped[str] = mapped_column(String(16), default="pending")
    officer: Mapped[str | None] = mapped_column(String(128))
    received_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    events: Mapped[list[CaseEvent]] = relationship(back_populates="case", order_by="CaseEvent.id")
    deadlines: Mapped[list[Deadline]] = relationship(back_populates="case", order_by="Deadline.due_date")


class CaseMessage(Base):
    """A later message added to an existing case (a reply, more information, a Stage 2 request)."""

    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    inbound_id: Mapped[int] = mapped_column(ForeignKey("inbound_messages.id"), unique=True)
    role: Mapped[str] = mapped_column(String(24), default="reply")
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseEvent(Base):
    """The append-only trail: who or what did what to a case, and when (triggers forbid edits)."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)

    case: Mapped[Case] = relationship(back_populates="events")


class Deadline(Base):
    """One statutory due date of one case; reminders and escalations are derived from these rows."""

    __tablename__ = "deadlines"
    __table_args__ = (UniqueConstraint("case_id", "deadline"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    deadline: Mapped[str] = mapped_column(String(32))
    event: Mapped[str] = mapped_column(String(40))
    event_date: Mapped[dt.date] = mapped_column(Date)
    working_days: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    met_at: Mapped[dt.datetime | None]
    calendar_version: Mapped[str] = mapped_column(String(64))

    case: Mapped[Case] = relationship(back_populates="deadlines")


class OutboxMessage(Base):
    """A message to send, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(255), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16), default="email")
    to_address: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    auto_submitted: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None]
    claimed_until: Mapped[dt.datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]

    case: Mapped[Case | None] = relationship()


class QuarantineRecord(Base):
    """A message that could not be processed: kept raw (in inbound_messages) with the reason."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inbound_id: Mapped[int] = mapped_column(ForeignKey("inbound_messages.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    error_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(128))


class Notice(Base):
    """The notice ledger: one row per reminder, escalation or digest ever sent (its key is unique).

    Keyed by kind, case, deadline and due date, so an extension (a new due date)
    earns a new reminder, while a restart, a crash or a second worker earns nothing.
    """

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    deadline: Mapped[str] = mapped_column(String(32))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    to_address: Mapped[str] = mapped_column(Text)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Correction(Base):
    """A person's change to an automatic decision (category or flag): fed back into training."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    field: Mapped[str] = mapped_column(String(24))
    old_value: Mapped[str] = mapped_column(String(24))
    new_value: Mapped[str] = mapped_column(String(24))
    evidence: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)
    model: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship()


class Letter(Base):
    """A letter to print and post (the writer gave a postal address and no email address).

    Written in the same transaction as the case change that causes it, once per case and
    purpose; the PDF is kept here so staff print exactly what was recorded.
    """

    __tablename__ = "letters"
    __table_args__ = (UniqueConstraint("case_id", "purpose"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(64))
    template: Mapped[str] = mapped_column(String(128))
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pages: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(128), default="system")
    posted_at: Mapped[dt.datetime | None]
    posted_by: Mapped[str | None] = mapped_column(String(128))

    case: Mapped[Case] = relationship()


class StaffUser(Base):
    """A member of staff who signs in to the web app; the password is kept only as an argon2 hash."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    email: Mapped[str] = mapped_column(String(320), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[dt.datetime | None]


class SignInAttempt(Base):
    """Every sign-in attempt, kept so failures can be throttled across every web worker."""

    __tablename__ = "sign_in_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    remote_addr: Mapped[str] = mapped_column(String(64), index=True)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
