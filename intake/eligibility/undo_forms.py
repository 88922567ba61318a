""""I want it ended now": asking for "it" to be undone, just after a court's order, asks for the order to be undone.

"The supervision order the magistrates made in February is far too long. Twelve months of social workers in my
house for something that happened once. I want it ended now." The "it" stands for the last thing complained of: the
order, two sentences back, as long as no sentence between complains of children's social care itself ("... The
social worker stopped my contact. I want it stopped." asks about the social worker's act, not the order).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

# Asking for a thing to be undone: "I want ...", and the ways of asking someone to bring it about: "how do I get ...
# changed", "I am appealing to you to get it lifted", "can you have it set aside".
ASK = r"(?:want|wants|asking for|ask for|would like|'d like|request|need|get|getting|have)"
UNDONE = (r"(?:ended|stopped|changed|overturned|set aside|reversed|cancell?ed|canceled|discharged|revoked|lifted|quashed|"
          r"undone|thrown out|scrapped|shortened|reconsidered|looked at again)")
IT_UNDONE = re.compile(r"\b(?<!n't )(?<!not )" + ASK + r"\s+(?:it|them)\s+(?:to be\s+)?" + UNDONE + r"\b", re.IGNORECASE)
# "I want the orders stopped", "how do I get the order changed to 50/50?", "what steps you will take to bring the order
# to an end": asking for the court's order, findings or ruling to be undone makes the court the subject ("I don't want
# the order changed" not). Read by intake.eligibility.targets.
THE = r"(?:the|this|that|these|those|both|his|her|their|my)\s+(?:[\w-]+\s+){0,2}(?:orders?|findings?|judge?ments?|rulings?)"
UNDO = re.compile(r"\b(?<!n't )(?<!not )" + ASK + r"\b[^.!?]{0,25}?\b" + THE + r"\s+(?:to be\s+)?" + UNDONE + r"\b|"
                  r"\b(?<!n't )(?<!not )(?:bring|brings|bringing|put|putting)\s+" + THE + r"\s+to\s+an\s+end\b",
                  re.IGNORECASE)
REACH = 2  # sentences back from "it" to the court's order


def it_undone(analysis: Analysis, court: list[int], csc: list[int]) -> bool:
    """Does a request to undo "it" stand for the court's order named in the sentences just before?"""
    return bool(sentences(analysis, court, csc))


def sentences(analysis: Analysis, court: list[int], csc: list[int]) -> set[int]:
    """The sentences asking for "it" to be undone where "it" is the court's order named just before."""
    complaining = analysis.sentences_with("sentences.negative") & set(csc)
    found = set()
    for match in IT_UNDONE.finditer(analysis.text):
        sentence = analysis.sentence_of_char(match.start())
        before = [c for c in court if 0 <= sentence - c <= REACH]
        if before and not any(max(before) < i <= sentence for i in complaining):
            found.add(sentence)
    return found
