"""What every command shares: settings loading, error handling, JSON Lines output."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from typing import Any, Callable, TypeVar

import click

from intake import config as config_module
from intake.config import Settings
from intake.errors import ConfigError, IntakeError

F = TypeVar("F", bound=Callable[..., Any])


def emit(obj: dict[str, Any]) -> None:
    """One JSON object per line (JSON Lines), so scripts can stream the output."""
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def handle_errors(func: F) -> F:
    """IntakeError → one sentence on stderr and its exit code (2 for configuration)."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            click.echo(f"intake: {exc}", err=True)
            sys.exit(2)
        except IntakeError as exc:
            click.echo(f"intake: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper  # type: ignore[return-value]


def parse_date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-12-23", param_hint=name) from None


def parse_moment(value: str | None, tz: dt.tzinfo) -> dt.datetime:
    """`--at`: an ISO date and time (local time when it has no zone), or now."""
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date and time like 2026-12-23T09:30", param_hint="--at") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def settings_from(ctx: click.Context) -> Settings:
    """Load settings once per invocation; problems exit 2 with every problem listed."""
    root = ctx.find_root()
    if root.obj is None:
        root.obj = {}
    if "settings" not in root.obj:
        root.obj["settings"] = config_module.load(root.obj.get("config_path"))
    return root.obj["settings"]  # type: ignore[no-any-return]
