"""`intake cases note|consent|acknowledge|merge` and `intake messages without-case|make-case`:
the case-page actions of intake.staff_actions, usable from the command line."""

from __future__ import annotations

import datetime as dt

import click

from intake import casework
from intake.commands.cases import cases
from intake.commands.casework import open_case
from intake.commands.common import emit, handle_errors, settings_from
from intake.commands.mailbox import messages
from intake.db.session import session_factory
from intake.services import engine_for
from intake.staff_actions import acknowledgement, consent, listing, manual_case, merge, notes


@cases.command("note")
@click.argument("reference")
@click.option("--text", required=True, help="The note (kept in the case trail; it cannot be edited).")
@click.option("--by", "by", required=True, help="Who is writing it.")
@click.pass_context
@handle_errors
def note(ctx: click.Context, reference: str, text: str, by: str) -> None:
    """Add a staff note to the case trail."""
    with open_case(ctx, reference) as it:
        event = notes.add_note(it.session, it.case, text, by, it.now)
    emit({"case_reference": reference, "action": event.action, "by": event.actor})


@cases.command("consent")
@click.argument("reference")
@click.option("--how", required=True, help="How consent was given (e.g. 'signed form received').")
@click.option("--by", "by", required=True, help="Who is recording it.")
@click.pass_context
@handle_errors
def consent_(ctx: click.Context, reference: str, how: str, by: str) -> None:
    """Record that the young person's consent is now shown (the eligibility decision stays an officer's)."""
    with open_case(ctx, reference) as it:
        event = consent.record_consent(it.session, it.case, by=by, at=it.now, how=how)
        detail = dict(event.detail)
    emit({"case_reference": reference, "action": "consent_recorded", **detail})


@cases.command("acknowledge")
@click.argument("reference")
@click.option("--by", "by", required=True, help="Who looked at the case and sends it.")
@click.option("--preview", is_flag=True, help="Print what would be sent and send nothing.")
@click.pass_context
@handle_errors
def acknowledge(ctx: click.Context, reference: str, by: str, preview: bool) -> None:
    """Send the acknowledgement the pipeline held, once (email, or a letter to print)."""
    with open_case(ctx, reference) as it:
        if preview:
            shown = acknowledgement.preview_acknowledgement(it.session, it.settings, it.case)
            click.echo(f"channel: {shown.channel}\ntemplate: {shown.template}\nsubject: {shown.subject}\n")
            click.echo(shown.text)
            for problem in shown.refusals:
                click.echo(f"cannot be sent yet: {problem}", err=True)
            return
        queued = acknowledgement.send_acknowledgement(it.session, it.settings, it.case, by=by, at=it.now)
    emit({"case_reference": reference, "acknowledgement": "queued", "channel": queued.channel,
          "template": queued.template})


@cases.command("merge")
@click.argument("reference")
@click.option("--into", "into", required=True, help="The reference of the case that carries on.")
@click.option("--reason", required=True, help="Why they are the same (kept in both trails).")
@click.option("--by", "by", required=True)
@click.pass_context
@handle_errors
def merge_(ctx: click.Context, reference: str, into: str, reason: str, by: str) -> None:
    """Close case REFERENCE as a duplicate of --into; its messages join that case."""
    with open_case(ctx, reference) as it:
        survivor = casework.find_case(it.session, into)
        linked = merge.merge_duplicate(it.session, it.case, survivor, by=by, at=it.now, reason=reason)
    emit({"case_reference": reference, "status": "merged", "into": into, "inbound_ids": linked})


@messages.command("without-case")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--details", is_flag=True, help="Also show each message's subject and sender (personal data).")
@click.pass_context
@handle_errors
def without_case(ctx: click.Context, as_json: bool, details: bool) -> None:
    """List the quarantined and automated messages that have no case, oldest first."""
    with session_factory(engine_for(settings_from(ctx)))() as session:
        found = listing.quarantined(session) + listing.automated(session)
    for message in found:
        if as_json:
            emit(message.to_json(details=details))
            continue
        shown = f" | {message.sender} | {message.subject}" if details else ""
        click.echo(f"{message.id:>6} {message.kind:<11} {message.received_at:%Y-%m-%d %H:%M} "
                   f"{message.reason[:80]}{shown}")


@messages.command("make-case")
@click.argument("inbound_id", type=int)
@click.option("--category", required=True, type=click.Choice(manual_case.CATEGORIES))
@click.option("--safeguarding", is_flag=True, help="The message discloses a current risk to a child.")
@click.option("--by", "by", required=True, help="Who read the message and makes the case.")
@click.pass_context
@handle_errors
def make_case(ctx: click.Context, inbound_id: int, category: str, safeguarding: bool, by: str) -> None:
    """Make a case by hand from message ID (eligibility and acknowledgement left for a person).

    The message is screened for safeguarding as the pipeline would have; a disclosure (or
    --safeguarding) flags the case and alerts the duty manager.
    """
    settings = settings_from(ctx)
    with session_factory(engine_for(settings)).begin() as session:
        case = manual_case.case_from_message(
            session, settings, inbound_id, category=category, by=by, at=dt.datetime.now(dt.timezone.utc),
            calendar=settings.working_calendar(), limits=settings.limits, safeguarding=safeguarding)
        summary = {"case_reference": case.reference, "inbound_id": inbound_id, "category": case.category,
                   "eligibility": case.eligibility_decision, "acknowledgement": case.acknowledgement,
                   "safeguarding": "safeguarding" in case.flags}
    emit(summary)


# Every command here hangs under the `intake cases` and `intake messages` groups.
COMMANDS: tuple[click.Command, ...] = ()
