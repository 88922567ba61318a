"""Is this a new matter, from someone whose earlier complaint went through all three stages?

The rules file lists the plain phrases ("new complaint", "a separate issue"); writers also say it in forms no
list holds whole: "this one's about something completely different", "I'm writing about a totally different
thing", "this is not the same issue". "A new complaint about the same thing" is no new matter, but "not the same
thing" is one. Read by intake.eligibility.already_completed.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis
from intake.eligibility.memo import memoised

# "the same thing", "exactly the same things", "the same two issues", "the same points as before".
SAME = re.compile(r"\bsame (?:\w+ )?(?:things?|matters?|issues?|complaints?|problems?|points?|concerns?|subjects?|"
                  r"grievances?|questions?|events?)\b", re.IGNORECASE)
NOUNS = r"(?:thing|matter|issue|problem|concern|complaint|subject|topic)"
DEGREE = r"(?:(?:completely|totally|entirely|quite|very|wholly|whole|really)\s+)?"
NEW = re.compile(
    # "this is about something completely different", "I'm writing about something else", "it concerns something new"
    r"\b(?:about|is|'s|concerns|regarding|re)\s+something\s+" + DEGREE + r"(?:different|else|new|separate|unrelated)\b|"
    # "a totally different thing", "an entirely separate matter", "a whole new issue"
    r"\b(?:a|an)\s+" + DEGREE + r"(?:different|new|separate|unrelated|fresh)\s+" + NOUNS + r"\b|"
    # "this is not the same issue", "it isn't about the same thing"
    r"(?:\bnot|n't)\s+(?:about\s+|to do with\s+)?the\s+same\s+" + NOUNS + r"\b", re.IGNORECASE)
NOT_SAME = re.compile(r"(?:\bnot|n't)\s+(?:about\s+|to do with\s+)?the\s+same\b", re.IGNORECASE)


@memoised
def sentences(analysis: Analysis) -> set[int]:
    """Sentences that say the complaint is a new matter (not "a new complaint about the same thing")."""
    said = analysis.sentences_with("already_completed.new_matter")
    said |= {i for i in range(len(analysis.sentence_bounds)) if NEW.search(analysis.sentence_text(i))}
    return {i for i in said if not SAME.search(text := analysis.sentence_text(i)) or NOT_SAME.search(text)}
