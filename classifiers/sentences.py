"""Sentences, as the safeguarding screen sees them.

One splitter for training and for screening, so a sentence the model learnt from
looks like a sentence it is asked about. Young people often write without full
stops, so a line break is a sentence break too, except where a mail program
wrapped a long line (the line before is long and ends mid-sentence): those
breaks are joined up again. Very long runs are cut into windows so one
disclosure is not diluted by a page of other words.
"""

from __future__ import annotations

import re
from typing import Iterator

_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*")
MAX_WORDS = 40
# A line at least this long that ends without punctuation was most likely wrapped.
WRAPPED_LINE = 60


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of text, stripped, never empty."""
    start = 0
    for match in _BREAK.finditer(text):
        if _wrapped(text, match.start(), match.group()):
            continue
        yield from _windows(text, start, match.start())
        start = match.end()
    yield from _windows(text, start, len(text))


def _wrapped(text: str, at: int, gap: str) -> bool:
    """A single line break after a long line that stops mid-sentence: the mail program's, not the writer's."""
    if gap.count("\n") != 1 or not gap.startswith("\n"):
        return False
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start:at].rstrip()
    return len(line) >= WRAPPED_LINE and (line[-1:].isalnum() or line.endswith((",", ";", "-")))


def _windows(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if len(text[start:end].split(maxsplit=MAX_WORDS)) <= MAX_WORDS:  # most sentences: no need to find each word
        yield start, end
        return
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    # Overlapping windows: a disclosure that straddles a cut is still seen whole once.
    step = MAX_WORDS // 2
    for first in range(0, len(words) - step, step):
        last = min(first + MAX_WORDS, len(words)) - 1
        yield start + words[first][0], start + words[last][1]


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in spans(text)]
