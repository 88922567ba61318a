"""`intake train`: the three pipelines from the corpus, with thresholds tuned on dev.

Reproducible: the same corpus, corrections and seed give the same weights. The
test split is never seen here, neither for training nor for tuning; `intake
evaluate` is where it is used.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Sequence

import spacy
from spacy.about import __version__ as SPACY_VERSION

from classifiers import category, metrics, safeguarding, sentences, store, young_person
from classifiers.corpus import CATEGORIES, LabelledMessage
from classifiers.textcat import Architecture, Labelled, build, predict, train

# Complaint recall on dev that the floor is tuned to reach (the target on test is 0.95).
COMPLAINT_RECALL_GOAL = 0.97
# Never raise the safeguarding threshold above this, whatever dev says: recall first.
MAX_RISK_THRESHOLD = 0.5
# Margin under the lowest-scoring dev disclosure, for wordings dev did not show.
RISK_MARGIN = 0.6


@dataclass(frozen=True)
class TrainingSummary:
    versions: dict[str, str]
    dev: dict[str, float]
    counts: dict[str, int]


def fingerprint(messages: Sequence[LabelledMessage], seed: int, architecture: str) -> str:
    digest = hashlib.sha256(f"{seed}:{architecture}:{SPACY_VERSION}".encode())
    for m in sorted(messages, key=lambda m: m.id):
        digest.update(json.dumps(asdict(m), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:10]


def category_examples(messages: Sequence[LabelledMessage]) -> list[Labelled]:
    return [(m.full_text, {c: float(c == m.category) for c in CATEGORIES}) for m in messages]


def risk_sentences(message: LabelledMessage) -> list[tuple[str, bool]]:
    """The sentences the sentence model learns from: those with a risk cue, and every disclosure."""
    if message.safeguarding and not message.safeguarding_evidence:
        return []  # flagged by staff without the sentence: no way to say which one, so unused here
    text = message.full_text
    marked = []
    for evidence in message.safeguarding_evidence:
        start = text.find(evidence)
        marked.append((start, start + len(evidence)))
    labelled = [(text[a:b], any(a < e and s < b for s, e in marked)) for a, b in sentences.spans(text)]
    return [(sentence, risk) for sentence, risk in labelled if risk or safeguarding.has_cue(sentence)]


def young_examples(messages: Sequence[LabelledMessage]) -> list[Labelled]:
    return [(m.text, {"young_person": float(m.young_person), "adult": float(not m.young_person)})
            for m in messages]


def tune_complaint_floor(scores: list[dict[str, float]], gold: list[str]) -> tuple[float, metrics.Report]:
    """The highest floor whose dev complaint recall reaches the goal, best macro-F1 among ties."""
    best: tuple[float, float, metrics.Report] | None = None
    for step in range(50, 4, -1):
        floor = step / 100
        predicted = [category.decide(s, floor)[0] for s in scores]
        report = metrics.score(gold, predicted, CATEGORIES)
        if report.per_class["complaint"].recall >= COMPLAINT_RECALL_GOAL and (
                best is None or report.macro_f1 > best[1]):
            best = (floor, report.macro_f1, report)
    if best is None:
        floor = 0.05
        return floor, metrics.score(gold, [category.decide(s, floor)[0] for s in scores], CATEGORIES)
    return best[0], best[2]


Screened = tuple[list[safeguarding.SentenceScore], float]


def tune_risk_thresholds(screened: list[Screened], gold: list[bool]) -> tuple[float, float]:
    """(sentence, message) thresholds that flag every dev disclosure, with the fewest false alarms.

    For each sentence threshold, the message threshold is set just under the lowest
    message score among the disclosures the sentences did not catch; both are then
    lowered by a margin, for wordings dev did not show.
    """
    best: tuple[int, float, float] | None = None
    for step in range(50, 0, -1):
        sentence_t = step / 100
        missed = [message for (scored, message), risk in zip(screened, gold, strict=True)
                  if risk and not any(s.strong or s.score >= sentence_t for s in scored)]
        message_t = min(MAX_RISK_THRESHOLD, min(missed, default=MAX_RISK_THRESHOLD))
        sentence_t, message_t = sentence_t * RISK_MARGIN, message_t * RISK_MARGIN
        false_alarms = sum(1 for (scored, message), risk in zip(screened, gold, strict=True)
                           if not risk and safeguarding.flags(scored, message, sentence_t, message_t))
        if best is None or false_alarms < best[0]:
            best = (false_alarms, sentence_t, message_t)
    assert best is not None
    return round(best[1], 4), round(best[2], 4)


def screen_all(sentence_nlp: spacy.language.Language, message_nlp: spacy.language.Language,
               messages: Sequence[LabelledMessage]) -> list[Screened]:
    texts = [m.full_text for m in messages]
    message_scores = [p[safeguarding.RISK_LABEL] for p in predict(message_nlp, texts)]
    out = []
    for text, message_score in zip(texts, message_scores, strict=True):
        found = sentences.split(text)
        with_cue = [s for s in found if safeguarding.has_cue(s)]
        scores = dict(zip(with_cue, (p[safeguarding.RISK_LABEL] for p in predict(sentence_nlp, with_cue, 256)),
                          strict=True))
        out.append(([safeguarding.SentenceScore(s, scores.get(s, 0.0), safeguarding.strong_cue(s)) for s in found],
                    message_score))
    return out


def train_all(messages: Sequence[LabelledMessage], dev: Sequence[LabelledMessage], *, seed: int,
              models_dir: Path = store.MODELS_DIR, architecture: Architecture = "bow",
              epochs: int = 20) -> TrainingSummary:
    """Train, tune on dev, save all three pipelines and the manifest."""
    tag = fingerprint(messages, seed, architecture)

    cat_nlp = build(CATEGORIES, exclusive=True, architecture=architecture)
    dev_gold = [m.category for m in dev]
    def cat_score(nlp: spacy.language.Language) -> float:
        predicted = [max(s, key=lambda k: s[k]) for s in predict(nlp, [m.full_text for m in dev])]
        return metrics.score(dev_gold, predicted, CATEGORIES).macro_f1
    train(cat_nlp, category_examples(messages), seed=seed, epochs=epochs, score=cat_score)
    floor, cat_report = tune_complaint_floor(predict(cat_nlp, [m.full_text for m in dev]), dev_gold)

    risk_gold = [m.safeguarding for m in dev]
    message_nlp = build((safeguarding.RISK_LABEL,), exclusive=False, architecture=architecture)
    message_examples: list[Labelled] = [(m.full_text, {safeguarding.RISK_LABEL: float(m.safeguarding)})
                                        for m in messages]
    def message_f1(nlp: spacy.language.Language) -> float:
        predicted = [p[safeguarding.RISK_LABEL] >= 0.5 for p in predict(nlp, [m.full_text for m in dev])]
        return metrics.binary(risk_gold, predicted, "safeguarding").per_class["safeguarding"].f1
    train(message_nlp, message_examples, seed=seed, epochs=epochs, score=message_f1)

    sentence_nlp = build((safeguarding.RISK_LABEL,), exclusive=False, architecture=architecture)
    sentence_examples: list[Labelled] = [(s, {safeguarding.RISK_LABEL: float(flag)})
                                         for m in messages for s, flag in risk_sentences(m)]
    def false_alarms_avoided(nlp: spacy.language.Language) -> float:
        screened = screen_all(nlp, message_nlp, dev)
        thresholds = tune_risk_thresholds(screened, risk_gold)
        flagged = [safeguarding.flags(sc, ms, *thresholds) for sc, ms in screened]
        return metrics.binary(risk_gold, flagged, "safeguarding").per_class["safeguarding"].f1
    train(sentence_nlp, sentence_examples, seed=seed, epochs=epochs, score=false_alarms_avoided)
    screened = screen_all(sentence_nlp, message_nlp, dev)
    sentence_t, message_t = tune_risk_thresholds(screened, risk_gold)
    risk_report = metrics.binary(risk_gold, [safeguarding.flags(sc, ms, sentence_t, message_t)
                                             for sc, ms in screened], "safeguarding")

    young_nlp = build(young_person.LABELS, exclusive=True, architecture=architecture)
    young_gold = [m.young_person for m in dev]
    def young_f1_at(nlp: spacy.language.Language, cut: float) -> float:
        predicted = [s["young_person"] >= cut for s in predict(nlp, [m.text for m in dev])]
        return metrics.binary(young_gold, predicted, "young_person").per_class["young_person"].f1
    train(young_nlp, young_examples(messages), seed=seed, epochs=epochs,
          score=lambda nlp: young_f1_at(nlp, 0.5))
    # Lean towards the child-friendly reply: the lowest cut within a point of the best F1.
    cuts = [c / 100 for c in range(20, 71, 5)]
    f1s = {cut: young_f1_at(young_nlp, cut) for cut in cuts}
    cut = min(c for c in cuts if f1s[c] >= max(f1s.values()) - 0.01)

    versions = {name: f"{name}.spacy-{architecture}.{tag}" for name in ("category", "safeguarding", "young_person")}
    dev_figures = {
        "category_macro_f1": round(cat_report.macro_f1, 4),
        "complaint_recall": round(cat_report.per_class["complaint"].recall, 4),
        "safeguarding_recall": round(risk_report.per_class["safeguarding"].recall, 4),
        "safeguarding_precision": round(risk_report.per_class["safeguarding"].precision, 4),
        "young_person_f1": round(f1s[cut], 4)}
    counts = {"train": len(messages), "dev": len(dev)}
    data: dict[str, Any] = {
        "seed": seed, "architecture": architecture, "spacy": SPACY_VERSION, "corpus": tag,
        "counts": counts, "dev": dev_figures,
        "category": {"version": versions["category"], "complaint_floor": floor},
        "safeguarding": {"version": versions["safeguarding"], "sentence_threshold": sentence_t,
                         "message_threshold": message_t},
        "young_person": {"version": versions["young_person"], "threshold": cut},
    }
    store.save(models_dir, {"category": cat_nlp, safeguarding.NAME: sentence_nlp,
                            safeguarding.MESSAGE_MODEL: message_nlp, "young_person": young_nlp}, data)
    return TrainingSummary(versions, dev_figures, counts)
