"""Letters: the print queue (download each PDF, record it posted) and the upload form for
posted letters that were scanned (stored raw first, then read like an email)."""

from __future__ import annotations

import datetime as dt
import io

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from sqlalchemy import select
from werkzeug.wrappers.response import Response

from intake.case_log import record_event
from intake.db.models import Case, InboundMessage, Letter
from intake.errors import IntakeError
from intake.letters.queue import mark_posted
from intake.runner import Runner
from intake.scans.adding import add_letter
from intake.scans.sniffing import scan_kind
from intake.web.context import db, services, user

blueprint = Blueprint("letters", __name__)


@blueprint.route("/letters")
def show() -> str:
    rows = db().execute(select(Letter.id, Letter.purpose, Letter.state, Letter.pages, Letter.created_at,
                               Letter.posted_at, Letter.posted_by, Case.reference)
                        .join(Case, Case.id == Letter.case_id)
                        .order_by(Letter.state.desc(), Letter.id)).all()  # "queued" before "posted"
    return render_template("web/letters.html", rows=rows, today=services().today())


@blueprint.route("/letters/<int:letter_id>.pdf")
def download(letter_id: int) -> Response:
    letter = db().get(Letter, letter_id) or abort(404)
    record_event(db(), letter.case, services().now(), user().username, "letter_downloaded", letter_id=letter_id)
    db().commit()
    return send_file(io.BytesIO(letter.pdf), mimetype="application/pdf", as_attachment=True,
                     download_name=f"{letter.case.reference}-{letter.purpose}.pdf", max_age=0)


@blueprint.route("/letters/<int:letter_id>/posted", methods=["POST"])
def posted(letter_id: int) -> Response:
    letter = db().get(Letter, letter_id) or abort(404)
    changed = mark_posted(db(), letter, officer=user().username, now=services().now())
    db().commit()
    flash(f"Letter {letter_id} ({letter.case.reference}) " + ("recorded as posted" if changed else "was already posted"),
          "success")
    return redirect(url_for("letters.show"))


@blueprint.route("/letters/upload", methods=["POST"])
def upload() -> Response:
    """A scanned letter in: PDF, PNG, JPEG or TIFF, with the post room's date stamp if there is one."""
    file = request.files.get("scan")
    raw = file.read() if file is not None else b""
    if scan_kind(raw) is None:
        flash("Not done: choose a scanned letter (PDF, PNG, JPEG or TIFF).", "error")
        return redirect(url_for("letters.show"))
    stamped = None
    if request.form.get("received"):
        try:
            day = dt.date.fromisoformat(request.form["received"])
        except ValueError:
            flash("Not done: the date stamp must be a date like 2026-12-23.", "error")
            return redirect(url_for("letters.show"))
        stamped = dt.datetime.combine(day, dt.time(12), tzinfo=services().settings.tz)
    db().commit()  # end this request's transaction: the runner writes on its own connections
    try:
        inbound_id, new = add_letter(_runner(), raw, stamped=stamped, file_time=services().now())
    except IntakeError as exc:
        flash(f"Not done: {exc}", "error")
        return redirect(url_for("letters.show"))
    case = db().scalar(select(Case).where(Case.inbound_id == inbound_id))
    if case is not None:
        flash(f"{'Letter added' if new else 'This letter was already added'}: case {case.reference}", "success")
        return redirect(url_for("case_page.show", reference=case.reference))
    inbound = db().get(InboundMessage, inbound_id)
    state = inbound.state if inbound else "stored"
    flash(f"{'Letter added' if new else 'This letter was already added'}; no case: {state}. "
          "See the quarantine or automated lists.", "success")
    return redirect(url_for("letters.show"))


def _runner() -> Runner:
    """One runner (and its loaded classifiers) per app, made on the first upload."""
    runner = current_app.extensions.get("intake_runner")
    if runner is None:
        runner = current_app.extensions["intake_runner"] = Runner(services().settings, services().engine,
                                                                  clock=services().clock)
    return runner
