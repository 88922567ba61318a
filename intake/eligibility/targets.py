"""Who is the complaint about? Children's social care, another body, another council service, a court.

Read clause by clause. A clause complains about another body if it reads as a complaint
(negative words) and does not merely praise or say what the complaint is *not* about; it
keeps children's social care in the complaint whenever it names it other than in praise or
in reporting a referral. A clause that starts with a pronoun ("She never rang back") also
speaks of whoever the clause before it named.

The exclusion rules close the door only when no clause complains about children's social
care: a school or the police mentioned in passing leaves the complaint eligible.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.eligibility.matching import Analysis, Found

PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "their", "them", "this", "that"})
SELF_STARTS = frozenset({"i", "we", "as", "'m"})
NOT_ABOUT_WINDOW = 3
FILLERS = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "about", "with"})
# A place named after one of these is where something happened, not who did it ("at school").
PLACE_WORDS = frozenset({"at", "to", "from", "in", "into", "outside", "near"})
REFERS_BACK = frozenset({"order", "decision", "ruling", "judgment", "judgement"})


@dataclass
class Targets:
    csc: list[int] = field(default_factory=list)  # sentences complaining about children's social care
    bodies: dict[str, int] = field(default_factory=dict)  # body -> first sentence complaining about it
    services: dict[str, int] = field(default_factory=dict)
    court: list[int] = field(default_factory=list)  # sentences about a court's decision


@dataclass
class _Clause:
    csc: bool = False
    mentioned: bool = False  # named only in a referral ("I told the social worker"): a pronoun may refer back
    bodies: set[str] = field(default_factory=set)
    services: set[str] = field(default_factory=set)


def of(analysis: Analysis) -> Targets:
    """The targets of this text, worked out once."""
    cached = analysis.memo.get("targets")
    if isinstance(cached, Targets):
        return cached
    result = _find(analysis)
    analysis.memo["targets"] = result
    return result


def _find(analysis: Analysis) -> Targets:
    result = Targets()
    clauses = _named(analysis)
    negative = analysis.clauses_with("sentences.negative")
    positive = analysis.clauses_with("sentences.positive")
    court = _court_clauses(analysis)
    previous = _Clause()
    for index, sentence in enumerate(analysis.clause_sentence):
        named = clauses.get(index, _Clause())
        if _starts_with_pronoun(analysis, index):  # "...but she says it is for the school": she is still here
            named = _Clause(named.csc or previous.csc or previous.mentioned, False, named.bodies | previous.bodies,
                            named.services | previous.services)
        previous = named
        if index in court:
            result.court.append(sentence)
            continue
        praise = index in positive and index not in negative
        # Children's social care named anywhere but in praise or a referral keeps the complaint in the
        # procedure (turning someone away wrongly is the costly error); another body or service
        # closes the door only where the clause complains about it.
        if named.csc and not praise:
            result.csc.append(sentence)
        for service in named.services:  # rarely named in passing: no complaint words needed
            result.services.setdefault(service, sentence)
        if index not in negative or praise:
            continue
        for body in named.bodies:
            result.bodies.setdefault(body, sentence)
    return result


def _named(analysis: Analysis) -> dict[int, _Clause]:
    """Per clause: whom it names, leaving out names said not to be the complaint's subject."""
    rules = analysis.rules
    groups = [f for g in rules.groups for f in analysis.all(f"{g.kind}.{g.name}")]
    self_spans = [f for role in ("foster_carer", "special_guardian", "adopter", "kinship_carer")
                  for f in analysis.all(f"standing.{role}") if analysis.doc[f.start].lower_ in SELF_STARTS]
    covering = {f"not_childrens_social_care.{g.name}" for g in rules.groups if g.covers_social_workers}
    covered_clauses = {f.clause for f in groups if f.key in covering}
    places = set(analysis.rules.phrases("childrens_social_care.places"))
    clauses: dict[int, _Clause] = {}
    context = analysis.all("sentences.context")  # "the school rang social services": a referral, not a complaint
    for found in analysis.all("childrens_social_care.actors"):
        if _inside(found, context):
            clauses.setdefault(found.clause, _Clause()).mentioned = True
            continue
        if (found.clause in covered_clauses or _inside(found, groups) or _inside(found, self_spans)
                or _said_not_about(analysis, found) or _a_place(analysis, found, places)):
            continue
        clauses.setdefault(found.clause, _Clause()).csc = True
    actors = analysis.all("childrens_social_care.actors")
    services = [f for f in groups if f.key.startswith("not_childrens_social_care.")]
    for found in groups:
        if (_said_not_about(analysis, found) or _inside(found, actors) or _inside(found, services)
                or _a_place(analysis, found, places)):
            continue
        kind, _, name = found.key.partition(".")
        if kind == "other_organisation" and _council_acts_first(analysis, found):
            continue
        clause = clauses.setdefault(found.clause, _Clause())
        (clause.bodies if kind == "other_organisation" else clause.services).add(name)
    return clauses


def _court_clauses(analysis: Analysis) -> set[int]:
    """Clauses that speak of a court's decision (not of the council following one), and a clause in
    the next sentence that refers back to it ("The order means I have to let social workers in")."""
    court = {f.clause for f in analysis.all("court_decision.court") if not _said_not_about(analysis, f)}
    decided = analysis.clauses_with("court_decision.decision")
    excused = analysis.clauses_with("court_decision.not_decision")
    found = (court & decided) - excused
    after = {analysis.clause_sentence[c] + 1 for c in found}
    for clause, sentence in enumerate(analysis.clause_sentence):
        words = {analysis.doc[f.start].lower_ for f in analysis.all("court_decision.decision") if f.clause == clause}
        if sentence in after and words & REFERS_BACK and clause not in excused:
            found.add(clause)
    return found


def _inside(found: Found, spans: list[Found]) -> bool:
    return any(s.start <= found.start and found.end <= s.end and (s.end - s.start) > (found.end - found.start)
               for s in spans)


def _said_not_about(analysis: Analysis, found: Found) -> bool:
    """"..., not the police", "I'm not complaining about the school": named only to be set aside."""
    doc = analysis.doc
    return any(n.sentence == found.sentence and n.end <= found.start <= n.end + NOT_ABOUT_WINDOW
               and all(t.lower_ in FILLERS for t in doc[n.end:found.start])
               for n in analysis.all("sentences.not_about"))


def _a_place(analysis: Analysis, found: Found, places: set[str]) -> bool:
    """"sent him to school", "at the children's home where she lives": a place, not an actor."""
    if analysis.doc[found.start:found.end].text.lower() not in places:
        return False
    before = [t.lower_ for t in analysis.doc[max(0, found.start - 2):found.start]]
    return bool(before) and (before[-1] in PLACE_WORDS or (len(before) == 2 and before[0] in PLACE_WORDS
                                                           and before[1] in FILLERS))


def _council_acts_first(analysis: Analysis, found: Found) -> bool:
    """"The council has stopped paying for their nursery place": the council is complained about."""
    return any(c.clause == found.clause and c.end <= found.start
               for c in analysis.all("childrens_social_care.council"))


def _starts_with_pronoun(analysis: Analysis, clause: int) -> bool:
    first = analysis.clause_start.get(clause)
    return first is not None and analysis.doc[first].lower_ in PRONOUNS
