"""The manager's view: volumes, timeliness, overdue and safeguarding, with server-drawn charts,
and the annual complaints report's figures as CSV. Managers and admins only."""

from __future__ import annotations

import io

from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from intake.reporting import charts
from intake.reporting.export import write_csv
from intake.reporting.figures import build_report
from intake.reporting.period import Period, financial_year, financial_year_of
from intake.web.auth import requires
from intake.web.context import db, services

blueprint = Blueprint("manager", __name__)


def _period() -> Period:
    year = request.args.get("year", "")
    return financial_year(int(year) if year.isdigit() and 2000 <= int(year) <= 2100
                          else financial_year_of(services().today()))


@blueprint.route("/manager")
@requires("manager")
def show() -> str:
    period = _period()
    report = build_report(db(), services().settings, period, services().now())
    # The SVG is built by intake.reporting.charts with every label escaped there.
    svg = {"category": Markup(charts.counts_chart("Cases by category", report.by_category, chart_id="category")),
           "stage": Markup(charts.counts_chart("Complaints by stage reached", report.by_stage, chart_id="stage")),
           "month": Markup(charts.months_chart("Cases received by month", report.by_month, chart_id="month")),
           "timeliness": Markup(charts.timeliness_chart(report.timeliness, chart_id="timeliness"))}
    this_year = financial_year_of(services().today())
    return render_template("web/manager.html", report=report, svg=svg, period=period,
                           years=range(this_year, this_year - 5, -1), year=period.start.year)


@blueprint.route("/manager/report.csv")
@requires("manager")
def report_csv() -> Response:
    period = _period()
    report = build_report(db(), services().settings, period, services().now())
    buffer = io.StringIO()
    write_csv(report, buffer, council=services().settings.council.name)
    name = f"complaints-report-{period.start.year}-{period.end.year % 100:02d}.csv"
    return Response(buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
