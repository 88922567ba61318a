"""What every match of a pattern begins with, worked out from the pattern's own parse.

The cue scanner (cue_scanner.py) files each lexicon line under these starts so that
at a word it tries only the lines that could match there; the pattern set
(pattern_set.py) does the same for a list of patterns each found on its own. The analysis is only ever
widened where it cannot follow (a class like \\w, an inline flag, a back-reference:
there it stops, or gives up and says so), so a start set never leaves out a way a
match can begin.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# (prefix, stopped): every match begins with prefix; stopped says nothing more is known
# after it (the length asked for was reached, or a construct the analysis does not follow).
Prefixes = frozenset[tuple[str, bool]]

PREFIX_LENGTH = 3
KEY_LENGTH = 3  # how much of a word the scanners look up
MAX_STARTS = 64
_UNKNOWN: Prefixes = frozenset({("", True)})
_EMPTY: Prefixes = frozenset({("", False)})
_LARGEST_RANGE = 64


def prefixes(pattern: str, length: int = PREFIX_LENGTH, *, ascii_text: bool = False) -> set[str]:
    """Non-empty strings of at most length characters, one of which begins every match; empty if unknown.

    ascii_text: the caller looks these up only where the text is ASCII (and tries the pattern
    in full elsewhere), so \\d may stand for 0-9 and a pattern compiled with IGNORECASE is
    answered in lower case, to be compared with the text lowered.
    """
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return set()
    if parsed.state.flags & ~re.UNICODE.value:  # case folding, verbose, ...: not followed
        return set()
    found = {text for text, _ in _sequence(list(parsed), length, ascii_text)}
    if "" in found:
        return set()
    if ascii_text:
        found = {text.lower() for text in found}
    # "hit" makes "hits" redundant: keep the shortest of each chain.
    return {p for p in found if not any(p[:k] in found for k in range(1, len(p)))}


def starts(pattern: str, *, ascii_text: bool = False) -> set[str]:
    """What the pattern's matches begin with, at most KEY_LENGTH characters; fewer where it begins in very many ways.

    A line such as `[0-9]+-week-old` begins in a thousand ways at three characters: filing it
    under ten at one costs nothing at a word and saves compiling and holding the thousand.
    """
    length = KEY_LENGTH
    found = prefixes(pattern, length, ascii_text=ascii_text)
    while len(found) > MAX_STARTS and length > 1:
        length -= 1
        found = prefixes(pattern, length, ascii_text=ascii_text)
    return found


def trie(keys: set[str]) -> str:
    """A pattern for keys as a trie, `a|b(?:e|iu)`: each branch begins with its own character,
    which `re` checks before entering it, so a word that begins no key is passed over at once."""
    if "" in keys:  # a shorter start already matched: nothing more is needed
        return ""
    branches = []
    for first in sorted({key[0] for key in keys}):
        rest = trie({key[1:] for key in keys if key[0] == first})
        branches.append(re.escape(first) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(branches)


def may_be_empty(pattern: str) -> bool:
    """Whether a match could hold no characters: it matches the empty text, or looks around."""
    return re.fullmatch(f"(?:{pattern})", "") is not None or any(a in pattern for a in ("(?=", "(?!", "(?<"))


def _sequence(items: list[tuple[Any, Any]], length: int, ascii_text: bool = False) -> Prefixes:
    current: set[tuple[str, bool]] = {("", False)}
    for op, argument in items:
        following: set[tuple[str, bool]] = set()
        for text, stopped in current:
            if stopped or len(text) >= length:
                following.add((text, True))
                continue
            for more, more_stopped in _item(op, argument, length - len(text), ascii_text):
                joined = text + more
                following.add((joined, more_stopped or len(joined) >= length))
        current = following
    return frozenset(current)


def _item(op: Any, argument: Any, length: int, ascii_text: bool) -> Prefixes:
    c = sre_constants
    if op is c.LITERAL:
        return frozenset({(chr(argument), False)})
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in argument:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < _LARGEST_RANGE:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            elif ascii_text and kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:  # a negated class, a category such as \w: could be anything
                return _UNKNOWN
        return frozenset((ch, False) for ch in chars)
    if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
        return _EMPTY  # zero width; ignoring what it asserts only widens the guard
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = argument
        return _UNKNOWN if add_flags or del_flags else _sequence(list(body), length, ascii_text)
    if op is c.BRANCH:
        return frozenset().union(*(_sequence(list(alternative), length, ascii_text) for alternative in argument[1]))
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT:
        low, high, body = argument
        return _repeat(low, high, list(body), length, ascii_text)
    return _UNKNOWN


def _repeat(low: int, high: int, body: list[tuple[Any, Any]], length: int, ascii_text: bool) -> Prefixes:
    once = _sequence(body, length, ascii_text)
    if ("", False) in once:  # the body can match nothing: not followed
        return _UNKNOWN
    found: set[tuple[str, bool]] = set()
    level: set[tuple[str, bool]] = {("", False)}  # the prefixes of exactly `count` repetitions
    count = 0
    while True:
        if count >= low:
            found |= level
        if count == high or all(stopped for _, stopped in level):
            if count < low:  # all stopped before the least number of repetitions: those prefixes stand
                found |= level
            return frozenset(found)
        grown: set[tuple[str, bool]] = set()
        for text, stopped in level:
            if stopped:
                grown.add((text, True))
                continue
            for more, more_stopped in _sequence(body, length - len(text), ascii_text):
                joined = text + more
                grown.add((joined, more_stopped or len(joined) >= length))
        level = grown
        count += 1
