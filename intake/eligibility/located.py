"""A social worker seen somewhere is still a social worker: "one of your social workers in the car park".

intake.eligibility.subjects.works_elsewhere reads "the staff at the leisure centre" and "a woman from the housing
team" as the other body's or service's people. That holds for a word that says nothing of who employs them ("staff",
"woman", "officer"), but a role that names children's social care ("social workers", "duty worker", "family support
worker") followed by "in" or "at" a place says where they were, not whose they are: "your social workers in the car
park", "the contact worker at the leisure centre". "From" ("a social worker from the hospital") still says whose.
"""

from __future__ import annotations

from intake.eligibility import subjects
from intake.eligibility.matching import Analysis, Found

WHERE = frozenset({"in", "at", "outside", "near"})


def works_elsewhere(analysis: Analysis, found: Found, groups: list[Found]) -> bool:
    """subjects.works_elsewhere, except for a named social care role that was only somewhere."""
    return subjects.works_elsewhere(analysis, found, groups) and not only_located(analysis, found)


def only_located(analysis: Analysis, found: Found) -> bool:
    """"your social workers in the car park": a role naming children's social care, then where it was."""
    doc = analysis.doc
    named_role = any(t.is_alpha and t.lower_ not in subjects.PEOPLE and t.lower_ not in ("the", "a", "an")
                     for t in doc[found.start:found.end])
    return named_role and found.end < len(doc) and doc[found.end].lower_ in WHERE
