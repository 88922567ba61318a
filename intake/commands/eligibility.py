"""`intake cases decide`: an officer confirms or changes a case's eligibility decision;
`intake train-eligibility`: rebuild the learned eligibility signals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import click
from sqlalchemy import select

from intake.commands.cases import cases
from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import Case
from intake.db.session import session_factory
from intake.eligibility import CODES
from intake.eligibility.learned import MODEL_DIR
from intake.eligibility.override import DECISIONS, record_decision
from intake.errors import IntakeError
from intake.services import engine_for
from intake.staff_replies import queue_ineligible_reply


@cases.command("decide")
@click.argument("reference")
@click.option("--decision", required=True, type=click.Choice(DECISIONS), help="The officer's decision.")
@click.option("--reason", required=True, help="Why (kept in the case trail).")
@click.option("--by", "officer", required=True, help="The officer's name.")
@click.option("--code", "codes", multiple=True, type=click.Choice(CODES),
              help="A reason code behind the decision (repeatable).")
@click.option("--signpost", "signposts", multiple=True,
              help="ineligible: another place to send the writer, added to the rules' signposting (repeatable).")
@click.option("--no-reply", is_flag=True,
              help="ineligible: queue no reply (the officer writes it); by default the reply is queued.")
@click.option("--json", "as_json", is_flag=True, help="Print the recorded event as JSON.")
@click.pass_context
@handle_errors
def decide(ctx: click.Context, reference: str, decision: str, reason: str, officer: str,
           codes: tuple[str, ...], signposts: tuple[str, ...], no_reply: bool, as_json: bool) -> None:
    """Confirm or change the eligibility decision of case REFERENCE.

    Recorded in the case trail with the officer's name and reason. For `ineligible`, the
    reply to the writer (templates/email/ineligible/, or a printed letter when there is only
    a postal address) is queued in the same transaction, once per case, with the signposting
    for its reason codes; the officer's reason stays internal.
    """
    settings = settings_from(ctx)
    engine = engine_for(settings)
    with session_factory(engine).begin() as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        if case is None:
            raise IntakeError(f"no case {reference}")
        now = dt.datetime.now(dt.UTC)
        event = record_decision(session, case, decision, officer=officer, reason=reason,
                                at=now, codes=codes)
        summary = {"case_reference": reference, "action": event.action, **event.detail}
        if decision == "ineligible" and not no_reply:
            queued = queue_ineligible_reply(session, settings, case, officer=officer.strip(), now=now,
                                            codes=codes, extra_signposting=signposts)
            summary["reply"] = ({"channel": queued.channel, "new": queued.new, "template": queued.template}
                                if queued else None)
    if as_json:
        emit(summary)
    else:
        verb = "confirmed as" if event.action == "eligibility_confirmed" else "changed to"
        click.echo(f"{reference}: eligibility {verb} {decision} (was {summary['previous']})")
        if "reply" in summary:
            click.echo(f"{reference}: {_reply_sentence(summary['reply'])}")


def _reply_sentence(reply: dict[str, object] | None) -> str:
    if reply is None:
        return "no email or postal address: no reply queued; a person must find a way to reply"
    where = "the outbox" if reply["channel"] == "email" else "the print queue (intake letters)"
    return f"ineligible reply {'queued in' if reply['new'] else 'was already in'} {where}"


@click.command("train-eligibility")
@click.option("--seed", default=13, show_default=True, help="Same labelled sets and seed, same model.")
@click.option("--epochs", default=15, show_default=True, help="At most; the held-out set picks the best.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=MODEL_DIR,
              show_default=True, help="Where to write the pipeline (the packaged one by default).")
@handle_errors
def train_eligibility(seed: int, epochs: int, output: Path) -> None:
    """Train the eligibility text model on the labelled tuning sets; thresholds from the held-out set.

    Reads tests/eligibility/complaints.jsonl, tuning2.jsonl and tuning3.jsonl, tunes on heldout.jsonl, and never
    reads blind.jsonl. Prints the epoch chosen, the held-out average precision and thresholds.
    """
    from intake.eligibility.training import train_model

    emit(dataclasses.asdict(train_model(output, seed=seed, epochs=epochs)))


# `decide` hangs under the `intake cases` group.
COMMANDS: tuple[click.Command, ...] = (train_eligibility,)
