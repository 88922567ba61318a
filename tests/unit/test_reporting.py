"""The figures for the manager's view and the annual report, over one fictional financial year.

Twelve cases around the edges that matter: received either side of midnight on
31 March (British Summer Time, so 23:30 UTC is already April), either side of a
month and a year end; a deadline met on time, one met half an hour after
midnight on the day after its due date (on time in UTC, late in London), one
extended and met inside the extension, one extended and met inside the first
ten days, one overdue across the Christmas and New Year bank holidays, one on a
paused case, one on a closed case, and a merged duplicate that counts nowhere.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Sequence

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from intake import casework
from intake.cli import main
from intake.config import Settings
from intake.db.models import Case, Deadline
from intake.db.session import session_factory
from intake.reporting import charts
from intake.reporting.export import report_json, report_rows, safe_cell, write_csv
from intake.reporting.figures import Count, Report, build_report, volumes_by_month
from intake.reporting.period import Period, financial_year, financial_year_of
from intake.timetable import Event, due_dates
from tests.conftest import LONDON
from tests.helpers import cli_env

NOW = dt.datetime(2027, 1, 5, 10, 0, tzinfo=LONDON)  # a Tuesday, after the Christmas bank holidays
SVG = "{http://www.w3.org/2000/svg}"
SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


class Builder:
    def __init__(self, session: Session, settings: Settings) -> None:
        self.session, self.settings = session, settings
        self.calendar, self.number = settings.working_calendar(), 0

    def case(self, received_at: dt.datetime, category: str = "complaint", *, decision: str = "eligible",
             reasons: Sequence[str] = (), flags: Sequence[str] = ()) -> Case:
        self.number += 1
        case = Case(reference=f"CSC-{received_at.year}-{self.number:04d}", year=received_at.year,
                    number=self.number, category=category, received_at=received_at, flags=list(flags),
                    eligibility_decision=decision if category == "complaint" else "n/a",
                    eligibility_reasons=[{"code": code, "sentence": "A fictional reason."} for code in reasons])
        self.session.add(case)
        self.session.flush()
        for due in due_dates(Event.complaint_received, received_at.astimezone(LONDON).date(), self.calendar,
                             self.settings.limits):
            if category == "complaint" or due.deadline == "acknowledgement":
                self.session.add(Deadline(case_id=case.id, deadline=due.deadline, event=due.event.value,
                                          event_date=due.event_date, working_days=due.working_days,
                                          due_date=due.due_date, calendar_version=due.calendar_version))
        self.session.flush()
        return case

    def acknowledged(self, case: Case, when: dt.datetime) -> None:
        row = casework.open_deadline(self.session, case, "acknowledgement")
        assert row is not None
        row.met_at = when
        case.acknowledgement = "sent"

    def step(self, case: Case, event: Event, when: dt.datetime) -> None:
        casework.record_step(self.session, case, event, when.date(), by="Officer One", at=when,
                             calendar=self.calendar, limits=self.settings.limits)
        self.session.flush()

    def extend(self, case: Case, when: dt.datetime) -> None:
        casework.extend(self.session, case, "stage1_response", reason="complex: three services involved",
                        by="Team Manager", at=when, calendar=self.calendar, limits=self.settings.limits)

    def close(self, case: Case, outcome: str, when: dt.datetime) -> None:
        casework.close(self.session, case, outcome=outcome, by="Team Manager", at=when)


def build_year(engine: Engine, settings: Settings) -> None:
    with session_factory(engine)() as session, session.begin():
        b = Builder(session, settings)
        # 2025/26: received 23:30 BST on 31 March; answered and closed in April, so its outcome is 2026/27's.
        a = b.case(at(2026, 3, 31, 23, 30))
        b.acknowledged(a, at(2026, 4, 1, 9))
        b.step(a, Event.stage1_response_sent, at(2026, 4, 10))
        b.close(a, "not_upheld", at(2026, 4, 10, 11))
        # 00:30 BST on 1 April is 23:30 UTC on 31 March: 2026/27, April. Through Stage 2, all on time.
        b_ = b.case(at(2026, 4, 1, 0, 30))
        b.acknowledged(b_, at(2026, 4, 1, 15))
        b.step(b_, Event.stage1_response_sent, at(2026, 4, 15, 11))  # due 17 April (Easter inside)
        b.step(b_, Event.stage2_requested, at(2026, 4, 27))
        b.step(b_, Event.stage2_adjudication_sent, at(2026, 5, 20))  # due 3 June
        b.close(b_, "partly_upheld", at(2026, 5, 21))
        # Ineligible, closed without a Stage 1 response.
        i = b.case(at(2026, 5, 5), decision="ineligible", reasons=["time_limit"])
        b.acknowledged(i, at(2026, 5, 6))
        b.close(i, "withdrawn", at(2026, 5, 7))
        # 00:15 BST on 1 July (June in UTC): July. Acknowledged late; Stage 1 due 15 July, met 00:30 on the 16th.
        c = b.case(at(2026, 7, 1, 0, 15), flags=["safeguarding"])
        b.acknowledged(c, at(2026, 7, 7, 9))
        b.step(c, Event.stage1_response_sent, at(2026, 7, 16, 0, 30))
        b.close(c, "upheld", at(2026, 7, 20))
        oos = b.case(at(2026, 8, 15), "out_of_scope")  # a Saturday
        b.acknowledged(oos, at(2026, 8, 17))
        b.close(oos, "resolved", at(2026, 8, 17, 11))
        # Extended on 20 October (first due 26 October, extended to 9 November), answered 5 November.
        d = b.case(at(2026, 10, 12, 9))
        b.acknowledged(d, at(2026, 10, 13))
        b.extend(d, at(2026, 10, 20))
        b.step(d, Event.stage1_response_sent, at(2026, 11, 5))
        # Extended, then answered inside the first ten working days after all.
        d2 = b.case(at(2026, 11, 2, 9))
        b.acknowledged(d2, at(2026, 11, 2, 15))
        b.extend(d2, at(2026, 11, 4))
        b.step(d2, Event.stage1_response_sent, at(2026, 11, 10))
        # Paused while consent is awaited: its Stage 1 date (4 December) has passed, but the clock stopped.
        j = b.case(at(2026, 11, 20), flags=["young_person"])
        b.acknowledged(j, at(2026, 11, 20, 16))
        casework.pause(session, j, dt.date(2026, 11, 23), reason="consent awaited", by="Officer One",
                       at=at(2026, 11, 23))
        # Stage 1 due Thursday 24 December; never answered: overdue across Christmas and New Year.
        e = b.case(at(2026, 12, 10, 11), decision="needs_review", reasons=["consent_required"],
                   flags=["safeguarding", "young_person"])
        b.acknowledged(e, at(2026, 12, 11))
        duplicate = b.case(at(2026, 12, 11, 9), flags=["safeguarding"])
        duplicate.status = "merged"
        # Either side of the calendar year's end.
        g = b.case(at(2026, 12, 31, 23, 30), "compliment")
        b.acknowledged(g, at(2027, 1, 4))
        b.case(at(2027, 1, 1, 0, 30), "suggestion")  # acknowledgement due 6 January: not yet overdue


def report_for(engine: Engine, settings: Settings, period: Period | None = None) -> Report:
    with session_factory(engine)() as session:
        return build_report(session, settings, period or financial_year(2026), NOW)


def counts(found: Sequence[Count]) -> dict[str, int]:
    return {c.key: c.count for c in found}


def assert_the_year(report: Report) -> None:
    assert counts(report.by_category) == {"complaint": 7, "compliment": 1, "suggestion": 1, "out_of_scope": 1}
    assert report.total == 10
    assert counts(report.by_stage) == {"1": 6, "2": 1, "3": 0}
    assert [(m.label, m.count) for m in report.by_month] == [
        ("April 2026", 1), ("May 2026", 1), ("June 2026", 0), ("July 2026", 1), ("August 2026", 1),
        ("September 2026", 0), ("October 2026", 1), ("November 2026", 2), ("December 2026", 2),
        ("January 2027", 1), ("February 2027", 0), ("March 2027", 0)]
    assert counts(report.eligibility) == {"eligible": 5, "ineligible": 1, "needs_review": 1, "n/a": 3}
    reasons = {k: v for k, v in counts(report.eligibility_reasons).items() if v}
    assert reasons == {"time_limit": 1, "consent_required": 1}
    assert counts(report.outcomes) == {"upheld": 1, "partly_upheld": 1, "not_upheld": 1, "withdrawn": 1,
                                       "resolved": 1}
    by_name = {t.deadline: t for t in report.timeliness}
    ack, stage1, stage2 = by_name["acknowledgement"], by_name["stage1_response"], by_name["stage2_response"]
    assert (ack.on_time, ack.late, ack.pending, ack.overdue, ack.answered) == (8, 1, 1, 0, 9)
    assert (stage1.on_time, stage1.within_extension, stage1.late, stage1.overdue, stage1.pending,
            stage1.not_answered, stage1.extended) == (2, 1, 1, 1, 1, 1, 2)
    assert stage1.share_within_timescale == 0.75
    assert (stage1.working_days, stage1.extended_working_days) == (10, 20)
    assert (stage2.on_time, stage2.answered, stage2.share_within_timescale) == (1, 1, 1.0)
    assert by_name["stage3_panel"].answered == 0 and by_name["stage3_panel"].share_within_timescale is None
    assert report.median_acknowledgement_working_days == 1.0
    now = report.caseload
    assert now.today == dt.date(2027, 1, 5)
    assert (now.open_cases, now.paused_cases, now.open_safeguarding, now.overdue_cases) == (5, 1, 1, 1)
    [overdue] = now.overdue
    assert (overdue.deadline, overdue.due_date) == ("stage1_response", dt.date(2026, 12, 24))
    # 25 and 28 December and 1 January are bank holidays: 29, 30, 31 December, 4 and 5 January.
    assert overdue.working_days_overdue == 5


@SQLITE
def test_a_financial_year_on_sqlite(engine: Engine, settings: Settings) -> None:
    build_year(engine, settings)
    assert_the_year(report_for(engine, settings))


@pytest.mark.parametrize("database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_a_financial_year_on_postgresql(engine: Engine, settings: Settings) -> None:
    build_year(engine, settings)
    assert_the_year(report_for(engine, settings))


@SQLITE
def test_the_year_before_and_a_custom_range(engine: Engine, settings: Settings) -> None:
    build_year(engine, settings)
    before = report_for(engine, settings, financial_year(2025))
    assert counts(before.by_category)["complaint"] == 1  # 23:30 BST on 31 March 2026
    assert [m.label for m in before.by_month][-1] == "March 2026" and before.by_month[-1].count == 1
    assert counts(before.outcomes)["not_upheld"] == 0  # closed in April: the next year's
    winter = report_for(engine, settings, Period(dt.date(2026, 12, 1), dt.date(2027, 1, 31)))
    assert counts(winter.by_category) == {"complaint": 1, "compliment": 1, "suggestion": 1, "out_of_scope": 0}
    with session_factory(engine)() as session:
        months = volumes_by_month(session, winter.period, LONDON, category="compliment")
    assert [(m.label, m.count) for m in months] == [("December 2026", 1), ("January 2027", 0)]


def test_financial_years() -> None:
    year = financial_year(2026)
    assert (year.start, year.end) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert year.label.startswith("2026/27") and len(year.months()) == 12
    assert financial_year_of(dt.date(2027, 3, 31)) == 2026 and financial_year_of(dt.date(2027, 4, 1)) == 2027
    first, after = year.bounds(LONDON)
    assert first.astimezone(dt.timezone.utc) == dt.datetime(2026, 3, 31, 23, 0, tzinfo=dt.timezone.utc)
    assert after.astimezone(dt.timezone.utc) == dt.datetime(2027, 3, 31, 23, 0, tzinfo=dt.timezone.utc)
    with pytest.raises(ValueError):
        Period(dt.date(2026, 5, 1), dt.date(2026, 4, 30))


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img" and root.get("viewBox")
    assert root.get("width") is None  # sized by viewBox: the page decides
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None and title.text and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "<script" not in svg.lower()
    assert not [name for node in root.iter() for name in node.attrib if name.lower().startswith("on")]
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_a_bar_chart_escapes_its_labels_and_writes_every_value() -> None:
    hostile = '<script>alert("x")</script> & Sons "quoted"'
    svg = charts.bar_chart("Cases <by> team & month", [(hostile, 3), ("Fostering", 12), ("None yet", 0)],
                           chart_id='x" onload="alert(1)')
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp; Sons" in svg
    root = parse(svg)
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Cases <by> team & month"
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text and "Fostering: 12" in desc.text and hostile in desc.text
    shown = texts(root)
    assert "12" in shown and "3" in shown and "0" in shown and "Fostering" in shown
    assert root.get("aria-labelledby") == "x--onload--alert-1--title x--onload--alert-1--desc"


@SQLITE
def test_the_report_charts_parse_and_say_every_part_in_words(engine: Engine, settings: Settings) -> None:
    build_year(engine, settings)
    report = report_for(engine, settings)
    root = parse(charts.timeliness_chart(report.timeliness, chart_id="timeliness"))
    shown = texts(root)
    assert "Stage 1 response" in shown and "Acknowledgement" in shown
    assert "on time 2 · extended, on time 1 · late 1 · overdue 1" in shown
    assert len(root.findall(f".//{SVG}pattern")) == 4  # a pattern per part: colour is not the only cue
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text and "Stage 1 response: 10 working days, 20 if extended" in desc.text
    months = parse(charts.months_chart("Received by month", report.by_month))
    assert "April 2026" in texts(months) and "November 2026" in texts(months)
    parse(charts.counts_chart("Representations received", report.by_category))
    parse(charts.bar_chart("Nothing yet", []))


def test_formula_injection_is_defused() -> None:
    assert safe_cell("=HYPERLINK(\"http://example.org\")") == "'=HYPERLINK(\"http://example.org\")"
    assert [safe_cell(v) for v in ("+1", "-1", "@SUM(A1)", "\tx", "Upheld")] == ["'+1", "'-1", "'@SUM(A1)", "'\tx",
                                                                                "Upheld"]
    assert safe_cell(-3) == -3 and safe_cell(0.75) == 0.75 and safe_cell(None) == ""


@SQLITE
def test_the_csv_is_one_table_an_officer_can_filter(engine: Engine, settings: Settings) -> None:
    build_year(engine, settings)
    report = dataclasses.replace(report_for(engine, settings),
                                 outcomes=(Count("=1+1", "=1+1", 2), Count("upheld", "Upheld", 1)))
    stream = io.StringIO()
    write_csv(report, stream, council="Northshire County Council")
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows[0] == ["section", "measure", "value"] and all(len(r) == 3 for r in rows)
    assert ["Report", "Council", "Northshire County Council"] in rows
    assert ["Representations received", "Complaints", "7"] in rows
    assert ["Representations received", "Total", "10"] in rows
    assert ["Received by month", "November 2026", "2"] in rows
    assert ["Timeliness: Stage 1 response", "Within 10 working days", "2"] in rows
    assert ["Timeliness: Stage 1 response", "Within the extended 20 working days", "1"] in rows
    assert ["Timeliness: Stage 1 response", "Extended", "2"] in rows
    assert ["Timeliness: Stage 1 response", "Late", "1"] in rows
    assert ["Timeliness: Stage 1 response", "Answered within the timescale (%)", "75.0"] in rows
    assert ["Timeliness: Acknowledgement", "Answered within the timescale (%)", "88.9"] in rows
    assert ["Acknowledgement", "Median working days to acknowledge", "1.0"] in rows
    assert ["Position on 2027-01-05", "Open safeguarding cases", "1"] in rows
    assert ["Outcomes of cases closed in the period", "'=1+1", "2"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert len(report_rows(report)) == len(rows) - 2  # the header, and no council row without a council


@SQLITE
def test_the_report_command(engine: Engine, settings: Settings, database_url: str, tmp_path: Path) -> None:
    build_year(engine, settings)
    env, runner = cli_env(tmp_path, database_url), CliRunner()

    def report(*args: str) -> str:
        result = runner.invoke(main, ["report", *args, "--at", "2027-01-05T10:00"], env=env)
        assert result.exit_code == 0, result.output
        return result.output

    path = tmp_path / "report.csv"
    data: dict[str, Any] = json.loads(report("--year", "2026", "--json", "--csv", str(path)))
    assert data["period"]["start"] == "2026-04-01" and data["total"] == 10
    stage1 = next(t for t in data["timeliness"] if t["deadline"] == "stage1_response")
    assert (stage1["within_extension"], stage1["share_within_timescale"]) == (1, 0.75)
    assert data["caseload"]["overdue"][0]["working_days_overdue"] == 5 and data["caseload"]["overdue_cases"] == 1
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert ["Representations received", "Complaints", "7"] in rows
    assert ["Report", "Council", "Northshire County Council"] in rows
    summary = report("--year", "2026")
    assert "2026/27" in summary and "Stage 1 response" in summary and "75%" in summary
    assert "CSC-2026-0009  Stage 1 response  due 2026-12-24  5 working days overdue" in summary
    to_stdout = report("--from", "2026-12-01", "--to", "2027-01-31", "--csv", "-")
    assert ["Representations received", "Total", "3"] in list(csv.reader(to_stdout.splitlines()))
    both = runner.invoke(main, ["report", "--year", "2026", "--from", "2026-12-01"], env=env)
    assert both.exit_code == 2 and "either --year or --from/--to" in both.output


@SQLITE
def test_report_json_is_plain(engine: Engine, settings: Settings) -> None:
    build_year(engine, settings)
    data = report_json(report_for(engine, settings))
    json.dumps(data)
    assert data["by_month"][0] == {"month": "2026-04-01", "label": "April 2026", "count": 1}
