""""Surgery" as an operation someone had, not a GP surgery: no other organisation is named.

"She signed it while recovering from surgery", "after his surgery", "I had major surgery": the rules file lists
"surgery" among the NHS's names (for "the surgery refused to register him"), so an operation in someone's story
read as the NHS complained of and turned an eligible complaint away. A bare "surgery" after a word that makes it
something had or recovered from is dropped from the NHS's names; "the surgery", "GP surgery", "at a surgery"
and a practice's own name ("Marsh Lane Surgery") stay.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis

KEY = "other_organisation.nhs"
# Words that make the next "surgery" an operation: "had surgery", "recovering from surgery", "major surgery".
HAD = frozenset({"had", "have", "has", "having", "from", "after", "major", "minor", "emergency", "needed", "needs",
                 "need", "before", "during", "awaiting", "undergo", "underwent", "undergoing", "heart", "knee", "hip",
                 "back", "eye", "keyhole", "brain", "spinal", "further", "more", "planned", "urgent", "since", "post"})
# "after his surgery", "since her surgery": a possessive between such a word and "surgery".
OWNERS = frozenset({"my", "his", "her", "their", "our", "your"})


def drop(analysis: Analysis) -> None:
    """Leave out each bare "surgery" that names an operation."""
    found = analysis.found.get(KEY)
    if not found:
        return
    doc = analysis.doc
    def operation(start: int) -> bool:
        before = [t.lower_ for t in doc[max(0, start - 2):start]]
        return bool(before) and (before[-1] in HAD or (len(before) == 2 and before[-1] in OWNERS and before[0] in HAD))
    kept = [f for f in found if not (f.end - f.start == 1 and doc[f.start].lower_ == "surgery" and operation(f.start))]
    if kept:
        analysis.found[KEY] = kept
    else:
        del analysis.found[KEY]
