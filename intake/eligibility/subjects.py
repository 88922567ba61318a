"""More of a name's role in its sentence: an activity rather than an actor, a subject named before the
complaint words, a name standing for a body named earlier, and a person set aside by a pronoun.

- an activity, not an actor: a body's word modifying what the writer wants or does ("a college
  course", "my university application", "a hospital appointment"), or a bare institution after a
  verb ("she must change school", "I had to leave college"): nobody there did anything;
- a subject named before the complaint words: "it's CAMHS I want to complain about", "the GP is who
  I'm complaining about";
- an alias: "My housing association, Meadowbrook Homes, ..." then "complain about Meadowbrook";
- set aside by a pronoun: "The social worker has been great, I've no complaint about her", or said not to
  be the problem ("she isn't the problem");
- a status, not an actor: "because I have a social worker", "he's got a social worker, but ...": having
  one says who the family is, not what anyone did.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.eligibility import waiting_lists
from intake.eligibility.matching import Analysis, Found

# Nouns a body's name modifies when it is the thing wanted, not the one who acted.
ACTIVITY = frozenset({
    "course", "courses", "application", "applications", "place", "places", "uniform", "uniforms", "trip",
    "trips", "run", "holiday", "holidays", "fees", "fee", "bursary", "work", "books", "bag", "day", "days",
    "term", "terms", "year", "years", "appointment", "appointments", "interview", "interviews", "offer",
    "offers", "open", "prom", "exams", "exam", "timetable", "friends", "mates", "bus", "lunch", "dinners",
    "shoes", "supplies", "visit", "visits", "stay", "check-up", "checkup", "waiting", "enrolment", "induction",
})
# A bare institution after a verb ("change school") names an activity; after one of these it is a body.
DETERMINERS = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "this", "that",
                         "'s", "which", "whose", "new", "old", "local", "former", "current", "same", "that's"})
INSTITUTIONS = frozenset({"school", "college", "nursery", "uni", "university", "hospital", "sixth form"})
# "it's CAMHS I want to complain about", "the school is who we are complaining about".
CLEFT = re.compile(r"\b(?:it's|it is|it was|its)\s+(?P<subject>[^.!?,]{2,60}?)\s+(?:that\s+|who\s+|which\s+)?"
                   r"(?:i|we)(?:'m|'re| am| are)?\s+(?:\w+\s+){0,3}?complain(?:ing)?\s+(?:about|against)\b|"
                   r"(?P<named>[^.!?,]{2,60}?)\s+(?:is|are)\s+(?:who|what)\s+(?:i|we)(?:'m|'re| am| are)?\s+"
                   r"(?:\w+\s+){0,3}?complain(?:ing)?\s+(?:about|against)\b", re.IGNORECASE)
# What every CLEFT match holds, and the stretches of text one can lie in (CLEFT never crosses these marks).
COMPLAIN = re.compile("complain", re.IGNORECASE)
STRETCH = re.compile(r"[^.!?,]+")
PRONOUNS = frozenset({"her", "him", "them", "she", "he", "they"})
# "<one of these> at/from the <body>": the body's own people, so the body is the actor.
PEOPLE = frozenset({"staff", "manager", "managers", "worker", "workers", "receptionist", "officer", "officers",
                    "people", "woman", "man", "lady", "guy", "someone", "somebody", "employee", "employees"})
# "planning his move to adult services", "the transition into adults' services": where someone goes next,
# not who acted.
TRANSITION = frozenset({"move", "moving", "moves", "moved", "transition", "transitions", "transitioning", "transfer",
                        "transferring", "handover", "hand-over", "handing", "going", "ready", "prepare", "preparing"})
OF = frozenset({"at", "from", "of", "in"})
APPOSITION = frozenset({",", "(", "called", "named", "-", "–", "—"})


def as_activity(analysis: Analysis, found: Found) -> bool:
    doc = analysis.doc
    after = doc[found.end] if found.end < len(doc) else None
    if after is not None and after.lower_ in ACTIVITY and not waiting_lists.own_waiting_list(analysis, found):
        return True
    if doc[found.start:found.end].text.lower() not in INSTITUTIONS or found.start == analysis.sent(found.start).start:
        return False
    before = doc[found.start - 1]
    return before.is_alpha and before.is_lower and before.lower_ not in DETERMINERS and before.lower_ != "i"


def moving_to(analysis: Analysis, found: Found) -> bool:
    """"a plan for moving to adult services", "his transition into adults' services": where someone goes next."""
    doc = analysis.doc
    return found.start > 1 and doc[found.start - 1].lower_ in ("to", "into", "towards", "for") and \
        any(t.lower_ in TRANSITION for t in doc[max(0, found.start - 4):found.start - 1])


def cleft_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """Token spans of subjects named before the complaint words.

    CLEFT tries up to 60 characters at every position, the costliest search of all the
    rules; it only runs over the stretches that can hold a match (see `_cleft_matches`).
    """
    spans = []
    for match in _cleft_matches(analysis.text):
        group = "subject" if match["subject"] else "named"
        if match[group].lower().startswith(("not ", "never ")):
            continue  # "it's not them I'm complaining about": set aside, not declared
        span = analysis.doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
        if span is not None and len(span):
            spans.append((span.start, span.end))
    return spans


def _cleft_matches(text: str) -> Iterator[re.Match[str]]:
    """CLEFT.finditer(text), searching only the stretches between punctuation that say "complain".

    No part of CLEFT matches ".", "!", "?" or ",", so every match lies inside one stretch
    without them, and every match says "complain". Searching such a stretch alone finds the
    same matches: its ends are punctuation or the text's ends, where \\b reads the same.
    """
    if COMPLAIN.search(text) is None:
        return
    for stretch in STRETCH.finditer(text):
        if COMPLAIN.search(text, stretch.start(), stretch.end()):
            yield from CLEFT.finditer(text, stretch.start(), stretch.end())


def aliases(analysis: Analysis, found: Found) -> set[str]:
    """Capitalised names set beside a body ("My housing association, Meadowbrook Homes,"): lower-cased."""
    doc, names = analysis.doc, set()
    sent = analysis.sent(found.start)
    if found.end < sent.end and doc[found.end].text in APPOSITION:
        i = found.end + 1
        while i < sent.end and doc[i].is_title and doc[i].lower_ != "i":
            names.add(doc[i].lower_)
            i += 1
    return names


def set_aside(analysis: Analysis, found: Found) -> bool:
    """The actor is named, then set aside by a pronoun in the same sentence ("no complaint about her")."""
    doc, actors = analysis.doc, analysis.all("childrens_social_care.actors")
    return any(n.sentence == found.sentence and n.start > found.end and n.end < len(doc)
               and doc[n.end].lower_ in PRONOUNS and not any(found.end <= a.start < n.start for a in actors)
               for n in analysis.all("sentences.not_about") if doc[n.start:n.end].text.lower() not in ("not", "n't"))


def works_elsewhere(analysis: Analysis, found: Found, groups: list[Found]) -> bool:
    """"The staff at the council leisure centre", "a woman from the housing team": the other body's people."""
    doc = analysis.doc
    if doc[found.end - 1].lower_ not in PEOPLE or found.end >= len(doc) or doc[found.end].lower_ not in OF:
        return False
    return any(g.sentence == found.sentence and found.end < g.start <= found.end + 4 for g in groups)


