"""Is a body's waiting list its own service? "Two years on the CAMHS waiting list" complains of the NHS.

subjects.as_activity reads "the school waiting list" as a school place (the council's admissions decide it),
as it reads "the hospital appointment" as an errand. A health service's waiting list, or its waiting times,
are that service's own work, with its own complaints procedure.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis, Found

LIST_WORDS = frozenset({"list", "lists", "time", "times"})


def own_waiting_list(analysis: Analysis, found: Found) -> bool:
    """"on the CAMHS waiting list", "the hospital's waiting times": the NHS body named is the subject."""
    doc = analysis.doc
    return (found.key == "other_organisation.nhs" and found.end + 1 < len(doc) and doc[found.end].lower_ == "waiting"
            and doc[found.end + 1].lower_ in LIST_WORDS)
