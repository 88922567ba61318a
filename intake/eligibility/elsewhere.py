"""Another council's children's services: a body with its own complaints procedure, like a school.

The rules file lists the plain words ("our previous council", "another local authority"); this module
finds what a list cannot, because the name is the writer's:

- a council named with a sign that it is not this one: "Eastmere Borough Council's children's services,
  where we lived before", or a place the writer moved from ("We moved here from Halbury ... Halbury
  Council's social worker", "Who do I complain to about Halbury?");
- its own staff: "the previous council's social worker", "their social worker" later in the sentence
  that names it, are that council's, not ours.

Each is added as a phrase found for `other_organisation.other_council`, so the other rules read it as
any other body. Nothing is added when the rules file has no such group (a council's older copy).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

KEY = "other_organisation.other_council"
KINDS = r"(?:Metropolitan|Borough|County|City|District|Council)\b"
NAME = r"((?:(?!" + KINDS + r")[A-Z][a-z]+(?:[ -](?=[A-Z]))?){1,3})"
COUNCIL = re.compile(NAME + r"\s+(?:(?:Metropolitan\s+)?Borough\s+|County\s+|City\s+|District\s+)?Council\b")
MOVED_FROM = re.compile(r"\b(?:moved|moving|came|relocated)\s+(?:here\s+|over\s+|down\s+|up\s+|away\s+)?"
                        r"(?:to\s+(?:this\s+area\s+|[A-Z]\w+\s+))?from\s+" + NAME)
# Said beside a council named in full: it is not this one.
ELSEWHERE = re.compile(r"\bwhere\s+(?:we|i)\s+(?:used\s+to\s+live|lived\s+(?:before|previously)|previously\s+lived)\b|"
                       r"\bbefore\s+(?:we|i)\s+moved\b|\b(?:we|i)\s+(?:have\s+|'ve\s+)?moved\s+(?:away\s+)?from\b|"
                       r"\b(?:our|my)\s+(?:old|previous|former)\s+(?:area|council|authority)\b", re.IGNORECASE)
STAFF_OF = frozenset({"their", "its"})


def add(analysis: Analysis) -> None:
    """Add another council's mentions, and its staff, to what the phrase matcher found."""
    if not any(f"{g.kind}.{g.name}" == KEY for g in analysis.rules.groups):
        return
    found = list(analysis.all(KEY)) + _named(analysis)
    if not found:
        return
    found = [_with_its_staff(analysis, f) for f in found]
    found += _their_staff(analysis, found)
    analysis.found[KEY] = sorted(found, key=lambda f: f.start)


def _named(analysis: Analysis) -> list[Found]:
    text, result = analysis.text, []
    moved = {(m[1].strip(), m.end()) for m in MOVED_FROM.finditer(text)}
    places = {name for name, _ in moved}
    for match in COUNCIL.finditer(text):
        sentence = analysis.sentence_of_char(match.start())
        rest = text[match.end():analysis.sentence_bounds[sentence][1]]
        if any(match[1].strip().endswith(place) for place in places) or ELSEWHERE.search(rest):
            result.append(_found(analysis, match.start(), match.end()))
    for name, after in moved:  # "... from Halbury in April. ... complain to about Halbury?": later mentions
        for match in re.finditer(rf"\b{re.escape(name)}\b(?!\s+(?:Metropolitan|Borough|County|City|District|Council))",
                                 text[after:]):
            result.append(_found(analysis, after + match.start(), after + match.end()))
    return [f for f in result if f.end > f.start]


def _found(analysis: Analysis, start: int, end: int) -> Found:
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    first = span.start if span is not None else 0
    last = span.end if span is not None else 0
    clause = analysis.clause_of_token(first)
    return Found(KEY, first, last, analysis.clause_sentence[clause], clause)


def _with_its_staff(analysis: Analysis, found: Found) -> Found:
    """"Eastmere Council's children's services": the span takes in the actor it owns."""
    doc = analysis.doc
    if found.end >= len(doc) or doc[found.end].lower_ != "'s":
        return found
    owned = [a for a in analysis.all("childrens_social_care.actors") if a.start == found.end + 1]
    return Found(KEY, found.start, max(a.end for a in owned), found.sentence, found.clause) if owned else found


def _their_staff(analysis: Analysis, found: list[Found]) -> list[Found]:
    """"..., where we lived before: their social worker closed our case": that council's social worker."""
    doc = analysis.doc
    return [Found(KEY, a.start - 1, a.end, a.sentence, a.clause) for a in analysis.all("childrens_social_care.actors")
            if a.start > 0 and doc[a.start - 1].lower_ in STAFF_OF
            and any(f.sentence == a.sentence and f.end <= a.start for f in found)]
