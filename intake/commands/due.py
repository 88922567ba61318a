"""`intake due` (what would be sent at a moment) and `intake notices send` (one scan)."""

from __future__ import annotations

import datetime as dt

import click

from intake.commands.common import emit, handle_errors, parse_moment, settings_from
from intake.db.session import session_factory
from intake.notices.plan import plan
from intake.notices.queue import send_due
from intake.services import engine_for


@click.command()
@click.option("--at", "at", metavar="DATETIME", help="The moment to ask about (ISO, local time if no zone; default now).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
@handle_errors
def due(ctx: click.Context, at: str | None, as_json: bool) -> None:
    """The notices the scheduler would send at that moment; sends nothing."""
    settings = settings_from(ctx)
    moment = parse_moment(at, settings.tz)
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


COMMANDS = (due, notices)
