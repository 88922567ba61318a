"""`intake outbox`: list what is queued, sent and failed; `intake outbox send`: one pass."""

from __future__ import annotations

import click
from sqlalchemy import select

from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import Case, OutboxMessage
from intake.db.session import session_factory
from intake.outbox.sender import send_pending
from intake.services import engine_for, transport_for


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
@handle_errors
def outbox(ctx: click.Context, as_json: bool) -> None:
    """List the outbox: what is queued, sent and failed."""
    if ctx.invoked_subcommand is not None:
        return
    engine = engine_for(settings_from(ctx))
    with session_factory(engine)() as session:
        query = (select(OutboxMessage, Case.reference)
                 .outerjoin(Case, Case.id == OutboxMessage.case_id).order_by(OutboxMessage.id))
        for row, reference in session.execute(query):
            record = {"id": row.id, "case_reference": reference, "purpose": row.purpose,
                      "channel": row.channel, "state": row.state, "attempts": row.attempts,
                      "message_id": row.message_id, "created_at": row.created_at.isoformat(),
                      "sent_at": row.sent_at.isoformat() if row.sent_at else None,
                      "last_error": row.last_error}
            if as_json:
                emit(record)
            else:
                click.echo(f"{row.id:>6} {reference or '-':<14} {row.purpose:<20} {row.state:<8} {row.last_error}")


@outbox.command("send")
@click.pass_context
@handle_errors
def outbox_send(ctx: click.Context) -> None:
    """Make one pass over the outbox, delivering what is due, and exit."""
    settings = settings_from(ctx)
    results = send_pending(engine_for(settings), settings, transport_for(settings))
    click.echo(" ".join(f"{k}={v}" for k, v in sorted(results.items())) or "nothing to send")
    if results.get("failed"):
        ctx.exit(1)


COMMANDS = (outbox,)
