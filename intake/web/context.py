"""What every view needs: the app's settings, clock and calendar, and this request's database session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, cast

from flask import current_app, flash, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.db.models import StaffUser
from intake.errors import IntakeError


@dataclass(frozen=True)
class WebServices:
    settings: Settings
    clock: Callable[[], dt.datetime]
    engine: Engine
    sessions: sessionmaker[Session]
    calendar: WorkingCalendar

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        """Today in the council's time zone: deadlines are local dates."""
        return self.clock().astimezone(self.settings.tz).date()


def services() -> WebServices:
    return cast(WebServices, current_app.extensions["intake"])


def db() -> Session:
    """One session per request, closed when the request ends."""
    return cast(Session, g.db)


def user() -> StaffUser:
    """The signed-in member of staff (every view but sign-in runs only when there is one)."""
    current = g.user
    assert current is not None
    return cast(StaffUser, current)


def commit_or_refuse(change: Callable[[], str]) -> bool:
    """Do one staff action in this request's transaction and say what happened.

    Done: committed, and its sentence shown. Refused (IntakeError): rolled back whole,
    and "Not done: <why>" shown instead; nothing half-saved.
    """
    try:
        done = change()
    except IntakeError as exc:
        db().rollback()
        flash(f"Not done: {exc}", "error")
        return False
    db().commit()
    flash(done, "success")
    return True
