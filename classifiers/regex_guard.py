"""Lookahead guards that let a long alternation of patterns skip, at a glance, the lines that cannot match.

`re` tries every alternative of `\\b(?:line1|line2|...)\\b` in turn at every word
boundary of the text, and a lexicon of sixty lines of dozens of words each made
that scan most of the safeguarding screen's cost. A guard such as `(?=hit|kic|pun)`
in front of a line names the first few characters that every match of the line
must begin with; one test of the next few characters then rules the line out.

Each guard is worked out from the line's own parse, and only ever widened where
the analysis cannot follow (a class like \\w, an inline flag, a back-reference:
there it stops, or leaves the line unguarded). So a guard never rejects a match
its line would make: the guarded alternation finds exactly the matches the plain
one finds, in the same order, and only finds them sooner.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Iterable

# (prefix, stopped): every match begins with prefix; stopped says nothing more is known
# after it (the guard's length was reached, or a construct the analysis does not follow).
Prefixes = frozenset[tuple[str, bool]]

PREFIX_LENGTH = 3
MAX_GUARD_ALTERNATIVES = 64
_UNKNOWN: Prefixes = frozenset({("", True)})
_EMPTY: Prefixes = frozenset({("", False)})
_LARGEST_RANGE = 64


def guarded(pattern: str, length: int = PREFIX_LENGTH) -> str:
    """pattern as a non-capturing group, behind a lookahead for its possible first characters.

    A line whose matches can begin in very many ways ("[0-9]+-week-old": a thousand
    three-character starts) gets a shorter guard: a lookahead of a thousand
    alternatives costs more to compile and to try than the line it guards.
    """
    found = prefixes(pattern, length)
    while len(found) > MAX_GUARD_ALTERNATIVES and length > 1:
        length -= 1
        found = prefixes(pattern, length)
    return f"(?={'|'.join(re.escape(p) for p in sorted(found))})(?:{pattern})" if found else f"(?:{pattern})"


def first_characters(patterns: Iterable[str]) -> str | None:
    """A class of the characters any match of any of patterns starts with, or None when any could start anyhow."""
    firsts: set[str] = set()
    for pattern in patterns:
        found = prefixes(pattern, 1)  # what a longer guard begins with, and far cheaper to work out
        if not found:
            return None
        firsts |= found
    return "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"


def prefixes(pattern: str, length: int = PREFIX_LENGTH) -> set[str]:
    """Non-empty strings of at most length characters, one of which begins every match; empty if unknown."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return set()
    if parsed.state.flags & ~re.UNICODE.value:  # case folding, verbose, ...: not followed
        return set()
    found = {text for text, _ in _sequence(list(parsed), length)}
    if "" in found:
        return set()
    # "hit" makes "hits" redundant: keep the shortest of each chain.
    return {p for p in found if not any(p[:k] in found for k in range(1, len(p)))}


def _sequence(items: list[tuple[Any, Any]], length: int) -> Prefixes:
    current: set[tuple[str, bool]] = {("", False)}
    for op, argument in items:
        following: set[tuple[str, bool]] = set()
        for text, stopped in current:
            if stopped or len(text) >= length:
                following.add((text, True))
                continue
            for more, more_stopped in _item(op, argument, length - len(text)):
                joined = text + more
                following.add((joined, more_stopped or len(joined) >= length))
        current = following
    return frozenset(current)


def _item(op: Any, argument: Any, length: int) -> Prefixes:
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
            else:  # a negated class, a category such as \w: could be anything
                return _UNKNOWN
        return frozenset((ch, False) for ch in chars)
    if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
        return _EMPTY  # zero width; ignoring what it asserts only widens the guard
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = argument
        return _UNKNOWN if add_flags or del_flags else _sequence(list(body), length)
    if op is c.BRANCH:
        return frozenset().union(*(_sequence(list(alternative), length) for alternative in argument[1]))
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT:
        low, high, body = argument
        return _repeat(low, high, list(body), length)
    return _UNKNOWN


def _repeat(low: int, high: int, body: list[tuple[Any, Any]], length: int) -> Prefixes:
    once = _sequence(body, length)
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
            for more, more_stopped in _sequence(body, length - len(text)):
                joined = text + more
                grown.add((joined, more_stopped or len(joined) >= length))
        level = grown
        count += 1
