"""Dates of the day a writer took on their role: "we are foster carers (approved 2016)", "we were approved as
adopters in 2019", "I became a kinship carer back in 2018", "registered with you as carers in 2015".

Why: a carer introduces themselves by how long they have cared, and that year is background, not the matter
complained about. Read as an event, it turns a complaint about last month's missing allowance into one out of
time, the costly error. Only the start of a carer's, adopter's or guardian's role counts: "the assessment was
approved in March 2023" is an event and stays one.
"""

from __future__ import annotations

import re

_ROLE = (r"(?:foster(?:ing)?\s+|kinship\s+|special\s+|connected\s+|respite\s+|short[- ]breaks?\s+|family and friends\s+|"
         r"adoptive\s+)?(?:carers?|adopters?|guardians?|parents?|family|families)")
_WHEN = r"(?:(?:back\s+)?in|on|around|during|since)?\s*(?:the\s+)?(?:year\s+)?$"
_BY_US = r"(?:(?:by|with)\s+(?:you|the council|the local authority|your\s+[\w']+(?:\s+team)?)\s+)?"
# The role taken on, then up to a few words, then "in", "on", "back in" or nothing, then the date.
ROLE_START = re.compile(
    r"(?:\(\s*(?:first\s+)?(?:approved|registered|qualified|fostering since|carers? since)\s*(?:as\s+[\w' -]{1,30}?\s*)?"
    r"|\b(?:approved|registered|passed\s+(?:the|our|my)\s+(?:\w+\s+)?panel)\s+" + _BY_US + r"as\s+(?:an?\s+)?"
    r"(?:[\w'-]+\s+){0,2}?" + _ROLE + r"\b[^.!?()\d]{0,25}?"
    r"|\bbecame\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}?" + _ROLE + r"\b[^.!?()\d]{0,25}?"
    r"|\b(?:started|began)\s+(?:fostering|adopting)\b[^.!?()\d]{0,25}?)" + _WHEN, re.IGNORECASE)
# "We are kinship carers and were approved in 2017": "approved" without its role counts only after the writer
# said they are carers ("the plan was approved in 2023" stays an event).
BARE = re.compile(r"\b(?:approved|registered)\s+" + _BY_US + _WHEN, re.IGNORECASE)
WRITER_CARER = re.compile(r"\b(?:we|i)\s*(?:are|am|'re|'m|have been|'ve been)\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}?" + _ROLE
                          + r"\b", re.IGNORECASE)
WINDOW = 80  # characters before the date


def started_role(sentence_before: str) -> bool:
    """Does the date's sentence, up to the date, end with the writer taking on a caring role?"""
    before = sentence_before[-WINDOW:]
    if ROLE_START.search(before):
        return True
    return BARE.search(before) is not None and WRITER_CARER.search(sentence_before) is not None
