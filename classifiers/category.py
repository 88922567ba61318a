"""Interim category classifier: weighted cue phrases (category.keywords.v0).

A stand-in until the trained spaCy pipeline (issue 4) replaces it. It is biased
towards `complaint` on purpose: a complaint filed as anything else loses its
statutory clock, while a non-complaint filed as one costs an officer a minute.
"""

from __future__ import annotations

import re

from classifiers.base import Classification, sentence_containing

CATEGORIES = ("complaint", "compliment", "suggestion", "out_of_scope")

CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "complaint": (
        (r"\bcomplain(t|ts|ing|ed)?\b", 3.0), (r"\bnot (happy|good enough|acceptable)\b", 2.0),
        (r"\bunhappy\b", 2.0), (r"\bdisappointed\b", 1.5), (r"\bfail(ed|ing|ure)\b", 1.5),
        (r"\blet (me|us|him|her|them) down\b", 2.0), (r"\bignor(ed|ing)\b", 1.5),
        (r"\b(was|were|wasn'?t|weren'?t|never|not) (told|informed|consulted|listened)\b", 2.0),
        (r"\bcancel+ed\b", 1.0), (r"\bunacceptable\b", 2.0), (r"\bno one\b", 1.0),
        (r"\b(angry|upset|furious|frustrated)\b", 1.5), (r"\bpoor\b", 1.0),
        (r"\bdidn'?t (call|ring|reply|respond|come|turn up)\b", 1.5),
        (r"\bstage (1|2|3|one|two|three)\b", 1.0), (r"\bnot fair\b|\bunfair\b", 2.0),
    ),
    "compliment": (
        (r"\bthank(s| you)\b", 1.0), (r"\bgrateful\b", 1.5), (r"\bcompliment\b", 3.0),
        (r"\b(wonderful|brilliant|fantastic|amazing|excellent|outstanding)\b", 1.5),
        (r"\bmade (a|such a|all the) (real )?difference\b", 2.0), (r"\bpraise\b", 2.0),
        (r"\bwent above and beyond\b", 2.5), (r"\bappreciate(d)?\b", 1.0),
    ),
    "suggestion": (
        (r"\bsuggest(ion|ions|ing)?\b", 3.0), (r"\bit would (be|help)\b", 1.5),
        (r"\b(could|should) (you|the council|the team) (consider|think about|look at)\b", 2.0),
        (r"\bidea\b", 1.0), (r"\bimprove(ment)?\b", 1.0), (r"\bwhy not\b", 1.0),
        (r"\b(feedback|comment) on\b", 1.0),
    ),
    "out_of_scope": (
        (r"\bfreedom of information\b|\bFOI\b", 4.0), (r"\bsubject access\b", 4.0),
        (r"\b(job|vacancy|vacancies|application for the (post|role))\b", 2.0),
        (r"\binvoice\b|\bquotation\b|\bpurchase order\b", 3.0), (r"\bunsubscribe\b", 3.0),
        (r"\bnewsletter\b|\bwebinar\b", 2.5), (r"\b(verify|confirm) your (account|password)\b", 4.0),
        (r"\bcouncil tax\b|\bbin collection\b|\bparking\b", 2.0),
    ),
}

_COMPILED = {cat: tuple((re.compile(p, re.I), w) for p, w in cues) for cat, cues in CUES.items()}


class KeywordCategoryClassifier:
    model_version = "category.keywords.v0"

    def classify(self, text: str) -> Classification:
        scores = {cat: 0.0 for cat in CATEGORIES}
        evidence: dict[str, list[str]] = {cat: [] for cat in CATEGORIES}
        for cat, cues in _COMPILED.items():
            for pattern, weight in cues:
                for match in pattern.finditer(text):
                    scores[cat] += weight
                    if len(evidence[cat]) < 3:
                        evidence[cat].append(sentence_containing(text, match.start(), match.end()))
        scores["complaint"] += 0.5  # prior: when in doubt, keep the statutory clock running
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        total = sum(scores.values())
        (best, best_score), (second, second_score) = ranked[0], ranked[1]
        confidence = best_score / total if total else 0.0
        if best_score < 2.0:
            confidence = min(confidence, 0.5)
        return Classification(
            label=best, score=round(confidence, 3), model_version=self.model_version,
            evidence=tuple(dict.fromkeys(evidence[best])),
            runner_up=(second, round(second_score / total, 3) if total else 0.0),
            scores={k: round(v, 3) for k, v in scores.items()})
