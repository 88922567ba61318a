"""Is the complaint about a court's decision? Courts are outside the procedure (legal advice instead)."""

from __future__ import annotations

import re

from intake.eligibility.matching import first_hit
from intake.item import Hit

PATTERN = re.compile(
    r"\b(the (judge|magistrates?|family court|court) (decided|ruled|ordered|made)|"
    r"(appeal|overturn|challenge) the (court|judge'?s?|care order|court'?s?) (decision|order|ruling)|"
    r"court'?s (decision|ruling|judgment) (was|is) wrong)\b", re.I)


def check(text: str) -> Hit | None:
    return first_hit(PATTERN, text, "court_decision",
                     "The complaint is about a decision made by a court, which the procedure cannot change.")
