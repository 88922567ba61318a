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


# "Her social worker said to complain to you", "knows all about it and agrees it's unfair", "wrote a letter of
# support which admissions ignored": children's social care on the writer's side, or sending them here.
ON_OUR_SIDE = re.compile(r"^(?:\s+[\w']+){0,6}?\s+(?:said|told me|told us|suggested|advised me|advised us)\s+(?:i |we )?"
                         r"(?:to |should )?(?:complain|write|make a complaint)\b|"
                         r"^(?:\s+[\w']+){0,6}?\s+(?:agrees|agreed)\s+(?:it|it's|it is|it was|that|with (?:me|us))\b|"
                         r"^(?:\s+[\w']+){0,3}?\s+(?:wrote|sent|gave)\s+(?:a |us a |me a |them a )?(?:letter|report) of support\b")


def on_our_side(analysis: Analysis, found: Found) -> bool:
    """Named as the one who backed the writer or sent them to complain: a referral, not the complaint's subject."""
    doc = analysis.doc
    sent = doc[found.start].sent
    return ON_OUR_SIDE.match(" " + doc[found.end:min(sent.end, found.end + 14)].text.lower()) is not None


BEING = frozenset({"is", "was", "'s", "as", "being", "are", "were"})


def described(analysis: Analysis, found: Found) -> bool:
    """"She is a child in need", "as a looked-after child": what the child is, not who acted."""
    doc = analysis.doc
    words = doc[found.start:found.end].text.lower()
    return (found.start >= 2 and doc[found.start - 1].lower_ in ("a", "an") and doc[found.start - 2].lower_ in BEING
            and words.endswith(("child", "children", "child in need", "children in need")))
