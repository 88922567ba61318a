"""How well the rules and the text model do on a labelled set: `intake evaluate --eligibility [PATH]`.

A labelled set is JSON Lines, one fictional complaint a line: {"id", "received_at" (an ISO
date, read as noon in Europe/London), "text", "decision", "codes": [...], "note"}. The
report gives decision accuracy, recall and precision per reason code, the share of eligible
complaints marked ineligible (wrongly turning someone away is the costly error), a
confusion table, and every disagreement, so a rule change can be judged before it ships.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from intake.eligibility import CODES, decide
from intake.eligibility.learned import TextModel
from intake.eligibility.rules import EligibilityRules
from intake.errors import IntakeError

LABELLED_DIR = Path(__file__).resolve().parents[2] / "tests" / "eligibility"
DEFAULT_PATH = LABELLED_DIR / "complaints.jsonl"  # the set the rules were tuned on
HELDOUT_PATH = LABELLED_DIR / "heldout.jsonl"  # written first, kept apart from tuning
TUNING2_PATH = LABELLED_DIR / "tuning2.jsonl"  # a second writer's phrasings, for generality
TUNING3_PATH = LABELLED_DIR / "tuning3.jsonl"  # many voices, misspellings, declared subjects (round four)
DECISIONS = ("eligible", "ineligible", "needs_review")
# The targets: decision accuracy, recall of every code, eligible marked ineligible.
TARGET_ACCURACY, TARGET_RECALL, TARGET_WRONGLY_TURNED_AWAY = 0.90, 0.85, 0.02


@dataclass(frozen=True)
class Labelled:
    id: str
    received_at: dt.datetime
    text: str
    decision: str
    codes: frozenset[str]


@dataclass
class CodeScore:
    support: int = 0  # labelled with the code
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.correct / self.support if self.support else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


@dataclass
class EligibilityReport:
    path: str
    total: int = 0
    correct: int = 0
    eligible: int = 0
    eligible_marked_ineligible: int = 0
    codes: dict[str, CodeScore] = field(default_factory=lambda: {c: CodeScore() for c in CODES})
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (labelled, decided) -> count
    disagreements: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def eligible_to_ineligible_rate(self) -> float:
        return self.eligible_marked_ineligible / self.eligible if self.eligible else 0.0

    @property
    def ms_per_complaint(self) -> float:
        return 1000 * self.seconds / self.total if self.total else 0.0

    def missed_targets(self) -> list[str]:
        missed = []
        if self.accuracy < TARGET_ACCURACY:
            missed.append(f"decision accuracy {self.accuracy:.3f} < {TARGET_ACCURACY}")
        missed += [f"{code} recall {score.recall:.3f} < {TARGET_RECALL}" for code, score in self.codes.items()
                   if score.support and score.recall < TARGET_RECALL]
        if self.eligible_to_ineligible_rate > TARGET_WRONGLY_TURNED_AWAY:
            missed.append(f"eligible marked ineligible {self.eligible_to_ineligible_rate:.3f} "
                          f"> {TARGET_WRONGLY_TURNED_AWAY}")
        return missed


def load_labelled(path: Path) -> list[Labelled]:
    """The labelled set; a bad line is an error naming the file and the line."""
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise IntakeError(f"cannot read the labelled set {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            received = dt.datetime.combine(dt.date.fromisoformat(row["received_at"][:10]), dt.time(12),
                                           ZoneInfo("Europe/London"))
            codes = frozenset(row["codes"])
            if row["decision"] not in DECISIONS or not codes <= set(CODES):
                raise ValueError("unknown decision or code")
            items.append(Labelled(str(row["id"]), received, row["text"], row["decision"], codes))
        except (ValueError, KeyError, TypeError) as exc:
            raise IntakeError(f"{path}, line {number}: not a labelled complaint ({exc})") from None
    return items


def evaluate(path: Path = DEFAULT_PATH, rules: EligibilityRules | None = None,
             model: TextModel | None = None) -> EligibilityReport:
    report = EligibilityReport(str(path))
    items = load_labelled(path)
    decide("Warm-up: the pipeline is built once per process.", dt.datetime.now(dt.UTC), rules, model=model)
    for item in items:
        started = time.perf_counter()
        result = decide(item.text, item.received_at, rules, model=model)
        report.seconds += time.perf_counter() - started
        decided, codes = result.decision.value, {h.code for h in result.reasons}
        report.total += 1
        report.correct += decided == item.decision
        report.confusion[(item.decision, decided)] = report.confusion.get((item.decision, decided), 0) + 1
        if item.decision == "eligible":
            report.eligible += 1
            report.eligible_marked_ineligible += decided == "ineligible"
        for code in CODES:
            score = report.codes[code]
            score.support += code in item.codes
            score.predicted += code in codes
            score.correct += code in item.codes and code in codes
        if decided != item.decision or codes != item.codes:
            report.disagreements.append(f"{item.id}: labelled {item.decision} {sorted(item.codes)}, "
                                        f"decided {decided} {sorted(codes)}")
    return report


def summary(report: EligibilityReport) -> dict[str, Any]:
    """The headline figures as one JSON-ready object (`intake evaluate --eligibility --json`)."""
    return {"path": report.path, "complaints": report.total, "accuracy": round(report.accuracy, 4),
            "eligible_to_ineligible": round(report.eligible_to_ineligible_rate, 4),
            "ms_per_complaint": round(report.ms_per_complaint, 3),
            "codes": {code: {"support": s.support, "recall": round(s.recall, 4), "precision": round(s.precision, 4)}
                      for code, s in report.codes.items()},
            "confusion": {f"{gold}->{decided}": n for (gold, decided), n in sorted(report.confusion.items())},
            "targets_missed": report.missed_targets(), "disagreements": report.disagreements}


def format_report(report: EligibilityReport) -> str:
    lines = [(f"eligibility rules on {report.path}: {report.total} complaints, "
              f"{report.ms_per_complaint:.2f} ms each"),
             f"decision accuracy        {report.accuracy:.3f}  (target >= {TARGET_ACCURACY})",
             (f"eligible -> ineligible   {report.eligible_to_ineligible_rate:.3f}  "
              f"({report.eligible_marked_ineligible} of {report.eligible}; target <= {TARGET_WRONGLY_TURNED_AWAY})"),
             "", f"{'code':<26} {'support':>7} {'recall':>7} {'precision':>9}"]
    lines += [f"{code:<26} {s.support:>7} {s.recall:>7.3f} {s.precision:>9.3f}" for code, s in report.codes.items()]
    lines += ["", "labelled \\ decided " + "".join(f"{d:>14}" for d in DECISIONS)]
    lines += [f"{gold:<19}" + "".join(f"{report.confusion.get((gold, d), 0):>14}" for d in DECISIONS)
              for gold in DECISIONS]
    missed = report.missed_targets()
    lines += ["", "targets met" if not missed else "targets missed: " + "; ".join(missed)]
    if report.disagreements:
        lines += ["", f"disagreements ({len(report.disagreements)}):", *("  " + d for d in report.disagreements)]
    return "\n".join(lines)
