"""Dates as real mail tells them: a season or holiday with its year said after it; a year in brackets.

"Over the summer holidays the year before last", "in the Easter holidays last year", "at
half-term two years ago": the season and the relative year are one date, the season in that
year; the year alone is not a later event. "On Christmas Eve last year (2024)": the year in brackets
glosses the date before it and is no event of its own. Used by intake.eligibility.dates.find_dates.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from intake.eligibility.date_forms import months_before

if TYPE_CHECKING:
    from intake.eligibility.dates import DateMention

# the season or holiday, as written
SEASONAL = re.compile(r"(?:the\s+)?(?:spring|summer|autumn|winter|christmas|easter|whitsun|may|october|february)"
                      r"(?:\s+(?:half[- ]term|holidays?|hols|break))?$", re.IGNORECASE)
# between them: nothing, or the holiday word ("the summer | holidays | the year before last")
# ... or a preposition before a year: "the Easter holidays in 2026", "New Year's Eve of last year"
BETWEEN = re.compile(r"^\s*(?:half[- ]term|holidays?|hols|break)?\s*(?:(?:in|of|during)\s+)?$", re.IGNORECASE)
# the year said after it, counted back from receipt
GLOSS = re.compile(r"^\s*[(\[]\s*$")
RELATIVE_YEAR = re.compile(r"^(?:last\s+year|the\s+year\s+before\s+last|(?:\w+|\d{1,2})\s+years?\s+ago|"
                           r"(?:19|20)\d\d)$", re.IGNORECASE)


def joined_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A season followed by a year counted back becomes the season of that year; the year is dropped."""
    result: list[DateMention] = []
    skip = -1
    for i, mention in enumerate(mentions):
        if i == skip:
            continue
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if (after is not None and mention.year is None
                and (SEASONAL.search(text[mention.start:mention.end]) or mention.floating)
                and BETWEEN.match(text[mention.end:after.start])
                and RELATIVE_YEAR.match(text[after.start:after.end].strip())):
            back = 12 * max(0, mention.latest.year - after.latest.year)
            earliest, latest = months_before(mention.earliest, back), months_before(mention.latest, back)
            mention = dataclasses.replace(mention, end=after.end, earliest=earliest, latest=latest,
                                          year=after.latest.year, floating=False)
            skip = i + 1
        elif (after is not None and GLOSS.match(text[mention.end:after.start]) and after.year == mention.latest.year
              and text[after.start:after.end].strip().isdigit()):
            skip = i + 1  # "(2024)" after a date in 2024
        result.append(mention)
    return result
