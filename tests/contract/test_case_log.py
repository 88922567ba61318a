"""The case log's guarantees, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from intake.case_log import format_reference, next_number, record_event
from intake.db.models import Case, CaseEvent, InboundMessage, MailboxEntry, OutboxMessage
from intake.db.session import session_factory

NOW = dt.datetime(2026, 12, 23, 10, 0, tzinfo=dt.timezone.utc)


def inbound(identity: str) -> InboundMessage:
    return InboundMessage(identity=identity, sha256="0" * 64, raw=b"x", size=1, received_at=NOW, state="stored")


def new_case(session, year: int = 2026, inbound_id: int | None = None) -> Case:  # type: ignore[no-untyped-def]
    number = next_number(session, year)
    case = Case(reference=format_reference(year, number), year=year, number=number, inbound_id=inbound_id,
                category="complaint", received_at=NOW)
    session.add(case)
    session.flush()
    return case


def test_references_count_up_per_year_and_restart_each_year(engine: Engine) -> None:
    with session_factory(engine).begin() as session:
        refs = [new_case(session, 2026).reference for _ in range(3)] + [new_case(session, 2027).reference]
    assert refs == ["CSC-2026-0001", "CSC-2026-0002", "CSC-2026-0003", "CSC-2027-0001"]
    assert format_reference(2026, 12345) == "CSC-2026-12345"


def test_concurrent_workers_never_share_a_reference(engine: Engine) -> None:
    sessions = session_factory(engine)
    references: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(10):
                with sessions.begin() as session:
                    references.append(new_case(session).reference)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(references) == len(set(references)) == 40


def test_one_case_per_inbound_message(engine: Engine) -> None:
    sessions = session_factory(engine)
    with sessions.begin() as session:
        message = inbound("mid:<a@example.org>:1")
        session.add(message)
        session.flush()
        new_case(session, inbound_id=message.id)
        message_id = message.id
    with pytest.raises(IntegrityError):
        with sessions.begin() as session:
            new_case(session, inbound_id=message_id)


def test_one_record_per_identity_and_per_mailbox_key(engine: Engine) -> None:
    sessions = session_factory(engine)
    with sessions.begin() as session:
        session.add(inbound("mid:<same@example.org>:1"))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(inbound("mid:<same@example.org>:1"))
    with sessions.begin() as session:
        message_id = session.scalar(select(InboundMessage.id))
        session.add(MailboxEntry(source="maildir:/m", source_key="k1", inbound_id=message_id))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(MailboxEntry(source="maildir:/m", source_key="k1", inbound_id=message_id))


def test_one_outbox_row_per_dedupe_key(engine: Engine) -> None:
    sessions = session_factory(engine)

    def row(message_id: str) -> OutboxMessage:
        return OutboxMessage(dedupe_key="acknowledgement:1", purpose="acknowledgement", to_address="a@example.org",
                             subject="s", body_text="b", message_id=message_id)
    with sessions.begin() as session:
        session.add(row("<1@example.org>"))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(row("<2@example.org>"))


def test_the_case_trail_is_append_only(engine: Engine) -> None:
    sessions = session_factory(engine)
    with sessions.begin() as session:
        case = new_case(session)
        record_event(session, case, NOW, "system", "case_logged", category="complaint")
    with pytest.raises(DBAPIError, match="append-only"), sessions.begin() as session:
        session.execute(update(CaseEvent).values(actor="someone else"))
    with pytest.raises(DBAPIError, match="append-only"), sessions.begin() as session:
        session.execute(delete(CaseEvent))
    with sessions() as session:
        event = session.scalars(select(CaseEvent)).one()
        assert (event.actor, event.detail) == ("system", {"category": "complaint"})
        assert event.at == NOW  # instants come back aware, in UTC


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive"), session_factory(engine).begin() as session:
        session.add(InboundMessage(identity="x", sha256="0", raw=b"x", size=1,
                                   received_at=dt.datetime(2026, 1, 1), state="stored"))
        session.flush()