# "I have a social worker.", "he's got a social worker, but ...": a status; "a social worker who ..." is not.
HAVE = frozenset({"have", "has", "had", "got", "'ve"})
STATUS_ENDS = frozenset({"but", "and", "so", "because", "as", "too", "now", "though", "although", "since", "for"})
# "she isn't the problem", "they are not the issue": the one named before is set aside.
NOT_THE_PROBLEM = re.compile(r"\b(?:is|are|was|were)(?:n't|\s+not)\s+(?:the|my|our)\s+(?:problem|issue|one)\b|"
                             r"\b(?:isn't|aren't|wasn't|weren't)\s+(?:the|my|our)\s+(?:problem|issue|one)\b|"
                             # "She's fine - it's the plan people I'm complaining about": another subject named instead
                             r"\bit(?:'s|\s+is)\s+(?:the|those|that|these)\s+[\w\s'-]{1,30}?\s+(?:that\s+|who\s+)?(?:i'm|i\s+am|"
                             r"we're|we\s+are)\s+(?:complaining|unhappy|upset|angry)\s+(?:about|with)\b", re.IGNORECASE)


def as_status(analysis: Analysis, found: Found) -> bool:
    doc = analysis.doc
    if found.start < 2 or doc[found.start - 1].lower_ not in ("a", "an") or doc[found.start - 2].lower_ not in HAVE:
        return False
    after = doc[found.end] if found.end < analysis.sent(found.start).end else None
    return after is None or after.is_punct or after.lower_ in STATUS_ENDS


def not_the_problem(analysis: Analysis, clause: int) -> bool:
    """"..., but she isn't the problem": the clause sets aside whoever its pronoun stands for."""
    doc, first = analysis.doc, analysis.clause_start.get(clause)
    if first is None:
        return False
    last = first
    while last < len(doc) and analysis.clause_of_token(last) == clause:
        last += 1
    return NOT_THE_PROBLEM.search(doc[first:last].text) is not None
