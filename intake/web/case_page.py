"""The case page: the original message, each automatic decision with its evidence, the
timetable, the trail, and the actions staff take. Opening it is recorded in the trail."""

from __future__ import annotations

from typing import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers.response import Response

from intake.case_log import record_event
from intake.casework import OUTCOMES
from intake.db.models import Case, CaseMessage, InboundMessage
from intake.errors import IntakeError
from intake.eligibility import CODES
from intake.eligibility.override import DECISIONS
from intake.staff_actions.acknowledgement import preview_acknowledgement
from intake.web import case_actions
from intake.web.context import commit_or_refuse, db, services, user
from intake.web.downloads import attachment_download, letter_scan_download
from intake.web.original import original_email

blueprint = Blueprint("case_page", __name__)


def load_case(reference: str) -> Case:
    case = db().scalar(select(Case).where(Case.reference == reference))
    if case is None:
        abort(404)
    return case


@blueprint.route("/cases/<reference>")
def show(reference: str) -> str:
    case = load_case(reference)
    now = services().now()
    record_event(db(), case, now, user().username, "case_viewed")
    db().commit()
    inbound = db().get(InboundMessage, case.inbound_id) if case.inbound_id else None
    original = original_email(inbound.raw) if inbound is not None and inbound.channel == "email" else None
    later = db().scalars(select(CaseMessage).where(CaseMessage.case_id == case.id).order_by(CaseMessage.id)).all()
    today = services().today()
    calendar = services().calendar
    deadlines = [(d, None if d.met_at else calendar.working_days_between(today, d.due_date)) for d in case.deadlines]
    preview = None
    if request.args.get("preview") == "acknowledgement":
        try:
            preview = preview_acknowledgement(db(), services().settings, case)
        except IntakeError as exc:
            flash(str(exc), "error")
    return render_template("web/case.html", case=case, inbound=inbound, original=original, later=later,
                           deadlines=deadlines, hits=_hits_by_code(case), preview=preview,
                           decisions=DECISIONS, codes=CODES, outcomes=OUTCOMES,
                           category_scores=_category_scores(case))


@blueprint.route("/cases/<reference>/attachments/<int:inbound_id>/<sha256>")
def attachment(reference: str, inbound_id: int, sha256: str) -> Response:
    """An attachment as a download: never shown inline, never sniffed, sandboxed if opened."""
    case = load_case(reference)
    allowed = {case.inbound_id} | {m.inbound_id for m in db().scalars(
        select(CaseMessage).where(CaseMessage.case_id == case.id))}
    if inbound_id not in allowed:
        abort(404)
    inbound = db().get(InboundMessage, inbound_id)
    assert inbound is not None
    record_event(db(), case, services().now(), user().username, "attachment_downloaded",
                 inbound_id=inbound_id, sha256=sha256[:64])
    db().commit()
    return attachment_download(inbound, sha256)


@blueprint.route("/cases/<reference>/scan")
def letter_scan(reference: str) -> Response:
    case = load_case(reference)
    inbound = db().get(InboundMessage, case.inbound_id) if case.inbound_id else None
    if inbound is None or inbound.channel != "letter":
        abort(404)
    record_event(db(), case, services().now(), user().username, "letter_scan_downloaded")
    db().commit()
    return letter_scan_download(inbound)


@blueprint.route("/cases/<reference>/<action>", methods=["POST"])
def act(reference: str, action: str) -> Response:
    handler: Callable[[Case], str] | None = case_actions.ACTIONS.get(action)
    if handler is None:
        abort(404)
    case = load_case(reference)
    commit_or_refuse(lambda: handler(case))
    return redirect(url_for("case_page.show", reference=reference))


def _hits_by_code(case: Case) -> dict[str, list[dict[str, str]]]:
    by_code: dict[str, list[dict[str, str]]] = {}
    for hit in case.hits:
        by_code.setdefault(str(hit.get("code")), []).append(hit)
    return by_code


def _category_scores(case: Case) -> list[tuple[str, float]]:
    """The two categories the model weighed most, from the case_logged event."""
    logged = next((e for e in case.events if e.action == "case_logged"), None)
    scores = (logged.detail.get("category_scores") if logged else None) or {}
    return sorted(((str(k), float(v)) for k, v in scores.items()), key=lambda kv: -kv[1])[:2]
