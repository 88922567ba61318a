"""Every match of each of many patterns in a text, trying each pattern only where it could begin.

The eligibility rules look for dates in forty-odd shapes ("two years ago", "March last year",
"the 3rd"), each a pattern found on its own. `finditer` tries a pattern at every character of
the text; forty patterns over a long complaint made that a fifth of the whole pipeline's
time. Here each pattern is filed under the first few characters its matches can begin with
(pattern_starts.starts), one scan in C finds where any of those begins, and each pattern is
tried only at its own places. Where the text is not ASCII every pattern is tried, so case
folding and Unicode digits find what `finditer` would; a pattern whose beginning cannot be
worked out keeps its plain `finditer`. The matches, and their order, are finditer's own.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Iterator, Sequence

from classifiers.pattern_starts import KEY_LENGTH, starts, trie

NOT_ASCII = r"[^\x00-\x7f]"


class PatternSet:
    """`[(i, m) for i, p in enumerate(patterns) for m in p.finditer(text)]`, found sooner."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        found = [starts(p.pattern, ascii_text=True) if not p.flags & ~(re.IGNORECASE | re.UNICODE) else set()
                 for p in self.patterns]
        self._plain = tuple(i for i, keys in enumerate(found) if not keys)  # also: never an empty match
        at_word = [bool(keys) and _begins_at_boundary(p.pattern) for p, keys in zip(self.patterns, found)]
        anywhere = [bool(keys) and not word for keys, word in zip(found, at_word)]
        self._finders = tuple(_finder(found, chosen, boundary) for chosen, boundary
                              in ((at_word, True), (anywhere, False)) if any(chosen))
        # Every start and every shorter piece of one: a place is looked up by the longest it begins with.
        pieces = {key[:n] for keys in found for key in keys for n in range(1, len(key) + 1)}
        self._by_start = {piece: tuple(i for i, keys in enumerate(found) if any(piece.startswith(k) for k in keys))
                          for piece in pieces}
        self._at_word = at_word
        self._everywhere = tuple(i for i in range(len(self.patterns)) if i not in self._plain)

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        places: list[list[int]] = [[] for _ in self.patterns]
        for finder, boundary in self._finders:
            for found in finder.finditer(text):
                at = found.start()
                window = text[at:at + KEY_LENGTH]
                if window.isascii():
                    window = window.lower()
                    while window not in self._by_start and window:
                        window = window[:-1]
                    chosen = self._by_start.get(window, ())
                else:  # folding and Unicode digits are re's to judge
                    chosen = self._everywhere
                for i in chosen:
                    if self._at_word[i] == boundary:
                        places[i].append(at)
        for i, pattern in enumerate(self.patterns):
            if i in self._plain:
                yield from ((i, match) for match in pattern.finditer(text))
                continue
            resume = 0
            for at in places[i]:
                if at >= resume and (match := pattern.match(text, at)) is not None:
                    yield i, match
                    resume = match.end()


def _finder(found: list[set[str]], chosen: list[bool], boundary: bool) -> tuple[re.Pattern[str], bool]:
    keys = set().union(*(keys for keys, take in zip(found, chosen) if take))
    where = r"\b" if boundary else ""
    return re.compile(rf"{where}(?={trie(keys)}|{NOT_ASCII})", re.IGNORECASE), boundary


def _begins_at_boundary(pattern: str) -> bool:
    """Whether every match begins at a word boundary: `\\b` first, after any look-behinds."""
    c = sre_constants
    for op, argument in sre_parse.parse(pattern):
        if op is c.ASSERT_NOT or op is c.ASSERT:
            continue
        return bool(op is c.AT and argument is c.AT_BOUNDARY)
    return False
