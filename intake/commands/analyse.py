"""`intake analyse`: what the service would decide about a message, with no side effects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from intake.analysis import Analyser
from intake.commands.common import emit, handle_errors, settings_from


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (the default output).")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@handle_errors
def analyse(ctx: click.Context, as_json: bool, files: tuple[Path, ...]) -> None:
    """Parse and analyse each .eml FILE; print one JSON object per line.

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
        emit({"file": str(path), **analyser.analyse(raw, received)})
    if failed:
        ctx.exit(1)


COMMANDS = (analyse,)
