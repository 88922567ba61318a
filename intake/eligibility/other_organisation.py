"""Is the complaint about another body's work (a school, the NHS, the police, Cafcass)?

Only a complaint *about* the other body counts: a complaint that names a school or the
police in passing while complaining about the social worker stays eligible.
"""

from __future__ import annotations

from intake.eligibility import both_declared, court_advisers, court_decision, redo_requests, targets
from intake.eligibility.matching import Analysis
from intake.item import Hit


def check(analysis: Analysis) -> Hit | None:
    found = targets.of(analysis)
    redo = redo_requests.bodies(analysis)  # "I want the paediatrician's report looked at again"
    advisers = court_advisers.named(analysis)  # "The Cafcass guardian ... told the court they should be adopted"
    if (found.beside_court or redo or advisers) and court_decision.check(analysis) is not None:
        found = targets.Targets(bodies={**advisers, **redo, **found.beside_court, **found.bodies})
    elif redo and not found.level.get("csc"):
        found = targets.Targets(bodies={**redo, **found.bodies})
    elif not found.bodies or not found.closes("body"):
        return None
    if set(found.bodies) == {"school"} and "education" in found.services and not _trust_declared(analysis, found) \
            and "school" not in both_declared.subjects(analysis).get("body", {}):  # "both the admissions team and the academy"
        return None  # a school place or transport: the council's education service, not the school
    _, sentence = min(found.bodies.items(), key=lambda item: item[1])
    names = ", ".join(sorted(found.bodies))
    return analysis.hit("other_organisation", f"The complaint is about another organisation ({names}), "
                        "which has its own complaints procedure.", sentence)


def _trust_declared(analysis: Analysis, found: targets.Targets) -> bool:
    """"Brightwater Learning Trust won't fund his EHCP ... this is about the trust": an academy trust declared the
    subject runs its schools itself; its refusal is not a school place the council's education service decides."""
    doc = analysis.doc
    return found.level.get("body", 0) > found.level.get("service", 0) and any(
        t.lower_ == "trust" for f in analysis.all("other_organisation.school") for t in doc[f.start:f.end])
