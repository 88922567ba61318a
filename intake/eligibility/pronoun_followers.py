"""The sentence after one naming someone, when it goes on about them with a pronoun, is about the matter too.

"... my children's social worker stopped the letters. The last time she sent them back was in March 2025": she is
the social worker named just before. "... was referred to CAMHS in March 2025. Last week, after 21 months on the
waiting list, they cancelled his appointment": "they" is the body named just before, and what they did last week is
the latest part of the matter (not a date of the writer's own). Read by intake.eligibility.time_limit.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

PRONOUN_EARLY = re.compile(r"^(?:\W*[\w']+){0,5}?\W*\b(?:she|he)\b", re.IGNORECASE)  # within its first six words
# A body's "they" may come after a longer opening ("Last week, after 21 months on the waiting list, they ..."); each
# word is taken whole (a word, then what is not a word), so the search does not try every split of a word.
THEY_EARLY = re.compile(r"^\W*(?:[\w']+\W+){0,10}?they\b", re.IGNORECASE)


def sentences(analysis: Analysis) -> set[int]:
    """Sentences that continue, by "she"/"he", a sentence naming children's social care, or by "they" one naming
    another body or council service."""
    count = len(analysis.sentence_bounds)
    actors = analysis.sentences_with("childrens_social_care.actors")
    found = {i + 1 for i in actors if i + 1 < count and PRONOUN_EARLY.match(analysis.sentence_text(i + 1))}
    bodies = {f.sentence for g in analysis.rules.groups for f in analysis.all(f"{g.kind}.{g.name}")}
    return found | {i + 1 for i in bodies if i + 1 < count and THEY_EARLY.match(analysis.sentence_text(i + 1))}
