"""The annual report's figures as one CSV table (section, measure, value) or as JSON.

One long table opens cleanly in a spreadsheet and filters or pivots by section.
Numbers are written as numbers; every text cell that a spreadsheet would read as
a formula (it starts with = + - @, a tab or a carriage return) is prefixed with
an apostrophe, so a stored value can never run as a formula on an officer's machine.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from typing import Any, TextIO

from intake.reporting.figures import Report
from intake.reporting.timeliness import Timeliness

HEADER = ("section", "measure", "value")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Value = int | float | str


def safe_cell(value: object) -> Value:
    """A number as it is; text made safe from formula injection; None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _percent(share: float | None) -> Value:
    return "" if share is None else round(100 * share, 1)


def _timeliness_rows(t: Timeliness) -> list[tuple[str, str, Value]]:
    section = f"Timeliness: {t.label}"
    rows: list[tuple[str, str, Value]] = [(section, "Answered", t.answered),
                                          (section, f"Within {t.working_days} working days", t.on_time)]
    if t.extended_working_days is not None:
        rows += [(section, "Extended", t.extended),
                 (section, f"Within the extended {t.extended_working_days} working days", t.within_extension)]
    rows += [(section, "Late", t.late), (section, "Overdue, not yet answered", t.overdue),
             (section, "Not yet due, or clock paused", t.pending),
             (section, "Closed without an answer recorded", t.not_answered),
             (section, "Answered within the timescale (%)", _percent(t.share_within_timescale))]
    return rows


def report_rows(report: Report, council: str = "") -> list[tuple[str, str, Value]]:
    """The whole report as (section, measure, value) rows, in reading order."""
    p, now = report.period, report.caseload
    rows: list[tuple[str, str, Value]] = [("Report", "Council", council)] if council else []
    rows += [("Report", "Period", p.label), ("Report", "From", p.start.isoformat()),
             ("Report", "To", p.end.isoformat()),
             ("Report", "Produced", report.generated_at.strftime("%Y-%m-%d %H:%M %Z"))]
    rows += [("Representations received", c.label, c.count) for c in report.by_category]
    rows.append(("Representations received", "Total", report.total))
    rows += [("Complaints by furthest stage reached", c.label, c.count) for c in report.by_stage]
    rows += [("Received by month", m.label, m.count) for m in report.by_month]
    rows += [("Eligibility decisions", c.label, c.count) for c in report.eligibility]
    rows += [("Eligibility reasons", c.label, c.count) for c in report.eligibility_reasons]
    rows += [("Outcomes of cases closed in the period", c.label, c.count) for c in report.outcomes]
    for t in report.timeliness:
        rows += _timeliness_rows(t)
    rows.append(("Acknowledgement", "Median working days to acknowledge",
                 safe_cell(report.median_acknowledgement_working_days)))
    rows += [(f"Position on {now.today.isoformat()}", "Open cases", now.open_cases),
             (f"Position on {now.today.isoformat()}", "Paused cases", now.paused_cases),
             (f"Position on {now.today.isoformat()}", "Open safeguarding cases", now.open_safeguarding),
             (f"Position on {now.today.isoformat()}", "Cases with an overdue deadline", now.overdue_cases),
             (f"Position on {now.today.isoformat()}", "Overdue deadlines", len(now.overdue))]
    return rows


def write_csv(report: Report, stream: TextIO, council: str = "") -> None:
    """Write the report to an open text stream (open files with newline="" as the csv module asks)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    for section, measure, value in report_rows(report, council):
        writer.writerow((safe_cell(section), safe_cell(measure), safe_cell(value)))


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def report_json(report: Report) -> dict[str, Any]:
    """Plain JSON types: ISO dates, lists; each timeliness row with its derived totals and share."""
    data: dict[str, Any] = _plain(dataclasses.asdict(report))
    data["total"] = report.total
    for row, t in zip(data["timeliness"], report.timeliness):
        row.update(answered=t.answered, within_timescale=t.within_timescale,
                   share_within_timescale=t.share_within_timescale)
    data["caseload"]["overdue_cases"] = report.caseload.overdue_cases
    return data
