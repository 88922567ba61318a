"""Writing to the case log: references, cases and their trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intake.db.models import Case, CaseCounter, CaseEvent


def format_reference(year: int, number: int) -> str:
    return f"CSC-{year}-{number:04d}"


def next_number(session: Session, year: int) -> int:
    """The next number for the year, taken under the counter row's lock (or SQLite's write lock)."""
    bump = (update(CaseCounter).where(CaseCounter.year == year)
            .values(last_number=CaseCounter.last_number + 1).returning(CaseCounter.last_number))
    number = session.scalar(bump)
    if number is not None:
        return number
    try:
        with session.begin_nested():
            session.execute(insert(CaseCounter).values(year=year, last_number=1))
        return 1
    except IntegrityError:  # another worker created the year's counter first
        number = session.scalar(bump)
        assert number is not None
        return number


def record_event(session: Session, case: Case, at: dt.datetime, actor: str, action: str,
                 **detail: Any) -> CaseEvent:
    event = CaseEvent(case_id=case.id, at=at, actor=actor, action=action, detail=detail)
    session.add(event)
    return event


def find_case(session: Session, reference: str) -> Case | None:
    return session.scalar(select(Case).where(Case.reference == reference.upper()))
