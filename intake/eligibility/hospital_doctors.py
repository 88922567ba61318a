""""Registrar" as a hospital doctor, not the council's register office: no other council service is named.

"He was discharged from the children's ward at 1am. The registrar told me the bed was needed": a registrar is a
grade of hospital doctor as well as the officer who registers births and deaths, and the rules file lists it
among the council's other services (for "the registrar refused to register the birth"). Beside a hospital, a
ward, A&E or a consultant, in its own sentence or the one before, it is the doctor (the NHS, named there anyway);
elsewhere it stays the council's.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis

KEY = "not_childrens_social_care.environment_and_other"
DOCTOR = frozenset({"registrar", "registrars"})
NHS = "other_organisation.nhs"


def drop(analysis: Analysis) -> None:
    """Leave out each "registrar" said beside the NHS."""
    found = analysis.found.get(KEY)
    if not found or not analysis.found.get(NHS):
        return
    doc = analysis.doc
    nhs = {f.sentence for f in analysis.found[NHS]}
    kept = [f for f in found if not (doc[f.start:f.end].text.lower() in DOCTOR and ({f.sentence, f.sentence - 1} & nhs))]
    if kept:
        analysis.found[KEY] = kept
    else:
        del analysis.found[KEY]
