"""A body named as a fact a report got wrong, not as the body complained of.

"The assessment ... gets my daughter's school wrong", "the report got his GP's name wrong", "it has the wrong
school down for her": the school or GP is a detail the council's document misrecorded; the complaint is about the
document (children's social care's work). Read by intake.eligibility.naming.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis, Found

GETS = frozenset({"gets", "got", "get", "getting", "has", "had", "have", "put", "puts", "records", "recorded", "lists",
                  "listed", "names", "named", "gives", "gave"})
BETWEEN = frozenset({"my", "his", "her", "their", "our", "the", "'s", "daughter", "son", "child", "children", "kids",
                     "boy", "girl", "wrong", "even", "also", "both", "name", "names", "address", "details"})
WRONG = frozenset({"wrong", "incorrect", "incorrectly", "wrongly", "down", "mixed"})
REACH = 5


def got_wrong(analysis: Analysis, found: Found) -> bool:
    """Is the body named between "gets"/"has" and "wrong" (or after "the wrong")?"""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    if found.start >= 2 and doc[found.start - 1].lower_ == "wrong" and doc[found.start - 2].lower_ == "the":
        before = {t.lower_ for t in doc[max(sent.start, found.start - 4):found.start - 2]}
        return bool(before & GETS)  # "it has the wrong school down for her"
    i = found.start - 1
    while i >= sent.start and found.start - i <= REACH and doc[i].lower_ in BETWEEN:
        i -= 1
    if i < sent.start or doc[i].lower_ not in GETS:
        return False
    after = [t.lower_ for t in doc[found.end:min(sent.end, found.end + 3)]]
    return bool(after) and (after[0] in WRONG or (after[0] in BETWEEN and len(after) > 1 and after[1] in WRONG))
