"""Is the complaint about a court's decision? Courts are outside the procedure (legal advice instead).

Only when the decision is challenged and no part of the complaint is about children's
social care itself: "the court ordered contact but the social worker keeps cancelling it"
is a complaint about the social worker.
"""

from __future__ import annotations

import re

from intake.eligibility import owned_decisions, targets, undo_forms
from intake.eligibility.matching import Analysis
from intake.item import Hit


# "I am not asking to change the order", "we're not trying to get it overturned", "I'm not challenging the
# order": a challenge the writer says they are not making is none (what they ask is usually the council's part).
NOT_ASKING = re.compile(r"\b(?:not|n't|never|no longer)\s+(?:\w+\s+)?(?:asking|seeking|trying|looking|wanting|"
                        r"here|writing|challenging|disputing|questioning|contesting|appealing|complaining)\b"
                        r"(?:\s+[\w']+){0,4}\s*$", re.IGNORECASE)


# "The supervision order the magistrates made is far too long", "the order's conditions are too restrictive": the
# order's length or reach disputed, said of the order itself (an order word, then a verb of being: not "the social
# worker took too long to file her statement", nor "the report the social worker gave the court was far too long").
TOO_MUCH = re.compile(r"\b(?:order|orders|ruling|judgment|judgement|conditions)\b(?:\s+[\w']+){0,8}?\s+(?:is|was|are|were|"
                      r"seems|seemed|lasts|lasted|goes\s+on|went\s+on)\s+(?:far\s+|way\s+|much\s+|just\s+|simply\s+|"
                      r"completely\s+)?(?:too\s+(?:long|restrictive|strict|severe|onerous)|excessive)\b", re.IGNORECASE)


def check(analysis: Analysis) -> Hit | None:
    found = targets.of(analysis)
    if not found.court or not found.closes("court") or not _challenged(analysis, set(found.court)):
        return None
    return analysis.hit("court_decision", "The complaint is about a decision made by a court, which the "
                        "complaints procedure cannot change.", found.court[0])


def _challenged(analysis: Analysis, decided: set[int]) -> bool:
    """"The judge got it wrong", "I want the order overturned": in a sentence naming the court or the
    one after it; "my complaint is about the court's ruling": in the sentence of the decision itself."""
    court = analysis.sentences_with("court_decision.court") | decided
    # The sentence after the court's: unless it is about what children's social care did ("Since February
    # the council's contact team has cancelled three visits": the council's act, not the court's).
    council = analysis.sentences_with("childrens_social_care.actors") | analysis.sentences_with("childrens_social_care.council")
    near = court | ({i + 1 for i in court} - (council - court))
    # "I want this decision overturned": a later sentence that refers back to the court's decision.
    near |= {f.sentence for f in analysis.all("court_decision.decision")
             if owned_decisions.refers_back(analysis, f.start) and f.sentence > min(court)
             and analysis.doc[f.start - 1].lower_ in ("this", "that", "the", "its", "their")}
    near |= _abbreviated(analysis, min(court))
    near |= undo_forms.sentences(analysis, sorted(court), targets.of(analysis).csc)  # "... I want it ended now."
    challenged = {f.sentence for f in analysis.all("court_decision.challenge") if not _disowned(analysis, f.start)}
    challenged |= {i for i in near if i < len(analysis.sentence_bounds) and TOO_MUCH.search(analysis.sentence_text(i))}
    challenged |= {analysis.sentence_of_char(m.start()) for m in undo_forms.UNDO.finditer(analysis.text)}  # "bring the order to an end"
    return bool(challenged & near or analysis.sentences_with("court_decision.complaint") & decided)


# "The court made a special guardianship order ... I want to complain that the SGO is wrong": an order's short
# name, standing for itself ("the SGO is", not "the SGO allowance"), refers back to the court's order.
ABBREVIATIONS = frozenset({"sgo", "ico", "epo", "cao", "sao", "pso"})
STANDS_ALONE = frozenset({"is", "was", "should", "must", "has", "had", "needs", "ought", "be", "itself", "that", "which"})


def _abbreviated(analysis: Analysis, first: int) -> set[int]:
    doc = analysis.doc
    return {analysis.sentence_of_char(t.idx) for t in doc[1:-1] if t.lower_ in ABBREVIATIONS
            and doc[t.i - 1].lower_ in ("the", "this", "that") and (doc[t.i + 1].lower_ in STANDS_ALONE or doc[t.i + 1].is_punct)
            and analysis.sentence_of_char(t.idx) > first}


# "I'm not disputing the order", "we are not contesting it": the challenge word itself denied.
DENIED = re.compile(r"\b(?:not|n't|never|no longer)\s+(?:\w+ly\s+|really\s+|even\s+)?$", re.IGNORECASE)


def _disowned(analysis: Analysis, start: int) -> bool:
    """"I am not asking to change the order", "I'm not disputing the order": the challenge word follows a
    denial of making one, or is itself denied."""
    token = analysis.doc[start]
    before = analysis.text[analysis.sent(token.i).start_char:token.idx]
    return NOT_ASKING.search(before) is not None or DENIED.search(before) is not None
