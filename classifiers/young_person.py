"""Interim young-person signal: is the writer a child or young person? (young_person.cues.v0)

Errs towards the child-friendly reply only on clear first-person cues: a reply
in plain words does an adult no harm, but a formal letter can shut a child out.
"""

from __future__ import annotations

import re

from classifiers.base import Classification, sentence_containing

MODEL_VERSION = "young_person.cues.v0"

AGE = re.compile(r"\bI(?:'m| am)\s+(\d{1,2})(?:\s*(?:years?\s*old|yrs?(?:\s*old)?|y/?o)\b|\s*[.,!]|\s+and\b)", re.I)
CUES = re.compile(r"""
    \bmy\ (foster\ (carer|carers|mum|mom|dad|parents|family|placement)|social\ worker|sw|
           children'?s\ home|key\ ?worker|independent\ reviewing\ officer|iro|pa|personal\ adviser)\b
  | \bI(?:'m|\ am)\ (in\ care|a\ care\ leaver|looked\ after|in\ (year|yr)\ \d{1,2})\b
  | \b(my|our)\ (school|teacher|mum|dad)\ (says|said)\b
""", re.I | re.X)
ADULT = re.compile(r"\b(my (son|daughter|child|children|grandson|granddaughter|client)|on behalf of|"
                   r"as (his|her|their) (mother|father|parent|carer|advocate|solicitor))\b", re.I)


class CueYoungPersonSignal:
    model_version = MODEL_VERSION

    def classify(self, text: str) -> Classification:
        head = text[:4000]
        age = AGE.search(head)
        if age and 8 <= int(age.group(1)) <= 21:
            return self._yes(head, age.start(), age.end(), 0.9)
        cue = CUES.search(head)
        if cue and not ADULT.search(head):
            return self._yes(head, cue.start(), cue.end(), 0.7)
        return Classification("adult", 0.6, self.model_version)

    def _yes(self, text: str, start: int, end: int, score: float) -> Classification:
        return Classification("young_person", score, self.model_version,
                              evidence=(sentence_containing(text, start, end),))
