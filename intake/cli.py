"""The `intake` command line: thin; every error becomes one sentence and an exit code.

Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.
"""

from __future__ import annotations

import logging
import sys

import click

from intake.commands import (analyse, cases, casework, classifiers, demo, due, eligibility, letters, mailbox,
                             outbox, report, scans, service, staff_actions, users, web, workdays)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="INTAKE_CONFIG",
              help="TOML configuration file (env INTAKE_CONFIG; default: built-in defaults).")
@click.option("-v", "--verbose", is_flag=True, help="Log each message's progress (ids only).")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    """Children's social care complaints intake: mailbox and letters in, cases and acknowledgements out."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    ctx.obj = {"config_path": config_path}


for _module in (analyse, cases, casework, classifiers, demo, due, eligibility, letters, mailbox, outbox, report,
                scans, service, staff_actions, users, web, workdays):
    for _command in _module.COMMANDS:
        main.add_command(_command)
