"""A child in care placed in a B&B or a hostel: where children's social care placed them, not a housing service.

"Aaliyah, aged 16, who is looked after by your authority ... has been placed in bed and breakfast accommodation":
a looked-after young person's placement is children's social care's decision, even when the place is one the
housing lists name (a B&B, a hostel, temporary accommodation). Only a housing word straight after "placed in",
"moved into" and the like counts, and only in a message that says the young person is in care or leaving it:
"the council placed us in a B&B when we were made homeless" is the housing service's.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

PLACED = re.compile(r"\b(?:placed|placing|place|put|moved|moving|housed)\s+(?:him|her|them|me)?\s*(?:in|into|at)\s+"
                    r"(?:an?\s+|the\s+|some\s+|unregulated\s+|unsuitable\s+)*$", re.IGNORECASE)
IN_CARE = re.compile(r"\blooked[\s-]+after\b|\bin\s+(?:the\s+)?care\s+of\b|\bin\s+(?:local\s+authority\s+|foster\s+)?care\b|"
                     r"\bcare\s+leaver|\bleaving\s+care\b|\bchild\s+in\s+care\b", re.IGNORECASE)
HOUSING = "not_childrens_social_care.housing"
HOUSEHOLD = re.compile(r"\b(?:placed|put|moved|housed)\s+us\b|\bwe\s+(?:were|have been|'ve been|got)\s+(?:placed|put|moved|housed)\b",
                       re.IGNORECASE)
LOOK_BACK = 60  # characters before the housing word


def placed_child(analysis: Analysis, found: Found) -> bool:
    """Is the housing word at `found` where a looked-after young person was placed?"""
    if not found.key.startswith(HOUSING):
        return False
    doc = analysis.doc
    start = doc[found.start].idx
    sent_start = analysis.sent(found.start).start_char
    if PLACED.search(analysis.text[max(sent_start, start - LOOK_BACK):start]) is None:
        return False
    if HOUSEHOLD.search(analysis.text[max(sent_start, start - LOOK_BACK):start]):
        return False  # "placed us in a B&B", "we were moved into a hostel": the writer's whole household
    return IN_CARE.search(analysis.text) is not None
