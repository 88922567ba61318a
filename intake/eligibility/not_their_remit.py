"""Children's social care named only to say the matter is not theirs: "the social worker says she can't do anything
about housing", "my son's social worker told me the school run isn't her department", "children's services said it's
outside their remit".

Why: a writer explains that they asked their social worker first, and were sent elsewhere. Read as a complaint about
the social worker, that keeps a housing, school-transport or council tax complaint in the children's procedure. Only a
disclaimer of another service or body counts ("she can't do anything about it" alone may be the very complaint),
or one that names its remit in so many words ("it's not her department").
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

# "(says|said|told me) (that) (she|he|they) can't do anything about / can't help with" + another service or body.
CANNOT = re.compile(r"^(?:\s+[\w']+){0,5}?\s+(?:says|said|told (?:me|us)|explained|replied|has said|keeps saying)\s+"
                    r"(?:that\s+)?(?:she|he|they|it|social services|children's services)?\s*"
                    r"(?:can't|cannot|can not|couldn't|could not|won't be able to|isn't able to|is not able to)\s+"
                    r"(?:do anything|do much|help|get involved|intervene|step in|deal with it)\s*(?:about|with|over|regarding|in)?\b")
# "it's not her department", "that is outside their remit", "not something they deal with": the remit itself.
REMIT = re.compile(r"^(?:\s+[\w']+){0,8}?\s+(?:(?:it's|it is|it was|that's|that is|this is|isn't|is not|wasn't|was not)\s+)?"
                   r"(?:not\s+(?:her|his|their|a social work|a social care|children's services')\s+(?:department|area|remit|job|role|"
                   r"responsibility|call|decision)|outside\s+(?:her|his|their|the)\s+(?:remit|role|area)|"
                   r"nothing to do with (?:her|him|them|social services|social care|children's services))\b")
# "... said she couldn't help with his exclusion and then missed his review": a complaint of her own goes on.
MORE = re.compile(r"\b(?:and|but|then)\s+(?:then\s+|also\s+|still\s+)?(?:she|he|they|has|had|was|were|missed|never|didn't|"
                  r"did not|won't|cancelled|refused|ignored|stopped|forgot)\b", re.IGNORECASE)
WINDOW = 16  # tokens after the name


def disclaims(analysis: Analysis, found: Found) -> bool:
    """Is `found` (children's social care) named only as saying the matter is another service's or body's?"""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    end = min(sent.end, found.end + WINDOW)
    after = " " + doc[found.end:end].text.lower().replace("\u2019", "'")
    if REMIT.match(after):
        return True
    said = CANNOT.match(after)
    if said is None or MORE.search(doc[found.end:sent.end].text):
        return False
    return any(g.sentence == found.sentence and g.start >= found.end for group in analysis.rules.groups
               for g in analysis.all(f"{group.kind}.{group.name}"))
