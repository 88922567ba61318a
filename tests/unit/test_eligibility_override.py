"""An officer confirms or changes the eligibility decision: the case changes, the trail records who and why."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from intake.case_log import format_reference, next_number
from intake.cli import main
from intake.db.models import Case, CaseEvent
from intake.db.session import session_factory
from intake.eligibility.override import OverrideRefused, confirmation, record_decision

NOW = dt.datetime(2026, 12, 23, 10, 0, tzinfo=dt.UTC)
AUTOMATIC = [{"stage": "check_eligibility", "code": "other_organisation", "sentence": "...",
              "evidence": "The school excluded my son."}]


def new_case(engine: Engine, decision: str = "ineligible", category: str = "complaint") -> str:
    with session_factory(engine).begin() as session:
        number = next_number(session, 2026)
        case = Case(reference=format_reference(2026, number), year=2026, number=number, category=category,
                    received_at=NOW, eligibility_decision=decision,
                    eligibility_reasons=AUTOMATIC if decision == "ineligible" else [])
        session.add(case)
        return case.reference


def load(engine: Engine, reference: str) -> tuple[Case, list[CaseEvent]]:
    with session_factory(engine)() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        return case, list(case.events)


def test_confirming_records_the_officer_and_the_reason(engine: Engine) -> None:
    reference = new_case(engine)
    with session_factory(engine).begin() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        event = record_decision(session, case, "ineligible", officer="A. Officer",
                                reason="About the school only", at=NOW)
        assert confirmation(case) is event
    case, [event] = load(engine, reference)
    assert case.eligibility_decision == "ineligible"
    assert (event.action, event.actor) == ("eligibility_confirmed", "A. Officer")
    assert event.detail["reason"] == "About the school only"
    assert event.detail["automatic_codes"] == ["other_organisation"]


def test_changing_keeps_the_decision_before_and_after(engine: Engine) -> None:
    reference = new_case(engine)
    with session_factory(engine).begin() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        record_decision(session, case, "eligible", officer="B. Officer",
                        reason="The social worker is complained about too", at=NOW)
    case, [event] = load(engine, reference)
    assert case.eligibility_decision == "eligible"
    assert event.action == "eligibility_changed"
    assert (event.detail["previous"], event.detail["decision"]) == ("ineligible", "eligible")
    assert case.eligibility_reasons == AUTOMATIC  # the automatic reasons stay beside the officer's word


@pytest.mark.parametrize(("decision", "officer", "reason", "codes", "problem"), [
    ("maybe", "A. Officer", "why", (), "the decision must be one of"),
    ("eligible", " ", "why", (), "the officer's name is required"),
    ("eligible", "A. Officer", "", (), "a reason is required"),
    ("ineligible", "A. Officer", "why", ("late",), "unknown reason codes"),
    ("ineligible", "A. Officer", "why", ("consent_required",), "needs a code that closes the door"),
    ("eligible", "A. Officer", "why", ("time_limit",), "takes no reason codes"),
])
def test_refused_without_what_a_decision_needs(engine: Engine, decision: str, officer: str, reason: str,
                                               codes: tuple[str, ...], problem: str) -> None:
    reference = new_case(engine)
    with session_factory(engine).begin() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        with pytest.raises(OverrideRefused, match=problem):
            record_decision(session, case, decision, officer=officer, reason=reason, at=NOW, codes=codes)
    assert load(engine, reference)[1] == []


def test_not_for_a_compliment(engine: Engine) -> None:
    reference = new_case(engine, decision="n/a", category="compliment")
    with session_factory(engine).begin() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        with pytest.raises(OverrideRefused, match="not a complaint"):
            record_decision(session, case, "eligible", officer="A", reason="b", at=NOW)


def test_the_command_line(engine: Engine, database_url: str, tmp_path: Path) -> None:
    reference = new_case(engine, decision="needs_review")
    env = {"INTAKE_DATABASE_URL": database_url, "INTAKE_MAILBOX_URL": f"maildir://{tmp_path / 'mailbox'}",
           "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}", "INTAKE_CONFIG": ""}
    runner = CliRunner()
    result = runner.invoke(main, ["cases", "decide", reference, "--decision", "ineligible", "--code",
                                  "court_decision", "--reason", "About the care order", "--by", "C. Officer",
                                  "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "case_reference": reference, "action": "eligibility_changed", "previous": "needs_review",
        "decision": "ineligible", "reason": "About the care order", "codes": ["court_decision"],
        "automatic_codes": [],
        "reply": None}  # the ineligible reply: this case has no address, so nothing could be queued
    assert load(engine, reference)[0].eligibility_decision == "ineligible"
    missing = runner.invoke(main, ["cases", "decide", "CSC-2026-9999", "--decision", "eligible",
                                   "--reason", "x", "--by", "y"], env=env)
    assert missing.exit_code == 1 and "no case CSC-2026-9999" in missing.output
    listed = runner.invoke(main, ["cases", "--json"], env=env)
    assert listed.exit_code == 0 and json.loads(listed.output)["case_reference"] == reference
