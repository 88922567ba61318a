"""Writing to the case log: references, cases and their trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from intake.db.models import Case, CaseCounter, CaseEvent


def format_reference(year: int, number: int) -> str:
    return f"CSC-{year}-{number:04d}"


COUNTERS = "case_counters"


def next_number(session: Session, year: int) -> int:
    """The next number for the year, contiguous and never shared.

    The year's counter row is read once per transaction under a row lock
    (SELECT ... FOR UPDATE; SQLite's write lock does the same), numbers are handed
    out in memory, and the counter is written back just before commit
    (`write_counters`), so a batch of cases costs one read and one write.
    """
    counters: dict[int, int] = session.info.setdefault(COUNTERS, {})
    if year not in counters:
        counters[year] = _locked_counter(session, year)
    counters[year] += 1
    return counters[year]


def _locked_counter(session: Session, year: int) -> int:
    read = select(CaseCounter.last_number).where(CaseCounter.year == year).with_for_update()
    with session.no_autoflush:
        current = session.scalar(read)
    if current is not None:
        return current
    dialect = session.get_bind().dialect.name
    insert_new = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CaseCounter)
    # A new year's first case: another worker may create the row at the same moment.
    session.execute(insert_new.values(year=year, last_number=0).on_conflict_do_nothing())
    current = session.scalar(read)
    assert current is not None
    return current


def write_counters(session: Session) -> None:
    """Session hook (before commit): store the numbers handed out in this transaction."""
    for year, last in session.info.pop(COUNTERS, {}).items():
        session.execute(update(CaseCounter).where(CaseCounter.year == year).values(last_number=last))


def forget_counters(session: Session, *_: object) -> None:
    """Session hook (after rollback): numbers handed out in a rolled-back transaction are free again."""
    session.info.pop(COUNTERS, None)


def record_event(session: Session, case: Case, at: dt.datetime, actor: str, action: str,
                 **detail: Any) -> CaseEvent:
    event = CaseEvent(case=case, at=at, actor=actor, action=action, detail=detail)
    session.add(event)
    return event

