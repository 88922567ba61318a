"""`intake letters`: the print queue (list, download, mark posted);
`intake cases request-consent`: ask a representative for the young person's consent."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.commands.cases import cases
from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import Case, Letter
from intake.db.session import session_factory
from intake.errors import IntakeError
from intake.letters.queue import mark_posted
from intake.services import engine_for
from intake.staff_replies import queue_consent_request

STATES = ("queued", "posted")


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--state", type=click.Choice(STATES), help="Only letters in this state.")
@click.pass_context
@handle_errors
def letters(ctx: click.Context, as_json: bool, state: str | None) -> None:
    """List the letters to print and post (queued) and those posted, oldest first.

    A letter is written when the writer gave a postal address and no email address.
    `intake letters download ID --output FILE` saves its PDF; `intake letters posted ID
    --by NAME` records that it went in the post.
    """
    if ctx.invoked_subcommand is not None:
        return
    engine = engine_for(settings_from(ctx))
    with session_factory(engine)() as session:
        query = (select(Letter.id, Letter.purpose, Letter.state, Letter.pages, Letter.template,
                        Letter.created_at, Letter.posted_at, Letter.posted_by, Case.reference)
                 .join(Case, Case.id == Letter.case_id).order_by(Letter.id))
        if state:
            query = query.where(Letter.state == state)
        for row in session.execute(query):
            record = {"id": row.id, "case_reference": row.reference, "purpose": row.purpose,
                      "state": row.state, "pages": row.pages, "template": row.template,
                      "created_at": row.created_at.isoformat(),
                      "posted_at": row.posted_at.isoformat() if row.posted_at else None,
                      "posted_by": row.posted_by}
            if as_json:
                emit(record)
            else:
                posted = f"posted {row.posted_at:%Y-%m-%d} by {row.posted_by}" if row.posted_at else ""
                click.echo(f"{row.id:>6} {row.reference:<14} {row.purpose:<18} {row.state:<7} "
                           f"{row.pages}p {posted}".rstrip())


def _letter(session: Session, letter_id: int) -> Letter:
    letter = session.get(Letter, letter_id)
    if letter is None:
        raise IntakeError(f"no letter {letter_id} (see `intake letters`)")
    return letter


@letters.command("download")
@click.argument("letter_id", type=int)
@click.option("--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the PDF.")
@click.pass_context
@handle_errors
def download(ctx: click.Context, letter_id: int, output: Path) -> None:
    """Save letter ID's PDF to FILE, exactly as it was recorded, to print."""
    engine = engine_for(settings_from(ctx))
    with session_factory(engine)() as session:
        pdf = _letter(session, letter_id).pdf
    output = output.resolve()
    try:
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=".tmp-", suffix=".pdf")
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
        os.replace(tmp, output)
    except OSError as exc:
        raise IntakeError(f"cannot write {output}: {exc.strerror}") from None
    click.echo(f"letter {letter_id}: {len(pdf)} bytes written to {output}")


@letters.command("posted")
@click.argument("letter_id", type=int)
@click.option("--by", "officer", required=True, help="Who posted it (kept in the case trail).")
@click.pass_context
@handle_errors
def posted(ctx: click.Context, letter_id: int, officer: str) -> None:
    """Record that letter ID went in the post (an acknowledgement then counts as sent)."""
    if not officer.strip():
        raise click.BadParameter("a name is required", param_hint="--by")
    engine = engine_for(settings_from(ctx))
    with session_factory(engine).begin() as session:
        letter = _letter(session, letter_id)
        changed = mark_posted(session, letter, officer=officer.strip(), now=dt.datetime.now(dt.UTC))
        reference, when, who = letter.case.reference, letter.posted_at, letter.posted_by
    if changed:
        click.echo(f"letter {letter_id} ({reference}) marked posted")
    else:
        click.echo(f"letter {letter_id} ({reference}) was already marked posted on {when:%Y-%m-%d} by {who}")


@cases.command("request-consent")
@click.argument("reference")
@click.option("--by", "officer", required=True, help="The officer's name (kept in the case trail).")
@click.option("--young-person-name", default="", help="The young person's first name, to use in the letter.")
@click.option("--json", "as_json", is_flag=True, help="Print what was queued as JSON.")
@click.pass_context
@handle_errors
def request_consent(ctx: click.Context, reference: str, officer: str, young_person_name: str,
                    as_json: bool) -> None:
    """Ask the representative who wrote case REFERENCE for the young person's consent.

    Only for a case flagged consent_required. Queues, once per case, an email (or a printed
    letter when there is only a postal address) saying what consent is needed, from whom,
    how to give it, and that the complaint is on hold meanwhile, with a short note for the
    young person; records `consent_requested` in the case trail.
    """
    settings = settings_from(ctx)
    with session_factory(engine_for(settings)).begin() as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        if case is None:
            raise IntakeError(f"no case {reference}")
        queued = queue_consent_request(session, settings, case, officer=officer,
                                       now=dt.datetime.now(dt.UTC), young_person_name=young_person_name)
    if queued is None:
        raise IntakeError(f"{reference}: no email or postal address; nothing queued")
    if as_json:
        emit({"case_reference": reference, "channel": queued.channel, "new": queued.new,
              "template": queued.template})
        return
    where = "the outbox" if queued.channel == "email" else "the print queue (intake letters)"
    click.echo(f"{reference}: consent request {'queued in' if queued.new else 'was already in'} {where}")


COMMANDS = (letters,)
