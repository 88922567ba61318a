"""The category classifier: our trained spaCy text categoriser, biased towards `complaint`.

A complaint filed as anything else loses its statutory clock, while a
non-complaint filed as one costs an officer a minute. So the decision rule
takes `complaint` whenever the model gives it at least the tuned floor (set on
the dev split at training time), and says how sure it was: an unsure complaint
goes to a person as `needs_review`, with its clock already running.
"""

from __future__ import annotations

from pathlib import Path

from classifiers import store
from classifiers.base import Classification
from classifiers.textcat import predict

CATEGORIES = ("complaint", "compliment", "suggestion", "out_of_scope")
NAME = "category"


def decide(scores: dict[str, float], complaint_floor: float) -> tuple[str, float]:
    """The label and its confidence from the model's scores and the floor."""
    if scores.get("complaint", 0.0) >= complaint_floor:
        return "complaint", scores["complaint"]
    best = max(scores, key=lambda label: scores[label])
    return best, scores[best]


class SpacyCategoryClassifier:
    def __init__(self, models_dir: Path = store.MODELS_DIR) -> None:
        info = store.manifest(models_dir)[NAME]
        self.model_version: str = info["version"]
        self.complaint_floor: float = info["complaint_floor"]
        self.nlp = store.pipeline(NAME, models_dir)

    def classify(self, text: str) -> Classification:
        scores = predict(self.nlp, [text])[0]
        label, confidence = decide(scores, self.complaint_floor)
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        runner_up = next((kv for kv in ranked if kv[0] != label), None)
        return Classification(label=label, score=round(confidence, 3), model_version=self.model_version,
                              runner_up=(runner_up[0], round(runner_up[1], 3)) if runner_up else None,
                              scores={k: round(v, 3) for k, v in scores.items()})
