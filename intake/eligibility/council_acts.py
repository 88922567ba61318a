"""Clauses where children's social care acts on a court's order rather than the court deciding.

"My son's social worker told his football coach about his care order": the social worker is the one who acted;
the order is only what they spoke of. A clause whose first named actor is children's social care's own people
(a social worker, a team, a manager), and whose only court words are an order named after them, is about what
the council did, as "the council isn't doing what the court said" is (intake.eligibility.naming.court_clauses leaves it out).
"""

from __future__ import annotations

from intake.eligibility import leave_given
from intake.eligibility.matching import Analysis

# The last word of an actor who can act: a person or a team, not a plan or an allowance.
PEOPLE = frozenset({"worker", "workers", "team", "manager", "services", "service", "officer", "iro", "adviser",
                    "advisor", "advisers", "advisors", "pa", "sw", "care", "department", "chair"})
# Court words that are only the order spoken of; a judge, a court or a hearing in the clause is the court acting.
ORDERS = frozenset({"order", "orders"})


def clauses(analysis: Analysis) -> set[int]:
    """Clauses in which children's social care's people are named before any court word."""
    doc = analysis.doc
    first_court: dict[int, int] = {}
    judged = set()  # "the social worker lied and the judge believed her": the court still decides in the clause
    for found in analysis.all("court_decision.court"):
        first_court[found.clause] = min(first_court.get(found.clause, found.start), found.start)
        if doc[found.end - 1].lower_ not in ORDERS:
            judged.add(found.clause)
    return {f.clause for f in analysis.all("childrens_social_care.actors") if doc[f.end - 1].lower_ in PEOPLE
            and f.clause in first_court and f.clause not in judged and f.end <= first_court[f.clause]}


JOINS = frozenset({"and", "then", ",", "but", "so", "after", "since"})


def acts_after(analysis: Analysis, clause: int) -> bool:
    """"The court made a care order and then the social worker stopped all my contact": after the court's words,
    children's social care's people start a second subject of their own; what they did is complained of too."""
    doc = analysis.doc
    court = [f.start for f in analysis.all("court_decision.court") if f.clause == clause]
    if not court:
        return False
    return any(f.clause == clause and f.start > min(court) and doc[f.end - 1].lower_ in PEOPLE
               and any(t.lower_ in JOINS for t in doc[max(min(court), f.start - 4):f.start])
               and not _uses_the_order(analysis, f.end, clause)
               and not leave_given.welcomed(analysis, f)  # "..., the social worker can still visit if she wants"
               for f in analysis.all("childrens_social_care.actors"))


def _uses_the_order(analysis: Analysis, end: int, clause: int) -> bool:
    """"... and now the social worker uses it to stop me seeing my kids": acting on the order, which is what is
    challenged, not a failure of their own."""
    doc = analysis.doc
    after = [t.lower_ for t in doc[end:min(len(doc), end + 6)] if analysis.clause_of_token(t.i) == clause]
    return bool({"it", "order", "orders"} & set(after))
