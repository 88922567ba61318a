"""Train the learned eligibility signals: `intake train-eligibility [--seed N]`.

Whole complaints from the labelled tuning sets (complaints.jsonl, tuning2.jsonl and tuning3.jsonl), one
label per signal (intake.eligibility.learned.LABELS): a code the complaint is labelled with,
and `delay_reason` for `time_limit_good_reason`. Whole complaints, not sentences: trained on
one writer's set and scored on the other's, the whole-complaint model ranked every label
better (mean average precision 0.88 against 0.71 for sentences labelled from the rules'
evidence), and it needs no sentence labels the sets do not have.

The held-out set chooses the epoch (mean average precision) and each label's threshold: the
one that scores best on F0.5 (precision counts double: a false signal sends an eligible
complaint to a person), searched between 0.40 and 0.65. The floor is measured, not tuned
here: a model trained on complaints.jsonl alone, with the rules as they were before tuning2.jsonl
(0.746 there, as on the blind set), sent 14 of 108 eligible tuning2 complaints to a person at
0.30 and 6 at 0.40 for about the same code recall; the held-out set, written by the tuning
set's hand, cannot tell the two apart. Same data and seed, same model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from classifiers.metrics import average_precision
from intake.eligibility.evaluation import (
    DEFAULT_PATH,
    HELDOUT_PATH,
    TUNING2_PATH,
    TUNING3_PATH,
    Labelled,
    load_labelled,
)
from intake.eligibility.learned import LABELS, VERSION, load_model

TRAINING_PATHS = (DEFAULT_PATH, TUNING2_PATH, TUNING3_PATH)
THRESHOLDS = tuple(round(0.40 + 0.05 * i, 2) for i in range(6))  # 0.40 ... 0.65
DEFAULT_THRESHOLD = 0.40
OUT_OF_TIME = frozenset({"time_limit", "time_limit_good_reason"})


@dataclass(frozen=True)
class TrainingSummary:
    output: str
    complaints: int
    best_epoch: int
    heldout_average_precision: dict[str, float]
    thresholds: dict[str, float]


def labelled(item: Labelled, label: str) -> bool:
    return ("time_limit_good_reason" if label == "delay_reason" else label) in item.codes


def examples(items: Sequence[Labelled]) -> list[tuple[str, dict[str, float]]]:
    return [(item.text, {label: float(labelled(item, label)) for label in LABELS}) for item in items]


def _judged(items: Sequence[Labelled], label: str) -> list[int]:
    """`delay_reason` only matters for a complaint over the time limit: judge it there."""
    return [i for i, item in enumerate(items) if label != "delay_reason" or item.codes & OUT_OF_TIME]


def threshold(truth: Sequence[bool], scores: Sequence[float]) -> float:
    if not any(truth):
        return DEFAULT_THRESHOLD
    best, chosen = -1.0, DEFAULT_THRESHOLD
    for candidate in THRESHOLDS:
        tp = sum(t and s >= candidate for t, s in zip(truth, scores))
        fp = sum(not t and s >= candidate for t, s in zip(truth, scores))
        fn = sum(truth) - tp
        f_half = 1.25 * tp / (1.25 * tp + 0.25 * fn + fp) if tp else 0.0
        if f_half > best:
            best, chosen = f_half, candidate
    return chosen


def train_model(output: Path, *, seed: int = 13, epochs: int = 15,
                training_paths: Sequence[Path] = TRAINING_PATHS, heldout_path: Path = HELDOUT_PATH) -> TrainingSummary:
    from classifiers.textcat import build, predict, train

    items = [item for path in training_paths for item in load_labelled(path)]
    heldout = load_labelled(heldout_path)

    def per_label(scores: list[dict[str, float]]) -> dict[str, tuple[list[bool], list[float]]]:
        return {label: ([labelled(heldout[i], label) for i in _judged(heldout, label)],
                        [scores[i][label] for i in _judged(heldout, label)]) for label in LABELS}

    def score(nlp: object) -> float:
        found = per_label(predict(nlp, [item.text for item in heldout]))  # type: ignore[arg-type]
        return sum(average_precision(*found[label]) for label in LABELS) / len(LABELS)

    nlp = build(LABELS, exclusive=False)
    run = train(nlp, examples(items), seed=seed, epochs=epochs, score=score)
    found = per_label(predict(run.nlp, [item.text for item in heldout]))
    thresholds = {label: threshold(*found[label]) for label in LABELS}
    run.nlp.meta["name"] = "eligibility"
    run.nlp.meta["eligibility"] = {"version": VERSION, "thresholds": thresholds, "seed": seed,
                                   "best_epoch": run.best_epoch, "complaints": len(items),
                                   "trained_on": [p.name for p in training_paths], "heldout": heldout_path.name,
                                   "trained_at": dt.date.today().isoformat()}
    output.mkdir(parents=True, exist_ok=True)
    run.nlp.to_disk(output)
    load_model(output)  # what was written loads
    return TrainingSummary(str(output), len(items), run.best_epoch,
                           {label: round(average_precision(*found[label]), 4) for label in LABELS}, thresholds)
