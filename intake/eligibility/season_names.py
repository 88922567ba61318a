""""Summer (15)", "my niece Autumn", "Summer has only now said": a season's word that is someone's name, not a date.

A bare season read as a date takes the latest such season before receipt, so a girl called Summer made a matter
of two years ago look in time. Written as a date, a season comes with a word before it ("in the summer", "last
autumn", "over summer", "all winter") or opens the sentence; a capitalised season with none of those before it,
and one followed by an age in brackets or by a verb of speaking or feeling, is a name.
"""

from __future__ import annotations

import re

SEASON_WORD = re.compile(r"(?:Spring|Summer|Autumn|Winter)")
# Words a season written as a date comes after.
DATE_WORDS = frozenset({"in", "the", "last", "this", "that", "over", "during", "since", "until", "till", "by", "from",
                        "before", "after", "next", "early", "late", "all", "every", "each", "of", "through",
                        "throughout", "mid", "around", "a", "one", "following", "previous", "whole", "same",
                        "for", "at", "to", "and", "or", "past"})
# After the word: an age in brackets, or a verb a person does ("Summer says", "Summer has told me").
PERSON_AFTER = re.compile(r"^\s*(?:\(\s*\d{1,2}\s*\)|(?:says|said|told|tells|wants|wanted|feels|felt|asked|"
                          r"thinks|thought|doesn't|didn't|can't|won't)\b)")


def a_name(text: str, start: int, end: int) -> bool:
    """The date found at text[start:end] is a capitalised season standing alone: someone's name."""
    if not SEASON_WORD.fullmatch(text[start:end]):
        return False
    if PERSON_AFTER.match(text[end:end + 12]):
        return True
    before = re.findall(r"[\w']+|[.!?\n]", text[max(0, start - 30):start])
    return bool(before) and before[-1].lower() not in DATE_WORDS and before[-1] not in ".!?\n"
