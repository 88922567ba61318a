"""`intake cases decide`: an officer confirms or changes a case's eligibility decision."""

from __future__ import annotations

import datetime as dt

import click
from sqlalchemy import select

from intake.commands.cases import cases
from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import Case
from intake.db.session import session_factory
from intake.eligibility import CODES
from intake.eligibility.override import DECISIONS, record_decision
from intake.errors import IntakeError
from intake.services import engine_for


@cases.command("decide")
@click.argument("reference")
@click.option("--decision", required=True, type=click.Choice(DECISIONS), help="The officer's decision.")
@click.option("--reason", required=True, help="Why (kept in the case trail).")
@click.option("--by", "officer", required=True, help="The officer's name.")
@click.option("--code", "codes", multiple=True, type=click.Choice(CODES),
              help="A reason code behind the decision (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the recorded event as JSON.")
@click.pass_context
@handle_errors
def decide(ctx: click.Context, reference: str, decision: str, reason: str, officer: str,
           codes: tuple[str, ...], as_json: bool) -> None:
    """Confirm or change the eligibility decision of case REFERENCE.

    Recorded in the case trail with the officer's name and reason. Nothing is sent:
    an ineligible complaint's reply is still written by a person.
    """
    engine = engine_for(settings_from(ctx))
    with session_factory(engine).begin() as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        if case is None:
            raise IntakeError(f"no case {reference}")
        event = record_decision(session, case, decision, officer=officer, reason=reason,
                                at=dt.datetime.now(dt.UTC), codes=codes)
        summary = {"case_reference": reference, "action": event.action, **event.detail}
    if as_json:
        emit(summary)
    else:
        verb = "confirmed as" if event.action == "eligibility_confirmed" else "changed to"
        click.echo(f"{reference}: eligibility {verb} {decision} (was {summary['previous']})")


# `decide` hangs under the `intake cases` group; nothing new at the top level.
COMMANDS: tuple[click.Command, ...] = ()
