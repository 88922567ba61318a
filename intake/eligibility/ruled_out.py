"""Children's social care named only to be ruled out: "Nobody from social services was involved", "the social
worker wasn't involved", "... had nothing to do with it". Then another body the writer complains of is the
subject, as if children's social care had not been named ("Nobody from social services came" is still a
complaint about it: not coming is what is complained of). Likewise named only as on the writer's side, as
what the child is ("he is also a child in need"), or as knowing of it ("His social worker knows all about it.").

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
ADVERBS = frozenset({"also", "still", "now", "already", "currently", "both", "all"})


def described(analysis: Analysis, found: Found) -> bool:
    """"She is a child in need", "he is also a child in need", "as a looked-after child": what the child is, not who
    acted."""
    doc = analysis.doc
    words = doc[found.start:found.end].text.lower()
    if found.start < 2 or doc[found.start - 1].lower_ not in ("a", "an"):
        return False
    verb = found.start - 2 - (doc[found.start - 2].lower_ in ADVERBS and found.start > 2)
    return doc[verb].lower_ in BEING and words.endswith(("child", "children", "child in need", "children in need"))


# "His social worker knows all about it.", "The social worker is aware.": named as knowing, and nothing more said
# of them in the sentence; present tense only ("the social worker knew and did nothing" is complained of).
AWARE = re.compile(r"^(?:\s+(?:knows|is aware|are aware|has been told|have been told|has been informed|have been informed|"
                   r"is in the loop|is fully aware|has been kept informed|know))(?:\s+(?:all|everything|about|of)){0,2}"
                   r"(?:\s+(?:it|this|that|everything|the\s+\w+))?\s*[.!]?\s*$")


def only_aware(analysis: Analysis, found: Found) -> bool:
    """Named only as knowing of the matter, at the end of the sentence: a mention, not the complaint's subject."""
    doc = analysis.doc
    sent = doc[found.start].sent
    return AWARE.match(" " + doc[found.end:sent.end].text.lower()) is not None


def mentioned_only(analysis: Analysis, found: Found) -> bool:
    """Named as on the writer's side, as what the child is, or as knowing of the matter: not who acted."""
    return on_our_side(analysis, found) or described(analysis, found) or only_aware(analysis, found)
