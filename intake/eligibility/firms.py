"""A firm that writes as "we" and signs with its name: "Yours faithfully, Mallory & Quinn Solicitors", "Holt Ferraby LLP".

Why: solicitors rarely say "on behalf of" in the first line; they write "We write in relation to Kyle's detention" under
"Re: Kyle Adebayo (15)" and sign with the firm's name. A firm signing a letter that speaks as "we" acts for someone,
so standing.py reads the writer as a representative (and asks for the young person's consent where one is named).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

# The firm's name on a line of its own: capitalised words ending in what a law firm calls itself.
FIRM = re.compile(r"^[ \t]*(?:(?-i:[A-Z])[\w&'.,-]*[ \t]+|&[ \t]+){1,6}(?:Solicitors|LLP|Law|Legal|Law[ \t]+Practice|"
                  r"Legal[ \t]+Services|Solicitors[ \t]+LLP|Chambers)[ \t]*$", re.MULTILINE)
WE_WRITE = re.compile(r"\b(?:we|our firm)\s+(?:write|are writing|have been|act|ask|enclose|would be grateful|should be grateful)\b",
                      re.IGNORECASE)
TAIL = 200  # characters at the end where a sign-off sits


def signed_sentences(analysis: Analysis) -> set[int]:
    """The sentence holding a firm's sign-off, when the letter speaks as "we"; else none."""
    text = analysis.text
    tail_start = max(0, len(text) - TAIL)
    match = FIRM.search(text, tail_start)
    if match is None or not WE_WRITE.search(text[:match.start()]):
        return set()
    return {analysis.sentence_of_char(match.start() + len(match[0]) - len(match[0].lstrip()))}
