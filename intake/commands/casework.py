"""`intake cases assign|extend|step|pause|resume|close`: the casework that moves deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import click
from sqlalchemy.orm import Session

from intake import casework
from intake.commands.cases import cases
from intake.commands.common import emit, handle_errors, parse_date, settings_from
from intake.config import Settings
from intake.db.models import Case
from intake.db.session import session_factory
from intake.services import engine_for
from intake.timetable import Event


@dataclass(frozen=True)
class OpenCase:
    settings: Settings
    session: Session
    case: Case
    now: dt.datetime

    def day(self, on: str | None) -> dt.date:
        """`--on`, or today in the council's time zone."""
        return parse_date(on, "--on") if on else self.now.astimezone(self.settings.tz).date()


@contextmanager
def open_case(ctx: click.Context, reference: str) -> Iterator[OpenCase]:
    """The case, in one transaction: the change and its trail event commit together."""
    settings = settings_from(ctx)
    with session_factory(engine_for(settings))() as session, session.begin():
        yield OpenCase(settings, session, casework.find_case(session, reference), dt.datetime.now(dt.timezone.utc))


@cases.command("assign")
@click.argument("reference")
@click.option("--officer", required=True, help="The officer's email address: reminders go there.")
@click.option("--by", "by", required=True, help="Who is assigning.")
@click.pass_context
@handle_errors
def assign(ctx: click.Context, reference: str, officer: str, by: str) -> None:
    """Assign the case officer."""
    with open_case(ctx, reference) as it:
        casework.assign(it.session, it.case, officer, by=by, at=it.now)
    emit({"case_reference": reference, "officer": officer})


@cases.command("extend")
@click.argument("reference")
@click.option("--deadline", type=click.Choice(["stage1_response", "stage2_response"]), required=True)
@click.option("--reason", required=True, help="Why (the complainant must be told).")
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def extend(ctx: click.Context, reference: str, deadline: str, reason: str, by: str) -> None:
    """Extend a deadline to the statutory limit for a complex case."""
    with open_case(ctx, reference) as it:
        row = casework.extend(it.session, it.case, deadline, reason=reason, by=by, at=it.now,
                              calendar=it.settings.working_calendar(), limits=it.settings.limits)
        emit({"case_reference": reference, "deadline": deadline, "due_date": row.due_date.isoformat()})


@cases.command("step")
@click.argument("reference")
@click.argument("event", type=click.Choice([e.value for e in casework.MEETS]))
@click.option("--on", "on", help="The day it happened (default today).")
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def step(ctx: click.Context, reference: str, event: str, on: str | None, by: str) -> None:
    """Record a step (a response sent, a request received, the panel held): meets its deadline, starts the next."""
    with open_case(ctx, reference) as it:
        planned = casework.record_step(it.session, it.case, Event(event), it.day(on), by=by, at=it.now,
                                       calendar=it.settings.working_calendar(), limits=it.settings.limits)
        emit({"case_reference": reference, "event": event,
              "planned": {d.deadline: d.due_date.isoformat() for d in planned}})


@cases.command("pause")
@click.argument("reference")
@click.option("--reason", required=True, help="Why the clock stops (e.g. consent awaited).")
@click.option("--on", "on", help="From which day (default today).")
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def pause(ctx: click.Context, reference: str, reason: str, on: str | None, by: str) -> None:
    """Stop the case's clocks (a local practice, recorded with its reason); no notices meanwhile."""
    with open_case(ctx, reference) as it:
        day = it.day(on)
        casework.pause(it.session, it.case, day, reason=reason, by=by, at=it.now)
    emit({"case_reference": reference, "status": "paused", "on": day.isoformat()})


@cases.command("resume")
@click.argument("reference")
@click.option("--on", "on", help="From which day (default today).")
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def resume(ctx: click.Context, reference: str, on: str | None, by: str) -> None:
    """Start the clocks again: every open deadline moves by the working days paused."""
    with open_case(ctx, reference) as it:
        days = casework.resume(it.session, it.case, it.day(on), by=by, at=it.now,
                               calendar=it.settings.working_calendar())
    emit({"case_reference": reference, "status": "open", "paused_working_days": days})


@cases.command("close")
@click.argument("reference")
@click.option("--outcome", type=click.Choice(casework.OUTCOMES),
              required=True)
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def close(ctx: click.Context, reference: str, outcome: str, by: str) -> None:
    """Close the case: no more reminders or escalations."""
    with open_case(ctx, reference) as it:
        casework.close(it.session, it.case, outcome=outcome, by=by, at=it.now)
    emit({"case_reference": reference, "status": "closed", "outcome": outcome})


# Every command here hangs under the `intake cases` group.
COMMANDS: tuple[click.Command, ...] = ()
