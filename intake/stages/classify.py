"""Category (complaint, compliment, suggestion, out_of_scope) and the young_person signal."""

from __future__ import annotations

from classifiers import english
from classifiers.base import Classifier
from intake.item import NOT_ENGLISH, Category, Flag, Hit, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


# A complaint says what it is about early on; capping keeps a 2 MB newsletter from costing seconds.
MAX_CHARS = 8000


@stage
def classify(item: IntakeItem, ctx: Context) -> None:
    parsed = item.parsed
    assert parsed is not None
    text = f"{parsed.subject}\n\n{parsed.newest_text[:MAX_CHARS]}"
    category: Classifier = ctx.classifiers["category"]  # type: ignore[assignment]
    result = category.classify(text)
    item.category = Category(result.label)
    item.confidence = result.score
    item.category_model = result.model_version
    item.category_scores = dict(result.scores)
    runner_up = f"{result.runner_up[0]} {result.runner_up[1]:.2f}" if result.runner_up else "none"
    item.hits.append(Hit("classify", f"category_{result.label}",
                         f"Classified as {result.label} with confidence {result.score:.2f} "
                         f"(runner-up {runner_up}).", " | ".join(result.evidence)))
    foreign = english.unreadable(text)
    if foreign:  # the category is a guess, and the screen could not read it: a person reads it first
        item.confidence = 0.0
        item.hits.append(Hit("classify", NOT_ENGLISH,
                             "Mostly not in English, which the classifiers and the safeguarding screen cannot read: "
                             "a person must read it, with an interpreter if need be, before any reply.",
                             " ".join(foreign[0].split())[:300]))
    young: Classifier = ctx.classifiers["young_person"]  # type: ignore[assignment]
    signal = young.classify(parsed.newest_text[:MAX_CHARS])
    if signal.label == "young_person":
        item.flag(Flag.young_person, Hit("classify", "young_person",
                                         f"The writer appears to be a child or young person "
                                         f"(confidence {signal.score:.2f}).",
                                         " | ".join(signal.evidence)))


STAGE = classify
