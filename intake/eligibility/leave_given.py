"""Children's social care named only as welcome: "the social worker can come round anyway if she wants".

The writer grants the social worker leave to visit, usually while asking a court's order to end ("I want the
supervision order ended, the social worker can still visit if she likes"): a concession, not a complaint about
them. Only visiting is read so, and only with "anyway", "still" or "if she wants", with no complaint word after
it ("the social worker can turn up whenever she likes without warning" is a complaint). Read by
intake.eligibility.ruled_out beside the other mentions that name no one who acted.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

VISIT = (r"(?:come(?:\s+round|\s+around|\s+over|\s+by|\s+and\s+see\s+\w+)?|visit|pop\s+(?:in|round|by)|drop\s+(?:in|by)|"
         r"check\s+on\s+\w+|see\s+\w+|call\s+(?:in|round))")
WELCOME = re.compile(r"^\s+(?:(?:is|are|'s|'re)\s+(?:still\s+|always\s+|more\s+than\s+)?(?:welcome|free)\s+to\s+"
                     + VISIT + r"|"
                     r"(?:can|could|may)\s+(?:still\s+)?" + VISIT + r"\s+(?:\w+\s+){0,3}?(?:anyway|still|any\s*time|"
                     r"if\s+(?:she|he|they)\s+(?:wants?|likes?|wish(?:es)?|needs?\s+to)))\b", re.IGNORECASE)


def welcomed(analysis: Analysis, found: Found) -> bool:
    """Named only as welcome to visit, with nothing complained of after it in the sentence."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    match = WELCOME.match(" " + analysis.text[doc[found.end - 1].idx + len(doc[found.end - 1]):sent.end_char])
    if match is None:
        return False
    after = doc[found.end - 1].idx + len(doc[found.end - 1]) + match.end() - 1
    return not any(f.sentence == found.sentence and doc[f.start].idx >= after
                   for f in analysis.all("sentences.negative"))
