"""Council services described rather than named: "the minibus the council sends to take him to his special school",
"the taxi that takes my daughter to college", "the bus to and from her school".

Why: parents rarely say "home to school transport"; they describe the vehicle and where it goes. A vehicle whose
errand is school is the council's education transport, outside the children's procedure, whoever is complained of
in it. Added as a phrase found for the education group, so the other rules read it as if it were named (children's
social care complained of in the same message still keeps the complaint).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

# The vehicle or its crew, then within a few words an errand to or from a school or college.
TO_SCHOOL = re.compile(r"\b(?:mini-?bus(?:es)?|bus(?:es)?|coach(?:es)?|taxis?|cabs?|transport|drivers?|escorts?|"
                       r"passenger assistants?)\b[^.!?\n]{0,50}?\b(?:to|from|for)\s+(?:and\s+from\s+)?(?:his|her|their|my|"
                       r"our|the)\s+(?:[\w-]+\s+){0,2}?(?:school|college|academy)\b", re.IGNORECASE)
GROUP = "not_childrens_social_care.education"


def add(analysis: Analysis) -> None:
    """Add each vehicle on a school errand as a phrase found for the education group."""
    if not any(f"{g.kind}.{g.name}" == GROUP for g in analysis.rules.groups):
        return
    added: list[Found] = []
    for match in TO_SCHOOL.finditer(analysis.text):
        span = analysis.doc.char_span(match.start(), match.start() + len(match[0].split()[0]), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        clause = analysis.clause_of_token(span.start)
        added.append(Found(GROUP, span.start, span.end, analysis.clause_sentence[clause], clause))
    if added:
        analysis.found[GROUP] = sorted([*analysis.all(GROUP), *added], key=lambda f: f.start)
