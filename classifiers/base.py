"""The Classifier protocol and its result.

A result always carries the evidence (the sentences that decided it) and the
model version, so a stored decision can be explained to staff and traced to the
model that made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

@dataclass(frozen=True)
class Classification:
    label: str
    score: float
    model_version: str
    evidence: tuple[str, ...] = ()
    runner_up: tuple[str, float] | None = None
    scores: dict[str, float] = field(default_factory=dict)


class Classifier(Protocol):
    model_version: str

    def classify(self, text: str) -> Classification: ...


def sentence_containing(text: str, start: int, end: int) -> str:
    """The sentence around a match, trimmed to a length staff can read in a list."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("!", 0, start),
               text.rfind("?", 0, start))
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    sentence = " ".join(text[left + 1:right].split())
    return sentence if len(sentence) <= 300 else sentence[:297] + "..."
