"""Caring for someone who was dying, and the aftermath, as a reason for the delay.

"I didn't chase it because I was nursing my mother through her last months and then dealing with her estate":
the rules file already counts "caring for my ..." and a bereavement; this reads the same reason in other words
(nursing or looking after a parent or partner, their last months, the estate or probate afterwards). Only the
writer's own caring counts ("nursing my", "looking after my dad"); "her last months in the placement" is no reason.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

RELATIVES = (r"(?:mum|mother|mam|dad|father|husband|wife|partner|nan|nana|gran|granny|grandma|grandmother|grandad|"
             r"grandfather|grandpa|parents|sister|brother|auntie|aunt|uncle)")
CARING = re.compile(rf"\b(?:i|we)\b[^.!?]{{0,25}}\b(?:nurs(?:ing|ed)|look(?:ing|ed)\s+after|sitting\s+with|sat\s+with)\s+"
                    rf"(?:my|our)\s+(?:\w+\s+)?{RELATIVES}\b", re.IGNORECASE)
# The aftermath of a death: "dealing with her estate", "sorting out probate", "arranging his funeral".
AFTERMATH = re.compile(r"\b(?:dealing|dealt|sorting|sorted|handling|arranging|arranged|organising|organised)\s+"
                       r"(?:out\s+)?(?:with\s+)?(?:her|his|their|the|my\s+\w+'s)\s+(?:estate|probate|funeral|affairs)\b|"
                       r"\b(?:dealing|dealt|sorting|sorted)\s+(?:out\s+)?(?:with\s+)?probate\b", re.IGNORECASE)


# "my mother was given weeks to live and I moved in to look after her until the end": a relative's last illness, and
# the writer caring for them (named by a pronoun once the relative is named), in one sentence.
DYING = re.compile(rf"\b(?:my|our)\s+(?:\w+\s+)?{RELATIVES}\b[^.!?]{{0,40}}\b(?:(?:was|were)\s+(?:only\s+)?given\s+"
                   rf"(?:\w+\s+)?(?:days|weeks|months)\s+to\s+live|(?:was|were)\s+(?:terminally\s+ill|dying|on\s+end\s+of\s+"
                   rf"life\s+care)|went\s+into\s+(?:a\s+)?hospice)\b", re.IGNORECASE)


def sentences(analysis: Analysis) -> set[int]:
    """Sentences in which the writer says they were caring for a dying relative, or dealing with the aftermath."""
    return {i for i in range(len(analysis.sentence_bounds))
            if CARING.search(text := analysis.sentence_text(i)) or AFTERMATH.search(text) or DYING.search(text)}
