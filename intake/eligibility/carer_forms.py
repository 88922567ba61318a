"""Whether the writer is a carer, in forms intake.eligibility.standing asks about beside its phrase lists.

- no carer now: a former foster carer ("we stopped fostering"), or a writer who says outright they do
  not care for the child ("I'm not her carer", "I don't look after them"): a special guardianship
  order named in the message is then someone else's ("The court made an SGO for my granddaughter
  to live with her other grandparents. I'm not her carer");
- a special guardianship order granted to someone else ("made an SGO in favour of their aunt");
- a foster carer introduced in other words: "I'm Graham, a connected-person foster carer for my niece" (not
  "I'm the foster carer's neighbour").
"""

from __future__ import annotations

import re

from intake.eligibility import writer
from intake.eligibility.matching import Analysis, Found

FIRST_PERSON = frozenset({"i", "'m", "am", "we", "'re", "are"})
DENIALS = ("carer", "look after", "care for", "legal role")
FOSTER_CARERS = ("foster carer", "foster carers")
NOT_NOW = frozenset({"not", "n't", "never", "no", "former", "ex", "previous", "retired", "was", "were", "used"})


def not_a_carer(analysis: Analysis) -> bool:
    """A former foster carer, or the writer denying that they care for the child."""
    doc = analysis.doc
    for found in analysis.all("standing.no_standing"):
        said = doc[found.start:found.end].text.lower()
        if "foster" in said:
            return True
        if any(d in said for d in DENIALS) and {t.lower_ for t in doc[max(0, found.start - 3):found.start]} & FIRST_PERSON:
            return True
    return False


def introduced_as_foster_carer(analysis: Analysis) -> bool:
    """"I'm Graham, a connected-person foster carer for my niece": the writer names themselves a foster carer."""
    doc = analysis.doc
    return any(doc[f.start:f.end].text.lower().endswith(FOSTER_CARERS) and writer.introduces(analysis, f)
               and not (f.end < len(doc) and doc[f.end].lower_ in ("'s", "'")) and not {t.lower_ for t in doc[max(0, f.start - 4):f.start]} & NOT_NOW
               for f in analysis.all("childrens_social_care.actors"))


DETERMINERS = frozenset({"my", "our", "his", "her", "their", "your", "the", "a", "an", "its", "these", "those", "'s"})


def writers_kind(analysis: Analysis, found: Found) -> bool:
    """"I'm a foster carer ... I was told foster carers get a council tax discount": once the writer says they
    foster, "foster carers" with no determiner means foster carers in general, the writer's own kind, not
    someone who acted ("her foster carers", "the foster carer" may still be complained of)."""
    doc = analysis.doc
    if doc[found.start:found.end].text.lower() != "foster carers" or (found.start and doc[found.start - 1].lower_ in DETERMINERS):
        return False
    return any(doc[f.start].lower_ in FIRST_PERSON for f in analysis.all("standing.foster_carer")) \
        or introduced_as_foster_carer(analysis)


# "the judge made a special guardianship order in favour of their aunt", "the SGO was granted to his grandparents",
# "gave a special guardianship order to their grandad":
# an order named as someone else's is no role of the writer's ("in favour of me", "an SGO for my granddaughter" is).
SOMEONE_ELSES = re.compile(r"^(?:\s+(?:order|orders|was|were|has|have|had|been|then|finally|eventually))*\s+"
                           r"(?:in favour of|granted to|given to|awarded to|went to|made to|made in favour of|"
                           r"to(?=\s+(?:their|his|her|the|a|an)\s))\s+"
                           r"(?!(?:me|us|myself|ourselves|my husband and me|my wife and me)\b)", re.IGNORECASE)


def someone_elses_order(analysis: Analysis, found: Found) -> bool:
    """A special guardianship named as granted to someone else: the writer is not that carer."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    return SOMEONE_ELSES.match(" " + doc[found.end:min(sent.end, found.end + 10)].text) is not None
