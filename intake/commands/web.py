"""`intake web`: serve the staff web app alone (`intake run` serves it beside the poller)."""

from __future__ import annotations

import logging
import threading
from typing import Any

import click

from intake.commands.common import handle_errors, settings_from
from intake.config import Settings
from intake.db.session import upgrade
from intake.services import engine_for

log = logging.getLogger("intake.web")


def web_server(settings: Settings, host: str | None = None, port: int | None = None) -> Any:
    """A waitress server (maintained, pure-Python, production WSGI) for the web app (untyped: Any)."""
    from waitress import create_server

    from intake.web import create_app

    return create_server(create_app(settings), host=host or settings.web.host, port=port or settings.web.port,
                         threads=8, ident="intake")


def serve_in_background(settings: Settings) -> Any | None:
    """The web app beside the poller; if its port is taken, the poller still runs (and says why)."""
    try:
        server = web_server(settings)
    except OSError as exc:
        log.error("web_not_started host=%s port=%s error=%s", settings.web.host, settings.web.port, exc.strerror)
        click.echo(f"intake: the web app could not listen on {settings.web.host}:{settings.web.port} "
                   f"({exc.strerror}); the mailbox is still polled. Set [web] port, or run `intake web` apart.",
                   err=True)
        return None
    threading.Thread(target=server.run, name="intake-web", daemon=True).start()
    click.echo(f"staff web app on http://{server.effective_host}:{server.effective_port}/login", err=True)
    return server


@click.command()
@click.option("--host", help="Address to listen on (default: web.host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: web.port, 8080).")
@click.pass_context
@handle_errors
def web(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the staff web app: the triage queue, case pages and the manager's view (sign in at /login)."""
    settings = settings_from(ctx)
    upgrade(engine_for(settings))
    server = web_server(settings, host, port)
    click.echo(f"intake web: http://{server.effective_host}:{server.effective_port}/login  "
               "(intake users add creates an account)", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


COMMANDS = (web,)
