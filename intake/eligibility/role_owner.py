"""Whose role a no-standing word names: the writer's own, or someone else's.

"his football coach", "her old youth club coach", "his new wife" are roles of other people, named in the story; and
"I live two doors down from my daughter" says where a parent lives, not that a neighbour writes. Asked by
intake.eligibility.writer before a no-standing word makes the writer's standing unclear.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

OTHERS_OWN = frozenset({"his", "her", "their", "your"})
# Words that end the look back: an introduction ("I'm", "as") or a break ("about", "with", ",").
STOPS = frozenset({"'m", "am", "as", "be", "been", "'re", "are", "was", "about", "with", "to", "by", "for", "from",
                   "that", "who", "because", "and", "but", "at", "of", "told", "said", "asked", "not", "no", "into",
                   "in", "on"})
PLACE_WORDS = ("live", "door", "road", "street", "opposite", "corner")
# "My neighbour is not involved with my family", "He has no role in their care": the sentence opens with someone
# else as the subject of the no-standing words; the writer says it of them, not of themselves.
THIRD_SUBJECT = re.compile(r"^\W*(?!(?:we|us|i|me)\b)(?:(?:(?:my|our|the|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+)?|he|she|they)\s+"
                           r"(?:is|was|has|had|does|did|'s)?|(?-i:[A-Z][a-z]+)\s+(?:is|was|has|had|does|did))\s*$", re.IGNORECASE)


def someone_elses(analysis: Analysis, found: Found) -> bool:
    """"his new wife", "his football coach", "her old youth club coach": a role of someone else's, not the writer's;
    and "I live two doors down from my daughter": where the writer lives, beside their own family, is no neighbour's."""
    doc = analysis.doc
    said = doc[found.start:found.end].text.lower()
    if found.end < len(doc) and doc[found.end].lower_ in ("my", "our") and any(w in said for w in PLACE_WORDS):
        return True
    if THIRD_SUBJECT.match(analysis.text[analysis.sent(found.start).start_char:doc[found.start].idx]):
        return True
    for i in range(found.start - 1, max(-1, found.start - 4), -1):
        if doc[i].lower_ in OTHERS_OWN:
            return True
        if not doc[i].is_alpha or not doc[i].is_lower or doc[i].lower_ in STOPS:
            return False
    return False
