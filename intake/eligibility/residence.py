"""A carer or a home named only for where it is: "my foster carer lives miles away", "the children's home is an
hour from school".

"my head of year keeps putting me in isolation cos i'm late but its cos my foster carer lives miles away": the
foster carer is named to say how far the young person travels, not as someone who did wrong, so children's social
care is not complained of there and a later "him" cannot stand for the carer. Only a distance or a place straight
after the carer counts: "my foster carer lives with her boyfriend, who scares me" still names the foster home.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

HOMES = frozenset({"carer", "carers", "home", "homes", "placement", "lodgings"})
# "lives miles away", "live an hour from school", "is 20 miles out", "'s house is on the other side of town".
WHERE = re.compile(r"^\s*(?:'s?\s+(?:house|home|flat|place)\s+)?(?:lives?|lived|living|is|are|was|were|'s|'re)\s+"
                   r"(?:(?:so|too|really|very|like|about|over|nearly|almost)\s+)?(?:miles\b|far\b|\d+\s*(?:miles|mins|minutes|"
                   r"km|hours?)\b|an?\s+(?:hour|long\s+way|bus|train)\b|ages\s+away|nowhere\s+near|out\s+of\s+(?:town|area|"
                   r"the\s+area|county)|on\s+the\s+other\s+side|across\s+(?:town|the\s+city|the\s+county)|right\s+out)",
                   re.IGNORECASE)


def only_where(analysis: Analysis, found: Found) -> bool:
    """Is the carer or home at `found` named only to say where it is ("my foster carer lives miles away")?"""
    doc = analysis.doc
    if doc[found.end - 1].lower_ not in HOMES:
        return False
    after = analysis.text[doc[found.end - 1].idx + len(doc[found.end - 1]):analysis.sent(found.start).end_char]
    return WHERE.match(after[:80]) is not None
