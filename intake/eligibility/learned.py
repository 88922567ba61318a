"""The learned text signals: a spaCy text categoriser that reads what the phrase lists miss.

One blank English pipeline with a multi-label bag-of-words categoriser (unigrams and
bigrams, lower-cased input; `classifiers.textcat`), trained on whole labelled complaints by
`intake train-eligibility` (intake.eligibility.training) and shipped in `model/` next to
this file with its thresholds in the pipeline's meta. It scores one label per text signal:
the four closing codes the rules find from words (court_decision, other_organisation,
not_childrens_social_care, already_completed), the two standing codes, and `delay_reason`
(the complaint explains why it is late). Dates and the 12-month arithmetic stay rules.

The score is read from the whole complaint; the evidence for a code the model reports is the
sentence it scores highest for that label. How a signal combines with the rules is
intake.eligibility.combining's business.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).with_name("model")
VERSION = "eligibility.textcat.v1"
LABELS = ("court_decision", "other_organisation", "not_childrens_social_care", "already_completed",
          "consent_required", "standing_unclear", "delay_reason")


class TextModel(Protocol):
    """Scores texts for LABELS; a label at or over its threshold is a signal."""

    @property
    def version(self) -> str: ...

    @property
    def thresholds(self) -> Mapping[str, float]: ...

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]: ...


@dataclass(frozen=True)
class RulesOnly:
    """No learned signals: the engine as the rules alone decide (tests, and a council that opts out)."""

    version: str = "rules-only"

    @property
    def thresholds(self) -> Mapping[str, float]:
        return {}

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        return [{} for _ in texts]


RULES_ONLY = RulesOnly()


@dataclass(frozen=True)
class SpacyTextModel:
    nlp: Language
    thresholds: Mapping[str, float]
    version: str = VERSION

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        from classifiers.textcat import predict

        return predict(self.nlp, texts)


def signals(model: TextModel, text: str, sentences: Sequence[str]) -> dict[str, int]:
    """Each label over its threshold, with the index of the sentence that shows it best."""
    if not model.thresholds:
        return {}
    whole = model.scores([text])[0]
    found = [label for label, threshold in model.thresholds.items() if whole.get(label, 0.0) >= threshold]
    if not found or not sentences:
        return {label: 0 for label in found}
    per_sentence = model.scores(sentences)
    return {label: max(range(len(sentences)), key=lambda i: per_sentence[i].get(label, 0.0)) for label in found}


def load_model(path: Path) -> SpacyTextModel:
    """A trained pipeline from disk, with the thresholds stored in its meta."""
    import spacy

    nlp = spacy.load(path)
    meta = nlp.meta.get("eligibility", {})
    thresholds = {label: round(float(value), 4) for label, value in meta.get("thresholds", {}).items() if label in LABELS}
    return SpacyTextModel(nlp, thresholds, str(meta.get("version", VERSION)))


@functools.cache
def shipped() -> TextModel:
    """The packaged model, loaded once per process; the rules alone if none is shipped."""
    if not (MODEL_DIR / "meta.json").exists():
        return RULES_ONLY
    return load_model(MODEL_DIR)
