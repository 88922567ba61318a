"""Whose consent? The writer's own, or a court's or an official's, is not a young person's.

"Your duty worker rang my employer ... I had not given consent": a parent talks of their own consent to sharing,
and "the judge should never have agreed to adoption" of a court's. Neither is a young person agreeing to be
represented, so neither makes the writer a representative. The giver is whoever stands right before the consent
words, with only auxiliaries, negations and adverbs between: "I", "we", a court, or one of the council's or another
body's people. "I have been given consent" and "she has agreed" stay the young person's.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis, Found

WRITERS = frozenset({"i", "we"})
# What may stand between the giver and the consent words: auxiliaries, modals, negations, adverbs.
BETWEEN = frozenset({"had", "have", "has", "'d", "'ve", "did", "do", "does", "not", "n't", "never", "ever", "already",
                     "certainly", "definitely", "at", "all", "would", "will", "'ll", "wo", "could", "ca", "can",
                     "should", "shall", "must", "may", "might", "just", "simply", "also", "then", "apparently",
                     "gave", "give", "given"})
WINDOW = 6
# Words inside the consent phrase that make it someone else's, held by the writer: "her permission", "asked me to".
SOMEONE_ELSES = frozenset({"her", "his", "their", "me", "us"})
# Lists whose words, right before the consent words, name an official or a body, not a young person.
OFFICIALS = ("court_decision.court", "childrens_social_care.actors", "childrens_social_care.council")


def not_the_young_persons(analysis: Analysis, found: Found) -> bool:
    """Is the consent at `found` the writer's own ("I had not given consent") or an official's ("the judge agreed")?"""
    doc = analysis.doc
    start = analysis.sent(found.start).start
    ends = {f.end for key in (*OFFICIALS, *(f"{g.kind}.{g.name}" for g in analysis.rules.groups))
            for f in analysis.all(key) if f.sentence == found.sentence}
    for i in range(found.start - 1, max(start, found.start - WINDOW) - 1, -1):
        if i + 1 in ends:
            return True  # "the judge should never have agreed", "the school has agreed"
        if doc[i].lower_ in WRITERS:  # "I had not given consent"; not "I have her permission", "we have his blessing"
            return not any(t.lower_ in SOMEONE_ELSES for t in doc[found.start:found.end])
        if doc[i].lower_ not in BETWEEN:
            return False
    return False
