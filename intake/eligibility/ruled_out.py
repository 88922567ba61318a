"""Children's social care named only to be ruled out: "Nobody from social services was involved", "the social
worker wasn't involved", "... had nothing to do with it". Then another body the writer complains of is the
subject, as if children's social care had not been named ("Nobody from social services came" is still a
complaint about it: not coming is what is complained of).

Used by intake.eligibility.naming beside mentions.said_not_about ("..., not the police").
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

NONE_OF = re.compile(r"\b(?:nobody|no one|noone|none|no)\b")
INVOLVED = re.compile(r"(?:was|were|is|are|has been|have been|had been|got) (?:ever |actually )?involved\b")
NOT_INVOLVED = re.compile(r"(?:was|were|is|are|has|have|had)(?: not|n't| never) (?:been )?involved\b|"
                          r"(?:had|has|have) nothing to do with (?:it|this|that)\b")


def not_involved(analysis: Analysis, found: Found) -> bool:
    """"Nobody from social services was involved", "the social worker wasn't involved", "... had nothing to
    do with it": named only to be ruled out ("Nobody from social services came" is still a complaint)."""
    doc = analysis.doc
    sent = doc[found.start].sent
    after = doc[found.end:min(sent.end, found.end + 6)].text.lower()
    before = " ".join(t.lower_ for t in doc[max(sent.start, found.start - 3):found.start])
    if NONE_OF.search(before) and INVOLVED.match(after):
        return True
    return NOT_INVOLVED.match(after) is not None
