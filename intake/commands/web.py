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


def serve_in_background(settings: Settings) -> Any:
    server = web_server(settings)
    threading.Thread(target=server.run, name="intake-web", daemon=True).start()
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
