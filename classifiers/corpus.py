"""The project's labelled messages: loading, validating and splitting them.

The corpus lives as JSONL under classifiers/corpus/messages (one message per
line, reviewable in a diff; the data card is classifiers/corpus/README.md). The
split is a pure function of each message's id, so adding messages never moves
an old one from test into train, and the test split is never trained on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

CORPUS_DIR = Path(__file__).resolve().parent / "corpus" / "messages"
CATEGORIES = ("complaint", "compliment", "suggestion", "out_of_scope")
Split = Literal["train", "dev", "test"]
SPLITS: tuple[Split, ...] = ("train", "dev", "test")


class CorpusError(ValueError):
    """A labelled file that cannot be used, with the file and line to fix."""


@dataclass(frozen=True)
class LabelledMessage:
    id: str
    subject: str
    text: str
    category: str
    safeguarding: bool
    safeguarding_evidence: tuple[str, ...] = ()
    young_person: bool = False
    voice: str = ""
    hard: bool = False

    @property
    def full_text(self) -> str:
        """What the category model sees: the subject line, then the newest text."""
        return f"{self.subject}\n\n{self.text}"


def split_of(message_id: str) -> Split:
    """70/15/15 by a hash of the id: stable, and blind to the label."""
    bucket = int(hashlib.sha256(message_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if bucket < 70 else "dev" if bucket < 85 else "test"


def parse_record(record: object, where: str) -> LabelledMessage:
    if not isinstance(record, dict):
        raise CorpusError(f"{where}: expected a JSON object")
    missing = [k for k in ("id", "text", "category") if not isinstance(record.get(k), str)]
    if missing:
        raise CorpusError(f"{where}: missing or not text: {', '.join(missing)}")
    if record["category"] not in CATEGORIES:
        raise CorpusError(f"{where}: category {record['category']!r} is not one of {', '.join(CATEGORIES)}")
    evidence = tuple(record.get("safeguarding_evidence") or ())
    for sentence in evidence:
        if sentence not in record["text"] and sentence not in record.get("subject", ""):
            raise CorpusError(f"{where}: safeguarding evidence is not in the text: {sentence[:60]!r}")
    flagged = bool(record.get("safeguarding"))
    if flagged != bool(evidence):
        raise CorpusError(f"{where}: safeguarding is {flagged} but the evidence list is "
                          f"{'empty' if not evidence else 'not empty'}; give both or neither")
    return LabelledMessage(
        id=record["id"], subject=str(record.get("subject") or ""), text=record["text"],
        category=record["category"], safeguarding=flagged, safeguarding_evidence=evidence,
        young_person=bool(record.get("young_person")), voice=str(record.get("voice") or ""),
        hard=bool(record.get("hard")))


def read_jsonl(path: Path) -> list[LabelledMessage]:
    messages = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            messages.append(parse_record(record, f"{path}:{number}"))
    return messages


def load(paths: Iterable[Path] | None = None, split: Split | None = None) -> list[LabelledMessage]:
    """Every labelled message (of one split, if asked), ids unique across files."""
    files = sorted(CORPUS_DIR.glob("*.jsonl")) if paths is None else list(paths)
    messages: list[LabelledMessage] = []
    seen: set[str] = set()
    for path in files:
        for message in read_jsonl(path):
            if message.id in seen:
                raise CorpusError(f"{path}: id {message.id!r} appears twice in the corpus")
            seen.add(message.id)
            messages.append(message)
    return [m for m in messages if split is None or split_of(m.id) == split]
