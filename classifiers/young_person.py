"""Is the writer a child or young person? A trained model, with a stated age as the clear cue.

Errs towards the child-friendly reply: a reply in plain words does an adult no
harm, but a formal letter can shut a child out.
"""

from __future__ import annotations

import re
from pathlib import Path

from classifiers import store
from classifiers.base import Classification, sentence_containing
from classifiers.textcat import predict

NAME = "young_person"
LABELS = ("young_person", "adult")

AGE = re.compile(r"\b(?:I(?:'m| am|m)|im)\s+(\d{1,2})(?:\s*(?:years?\s*old|yrs?(?:\s*old)?|y/?o)\b|\s*[.,!]|\s+and\b|\s*$)",
                 re.I | re.M)
CHILD_AGES = range(8, 18)


class YoungPersonSignal:
    def __init__(self, models_dir: Path = store.MODELS_DIR) -> None:
        info = store.manifest(models_dir)[NAME]
        self.model_version: str = info["version"]
        self.threshold: float = info["threshold"]
        self.nlp = store.pipeline(NAME, models_dir)

    def classify(self, text: str) -> Classification:
        age = AGE.search(text[:4000])
        if age and int(age.group(1)) in CHILD_AGES:
            return Classification("young_person", 0.95, self.model_version,
                                  evidence=(sentence_containing(text, age.start(), age.end()),))
        score = predict(self.nlp, [text])[0]["young_person"]
        label = "young_person" if score >= self.threshold else "adult"
        return Classification(label, round(score if label == "young_person" else 1 - score, 3),
                              self.model_version)
