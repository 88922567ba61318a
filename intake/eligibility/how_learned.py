"""How the writer came to know, or came to complain now: the sentence after a reason for the delay.

"I did not know there was a procedure. My friend told me last week.", "I was too scared to say. My counsellor said
I should raise it this year.": the sentence after the reason belongs to it, and its date is the learning's or the
prompting's, not the matter's (which would otherwise look in time). Read by intake.eligibility.delay_reasons.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

# "I did not know there was a complaints procedure. My friend told me last week.": how the writer came to know,
# said in the sentence after the reason, is part of it (its date is the learning's, not the matter's).
LEARNED = re.compile(r"\b(?:told|tell|mentioned|explained|showed)\s+(?:me|us)\b|\b(?:found out|heard|learn(?:ed|t)|"
                     r"realised|realized)\b", re.IGNORECASE)
# "My counsellor said I should raise it", "a friend encouraged me to complain": what prompted the writer to complain
# now, said in the sentence after the reason, is part of it too (its date is the prompting's, not the matter's).
PROMPTED = re.compile(r"\b(?:said|says|thought|suggested|felt)\s+(?:that\s+)?(?:i|we)\s+(?:should|could|ought to|must)\s+"
                      r"(?:\w+\s+)?(?:raise|complain|report|write|make|put|get|take|tell|bring)\b|"
                      r"\b(?:encouraged|advised|urged|persuaded|pushed|helped)\s+(?:me|us)\s+to\s+(?:\w+\s+)?"
                      r"(?:raise|complain|report|write|make|put|take|bring)\b", re.IGNORECASE)


# "Our new social worker told us about it just before Christmas", "a family support worker told me about the
# complaints procedure": someone telling the writer about complaining (not about the matter) is how they learned,
# whoever told them; "the social worker told me about the move" is the matter.
TOLD_OF_COMPLAINING = re.compile(r"\b(?:told|tell|mentioned|explained|showed)\s+(?:me|us)\s+(?:all\s+)?about\s+"
                                 r"(?:it|this|that|the\s+(?:complaints?\s+)?(?:procedure|process|system)|"
                                 r"(?:how\s+to\s+)?complain\w*)\b", re.IGNORECASE)
# "In May this year I found out from my sister that back in 2024 ...": the date said before "that" is the learning's,
# the one after it the matter's. Only the writer's own learning counts.
LEARNED_THAT = re.compile(r"\b(?:i|we)\s+(?:only\s+|first\s+|just\s+)?(?:found out|learn(?:ed|t)|discovered|realised|"
                          r"realized|heard|was told|were told|came to know)\b[^.!?]{0,60}?\bthat\b", re.IGNORECASE)


def after(analysis: Analysis, reasons: set[int]) -> set[int]:
    """The sentence after a reason telling how the writer learned, naming nobody complained of (or, with a reason
    given anywhere, a sentence whose first part says when the writer learned of the matter)."""
    named = analysis.sentences_with("childrens_social_care.actors") | {
        f.sentence for g in analysis.rules.groups for f in analysis.all(f"{g.kind}.{g.name}")}
    ours = analysis.sentences_with("childrens_social_care.actors")
    found = {i + 1 for i in reasons if i + 1 < len(analysis.sentence_bounds) and (
        ((text := analysis.sentence_text(i + 1)) and i + 1 not in named and LEARNED.search(text))
        or TOLD_OF_COMPLAINING.search(text) or (i + 1 not in ours and PROMPTED.search(text)))}
    if reasons:
        found |= {i for i in range(len(analysis.sentence_bounds)) if LEARNED_THAT.search(analysis.sentence_text(i))}
    return found
