"""Is it about another council service (adult social care, housing, council tax, admissions)?

Those have their own complaints procedures. A care leaver's complaint that their
personal adviser did not help with housing is about children's social care, and stays.
"""

from __future__ import annotations

from intake.eligibility import targets
from intake.eligibility.matching import Analysis
from intake.item import Hit


def check(analysis: Analysis) -> Hit | None:
    found = targets.of(analysis)
    if not found.services or not found.closes("service"):
        return None
    if set(found.services) == {"housing"} and "housing_association" in found.bodies and not _councils_own(analysis):
        return None  # the damp in a housing association's home is the landlord's
    _, sentence = min(found.services.items(), key=lambda item: item[1])
    names = ", ".join(name.replace("_", " ") for name in sorted(found.services))
    return analysis.hit("not_childrens_social_care", f"The complaint is about another council service "
                        f"({names}), which has its own complaints procedure.", sentence)


def _councils_own(analysis: Analysis) -> bool:
    """"the council's housing options team banded me low, and then the housing association turned me down": the
    council's own housing named as the council's, beside the landlord, is still the council's housing service."""
    council = analysis.clauses_with("childrens_social_care.council")
    return any(f.clause in council for f in analysis.all("not_childrens_social_care.housing"))
