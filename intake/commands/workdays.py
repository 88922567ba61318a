"""`intake workdays` and `intake timetable`: the working-day calendar from the command line."""

from __future__ import annotations

import click

from intake.commands.common import emit, handle_errors, parse_date, settings_from
from intake.timetable import due_dates, parse_event


@click.group()
def workdays() -> None:
    """Count England working days (weekends, bank holidays and closure days excluded)."""


@workdays.command("add")
@click.argument("date")
@click.argument("n", type=int)
@click.pass_context
@handle_errors
def workdays_add(ctx: click.Context, date: str, n: int) -> None:
    """Print the ISO date N working days after DATE (DATE is day 0)."""
    calendar = settings_from(ctx).working_calendar()
    click.echo(calendar.add_working_days(parse_date(date, "DATE"), n).isoformat())


@workdays.command("between")
@click.argument("date1")
@click.argument("date2")
@click.pass_context
@handle_errors
def workdays_between(ctx: click.Context, date1: str, date2: str) -> None:
    """Print how many working days fall after DATE1, up to and including DATE2."""
    calendar = settings_from(ctx).working_calendar()
    click.echo(calendar.working_days_between(parse_date(date1, "DATE1"), parse_date(date2, "DATE2")))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per due date.")
@click.argument("event")
@click.argument("date")
@click.pass_context
@handle_errors
def timetable(ctx: click.Context, as_json: bool, event: str, date: str) -> None:
    """Print the statutory due dates that EVENT on DATE starts.

    EVENT is one of complaint_received, stage1_response_sent, stage2_requested,
    stage2_adjudication_sent, stage3_requested, panel_held, panel_report_received.
    """
    try:
        parsed_event = parse_event(event)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="EVENT") from None
    settings = settings_from(ctx)
    for due in due_dates(parsed_event, parse_date(date, "DATE"), settings.working_calendar(), settings.limits):
        if as_json:
            emit(due.to_json())
        else:
            extended = f" (extended: {due.extended_due_date})" if due.extended_due_date else ""
            click.echo(f"{due.deadline:<16} {due.due_date}  {due.working_days} working days{extended}")


COMMANDS = (workdays, timetable)
