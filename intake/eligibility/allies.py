"""Children's social care named as the family's ally or as the one written to, not as who failed.

Two forms, found after the name:

- chasing another body for the family: "Her social worker has written to them twice", "the social worker has
  been chasing them for us" (in the perfect, or for the family: "the social worker rang them" alone may be the
  very disclosure complained of, so it is not read so);
- the council as the addressee: "I know you're children's services, but is there anything you can do", "I know
  you are social services and not the hospital", "I know children's services aren't the NHS";
- left uninformed by the other body: "the midwives said social services would sort it, but nobody from social
  services had been told anything" (the one who failed to tell is complained of, not the one not told).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

CHASING = re.compile(r"^(?:\s+(?:has|have|'s|'ve|had|also|even|already|been|repeatedly))*?\s+(?:has|have|'s|'ve|had)\s+"
                     r"(?:also\s+|even\s+|already\s+|repeatedly\s+)?(?:written\s+to|chased|been\s+chasing|contacted|"
                     r"emailed|phoned|rung|been\s+on\s+to|pushed|been\s+pushing)\s+them"
                     r"(?:\s+(?:twice|again|several times|loads|\w+ times|for (?:me|us)|on (?:my|our) behalf))*"
                     r"\s*(?:[.,;!)]|\bbut\b|$)", re.IGNORECASE)
# "... but nobody from social services had been told anything": left uninformed by the body complained of.
UNTOLD = re.compile(r"^\s+(?:had|has|have|were|was)(?:n't|\s+not|\s+never)?\s+(?:even\s+|ever\s+)?(?:been\s+)?"
                    r"(?:told|informed)(?:\s+(?:anything|at all|about (?:it|this|that|her|him|them)))?\s*[.!]?\s*$",
                    re.IGNORECASE)
# "I know children's services aren't the NHS", "social services don't run CAMHS": named only to say they are not the
# body complained of.
NOT_THEM = re.compile(r"^\s+(?:(?:is|are|was|were)(?:n't|\s+not)\s+(?:the|a|an|part\s+of|responsible\s+for|in\s+charge\s+of)|"
                      r"(?:do|does)(?:n't|\s+not)\s+(?:run|manage|control|employ))\b", re.IGNORECASE)
NOBODY_FROM = re.compile(r"\b(?:nobody|no one|no-one|noone)\s+(?:from|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
KNOW = re.compile(r"\bi\s+(?:know|realise|realize|understand|appreciate)\s+(?:that\s+)?(?:the\s+)?$", re.IGNORECASE)
ADDRESSED = re.compile(r"\bi\s+(?:know|realise|realize|understand)\s+(?:that\s+)?(?:you'?re|you\s+are)\s+(?:only\s+|just\s+)?$",
                       re.IGNORECASE)


def for_the_family(analysis: Analysis, found: Found) -> bool:
    """Is this mention of children's social care an ally chasing another body, or the council addressed?"""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    after = " " + doc[found.end:min(sent.end, found.end + 12)].text
    before = analysis.text[max(sent.start_char, doc[found.start].idx - 40):doc[found.start].idx]
    rest = " " + doc[found.end:sent.end].text
    untold = NOBODY_FROM.search(before) is not None and UNTOLD.match(rest) is not None
    known = ADDRESSED.search(before) is not None or (NOT_THEM.match(after) is not None and KNOW.search(before) is not None)
    return CHASING.match(after) is not None or known or untold
