"""Thanks that sum up a clause: "Your social worker visited, saw it was nothing, and closed it within a week, which I
was grateful for."

A "which ..." of thanks at the end of a clause judges everything before it, so the complaint words inside ("it was
nothing", "never had to come back") are the story of what was done well, not a complaint about it. Only thanks count
("which I was grateful for", "which we really appreciated", "which was a relief"); "which I was not happy about" is a
complaint. Read by intake.eligibility.targets.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

THANKS = re.compile(r",?\s*(?:which|and\s+that|something)\s+(?:i|we)\s+(?:was|were|am|are|'m|'re)\s+(?:really\s+|very\s+|so\s+|"
                    r"truly\s+)?(?:grateful|thankful)\s+for\s*[.!]?\s*$|"
                    r",?\s*which\s+(?:i|we)\s+(?:really\s+|very\s+much\s+|truly\s+)?appreciated\s*[.!]?\s*$|"
                    r",?\s*which\s+was\s+(?:a\s+(?:huge\s+|real\s+|great\s+)?relief|(?:really\s+|very\s+)?(?:kind|helpful))\s*[.!]?\s*$",
                    re.IGNORECASE)


# Asked of every clause: most complaints hold no word of thanks at all, so look once for any.
HINT = re.compile(r"grateful|thankful|appreciated|relief|kind|helpful", re.IGNORECASE)


def thanked(analysis: Analysis, clause: int) -> bool:
    """Does the clause end in thanks for what it tells?"""
    hinted = analysis.memo.get("thanks_hinted")
    if hinted is None:
        hinted = analysis.memo["thanks_hinted"] = HINT.search(analysis.text) is not None
    first = analysis.clause_start.get(clause)
    if not hinted or first is None:
        return False
    doc, last = analysis.doc, first
    while last < len(doc) and analysis.clause_of_token(last) == clause:
        last += 1
    return THANKS.search(doc[first:last].text) is not None
