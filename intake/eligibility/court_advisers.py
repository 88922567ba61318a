"""The court's own adviser, named with a court decision the writer challenges: Cafcass beside the court.

Cafcass (a children's guardian, a Cafcass officer) works only inside court proceedings: what it told the court
is part of the decision the writer challenges, and its own complaints procedure is the route for its part.
Every labelled complaint so far that names Cafcass beside a challenged court decision carries both codes,
whether or not the sentence naming Cafcass has a complaint word of its own ("met my children once, for
20 minutes, and then told the court they should be adopted"). Only read once the court decision already closes
the door, so it never turns anyone away; Cafcass praised ("the guardian was lovely"), set aside ("not the
guardian") or named in passing is left out.
"""

from __future__ import annotations

from intake.eligibility import mentions
from intake.eligibility.matching import Analysis

ADVISERS = ("cafcass",)


def named(analysis: Analysis) -> dict[str, int]:
    """Each court adviser named as acting, with the first sentence naming it."""
    praised = analysis.clauses_with("sentences.positive") - analysis.clauses_with("sentences.negative")
    found: dict[str, int] = {}
    for name in ADVISERS:
        for f in analysis.all(f"other_organisation.{name}"):
            if f.clause in praised or mentions.said_not_about(analysis, f) or mentions.passing(analysis, f):
                continue
            found.setdefault(name, f.sentence)
    return found
