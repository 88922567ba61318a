"""`intake report`: the annual complaints report's figures, as a summary, CSV or JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from intake.commands.common import handle_errors, parse_date, parse_moment, settings_from
from intake.db.session import session_factory
from intake.reporting.export import report_json, write_csv
from intake.reporting.figures import Count, Report, build_report
from intake.reporting.period import Period, financial_year, financial_year_of
from intake.services import engine_for


def _period(year: int | None, start: str | None, end: str | None, today: dt.date) -> Period:
    if start or end:
        if year is not None:
            raise click.UsageError("give either --year or --from/--to, not both")
        if not (start and end):
            raise click.UsageError("--from and --to go together")
        first, last = parse_date(start, "--from"), parse_date(end, "--to")
        if last < first:
            raise click.BadParameter(f"{end} is before {start}", param_hint="--to")
        return Period(first, last)
    return financial_year(financial_year_of(today) if year is None else year)


def _counts(title: str, counts: tuple[Count, ...]) -> list[str]:
    return [title] + [f"  {c.label:<40} {c.count:>6}" for c in counts]


def summary(report: Report) -> str:
    """The report as a person reads it in a terminal."""
    lines = [f"Children's social care complaints: {report.period.label}",
             f"Produced {report.generated_at:%Y-%m-%d %H:%M %Z}", ""]
    lines += _counts("Representations received", report.by_category)
    lines += [f"  {'Total':<40} {report.total:>6}", ""]
    lines += _counts("Complaints by furthest stage reached", report.by_stage) + [""]
    lines += ["Received by month"] + [f"  {m.label:<40} {m.count:>6}" for m in report.by_month] + [""]
    lines += _counts("Eligibility decisions", report.eligibility) + [""]
    lines += _counts("Eligibility reasons", report.eligibility_reasons) + [""]
    lines += _counts("Outcomes of cases closed in the period", report.outcomes) + [""]
    lines.append("Answered within the statutory timescales (clock started in the period; "
                 "extension: on time after an extension)")
    lines.append(f"  {'':<36} {'on time':>8} {'extension':>9} {'late':>5} {'overdue':>8} {'share':>6}")
    for t in report.timeliness:
        share = "-" if t.share_within_timescale is None else f"{100 * t.share_within_timescale:.0f}%"
        lines.append(f"  {t.label:<36} {t.on_time:>8} {t.within_extension:>9} {t.late:>5} {t.overdue:>8} {share:>6}")
    median = report.median_acknowledgement_working_days
    lines += [f"  Median working days to acknowledge: {'-' if median is None else f'{median:g}'}", ""]
    now = report.caseload
    lines += [f"Now ({now.today.isoformat()})", f"  open cases {now.open_cases}, paused {now.paused_cases}, "
              f"open safeguarding {now.open_safeguarding}, with an overdue deadline {now.overdue_cases}"]
    lines += [f"  overdue: {row.case_reference}  {row.label}  due {row.due_date.isoformat()}  "
              f"{row.working_days_overdue} working days overdue" for row in now.overdue]
    return "\n".join(lines)


@click.command()
@click.option("--year", type=int, metavar="YEAR",
              help="The financial year starting 1 April of YEAR (default: the current one).")
@click.option("--from", "start", metavar="DATE", help="First day of a custom period (with --to).")
@click.option("--to", "end", metavar="DATE", help="Last day of a custom period, included.")
@click.option("--csv", "csv_path", metavar="PATH|-", help="Write the figures as CSV to PATH, or - for stdout.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object with every figure.")
@click.option("--at", "at", metavar="DATETIME", help="The moment 'now' means (ISO, local if no zone; default now).")
@click.pass_context
@handle_errors
def report(ctx: click.Context, year: int | None, start: str | None, end: str | None, csv_path: str | None,
           as_json: bool, at: str | None) -> None:
    """The figures for the annual complaints report (the financial year, April to March)."""
    settings = settings_from(ctx)
    now = parse_moment(at, settings.tz)
    period = _period(year, start, end, now.astimezone(settings.tz).date())
    with session_factory(engine_for(settings))() as session:
        figures = build_report(session, settings, period, now)
    if csv_path == "-":
        write_csv(figures, sys.stdout, settings.council.name)
    elif csv_path:
        # utf-8-sig: a spreadsheet opening the file reads its accents and pound signs rightly.
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as stream:
            write_csv(figures, stream, settings.council.name)
    if as_json:
        click.echo(json.dumps(report_json(figures), ensure_ascii=False))
    elif csv_path != "-":
        click.echo(summary(figures))


COMMANDS = (report,)
