"""The triage queue page: intake.triage's order, with filters and counts."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import select

from intake.db.models import Case
from intake.triage import GROUP_TITLES, GROUPS, QueueFilters, build_queue
from intake.web.context import db, services

blueprint = Blueprint("queue", __name__)
CATEGORIES = ("complaint", "compliment", "suggestion", "out_of_scope")
STATUSES = ("open", "paused", "closed", "merged")


def filters_from_request() -> QueueFilters:
    args = request.args
    stage = args.get("stage", "")
    return QueueFilters(
        category=args.get("category", "") if args.get("category") in CATEGORIES else "",
        stage=int(stage) if stage in ("1", "2", "3") else None,
        status=args.get("status", "") if args.get("status") in STATUSES else "",
        officer=args.get("officer", "").strip()[:128],
        overdue=args.get("overdue") == "1")


@blueprint.route("/queue")
def show() -> str:
    filters = filters_from_request()
    queue = build_queue(db(), services().calendar, services().today(), filters)
    officers = sorted(o for o in db().scalars(select(Case.officer).distinct()) if o)
    return render_template("web/queue.html", queue=queue, filters=filters, groups=GROUPS,
                           titles=GROUP_TITLES, counts=queue.counts(), categories=CATEGORIES,
                           statuses=STATUSES, officers=officers, today=services().today())
