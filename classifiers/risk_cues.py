"""The risk-cue lexicon (classifiers/lexicons/risk_cues.txt): read, compiled and applied.

The cues are what both safeguarding models see beside the words (a marker per group a
passage has), what flags a passage on its own (a strong cue, a combination of groups),
and what excuses a strong cue in talk of the topic in general. Kept apart from the
models so the lexicon can be read, tested and changed on its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from classifiers.cue_scanner import CueScanner

CUES_FILE = Path(__file__).resolve().parent / "lexicons" / "risk_cues.txt"

# Innocent phrases around a strong cue ("suicide prevention training") that excuse it.
EXCUSED = re.compile(r"\b(abuse of (process|power|position|discretion)|(self[- ]?harm|suicide) "
                     r"(awareness|prevention)( week| day| training| course)?|(awareness|training|course|"
                     r"webinar|statistics|figures) (on|about|in) [\w\s,-]{0,40})\b")


@dataclass(frozen=True)
class Lexicon:
    """The cue file as written: patterns by group, the strong ones, and the combinations."""
    by_group: dict[str, list[str]]
    strong: list[str]
    combinations: list[frozenset[str]]

    @property
    def patterns(self) -> list[str]:
        return [p for patterns in self.by_group.values() for p in patterns]


def read_lexicon(path: Path = CUES_FILE) -> Lexicon:
    lexicon = Lexicon({}, [], [])
    group = "general"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("## "):
            group = line[3:].split()[0]
        elif line.startswith("combine:"):
            lexicon.combinations.append(frozenset(g.strip() for g in line.removeprefix("combine:").split("+")))
        elif line and not line.startswith("#"):
            pattern = line.removeprefix("strong:").lower()
            lexicon.by_group.setdefault(group, []).append(pattern)
            if line.startswith("strong:"):
                lexicon.strong.append(pattern)
    if any(len(combination) < 2 for combination in lexicon.combinations):
        raise ValueError(f"{path}: a 'combine:' line needs two groups or more (one group alone: mark its cues strong)")
    unknown = {g for combination in lexicon.combinations for g in combination} - lexicon.by_group.keys()
    if unknown:
        raise ValueError(f"{path}: 'combine:' names groups with no cues: {', '.join(sorted(unknown))}")
    return lexicon


@dataclass(frozen=True)
class Cues:
    any: CueScanner  # every cue: one fast scan of the text
    groups: tuple[tuple[str, re.Pattern[str]], ...]  # which group a found cue belongs to
    strong: CueScanner
    combinations: tuple[frozenset[str], ...]
    known: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)  # found text -> groups

    def groups_of(self, found: str) -> frozenset[str]:
        """Remembered: the same few cues ("again", "scared", "school") come back in every message."""
        groups = self.known.get(found)
        if groups is None:
            if len(self.known) >= 50_000:  # a long-running poller: cues with \w* endings are unbounded
                self.known.clear()
            groups = self.known[found] = frozenset(name for name, pattern in self.groups if pattern.fullmatch(found))
        return groups

    def combined(self, groups: frozenset[str]) -> bool:
        return len(groups) > 1 and any(combination <= groups for combination in self.combinations)


@functools.cache
def cues(path: Path = CUES_FILE) -> Cues:
    """The lexicon, compiled for lower-cased text (re.IGNORECASE makes it three times slower)."""
    lexicon = read_lexicon(path)
    return Cues(CueScanner(lexicon.patterns),
                tuple((g, re.compile(f"(?:{'|'.join(p)})")) for g, p in lexicon.by_group.items()),
                CueScanner(lexicon.strong), tuple(lexicon.combinations))


def cue_groups(text: str) -> set[str]:
    lexicon = cues()
    return {g for m in lexicon.any.finditer(text.lower()) for g in lexicon.groups_of(m.group())}


def marked(text: str, groups: set[str] | frozenset[str]) -> str:
    """The text with one marker word per cue group it contains, as both models read it."""
    return text + "".join(f" riskcue{g}" for g in sorted(groups))


# A sentence about a risk in general (an event, a course, a request for figures), not anyone's own.
ABOUT_THE_TOPIC = re.compile(
    r"\b(awareness|prevention|training|course|webinar|seminar|conference|workshop|briefing|sessions? on|"
    r"module|e-?learning|toolkit|polic(y|ies)|strategy|campaign|statistics|figures|data|admissions|"
    r"freedom of info\w*|foi|invoice|operation [a-z]+|ending|tackling|disrupting|spotting the signs|"
    r"responding to|guidance|leaflet|newsletter|invitation|research|article)\b")
PERSONAL = re.compile(r"\b(i|me|my|myself|i'?m|im|i'?ve|ive|she|her|hers|herself|he|him|his|himself)\b")


def strong_cue(sentence: str) -> bool:
    lowered = sentence.lower()
    found = list(cues().strong.finditer(lowered))
    if not found or (ABOUT_THE_TOPIC.search(lowered) and not PERSONAL.search(lowered)):
        return False
    excused = [m.span() for m in EXCUSED.finditer(lowered)]
    return any(not any(a <= m.start() < b for a, b in excused) for m in found)
