"""Is the complaint about another body's work (school, NHS, police)? They have their own routes.

Only a complaint *about* the other body counts: one that mentions a school in
passing while complaining about the social worker stays eligible.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import first_hit
from intake.item import Hit

BODY = r"(the |my (son|daughter|child)'?s? |his |her |their )?(school|head ?teacher|academy|GP|hospital|CAMHS|NHS|police|health visitor)"
PATTERN = re.compile(
    rf"\b(complain(t|ing)? (about|against) {BODY}|{BODY} (has|have) (failed|refused|let)|"
    rf"{BODY} (excluded|suspended|arrested|misdiagnosed))\b", re.I)
SOCIAL_CARE = re.compile(r"\b(social worker|social care|social services|children'?s services|the council)\b", re.I)


def check(text: str) -> Hit | None:
    hit = first_hit(PATTERN, text, "other_organisation",
                    "The complaint is about another organisation, which has its own complaints procedure.")
    if hit and SOCIAL_CARE.search(text):
        return None  # social care is complained about too: it stays in the procedure
    return hit
