"""`intake due`, `intake notices send` and the casework that moves deadlines (`intake cases ...`)."""

from __future__ import annotations

import datetime as dt

import click

from intake import casework
from intake.commands.cases import cases
from intake.commands.common import emit, handle_errors, settings_from
from intake.db.session import session_factory
from intake.notices.plan import plan
from intake.notices.queue import send_due
from intake.services import engine_for
from intake.timetable import Event


def _day(on: str | None, now: dt.datetime, tz: dt.tzinfo) -> dt.date:
    if on is None:
        return now.astimezone(tz).date()
    try:
        return dt.date.fromisoformat(on)
    except ValueError:
        raise click.BadParameter(f"{on!r} is not a date like 2026-12-23", param_hint="--on") from None


def _moment(value: str | None, settings_tz: dt.tzinfo) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date and time like 2026-12-23T09:30", param_hint="--at") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=settings_tz)


@click.command()
@click.option("--at", "at", metavar="DATETIME", help="The moment to ask about (ISO, local time if no zone; default now).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
@handle_errors
def due(ctx: click.Context, at: str | None, as_json: bool) -> None:
    """The notices the scheduler would send at that moment; sends nothing."""
    settings = settings_from(ctx)
    moment = _moment(at, settings.tz)
    with session_factory(engine_for(settings))() as session:
        for notice in plan(session, settings, settings.working_calendar(), moment):
            if as_json:
                emit(notice.to_json())
            else:
                click.echo(f"{notice.kind:<18} {notice.case_reference or '-':<14} {notice.deadline or '-':<16} "
                           f"{notice.due_date or '-'}  to={notice.to}")


@click.group()
def notices() -> None:
    """Reminders, escalations and the daily digest."""


@notices.command("send")
@click.pass_context
@handle_errors
def send(ctx: click.Context) -> None:
    """Queue every notice due now into the outbox, once each (`intake outbox send` delivers)."""
    settings = settings_from(ctx)
    with session_factory(engine_for(settings))() as session, session.begin():
        claimed = send_due(session, settings, settings.working_calendar(), dt.datetime.now(dt.timezone.utc))
    click.echo(f"queued={len(claimed)}")


@cases.command("assign")
@click.argument("reference")
@click.option("--officer", required=True, help="The officer's email address: reminders go there.")
@click.option("--by", "by", required=True, help="Who is assigning.")
@click.pass_context
@handle_errors
def assign(ctx: click.Context, reference: str, officer: str, by: str) -> None:
    """Assign the case officer."""
    settings = settings_from(ctx)
    with session_factory(engine_for(settings))() as session, session.begin():
        casework.assign(session, casework.find_case(session, reference), officer, by=by,
                        at=dt.datetime.now(dt.timezone.utc))
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
    settings = settings_from(ctx)
    with session_factory(engine_for(settings))() as session, session.begin():
        row = casework.extend(session, casework.find_case(session, reference), deadline, reason=reason, by=by,
                              at=dt.datetime.now(dt.timezone.utc), calendar=settings.working_calendar(),
                              limits=settings.limits)
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
    settings = settings_from(ctx)
    now = dt.datetime.now(dt.timezone.utc)
    day = _day(on, now, settings.tz)
    with session_factory(engine_for(settings))() as session, session.begin():
        planned = casework.record_step(session, casework.find_case(session, reference), Event(event), day, by=by,
                                       at=now, calendar=settings.working_calendar(), limits=settings.limits)
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
    settings = settings_from(ctx)
    now = dt.datetime.now(dt.timezone.utc)
    day = _day(on, now, settings.tz)
    with session_factory(engine_for(settings))() as session, session.begin():
        casework.pause(session, casework.find_case(session, reference), day, reason=reason, by=by, at=now)
    emit({"case_reference": reference, "status": "paused", "on": day.isoformat()})


@cases.command("resume")
@click.argument("reference")
@click.option("--on", "on", help="From which day (default today).")
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def resume(ctx: click.Context, reference: str, on: str | None, by: str) -> None:
    """Start the clocks again: every open deadline moves by the working days paused."""
    settings = settings_from(ctx)
    now = dt.datetime.now(dt.timezone.utc)
    day = _day(on, now, settings.tz)
    with session_factory(engine_for(settings))() as session, session.begin():
        days = casework.resume(session, casework.find_case(session, reference), day, by=by, at=now,
                               calendar=settings.working_calendar())
    emit({"case_reference": reference, "status": "open", "paused_working_days": days})


@cases.command("close")
@click.argument("reference")
@click.option("--outcome", type=click.Choice(["upheld", "partly_upheld", "not_upheld", "withdrawn", "resolved"]),
              required=True)
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def close(ctx: click.Context, reference: str, outcome: str, by: str) -> None:
    """Close the case: no more reminders or escalations."""
    settings = settings_from(ctx)
    with session_factory(engine_for(settings))() as session, session.begin():
        casework.close(session, casework.find_case(session, reference), outcome=outcome, by=by,
                       at=dt.datetime.now(dt.timezone.utc))
    emit({"case_reference": reference, "status": "closed", "outcome": outcome})


COMMANDS = (due, notices)
