"""Interim safeguarding screen: phrase matching, recall first (safeguarding.phrases.v0).

A missed disclosure is the worst failure this product can have; a false alarm
costs a manager a minute. So the phrases are broad, and only a few well-known
innocent uses ("abuse of process") are excused. The trained screen (issue 4)
replaces the phrase list, never the recall-first rule.
"""

from __future__ import annotations

import re

from classifiers.base import Classification, sentence_containing

MODEL_VERSION = "safeguarding.phrases.v0"

RISK = re.compile(r"""
    \b(hits?|hitting|hit|punch(es|ed)?|kick(s|ed)?|beat(s|en|ing)?|slap(s|ped)?|hurt(s|ing)?|
       chok(e|ed|ing)|strangl\w*|burn(s|ed|t)\ (me|him|her|them))\ (me|him|her|them|us|my)\b
  | \b(scared|afraid|frightened|terrified)\ (to\ go\ home|of\ (him|her|them|my|going\ home))\b
  | \b(not|don'?t\ feel|do\ not\ feel)\ safe\b
  | \b(kill(ing)?\ myself|end\ (it\ all|my\ life)|suicid\w*|self[- ]?harm\w*|cut(ting)?\ myself|overdose)\b
  | \b(want|going)\ to\ die\b
  | \b(sexual(ly)?\ (abuse|assault|exploit\w*)|touch(ed|es|ing)\ me|rap(e|ed))\b
  | \b(groom(ed|ing)|exploit(ed|ation)|county\ lines|made\ to\ (sell|carry|deliver))\b
  | \b(missing\ (child|since|from\ (home|care|placement))|ran\ away|run\ away|hasn'?t\ come\ home|not\ come\ home)\b
  | \b(no\ food|starv\w*|left\ (alone|on\ (his|her|their)\ own)|locked\ (in|out))\b
  | \b(neglect\w*|abus(e|ed|ing|ive)|violen(t|ce)|domestic\ abuse)\b
""", re.I | re.X)

EXCUSED = re.compile(r"\babuse of (process|power|position|discretion)\b", re.I)


class PhraseSafeguardingScreen:
    model_version = MODEL_VERSION

    def classify(self, text: str) -> Classification:
        evidence: list[str] = []
        for match in RISK.finditer(text):
            if EXCUSED.match(text, match.start()):
                continue
            sentence = sentence_containing(text, match.start(), match.end())
            if sentence not in evidence:
                evidence.append(sentence)
        flagged = bool(evidence)
        return Classification(label="safeguarding" if flagged else "none",
                              score=1.0 if flagged else 0.0, model_version=self.model_version,
                              evidence=tuple(evidence[:5]))
