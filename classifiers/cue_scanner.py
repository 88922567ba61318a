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

from classifiers.pattern_starts import prefixes

KEY_LENGTH = 3
MAX_STARTS = 64


class CueScanner:
    """finditer of `\\b(?:p1|p2|...)\\b`, the same matches found sooner."""

    def __init__(self, patterns: Sequence[str]) -> None:
        starts = [_starts(p) for p in patterns]
        compiled = [re.compile(rf"(?:{p})\b") for p in patterns]
        # A line that can match nothing at all: finditer's rules for empty matches are the plain scan's own.
        self._plain = re.compile(rf"\b(?:{'|'.join(patterns)})\b") if any(map(_may_be_empty, patterns)) else None
        # A line whose matches could begin anyhow (a class like \w first) is tried at every word, beside
        # the lines filed under the word's beginning, in lexicon order: slower, never wrong.
        anywhere = [i for i, found in enumerate(starts) if not found]
        self._word = re.compile(r"\b" if anywhere else rf"\b(?={_trie(set().union(*starts))})") if patterns else None
        # Every start and every shorter piece of one: a word is looked up by the longest it begins with.
        keys = {key[:n] for found in starts for key in found for n in range(1, len(key) + 1)}
        self._by_start: dict[str, tuple[re.Pattern[str], ...]] = {}
        for key in keys | {""}:
            lines = sorted({i for i, found in enumerate(starts) if any(key.startswith(s) for s in found)} | {*anywhere})
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
                if match is not None:  # never empty (_may_be_empty)
                    yield match
                    position = match.end()
                    break


def _may_be_empty(pattern: str) -> bool:
    """Whether the line could match no characters: it matches the empty text, or looks around."""
    return re.fullmatch(f"(?:{pattern})", "") is not None or any(a in pattern for a in ("(?=", "(?!", "(?<"))


def _starts(pattern: str) -> set[str]:
    """What the line's matches begin with, at most KEY_LENGTH characters; fewer where a line begins in very many ways.

    A line such as `[0-9]+-week-old` begins in a thousand ways at three characters: filing it
    under ten at one costs nothing at a word and saves compiling and holding the thousand.
    """
    length = KEY_LENGTH
    found = prefixes(pattern, length)
    while len(found) > MAX_STARTS and length > 1:
        length -= 1
        found = prefixes(pattern, length)
    return found


def _trie(keys: set[str]) -> str:
    """A pattern for keys as a trie, `a|b(?:e|iu)`: each branch begins with its own character,
    which `re` checks before entering it, so a word that begins no key is passed over at once."""
    if "" in keys:  # a shorter start already matched: nothing more is needed
        return ""
    branches = []
    for first in sorted({key[0] for key in keys}):
        rest = _trie({key[1:] for key in keys if key[0] == first})
        branches.append(re.escape(first) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(branches)
