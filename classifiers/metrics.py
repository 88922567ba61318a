"""Precision, recall, F1 and the confusion matrix, as `intake evaluate` prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence


@dataclass(frozen=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Report:
    labels: tuple[str, ...]
    per_class: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]  # gold → predicted → count
    accuracy: float
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.per_class.values()) / len(self.per_class) if self.per_class else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> Report:
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_class = {}
    for label in labels:
        tp = confusion[label][label]
        predicted_as = sum(confusion[g][label] for g in labels)
        support = sum(confusion[label].values())
        precision, recall = _ratio(tp, predicted_as), _ratio(tp, support)
        f1 = _ratio(2 * tp, predicted_as + support)
        per_class[label] = ClassScores(precision, recall, f1, support)
    correct = sum(confusion[label][label] for label in labels)
    return Report(tuple(labels), per_class, confusion, _ratio(correct, len(gold)))


def binary(gold: Sequence[bool], predicted: Sequence[bool], name: str) -> Report:
    labels = (name, f"not_{name}")
    def as_label(flag: bool) -> str:
        return labels[0] if flag else labels[1]
    return score([as_label(g) for g in gold], [as_label(p) for p in predicted], labels)


def format_report(title: str, report: Report) -> str:
    width = max(12, *(len(label) for label in report.labels)) + 2
    lines = [title, f"{'':{width}}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for label, s in report.per_class.items():
        lines.append(f"{label:{width}}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}{s.support:>9}")
    lines.append(f"{'macro-F1':{width}}{report.macro_f1:>30.3f}")
    lines.append(f"{'accuracy':{width}}{report.accuracy:>30.3f}")
    lines.append("confusion (rows: true label, columns: predicted)")
    short = [label[:10] for label in report.labels]
    lines.append(f"{'':{width}}" + "".join(f"{s:>12}" for s in short))
    for gold in report.labels:
        lines.append(f"{gold:{width}}" + "".join(f"{report.confusion[gold][p]:>12}" for p in report.labels))
    return "\n".join(lines)


def average_precision(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the precision-recall curve: how well scores rank the true cases first."""
    ranked = sorted(zip(scores, gold, strict=True), key=lambda pair: -pair[0])
    total = sum(gold)
    hits, area = 0, 0.0
    for rank, (_, positive) in enumerate(ranked, 1):
        if positive:
            hits += 1
            area += hits / rank
    return area / total if total else 0.0
