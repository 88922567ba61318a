"""`intake cases`: the case log, one case per line."""

from __future__ import annotations

from typing import Any

import click
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from intake.commands.common import emit, handle_errors, settings_from
from intake.db.models import Case
from intake.db.session import session_factory
from intake.services import engine_for


def case_json(case: Case) -> dict[str, Any]:
    return {
        "case_reference": case.reference, "category": case.category,
        "confidence": case.category_confidence, "category_model": case.category_model,
        "category_review": case.category_review, "stage": case.stage, "status": case.status,
        "channel": case.channel, "flags": case.flags,
        "eligibility": {"decision": case.eligibility_decision,
                        "reasons": [{"code": r["code"], "evidence": r.get("evidence") or r["sentence"]}
                                    for r in case.eligibility_reasons]},
        "acknowledgement": case.acknowledgement, "officer": case.officer,
        "received_at": case.received_at.isoformat(),
        "deadlines": {d.deadline: d.due_date.isoformat() for d in case.deadlines},
    }


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
@handle_errors
def cases(ctx: click.Context, as_json: bool) -> None:
    """List the cases in the case log, oldest first (`intake cases decide`: see its --help)."""
    if ctx.invoked_subcommand is not None:
        return
    engine = engine_for(settings_from(ctx))
    with session_factory(engine)() as session:
        query = select(Case).options(selectinload(Case.deadlines)).order_by(Case.id)
        for case in session.scalars(query):
            if as_json:
                emit(case_json(case))
                continue
            flags = ",".join(case.flags) or "-"
            due = next((d.due_date for d in case.deadlines if d.deadline == "stage1_response"), None)
            click.echo(f"{case.reference}  {case.category:<12} {case.eligibility_decision:<12} "
                       f"ack={case.acknowledgement:<7} flags={flags:<30} stage1_due={due or '-'}")


COMMANDS = (cases,)
