"""A landlord named by what the writer says of it: "I rent my flat from Harbourside Homes", "we're tenants of
Parkside", "my tenancy is with Oakfield Living". Then its repairs (the leak, the mould, the damp) are its own.

Why: a tenant names their housing association by its own name and never says "housing association"; the rules then
read the mould and the leak as the council's housing service. The name after "rent ... from" / "tenants of" /
"tenancy with" is added as a housing association, and repair words are left to it, not to the council's housing
(a council tenancy named in so many words, "my council flat", keeps them the council's).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

NAME = r"(?P<name>(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z][\w&'-]*)){0,3})"
LANDLORD = re.compile(r"\b(?:rent(?:s|ing|ed)?\s+(?:(?:my|our|the|a|this)\s+)?(?:[\w-]+\s+){0,2}?from|tenants?\s+(?:of|with)|"
                      r"tenancy\s+(?:is\s+)?with|landlord\s+(?:is|was)|(?:my|our)\s+landlord,?)\s+" + NAME, re.IGNORECASE)
NOT_LANDLORD = frozenset({"The", "Council", "I", "My", "Our", "A", "Northshire"})
REPAIRS = frozenset({"mould", "damp", "leak"})
KEY = "other_organisation.housing_association"
HOUSING = "not_childrens_social_care.housing"
COUNCIL_HOME = re.compile(r"\bcouncil\s+(?:flat|house|home|property|tenancy|tenant)\b", re.IGNORECASE)


def add(analysis: Analysis) -> None:
    """Add each landlord named after "rent ... from" (and its later mentions) as a housing association."""
    if not any(f"{g.kind}.{g.name}" == KEY for g in analysis.rules.groups):
        return
    text, added = analysis.text, []
    for match in LANDLORD.finditer(text):
        words = match["name"].split()
        if not words or words[0] in NOT_LANDLORD or "council" in match["name"].lower():
            continue
        for later in re.finditer(rf"\b{re.escape(words[0])}\b(?:\s+{re.escape(' '.join(words[1:]))})?", text):
            span = analysis.doc.char_span(later.start(), later.end(), alignment_mode="expand")
            if span is not None and len(span):
                clause = analysis.clause_of_token(span.start)
                added.append(Found(KEY, span.start, span.end, analysis.clause_sentence[clause], clause))
    if not added and not analysis.has(KEY):
        return
    analysis.found[KEY] = sorted({*analysis.all(KEY), *added}, key=lambda f: f.start)
    if not COUNCIL_HOME.search(text):  # the leak and the mould are the landlord's to fix, not the council's
        kept = [f for f in analysis.all(HOUSING) if analysis.doc[f.start:f.end].text.lower() not in REPAIRS]
        analysis.found[HOUSING] = kept
