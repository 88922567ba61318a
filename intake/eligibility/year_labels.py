"""A year used as a label for a thing ("the 2019 case", "her 2022 assessment") dates no other day in its sentence.

"On 13 October your duty worker rang my employer and mentioned the 2019 case": "13 October" has no year of its own,
and a year written beside a floating date usually lends it one ("on Christmas Eve 2022 ... home for Christmas"). But
a year between a determiner and a noun names which case, report or review is meant; it says nothing about when the
day in the same sentence was, which stays the latest such day on or before receipt.
"""

from __future__ import annotations

import re

# "the 2019 case", "my 2021 EHCP", "their 2023 report": a determiner or possessive, the year, then a noun.
LABEL = re.compile(r"\b(?:the|a|an|my|his|her|their|our|your|its|that|this)\s+$", re.IGNORECASE)
NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
# Words after a year that still make it a time ("the 2022 summer holidays", "the 2023 school year"): a date.
TIME_WORDS = frozenset({"spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "half-term", "half",
                        "term", "school", "academic", "financial", "tax", "holidays", "holiday", "new", "bank",
                        "january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december", "and", "or", "to", "until", "till"})


def labels_a_thing(text: str, start: int, end: int) -> bool:
    """Is the year written at text[start:end] a label on a noun ("the 2019 case") rather than a time?"""
    if not text[start:end].strip().isdigit():
        return False
    after = NEXT_WORD.match(text, end)
    return (LABEL.search(text[max(0, start - 8):start]) is not None and after is not None
            and after.group(1).lower() not in TIME_WORDS)
