"""`intake analyse`: what the service would decide about a message, with no side effects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from intake.analysis import Analyser
from intake.commands.common import emit, handle_errors, settings_from
from intake.errors import UnparseableMessage
from intake.scans.message import letter_received_at, read_fields
from intake.scans.reading import read_scan
from intake.scans.sniffing import scan_kind


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (the default output).")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@handle_errors
def analyse(ctx: click.Context, as_json: bool, files: tuple[Path, ...]) -> None:
    """Parse and analyse each .eml, PDF or image FILE; print one JSON object per line.

    A PDF, PNG, JPEG or TIFF (known by its first bytes) is read as a posted letter, as
    `intake letter add` would read it (exit 2 if it needs OCR and Tesseract is missing).

    No database writes and no mail: safe on any file. A file that cannot be read
    is reported with an "error" key and the exit code is 1.
    """
    analyser = Analyser(settings_from(ctx))
    failed = False
    for path in files:
        try:
            raw = path.read_bytes()
            received = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc)
        except OSError as exc:
            emit({"file": str(path), "error": f"cannot read the file: {exc.strerror}"})
            failed = True
            continue
        if scan_kind(raw) is not None:  # a letter: PDF or image, read with no side effects either
            emit({"file": str(path), **analyser.analyse(raw, letter_time(raw, received, analyser), "letter")})
            continue
        emit({"file": str(path), **analyser.analyse(raw, received)})
    if failed:
        ctx.exit(1)


def letter_time(raw: bytes, file_time: dt.datetime, analyser: Analyser) -> dt.datetime:
    """received_at as `intake letter add` would set it without --received (OcrUnavailable: exit 2)."""
    settings = analyser.ctx.settings
    try:
        written = read_fields(read_scan(raw), settings).written_on
    except UnparseableMessage:
        written = None  # the analysis reports it as quarantined, with the reason
    return letter_received_at(written, None, file_time, settings)


COMMANDS = (analyse,)
