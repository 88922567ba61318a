"""Whose decision? A decision word that names its owner refers back to no court.

"The court order isn't the issue. I'm complaining about the council's decision": "decision" after a court's order
usually stands for it ("I want this decision overturned"), but a decision someone else is said to own ("the council's
decision", "the social worker's final decision", "your decision", "the team manager's ruling") is that owner's act.
Only a decision with no owner ("this decision", "the decision") or the court's own ("the judge's decision") can stand
for what a court decided.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis

# Words that may stand for a court's decision named before ("I want this decision overturned").
REFERS_BACK = frozenset({"order", "decision", "ruling", "judgment", "judgement"})
# Owners that are a court: their decision is still the court's ("the judge's decision", "the magistrates' ruling").
COURT_OWNERS = frozenset({"court", "courts", "judge", "judges", "magistrate", "magistrates", "bench", "justices",
                          "justice", "tribunal", "recorder"})
# Possessive words that name an owner who is not a court: the council written to ("your decision"), the writer
# ("my decision", "our decision").
NOT_A_COURT = frozenset({"your", "my", "our"})
POSSESSIVE_MARKS = frozenset({"'s", "'", "s'"})
# Words that may stand between an owner and the decision: "the council's own final decision".
BETWEEN = 2


def owned(analysis: Analysis, token: int) -> bool:
    """Is the decision word at `token` owned by someone other than a court ("the council's decision")?"""
    doc = analysis.doc
    start = analysis.sent(token).start
    i = token - 1
    for _ in range(BETWEEN + 1):
        if i < start:
            return False
        word = doc[i].lower_
        if word in NOT_A_COURT:
            return True
        if word in POSSESSIVE_MARKS or word.endswith("'s"):
            owner = doc[i - 1].lower_ if word in POSSESSIVE_MARKS and i > start else word.removesuffix("'s")
            return owner not in COURT_OWNERS
        if not doc[i].is_alpha or word in ("the", "this", "that", "a", "an", "his", "her", "their", "its"):
            return False
        i -= 1
    return False


def refers_back(analysis: Analysis, token: int) -> bool:
    """May the word at `token` stand for a court's decision named before ("this decision"; not "your decision")?"""
    return analysis.doc[token].lower_ in REFERS_BACK and not owned(analysis, token)
