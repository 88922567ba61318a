"""The labelled sets: well formed, as the data card describes, and the rules meet the issue's targets."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from intake.eligibility import CLOSING, CODES, REVIEW
from intake.eligibility.evaluation import (
    DEFAULT_PATH,
    HELDOUT_PATH,
    TARGET_ACCURACY,
    TARGET_WRONGLY_TURNED_AWAY,
    TUNING2_PATH,
    evaluate,
    format_report,
    load_labelled,
    summary,
)
from intake.errors import IntakeError


def rows(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_sets_are_as_the_data_card_says() -> None:
    tuning, heldout = rows(DEFAULT_PATH), rows(HELDOUT_PATH)
    both = tuning + heldout
    assert len(tuning) >= 220 and 0.2 <= len(heldout) / len(both) <= 0.3
    assert len({r["id"] for r in both}) == len(both)
    assert len({" ".join(r["text"].lower().split()) for r in both}) == len(both)
    codes = Counter(c for r in both for c in r["codes"])
    assert all(codes[c] >= 20 for c in CODES), codes
    assert sum(r["decision"] == "eligible" for r in both) / len(both) >= 0.4
    assert sum(len(r["codes"]) > 1 for r in both) >= 20  # combinations
    days = Counter(r["received_at"][5:] for r in both)
    assert days["12-31"] + days["01-01"] + days["01-02"] + days["12-30"] >= 60
    assert days["02-28"] + days["02-29"] + days["03-01"] >= 40
    for r in both:
        closing, review = set(r["codes"]) & set(CLOSING), set(r["codes"]) & set(REVIEW)
        expected = "ineligible" if closing else "needs_review" if review else "eligible"
        assert r["decision"] == expected, r["id"]


def test_the_rules_meet_the_targets_on_the_tuning_set() -> None:
    report = evaluate(DEFAULT_PATH)
    assert report.missed_targets() == [], format_report(report)


def test_the_rules_on_the_held_out_set() -> None:
    """Written first and kept apart from tuning; small per code (5 to 8), so decisions are asserted here,
    per-code recall is reported (`intake evaluate --eligibility tests/eligibility/heldout.jsonl`)."""
    report = evaluate(HELDOUT_PATH)
    assert report.accuracy >= TARGET_ACCURACY, format_report(report)
    assert report.eligible_to_ineligible_rate <= TARGET_WRONGLY_TURNED_AWAY, format_report(report)


def test_the_rules_meet_the_targets_on_the_second_tuning_set() -> None:
    """Written in other voices to make the rules general (court, bodies, stages, reasons, standing)."""
    report = evaluate(TUNING2_PATH)
    assert report.missed_targets() == [], format_report(report)


def test_the_second_tuning_set_is_as_the_data_card_says() -> None:
    second = rows(TUNING2_PATH)
    assert len(second) >= 200 and len({r["id"] for r in second}) == len(second)
    codes = Counter(c for r in second for c in r["codes"])
    assert all(codes[c] >= 20 for c in CODES), codes
    assert sum(r["decision"] == "eligible" for r in second) / len(second) >= 0.4
    for r in second:
        closing, review = set(r["codes"]) & set(CLOSING), set(r["codes"]) & set(REVIEW)
        assert r["decision"] == ("ineligible" if closing else "needs_review" if review else "eligible"), r["id"]


def test_report_and_summary() -> None:
    report = evaluate(HELDOUT_PATH)
    text = format_report(report)
    assert "decision accuracy" in text and "consent_required" in text and "labelled \\ decided" in text
    figures = summary(report)
    assert figures["complaints"] == report.total and set(figures["codes"]) == set(CODES)
    json.dumps(figures)


def test_a_bad_labelled_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "1", "received_at": "2024-01-01", "text": "x", "decision": "eligible", "codes": []}\n'
                    '{"id": "2", "received_at": "2024-01-01", "text": "x", "decision": "maybe", "codes": []}\n',
                    encoding="utf-8")
    with pytest.raises(IntakeError, match="set.jsonl, line 2"):
        load_labelled(path)
