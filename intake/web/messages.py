"""Mail with no case: the quarantine and automated mail, each readable, and each can be made
into a case by hand (a person decided it is a real message after all)."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from werkzeug.wrappers.response import Response

from intake.db.models import InboundMessage
from intake.staff_actions import listing
from intake.staff_actions.manual_case import case_from_message
from intake.web.context import commit_or_refuse, db, services, user
from intake.web.original import original_email

blueprint = Blueprint("messages", __name__)
PAGE = 200
TITLES = {"quarantined": "Quarantine: messages that could not be processed",
          "automated": "Automated mail: never answered"}


@blueprint.route("/messages/quarantined")
def quarantined() -> str:
    return _list("quarantined", listing.quarantined(db()))


@blueprint.route("/messages/automated")
def automated() -> str:
    return _list("automated", listing.automated(db()))


def _list(kind: str, rows: list[listing.WaitingMessage]) -> str:
    return render_template("web/messages.html", kind=kind, title=TITLES[kind], rows=rows[-PAGE:][::-1],
                           total=len(rows), shown=min(len(rows), PAGE))


@blueprint.route("/messages/<int:inbound_id>")
def show(inbound_id: int) -> str:
    inbound = db().get(InboundMessage, inbound_id)
    if inbound is None:
        abort(404)
    original = original_email(inbound.raw) if inbound.channel == "email" else None
    return render_template("web/message.html", inbound=inbound, original=original)


@blueprint.route("/messages/<int:inbound_id>/make-case", methods=["POST"])
def make_case(inbound_id: int) -> Response:
    made: list[str] = []

    def make() -> str:
        case = case_from_message(db(), services().settings, inbound_id, category=request.form.get("category", ""),
                                 by=user().username, at=services().now(), calendar=services().calendar,
                                 limits=services().settings.limits,
                                 safeguarding=request.form.get("safeguarding") == "1")
        made.append(case.reference)
        return f"Case {case.reference} made from the message"

    if commit_or_refuse(make):
        return redirect(url_for("case_page.show", reference=made[0]))
    return redirect(url_for("messages.show", inbound_id=inbound_id))
