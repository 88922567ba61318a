"""A story told in order: what comes before "then <a dated day>" happened before that day.

"Last Christmas the social worker promised he could come home ... and then on the 30th December 2025 the team
manager rang": received on 31 December 2026, "last Christmas" alone reads as six days before receipt, but the
writer tells it before a day they dated themselves with "then", so it is the Christmas before that day. A date
with no written year, told earlier in the text than a day with its year written and introduced by "then" ("after
that", "later"), that resolves to after that day is moved back a year when that puts it shortly before the day
(within two months): the order of the story fixes the year the date alone left open. Used by
intake.eligibility.dates.anchor.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from intake.eligibility.date_forms import months_before

if TYPE_CHECKING:
    from intake.eligibility.dates import DateMention

THEN = re.compile(r"\b(?:then|after\s+that|afterwards|later)\s+(?:on\s+|in\s+)?(?:the\s+)?$", re.IGNORECASE)
WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SHORTLY = 62  # days: how far before the dated day the moved date may fall
LOOK_BACK = 25  # characters before the dated day in which "then" is read


def in_order(mentions: list[DateMention], text: str) -> list[DateMention]:
    """The mentions, with any told before a "then <day with its year>" and resolved after it moved back a year."""
    result = list(mentions)
    for fixed in mentions:
        if (not WRITTEN_YEAR.search(text[fixed.start:fixed.end])
                or not THEN.search(text[max(0, fixed.start - LOOK_BACK):fixed.start])):
            continue
        for i, told in enumerate(result):
            if (told.start >= fixed.start or told.since or told.earliest <= fixed.latest
                    or WRITTEN_YEAR.search(text[told.start:told.end])):
                continue
            latest = months_before(told.latest, 12)
            if latest <= fixed.latest and (fixed.latest - latest).days <= SHORTLY:
                result[i] = dataclasses.replace(told, earliest=months_before(told.earliest, 12), latest=latest, year=None)
    return result
