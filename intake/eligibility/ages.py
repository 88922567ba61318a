"""Matters dated by someone's age: "when I was 11 ... I'm 19 now", "when Leah was 13 ... she is now 16",
"in year 8 ... I'm 16" (school year 8 is age 12 to 13).

Each span is (start, end, earliest, latest): the year of that age, counted back from the age now.
"""

from __future__ import annotations

import datetime as dt
import re

from intake.eligibility.date_forms import months_before

WHO = r"(?:I|he|she|they|[A-Z][a-z]+)"
AGE_THEN = re.compile(rf"\bwhen {WHO} (?:was|were) (?:only |just |about |aged? )?(\d{{1,2}})\b|"
                      r"\b(?:in|at) (?:school )?year (\d{1,2})\b", re.IGNORECASE)
AGE_NOW = re.compile(r"\b(?i:I)(?:'m| am|m) (?:now )?(\d{1,2})(?: years old)?(?: now)?\b(?! (?:years|months|weeks) ago)|"
                     r"\b(?:who|she|he|they) (?:is|are|'s) now (\d{1,2})\b|\bnow (?:aged? )?(\d{1,2})\b")
SCHOOL_YEAR_AGE = 5  # year N ends at age N + 5


def ages(text: str, received: dt.date) -> list[tuple[int, int, dt.date, dt.date]]:
    """Dated mentions of an earlier age, when the age now is said too."""
    now = next((int(n) for m in AGE_NOW.finditer(text) for n in m.groups() if n), None)
    if now is None or now >= 30:
        return []
    found = []
    for then in AGE_THEN.finditer(text):
        age = int(then[1]) if then[1] else int(then[2]) + SCHOOL_YEAR_AGE
        years = now - age
        if 0 < years < 25:
            day = months_before(received, 12 * years)
            found.append((then.start(), then.end(), months_before(day, 12), day))
    return found
