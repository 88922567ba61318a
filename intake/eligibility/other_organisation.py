"""Is the complaint about another body's work (a school, the NHS, the police, Cafcass)?

Only a complaint *about* the other body counts: a complaint that names a school or the
police in passing while complaining about the social worker stays eligible.
"""

from __future__ import annotations

from intake.eligibility import court_decision, targets
from intake.eligibility.matching import Analysis
from intake.item import Hit


def check(analysis: Analysis) -> Hit | None:
    found = targets.of(analysis)
    if found.beside_court and court_decision.check(analysis) is not None:
        found = targets.Targets(bodies={**found.beside_court, **found.bodies})
    elif not found.bodies or not found.closes("body"):
        return None
    if set(found.bodies) == {"school"} and "education" in found.services:
        return None  # a school place or transport: the council's education service, not the school
    _, sentence = min(found.bodies.items(), key=lambda item: item[1])
    names = ", ".join(sorted(found.bodies))
    return analysis.hit("other_organisation", f"The complaint is about another organisation ({names}), "
                        "which has its own complaints procedure.", sentence)
