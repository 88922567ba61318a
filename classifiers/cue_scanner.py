"""Finding a lexicon's matches in a text: at each word, only the lines that could match there are tried.

`re` tries the lines of one `\\b(?:line1|line2|...)\\b` in turn at every word boundary:
forty-odd lines of dozens of words each, tried at each of a message's hundred words,
made that scan a fifth of the safeguarding screen's time even behind lookahead guards
that ruled most lines out at a glance. Here each line is filed under
the first few characters its matches can begin with (pattern_starts.prefixes); a scan
in C finds the words that begin with any of those, and at such a word only the lines
filed under its beginning are tried, in their order in the lexicon. No other line
could match there, so the matches are the alternation's own: the leftmost, the first
line that matches winning, the next search starting where a match ended.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from classifiers.pattern_starts import KEY_LENGTH, may_be_empty, starts, trie


class CueScanner:
    """finditer of `\\b(?:p1|p2|...)\\b`, the same matches found sooner."""

    def __init__(self, patterns: Sequence[str]) -> None:
        found_starts = [starts(p) for p in patterns]
        compiled = [re.compile(rf"(?:{p})\b") for p in patterns]
        # A line that can match nothing at all: finditer's rules for empty matches are the plain scan's own.
        self._plain = re.compile(rf"\b(?:{'|'.join(patterns)})\b") if any(map(may_be_empty, patterns)) else None
        # A line whose matches could begin anyhow (a class like \w first) is tried at every word, beside
        # the lines filed under the word's beginning, in lexicon order: slower, never wrong.
        anywhere = [i for i, found in enumerate(found_starts) if not found]
        self._word = re.compile(r"\b" if anywhere else rf"\b(?={trie(set().union(*found_starts))})") if patterns else None
        # Every start and every shorter piece of one: a word is looked up by the longest it begins with.
        keys = {key[:n] for found in found_starts for key in found for n in range(1, len(key) + 1)}
        filed: dict[str, set[int]] = {}  # a start -> the lines filed under exactly it
        for i, found in enumerate(found_starts):
            for start in found:
                filed.setdefault(start, set()).add(i)
        self._by_start: dict[str, tuple[re.Pattern[str], ...]] = {}
        for key in keys | {""}:  # a key's lines: those filed under any start it begins with
            lines = sorted(set(anywhere).union(*(filed.get(key[:n], ()) for n in range(1, len(key) + 1))))
            if lines:
                self._by_start[key] = tuple(compiled[i] for i in lines)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._plain is not None:
            yield from self._plain.finditer(text)
            return
        word, position, by_start = self._word, 0, self._by_start
        if word is None:  # no lines
            return
        while (found := word.search(text, position)) is not None:
            at = found.start()
            if at == len(text):  # the boundary after the last word: nothing left to match
                return
            window = text[at:at + KEY_LENGTH]
            while window not in by_start and window:
                window = window[:-1]
            position = at + 1
            for line in by_start.get(window, ()):
                match = line.match(text, at)
                if match is not None:  # never empty (may_be_empty)
                    yield match
                    position = match.end()
                    break
