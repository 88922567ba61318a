"""Is it about another council service (adult social care, housing, council tax)?"""

from __future__ import annotations

import re

from intake.eligibility.matching import first_hit
from intake.item import Hit

PATTERN = re.compile(
    r"\b(adult social care|care home for (my|an) (elderly|older)|council tax|housing (benefit|repairs?|officer|department)|"
    r"my (council )?(flat|tenancy)|bin collections?|school admissions?|parking (fine|ticket|permit))\b", re.I)
CHILDREN = re.compile(r"\b(social worker|foster|looked after|in care|child protection|care leaver)\b", re.I)


def check(text: str) -> Hit | None:
    hit = first_hit(PATTERN, text, "not_childrens_social_care",
                    "The complaint is about another council service, which has its own complaints procedure.")
    if hit and CHILDREN.search(text):
        return None
    return hit
