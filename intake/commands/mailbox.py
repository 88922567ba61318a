"""`intake poll` and `intake messages`: take mail in; see where every message ended."""

from __future__ import annotations

import datetime as dt
import time

import click
from sqlalchemy import select

from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import InboundMessage, QuarantineRecord
from intake.db.session import session_factory, upgrade
from intake.errors import SourceUnavailable
from intake.reconcile import reconcile as reconcile_mailbox
from intake.runner import Runner
from intake.services import engine_for, source_for


@click.command()
@click.option("--once", is_flag=True, help="Poll once and exit (otherwise poll on the configured interval).")
@click.pass_context
@handle_errors
def poll(ctx: click.Context, once: bool) -> None:
    """Store new mail raw, then classify, log and acknowledge it."""
    settings = settings_from(ctx)
    engine = engine_for(settings)
    upgrade(engine)
    runner = Runner(settings, engine)
    source = source_for(settings)  # one connection, kept between polls
    while True:
        try:
            report = runner.poll_once(source)
            click.echo(report.summary())
        except SourceUnavailable as exc:
            if once:
                raise
            click.echo(f"intake: {exc}; retrying in {settings.poll_interval_seconds}s", err=True)
        if once:
            return
        time.sleep(settings.poll_interval_seconds)


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--state", multiple=True,
              help="Only these states: stored, processed, held, reply_to_case, automated, out_of_scope, quarantined.")
@click.pass_context
@handle_errors
def messages(ctx: click.Context, as_json: bool, state: tuple[str, ...]) -> None:
    """List every inbound message and how it ended (no names, addresses or text).

    `intake messages without-case` lists the quarantined and automated ones with no case;
    `intake messages make-case ID` makes a case of one by hand.
    """
    if ctx.invoked_subcommand is not None:
        return
    engine = engine_for(settings_from(ctx))
    with session_factory(engine)() as session:
        query = select(InboundMessage, QuarantineRecord.error_id).outerjoin(
            QuarantineRecord, QuarantineRecord.inbound_id == InboundMessage.id).order_by(InboundMessage.id)
        if state:
            query = query.where(InboundMessage.state.in_(state))
        for row, error_id in session.execute(query):
            record = {"id": row.id, "state": row.state, "channel": row.channel,
                      "received_at": row.received_at.isoformat(),
                      "sent_at": row.sent_at.isoformat() if row.sent_at else None,
                      "size": row.size, "sha256": row.sha256, "outcome": row.outcome,
                      "error_id": error_id}
            if as_json:
                emit(record)
            else:
                click.echo(f"{row.id:>6} {row.state:<14} {row.received_at:%Y-%m-%d %H:%M} {row.outcome[:80]}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.pass_context
@handle_errors
def reconcile(ctx: click.Context, as_json: bool) -> None:
    """Compare the mailbox with the case log; exit 1 if any message is unaccounted for."""
    settings = settings_from(ctx)
    result = reconcile_mailbox(engine_for(settings), source_for(settings), dt.datetime.now(dt.timezone.utc))
    if as_json:
        emit(result.to_json())
    else:
        click.echo(f"{result.source}: {result.in_mailbox} in the mailbox, {result.stored_entries} stored")
        for label, values in (("in the mailbox but not stored", result.not_stored),
                              ("stored but gone from the mailbox", result.missing_from_mailbox),
                              ("stored but not processed", result.unfinished)):
            if values:
                click.echo(f"{len(values)} {label}: {', '.join(map(str, values[:20]))}")
        click.echo("every message is accounted for" if result.accounted_for else "NOT ALL ACCOUNTED FOR")
    if not result.accounted_for:
        ctx.exit(1)


COMMANDS = (poll, messages, reconcile)
