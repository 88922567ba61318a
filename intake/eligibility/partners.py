"""A parent's new partner, said by the relationship rather than by the word "partner".

"I've been with Kerry for about six months and I've moved in. Her son is on a plan.": the writer is going out with,
or living with, a named adult, and the child is that adult's ("her son", "his kids"), not the writer's. A new partner
has no standing of their own (the labelling rule's "new partner"), so the writer's standing is unclear. Both halves
are needed: "I've been with Mark and Julie for two years" alone is how a young person speaks of foster carers, and
"her son" alone is anyone's story. Read by intake.eligibility.writer.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

# "I've been with Kerry for six months", "I have been seeing Dan since March", "I moved in with Leanne last year".
TOGETHER = re.compile(r"\b(?:i(?:'ve|\s+have)\s+been\s+(?:with|seeing|dating|going\s+out\s+with|in\s+a\s+relationship\s+with|"
                      r"together\s+with)|i(?:'ve|\s+have)?\s+moved\s+in\s+with)\s+(?-i:[A-Z][a-z]+)\b(?!\s+and\s+(?-i:[A-Z]))",
                      re.IGNORECASE)
# "Her son is on a plan", "his kids": the child is the other adult's.
THEIR_CHILD = re.compile(r"\b(?:her|his)\s+(?:son|sons|daughter|daughters|kids|children|boy|boys|girl|girls|little\s+one|baby)\b",
                         re.IGNORECASE)


def sentences(analysis: Analysis) -> set[int]:
    """Sentences in which the writer says they are together with a named adult whose child the message is about."""
    if not THEIR_CHILD.search(analysis.text):
        return set()
    return {analysis.sentence_of_char(m.start()) for m in TOGETHER.finditer(analysis.text)}
