"""`intake users`: the staff accounts that sign in to the web app."""

from __future__ import annotations

import os
from pathlib import Path

import click
from sqlalchemy import select

from intake import accounts
from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import StaffUser
from intake.db.session import session_factory, upgrade
from intake.errors import IntakeError
from intake.services import engine_for

PASSWORD_ENV = "INTAKE_NEW_PASSWORD"


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
@handle_errors
def users(ctx: click.Context, as_json: bool) -> None:
    """List staff accounts (`intake users add`: create one)."""
    if ctx.invoked_subcommand is not None:
        return
    engine = engine_for(settings_from(ctx))
    upgrade(engine)
    with session_factory(engine)() as session:
        for user in session.scalars(select(StaffUser).order_by(StaffUser.username)):
            row = {"username": user.username, "name": user.display_name, "role": user.role,
                   "email": user.email, "active": user.active,
                   "last_sign_in_at": user.last_sign_in_at.isoformat() if user.last_sign_in_at else None}
            if as_json:
                emit(row)
            else:
                click.echo(f"{user.username:<20} {user.role:<8} {'active' if user.active else 'disabled':<9} "
                           f"{user.display_name}")


def _new_password(password_file: Path | None) -> str:
    """From a file, the environment, or typed twice at a prompt; never from the command line."""
    if password_file is not None:
        try:
            return password_file.read_text(encoding="utf-8").strip("\r\n")
        except OSError as exc:
            raise IntakeError(f"cannot read the password file {password_file}: {exc.strerror}") from None
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@users.command("add")
@click.argument("username")
@click.option("--name", "display_name", required=True, help="The name shown in the case trail.")
@click.option("--role", type=click.Choice(accounts.ROLES), default="officer", show_default=True,
              help="officer: the queue and casework; manager: also the manager's view and extensions; "
                   "admin: also accounts.")
@click.option("--email", default="", help="Where the officer's reminders go.")
@click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Read the password from this file (else ${PASSWORD_ENV}, else a prompt).")
@click.pass_context
@handle_errors
def add(ctx: click.Context, username: str, display_name: str, role: str, email: str,
        password_file: Path | None) -> None:
    """Create a staff account that can sign in at /login."""
    engine = engine_for(settings_from(ctx))
    upgrade(engine)
    password = _new_password(password_file)
    with session_factory(engine).begin() as session:
        user = accounts.add_user(session, username, display_name=display_name, role=role,
                                 password=password, email=email)
        click.echo(f"user {user.username} ({user.role}) created; they can sign in at /login")


@users.command("password")
@click.argument("username")
@click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Read the password from this file (else ${PASSWORD_ENV}, else a prompt).")
@click.pass_context
@handle_errors
def password(ctx: click.Context, username: str, password_file: Path | None) -> None:
    """Set a new password for an account."""
    with session_factory(engine_for(settings_from(ctx))).begin() as session:
        accounts.set_password(session, accounts.find_user(session, username), _new_password(password_file))
    click.echo(f"password changed for {username}")


@users.command("disable")
@click.argument("username")
@click.pass_context
@handle_errors
def disable(ctx: click.Context, username: str) -> None:
    """Stop an account signing in (its name stays in the case trails it appears in)."""
    with session_factory(engine_for(settings_from(ctx))).begin() as session:
        accounts.find_user(session, username).active = False
    click.echo(f"{username} can no longer sign in")


COMMANDS = (users,)
