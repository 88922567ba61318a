"""Shared helper for the phrase rules: first match, with its sentence."""

from __future__ import annotations

import re

from classifiers.base import sentence_containing
from intake.item import Hit


def first_hit(pattern: re.Pattern[str], text: str, code: str, sentence: str) -> Hit | None:
    match = pattern.search(text)
    if match is None:
        return None
    return Hit("check_eligibility", code, sentence, sentence_containing(text, match.start(), match.end()))
