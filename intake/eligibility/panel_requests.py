"""Does a sentence ask for the review panel to be held, rather than say it has been?

After a Stage 2 adjudication people write "Please arrange the review panel", "could you set up a Stage 3 panel",
"I would like a review panel", "I want the independent panel to be convened": a panel named as the object of a
request to bring it about, which is the step the procedure offers next, not a panel already had. The plain forms
("take it to the review panel") are in already_completed.REQUEST and the rules file's request list; these are the
verbs of putting a meeting on ("arrange", "convene", "book") and wanting one ("I'd like a panel"). Only base forms
count: "the panel was arranged for March" and "the panel we had convened" report a panel that happened. Read by
intake.eligibility.already_completed.
"""

from __future__ import annotations

import re

PANEL = r"(?:stage\s*(?:3|three)|review|independent|complaints?|final)?\s*(?:review\s+)?(?:panel|hearing|stage\s*(?:3|three))\b"
# "please arrange the review panel", "can you convene a Stage 3 panel", "set up the panel hearing for me"
ARRANGE = re.compile(r"\b(?:arrange|convene|set\s+up|organi[sz]e|book|schedule|fix\s+up|hold|call|start|begin|"
                     r"open|get)\s+(?:(?:a|an|the|my|our|this|that)\s+)?(?:[\w']+\s+){0,2}?" + PANEL, re.IGNORECASE)
# "I would like a review panel", "we want the Stage 3 panel", "I'm asking for an independent panel please"
WANT = re.compile(r"\b(?:i|we)(?:\s+would|'d|\s+do|\s+still)?\s+(?:like|want|need|request|ask\s+for|am\s+asking\s+for|"
                  r"are\s+asking\s+for|'m\s+asking\s+for|'re\s+asking\s+for)\s+(?:(?:a|an|the|my|our)\s+)?"
                  r"(?:[\w']+\s+){0,2}?" + PANEL, re.IGNORECASE)
# "the panel you arranged met in May": a panel had, whatever was asked on the way to it.
HAD = re.compile(r"\b(?:met|sat|heard|reported|upheld|found|decided|concluded|was held|took place)\b", re.IGNORECASE)


def asks_for_panel(sentence: str) -> bool:
    """Whether the sentence asks for a review panel to be put on (and does not also say one met)."""
    return bool(ARRANGE.search(sentence) or WANT.search(sentence)) and not HAD.search(sentence)
