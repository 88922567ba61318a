"""`intake demo load`: put the bundled fictional messages into the local Maildir."""

from __future__ import annotations

import mailbox
from pathlib import Path

import click

from intake.commands.common import handle_errors, settings_from
from intake.errors import ConfigError

DEMO_MAIL = Path(__file__).resolve().parent.parent / "demo" / "mail"


@click.group()
def demo() -> None:
    """The bundled set of fictional demo messages."""


@demo.command("load")
@click.pass_context
@handle_errors
def demo_load(ctx: click.Context) -> None:
    """Deliver the demo messages into the configured Maildir (as if they had just arrived)."""
    settings = settings_from(ctx)
    if settings.mailbox.scheme != "maildir" or settings.mailbox.path is None:
        raise ConfigError(["INTAKE_MAILBOX_URL: `intake demo load` only delivers into a maildir:// mailbox"])
    box = mailbox.Maildir(str(settings.mailbox.path), create=True)
    files = sorted(DEMO_MAIL.glob("*.eml"))
    for path in files:
        box.add(path.read_bytes())
    click.echo(f"delivered {len(files)} demo messages to {settings.mailbox.path}")


COMMANDS = (demo,)
