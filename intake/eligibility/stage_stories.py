"""The three stages told in forms the phrase lists do not hold.

Two forms, read by intake.eligibility.already_completed:

- The stages listed in a row ("Stage one, stage two, then the panel in October."): naming Stage 1, Stage 2 and
  then the panel or Stage 3, in that order, in one sentence, recounts the three stages had. Asking for the panel
  after the first two ("Stage one and stage two are done; now I want the panel") is taken out by the caller's
  request checks.
- The Ombudsman or the panel named in one sentence and its outcome told in the next, with a pronoun standing
  for it ("I wrote to the Ombudsman in 2026. They sent me their final decision in February."): the outcome
  words are the body's findings ("final decision", "no fault", "upheld", "closed"), not just "said", which
  is also how the Ombudsman sends writers to the council first; an outcome still awaited ("they will send
  their decision", "I'm waiting for their report") is not had.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

LISTED = re.compile(r"\bstage\s*(?:1|one)\b.{0,120}?\bstage\s*(?:2|two)\b(?P<gap>.{0,120}?)"
                    r"\b(?:stage\s*(?:3|three)|(?:review\s+|independent\s+)?panel)\b", re.IGNORECASE | re.DOTALL)
# "Stage one, stage two, and now I want it taken to the panel": the panel is the next step asked for.
ASKED = re.compile(r"\b(?:now|next|want\w*|like|ask\w*|request\w*|can|could|how|please|need|hoping|wish)\b", re.IGNORECASE)
# "They sent me their final decision", "It found no fault", "They closed the case", "She upheld none of it".
PRONOUN_OPENS = re.compile(r"^\s*(?:they|it|she|he)\b", re.IGNORECASE)
OUTCOME = re.compile(r"\b(?:final\s+decision|final\s+report|no\s+fault|found\s+(?:fault|that|no|in)|(?:not\s+)?upheld|"
                     r"closed\s+(?:it|my|the|our|his|her)|concluded|decided\s+(?:that|not|there|it|my|the))\b",
                     re.IGNORECASE)
AWAITED = re.compile(r"\b(?:will|would|shall|going\s+to|waiting|await\w*|yet\s+to|expect\w*|due|should|haven't|have\s+not|"
                     r"hasn't|has\s+not|not\s+yet|still\s+to)\b", re.IGNORECASE)


def listed(analysis: Analysis) -> set[int]:
    """Sentences listing Stage 1, Stage 2 and then the panel or Stage 3."""
    return {i for i in range(len(analysis.sentence_bounds))
            if (m := LISTED.search(analysis.sentence_text(i))) and not ASKED.search(m.group("gap"))}


def outcome_after(analysis: Analysis, named: set[int]) -> set[int]:
    """Sentences right after one in `named` (naming the Ombudsman or panel) that tell its outcome through a pronoun."""
    found = set()
    for i in sorted(named):
        if i + 1 >= len(analysis.sentence_bounds):
            continue
        text = analysis.sentence_text(i + 1)
        if PRONOUN_OPENS.search(text) and OUTCOME.search(text) and not AWAITED.search(text):
            found.add(i + 1)
    return found
