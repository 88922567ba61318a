"""`intake init` and `intake run`: set up the case log; run the service."""

from __future__ import annotations

import logging
import signal
from types import FrameType

import click

from intake.commands.common import handle_errors, settings_from
from intake.db.session import upgrade
from intake.services import engine_for


@click.command()
@click.pass_context
@handle_errors
def init(ctx: click.Context) -> None:
    """Create the case log, or upgrade it to this version (safe to run again)."""
    settings = settings_from(ctx)
    upgrade(engine_for(settings))
    if settings.outbound.path is not None:
        settings.outbound.path.mkdir(parents=True, exist_ok=True)
    if settings.mailbox.scheme == "maildir":
        from intake.sources.maildir import MaildirSource

        assert settings.mailbox.path is not None
        MaildirSource(settings.mailbox.path)  # creates new/, cur/, tmp/
    click.echo(f"case log ready; mailbox {settings.mailbox.describe()}; "
               f"outbound {settings.outbound.describe()}")


@click.command()
@click.pass_context
@handle_errors
def run(ctx: click.Context) -> None:
    """Run the service until stopped: poll the mailbox, send the outbox and notices, serve the web app."""
    from scheduler.app import build_scheduler, start_idle_watcher

    settings = settings_from(ctx)
    upgrade(engine_for(settings))
    logging.getLogger().setLevel(logging.INFO)
    scheduler = build_scheduler(settings)
    click.echo(f"intake running: polling {settings.mailbox.describe()} every "
               f"{settings.poll_interval_seconds}s; press Ctrl+C to stop", err=True)

    def stop(signum: int, _frame: FrameType | None) -> None:
        # Finish the message in hand (its transaction commits or rolls back whole), then exit.
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    watcher = start_idle_watcher(settings, scheduler)
    web_server = None
    if settings.web.serve_with_run:
        from intake.commands.web import serve_in_background

        web_server = serve_in_background(settings)
    scheduler.start()
    if watcher is not None:
        watcher.stop()
    if web_server is not None:
        web_server.close()
    click.echo("intake stopped", err=True)


COMMANDS = (init, run)
