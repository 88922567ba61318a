""""I want it ended now": asking for "it" to be undone, just after a court's order, asks for the order to be undone.

"The supervision order the magistrates made in February is far too long. Twelve months of social workers in my
house for something that happened once. I want it ended now." The "it" stands for the last thing complained of: the
order, two sentences back, as long as no sentence between complains of children's social care itself ("... The
social worker stopped my contact. I want it stopped." asks about the social worker's act, not the order).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

IT_UNDONE = re.compile(r"\b(?<!n't )(?<!not )(?:want|wants|asking for|ask for|would like|'d like|request|need)\s+"
                       r"(?:it|them)\s+(?:to be\s+)?(?:ended|stopped|overturned|set aside|reversed|cancell?ed|canceled|"
                       r"discharged|revoked|lifted|quashed|undone|thrown out|scrapped|shortened|reconsidered|"
                       r"looked at again)\b", re.IGNORECASE)
REACH = 2  # sentences back from "it" to the court's order


def it_undone(analysis: Analysis, court: list[int], csc: list[int]) -> bool:
    """Does a request to undo "it" stand for the court's order named in the sentences just before?"""
    return bool(sentences(analysis, court, csc))


def sentences(analysis: Analysis, court: list[int], csc: list[int]) -> set[int]:
    """The sentences asking for "it" to be undone where "it" is the court's order named just before."""
    complaining = analysis.sentences_with("sentences.negative") & set(csc)
    found = set()
    for match in IT_UNDONE.finditer(analysis.text):
        sentence = analysis.sentence_of_char(match.start())
        before = [c for c in court if 0 <= sentence - c <= REACH]
        if before and not any(max(before) < i <= sentence for i in complaining):
            found.add(sentence)
    return found
