"""The ages of the young people a representative writes about: "Sophie (13)", "aged 15", "a 14-year-old", "who
turned 11 in April", "she's now 13" (not the writer's own: "I'm 22", "I've just turned 30").

Why: a representative for a child under 12 needs no consent (there is no view to seek); for 12 and over, or an
unstated age, the young person's consent is checked. Read by intake.eligibility.standing.
"""

from __future__ import annotations

import re

from intake.eligibility.dates import NUMBERS
from intake.eligibility.matching import Analysis

WORDS = "|".join(k for k in NUMBERS if " " not in k and k not in ("a", "an")) + "|thirteen|fourteen|fifteen|sixteen|seventeen"
AGES = re.compile(rf"\b(\d{{1,2}}|{WORDS})[- ](?:year|yr)s?[- ]old\b|\baged? (\d{{1,2}})\b|"
                  rf"\b(?:who|he|she|they|is)(?: is|'s| are|'re)? (\d{{1,2}}|{WORDS})\b(?! (?:years?|months?|weeks?|days?|times) ago)|"
                  r"\b(?:man|woman|girl|boy|person) of (\d{1,2})\b|\byear (\d{1,2})\b|\b[A-Z][a-z]+ \((\d{1,2})\)|"
                  # "who turned 11 in April", "she's now 13": an age said as a birthday passed
                  rf"\b(?:turned|turns|is now|'s now|will be) (\d{{1,2}}|{WORDS})\b"
                  r"(?! (?:years?|months?|weeks?|days?|times|minutes))", re.IGNORECASE)
WORD_AGES = {**NUMBERS, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17}


def ages(analysis: Analysis) -> list[int]:
    """Each age said of someone other than the writer ("Year 9" counts as 14)."""
    found = []
    for match in AGES.finditer(analysis.text):
        before = analysis.text[max(0, match.start() - 16):match.start()]  # "I'm 22", "I've just turned 30"
        if re.search(r"\bI(?:'m| am|'ve| have)?(?: just| only| recently)?\s*$", before, re.IGNORECASE):
            continue  # the writer's own age
        value = next(g for g in match.groups() if g)
        age = int(value) if value.isdigit() else WORD_AGES.get(value.lower(), 0)
        found.append(age + 5 if match[0].lower().startswith("year ") else age)
    return found
