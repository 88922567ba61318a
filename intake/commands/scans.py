"""`intake letter add`: posted letters (scanned, or saved as PDF) into the same pipeline as email.

(`intake letters`, in commands/letters.py, is the other way: the letters we print and post.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click
from sqlalchemy import select

from intake.commands.common import emit, handle_errors, settings_from
from intake.config import Settings
from intake.db.models import Case, InboundMessage
from intake.db.session import upgrade
from intake.runner import Runner
from intake.scans.adding import add_letter
from intake.scans.sniffing import scan_kind
from intake.services import engine_for


@click.group()
def letter() -> None:
    """Posted letters: add scans or PDFs to the case log."""


@letter.command()
@click.option("--received", help="The post room's date stamp (2026-12-23, or a date and time); "
              "default: the date written on the letter if recent, else the file's time.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
@handle_errors
def add(ctx: click.Context, received: str | None, as_json: bool, files: tuple[Path, ...]) -> None:
    """Store each FILE (PDF, PNG, JPEG or TIFF) raw, then read, classify, log and acknowledge it.

    Text comes from the PDF's text layer, else OCR (Tesseract). The same file added
    twice is one letter. Exit 2 if a file is not a PDF or image, or needs OCR and
    Tesseract is not installed (nothing is stored then).
    """
    settings = settings_from(ctx)
    stamped = _stamp(received, settings)
    files_read = [(path, path.read_bytes()) for path in files]
    for path, raw in files_read:  # every file checked before any is stored
        if scan_kind(raw) is None:
            raise click.UsageError(f"{path}: not a PDF, PNG, JPEG or TIFF file")
    engine = engine_for(settings)
    upgrade(engine)
    runner = Runner(settings, engine)
    for path, raw in files_read:
        file_time = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc)
        known, new = add_letter(runner, raw, stamped=stamped, file_time=file_time)
        record = _report(runner, known, new)
        if as_json:
            emit({"file": str(path), **record})
        else:
            ack = f", acknowledgement {record['acknowledgement']}" if record["acknowledgement"] else ""
            click.echo(f"{path}: {'added' if new else 'already added'}, {record['state']} "
                       f"{record['case_reference'] or record['outcome']}{ack}")


def _stamp(value: str | None, settings: Settings) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-12-23", param_hint="--received") from None
    if len(value) <= 10:  # a date alone: midday, so it is that date wherever it is shown
        parsed = parsed.replace(hour=12)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=settings.tz)


def _report(runner: Runner, inbound_id: int, new: bool) -> dict[str, Any]:
    with runner.sessions() as session:
        row = session.get(InboundMessage, inbound_id)
        assert row is not None
        case = session.scalar(select(Case).where(Case.inbound_id == inbound_id))
        return {"inbound_id": inbound_id, "new": new, "state": row.state, "outcome": row.outcome,
                "received_at": row.received_at.isoformat(),
                "case_reference": case.reference if case else None,
                "acknowledgement": case.acknowledgement if case else None}


COMMANDS = (letter,)
