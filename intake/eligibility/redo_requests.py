"""Does the writer ask for another body's work to be undone? "I want the paediatrician's report looked at again."

Asking for a body's report, assessment or decision to be withdrawn, changed or looked at again complains of
that body, with no complaint word needed ("... and the supervision order lifted" beside it is the court's).
Read only where the sentence names no one from children's social care: "I want the social worker's report
and the GP's letter looked at again" stays the council's.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

REDO = re.compile(r"\b(?<!n't )(?<!not )(?:want|asking for|ask for|would like|'d like|request|need)\b[^.!?]{0,40}?'s?\s+"
                  r"(?:report|assessment|diagnosis|letter|statement|opinion|findings|decision|records?|notes)\s+"
                  r"(?:to be\s+)?(?:looked at again|reviewed|re-?examined|withdrawn|changed|corrected|retracted|"
                  r"overturned|reversed|checked again|redone|struck out)\b", re.IGNORECASE)


def bodies(analysis: Analysis) -> dict[str, int]:
    """Each body whose work the writer asks to have undone -> the sentence asking."""
    asked = {analysis.sentence_of_char(m.start()): m for m in REDO.finditer(analysis.text)}
    council = analysis.sentences_with("childrens_social_care.actors") | analysis.sentences_with("childrens_social_care.council")
    found: dict[str, int] = {}
    for group in analysis.rules.groups:
        if group.kind != "other_organisation":
            continue
        for f in analysis.all(f"{group.kind}.{group.name}"):
            match = asked.get(f.sentence)
            if (match is not None and f.sentence not in council
                    and match.start() <= analysis.doc[f.start].idx < match.end()):
                found.setdefault(group.name, f.sentence)
    return found
