"""Consent words that show no consent, and a title that is no adult's: questions intake.eligibility.standing asks.

- a guess at consent: "he'd be happy for me to send it, I'm sure", "I think she would agree": the
  writer's expectation, not the young person's say-so ("she said she'd be happy for me to" is hers);
- the young person does not know: "he doesn't know I'm writing", "Kai hasn't seen this letter",
  "without her knowledge": said outright, no consent word elsewhere outweighs it;
- a title with a child's age: "We act for Ms Leanne Carver, aged 17": a young person, whose consent
  is the question, not an adult represented.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

UNAWARE = re.compile(
    r"\b(?:he|she|they|and|(?-i:[A-Z][a-z]+))\s+(?:doesn't|does not|don't|do not|didn't|did not)\s+(?:yet\s+)?know\s+"
    r"(?:that\s+)?(?:i'm|i am|i was|i've|we're|we are|we were|we've)\s+(?:\w+\s+)?(?:writing|sending|complaining|"
    r"contacting|emailing|raising|getting in touch)\b|"
    r"\b(?:he|she|they|(?-i:[A-Z][a-z]+))\s+(?:hasn't|has not|haven't|have not)\s+(?:yet\s+)?(?:seen|read)\s+"
    r"(?:this|my|the)\s+(?:email|letter|message|complaint)\b|"
    r"\bwithout\s+(?:his|her|their)\s+(?:knowledge|knowing)\b|"
    r"\b(?:haven't|have not|not yet|didn't|did not)\s+(?:yet\s+)?told\s+(?:him|her|them)\s+(?:(?:that\s+)?(?:i'm|i am|we're|we are)\s+"
    r"(?:writing|complaining)|about\s+(?:this|my)\s+(?:email|letter|complaint))\b", re.IGNORECASE)
# "he'd be happy for me to", "she would agree", "they might want me to": the young person's conditional.
CONDITIONAL = frozenset({"'d", "would", "might"})
SUBJECTS = frozenset({"he", "she", "they"})
# "..., I'm sure", "I'm sure she ...": the writer's guess, right beside the words.
GUESS_AFTER = re.compile(r"^[^.!?]{0,40},\s*(?:i'm sure|i am sure|i'm certain|i expect|i think|i imagine|i reckon|"
                         r"i assume|i guess)\s*(?:[.!]|$)", re.IGNORECASE)
GUESS_BEFORE = re.compile(r"\b(?:i'm sure|i am sure|i'm certain|i expect|i imagine|i reckon|i assume|i guess|i think|"
                          r"no doubt)\s+(?:that\s+)?(?:(?:he|she|they|(?-i:[A-Z][a-z]+))\b[^.!?,]{0,30})?$", re.IGNORECASE)
# "she said she'd be happy for me to": consent reported, not guessed.
REPORTED = re.compile(r"\b(?:said|says|told me|told us|has told|confirmed)\b", re.IGNORECASE)
CONDITIONAL_WINDOW = 3
# After a title: up to three names, then an age under 18 ("Ms Leanne Carver, aged 17", "Mr Jo Hale (16)").
YOUNG_TITLED = re.compile(r"^\.?(?:\s+[A-Z][\w'-]*\.?){1,3},?\s*(?:\(\s*(?:aged?\s*)?|aged?\s+|who is\s+)(\d{1,2})\b")


def unaware(analysis: Analysis) -> bool:
    """The writer says the young person does not know of the complaint."""
    return UNAWARE.search(analysis.text) is not None


def guessed(analysis: Analysis, found: Found) -> bool:
    """A consent word the writer only expects ("he'd be happy for me to send it, I'm sure")."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    before = analysis.text[sent.start_char:doc[found.start].idx]
    if REPORTED.search(before):
        return False
    window = range(max(sent.start + 1, found.start - CONDITIONAL_WINDOW), found.start)
    conditional = any(doc[i].lower_ in CONDITIONAL and (doc[i - 1].lower_ in SUBJECTS or
                                                        (doc[i - 1].is_title and doc[i - 1].lower_ != "i"))
                      for i in window)
    after = analysis.text[doc[found.end - 1].idx + len(doc[found.end - 1]):sent.end_char]
    return conditional or GUESS_BEFORE.search(before) is not None or GUESS_AFTER.match(after) is not None


def young_titled(analysis: Analysis, found: Found) -> bool:
    """A title followed by a name and an age under 18: a young person, not an adult."""
    doc = analysis.doc
    if found.end - found.start != 1:
        return False
    match = YOUNG_TITLED.match(analysis.text[doc[found.start].idx + len(doc[found.start]):][:80])
    return match is not None and int(match[1]) < 18
