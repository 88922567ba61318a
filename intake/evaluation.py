"""`intake evaluate`: the classifiers against labelled messages, with figures staff can check.

Labelled messages come from the corpus (JSONL, see classifiers/corpus/README.md)
or from a folder of .eml files, labelled by an `X-Intake-Category` header or,
failing that, by the name of the folder they sit in (complaint/, compliment/,
suggestion/, out_of_scope/); `X-Intake-Safeguarding: yes` and
`X-Intake-Young-Person: yes` label the flags. An .eml goes through the real
parser, so the figures are for what the service would see.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from classifiers import metrics
from classifiers.corpus import CATEGORIES, CorpusError, LabelledMessage, read_jsonl
from classifiers.registry import create_defaults
from intake.parsing import parse_message

YES = {"yes", "true", "1", "y"}


@dataclass
class Evaluation:
    category: metrics.Report
    safeguarding: metrics.Report
    young_person: metrics.Report
    messages: int
    per_second: float
    load_seconds: float
    missed_disclosures: list[str]


def from_eml_folder(folder: Path) -> list[LabelledMessage]:
    messages = []
    for path in sorted(folder.rglob("*.eml")):
        parsed = parse_message(path.read_bytes())
        headers = parsed.headers
        category = headers.get("x-intake-category", "").strip() or path.parent.name
        if category not in CATEGORIES:
            raise CorpusError(f"{path}: no label: give an X-Intake-Category header or put it in a "
                              f"folder named one of {', '.join(CATEGORIES)}")
        flagged = headers.get("x-intake-safeguarding", "").strip().lower() in YES
        messages.append(LabelledMessage(
            id=str(path.relative_to(folder)), subject=parsed.subject, text=parsed.newest_text,
            category=category, safeguarding=flagged, safeguarding_evidence=(),
            young_person=headers.get("x-intake-young-person", "").strip().lower() in YES,
            voice="eml"))
    if not messages:
        raise CorpusError(f"{folder}: no .eml files found")
    return messages


def load_labelled(path: Path) -> list[LabelledMessage]:
    if path.is_dir():
        return from_eml_folder(path)
    if path.suffix == ".jsonl":
        return read_jsonl(path)
    raise CorpusError(f"{path}: give a .jsonl file of labelled messages or a folder of .eml files")


def evaluate(messages: Sequence[LabelledMessage], classifiers: dict[str, Any] | None = None) -> Evaluation:
    started = time.perf_counter()
    models = classifiers or create_defaults()
    loaded = time.perf_counter()
    categories, flagged, young = [], [], []
    for m in messages:
        categories.append(models["category"].classify(m.full_text).label)
        flagged.append(models["safeguarding"].classify(m.full_text).label == "safeguarding")
        young.append(models["young_person"].classify(m.text).label == "young_person")
    elapsed = time.perf_counter() - loaded
    return Evaluation(
        category=metrics.score([m.category for m in messages], categories, CATEGORIES),
        safeguarding=metrics.binary([m.safeguarding for m in messages], flagged, "safeguarding"),
        young_person=metrics.binary([m.young_person for m in messages], young, "young_person"),
        messages=len(messages), per_second=len(messages) / elapsed if elapsed else 0.0,
        load_seconds=loaded - started,
        missed_disclosures=[m.id for m, f in zip(messages, flagged, strict=True) if m.safeguarding and not f])


def summary(result: Evaluation) -> dict[str, Any]:
    """The headline figures, for --json and for the closing note."""
    cat, sg, yp = result.category, result.safeguarding.per_class, result.young_person.per_class
    return {
        "messages": result.messages,
        "category_macro_f1": round(cat.macro_f1, 4),
        "category": {label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                             "f1": round(s.f1, 4), "support": s.support} for label, s in cat.per_class.items()},
        "confusion": cat.confusion,
        "safeguarding_recall": round(sg["safeguarding"].recall, 4),
        "safeguarding_precision": round(sg["safeguarding"].precision, 4),
        "young_person_f1": round(yp["young_person"].f1, 4),
        "missed_disclosures": result.missed_disclosures,
        "messages_per_second": round(result.per_second, 1),
        "model_load_seconds": round(result.load_seconds, 3),
    }


def format_evaluation(result: Evaluation) -> str:
    parts = [metrics.format_report("category", result.category),
             metrics.format_report("safeguarding (message level)", result.safeguarding),
             metrics.format_report("young_person", result.young_person)]
    if result.missed_disclosures:
        parts.append("MISSED DISCLOSURES: " + ", ".join(result.missed_disclosures))
    parts.append(f"{result.messages} messages, {result.per_second:.0f} messages/second "
                 f"(all three classifiers, one core), model load {result.load_seconds:.2f} s")
    return "\n\n".join(parts)
