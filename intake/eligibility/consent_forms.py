"""Consent words that show no consent, and a title that is no adult's: questions intake.eligibility.standing asks.

- a guess at consent: "he'd be happy for me to send it, I'm sure", "I think she would agree": the
  writer's expectation, not the young person's say-so ("she said she'd be happy for me to" is hers);
- the young person does not know: "he doesn't know I'm writing", "Kai hasn't seen this letter",
  "without her knowledge": said outright, no consent word elsewhere outweighs it;
- a title with a child's age: "We act for Ms Leanne Carver, aged 17": a young person, whose consent
  is the question, not an adult represented; so is a titled person said to be in care ("Re: Ms Paige Hale.
  We act for the above-named, who is in the care of your authority"): only a child is looked after.
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
HEADING = 6  # tokens from a title to its sentence's end: a heading line, not a sentence
HEADING_WORDS = re.compile(r"(?:^|\b(?:re|ref|subject|our client|client)\s*:?)\s*$", re.IGNORECASE)
# Someone else named between the title and "who is in care": "whose son", "His daughter".
SOMEONE_ELSE = re.compile(r"\bwhose\b|\b(?:his|her|their)\s+(?:\w+\s+)?(?:son|daughter|child|children|kids|baby|"
                          r"grandson|granddaughter|nephew|niece|brother|sister)\b", re.IGNORECASE)
# After a title: up to three names, then an age under 18 ("Ms Leanne Carver, aged 17", "Mr Jo Hale (16)").
YOUNG_TITLED = re.compile(r"^\.?(?:\s+[A-Z][\w'-]*\.?){1,3},?\s*(?:\(\s*(?:aged?\s*)?|aged?\s+|who is\s+)(\d{1,2})\b")
# "..., who is in the care of your authority", "who is looked after by you", "who is a looked-after child": the one
# the title names is a child in care ("whose son is in care" is a parent, and does not match).
IN_CARE = re.compile(r"\bwho\s+(?:is|has been)\s+(?:currently\s+|now\s+|still\s+)?(?:in\s+the\s+care\s+of|looked\s+after|"
                     r"in\s+(?:local\s+authority\s+|foster\s+|residential\s+)?care\b|a\s+looked[\s-]+after\s+child|"
                     r"accommodated\s+by|subject\s+to\s+(?:an?\s+)?(?:interim\s+)?care\s+order)", re.IGNORECASE)


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
    """A title followed by a name and an age under 18, or said to be in care: a young person, not an adult."""
    doc = analysis.doc
    if found.end - found.start != 1:
        return False
    after = doc[found.start].idx + len(doc[found.start])
    match = YOUNG_TITLED.match(analysis.text[after:][:80])
    return (match is not None and int(match[1]) < 18) or _in_care(analysis, found, after)


def _in_care(analysis: Analysis, found: Found, after: int) -> bool:
    """"Ms Paige Hale, who is in the care of your authority": in the title's sentence, or in the one after a heading
    ("Re: Ms Paige Hale"); not someone else in care ("Mrs Reid, whose son is in care", "Mr Price. His daughter, who ...")."""
    sent = analysis.sent(found.start)
    end = sent.end_char
    heading = HEADING_WORDS.search(analysis.text[sent.start_char:analysis.doc[found.start].idx])
    if sent.end - found.start <= HEADING and heading:
        following = min(analysis.sentence_of_char(sent.start_char) + 1, len(analysis.sentence_bounds) - 1)
        end = analysis.sentence_bounds[following][1]
    in_care = IN_CARE.search(analysis.text[after:end])
    return in_care is not None and not SOMEONE_ELSE.search(analysis.text[after:after + in_care.start()])
