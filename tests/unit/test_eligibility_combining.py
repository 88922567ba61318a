"""The rules and the learned text model together, and `intake train-eligibility`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from intake.cli import main
from intake.eligibility import decide, learned
from intake.eligibility.combining import combine
from intake.eligibility.learned import LABELS, RULES_ONLY, load_model
from intake.item import Decision, Hit

LONDON = ZoneInfo("Europe/London")
DAY = dt.datetime(2026, 3, 2, 12, tzinfo=LONDON)


@dataclass(frozen=True)
class FakeModel:
    """Scores a label 0.9 in every text containing its cue word; the thresholds are 0.5."""

    cues: Mapping[str, str]
    version: str = "fake.v1"
    thresholds: Mapping[str, float] = field(default_factory=lambda: dict.fromkeys(LABELS, 0.5))

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        return [{label: 0.9 if cue in text.lower() else 0.1 for label, cue in self.cues.items()} for text in texts]


def rule_hit(code: str, evidence: str = "rule sentence") -> Hit:
    return Hit("check_eligibility", code, "explained. No reason for the delay is given.", evidence)


def test_a_closing_code_only_the_model_finds_goes_to_a_person_with_its_sentence() -> None:
    text = "My appeal to the tribunal was refused. I think that is wrong and unfair to my family."
    result = decide(text, DAY, model=FakeModel({"court_decision": "tribunal"}))
    assert result.decision is Decision.needs_review and result.signposting == []
    assert result.to_json() == {"decision": "needs_review", "reasons": [
        {"code": "court_decision", "evidence": "My appeal to the tribunal was refused."}]}
    assert "text model fake.v1" in result.reasons[0].sentence


def test_a_closing_code_the_rules_find_still_closes_the_door() -> None:
    decision, hits = combine([rule_hit("other_organisation")], {"court_decision": "s"}, "m")
    assert decision is Decision.ineligible and [h.code for h in hits] == ["other_organisation", "court_decision"]
    assert combine([rule_hit("court_decision")], {"court_decision": "s"}, "m")[1] == [rule_hit("court_decision")]


def test_a_review_code_from_either_source_needs_a_person() -> None:
    assert combine([], {"standing_unclear": "I live nearby."}, "m")[0] is Decision.needs_review
    assert combine([rule_hit("consent_required")], {}, "m")[0] is Decision.needs_review
    assert combine([], {}, "m") == (Decision.eligible, [])


def test_the_rules_reading_of_the_writer_outweighs_the_models_standing_codes() -> None:
    signals = {"standing_unclear": "s", "consent_required": "s"}
    assert combine([], signals, "m", role="parent") == (Decision.eligible, [])
    assert [h.code for h in combine([], signals, "m", role="representative")[1]] == ["standing_unclear"]


def test_a_reason_for_the_delay_read_by_the_model_turns_the_time_limit_into_a_persons_decision() -> None:
    decision, hits = combine([rule_hit("time_limit", "In 2019 it happened.")],
                             {"delay_reason": "I was in hospital for a year."}, "m")
    assert decision is Decision.needs_review
    assert [(h.code, h.evidence) for h in hits] == [("time_limit_good_reason", "I was in hospital for a year.")]
    assert "No reason" not in hits[0].sentence
    # without a time limit from the dates, a reason for the delay changes nothing
    assert combine([], {"delay_reason": "s"}, "m") == (Decision.eligible, [])


def test_dates_stay_rules_and_the_model_never_turns_anyone_away() -> None:
    text = "In January 2024 the social worker lied in her report. Things at home were very hard."
    late = decide(text, DAY, model=FakeModel({"delay_reason": "at home"}))
    assert [(h.code, h.evidence) for h in late.reasons] == [("time_limit_good_reason",
                                                             "Things at home were very hard.")]
    assert decide(text, DAY, model=RULES_ONLY).decision is Decision.ineligible
    fine = decide("The social worker lied in her report last week.", DAY, model=FakeModel({"delay_reason": "report"}))
    assert fine.decision is Decision.eligible


def test_the_shipped_model_is_small_loads_once_and_has_a_threshold_per_label() -> None:
    model = learned.shipped()
    assert model is learned.shipped() and set(model.thresholds) == set(LABELS)
    assert sum(f.stat().st_size for f in learned.MODEL_DIR.rglob("*") if f.is_file()) < 10_000_000


def test_train_eligibility_writes_a_model_that_loads_and_is_reproducible(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("a", "b"):
        result = runner.invoke(main, ["train-eligibility", "--seed", "3", "--epochs", "2",
                                      "--output", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.output.strip().splitlines()[-1]))
    assert outputs[0]["thresholds"] == outputs[1]["thresholds"] and outputs[0]["complaints"] >= 500
    first, second = load_model(tmp_path / "a"), load_model(tmp_path / "b")
    assert first.thresholds == outputs[0]["thresholds"]
    text = ["The judge made a care order and I want it overturned."]
    assert first.scores(text) == second.scores(text)
    assert decide(text[0], DAY, model=first).decision in (Decision.ineligible, Decision.needs_review)
