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

from intake.eligibility import mentions, writer
from intake.eligibility.matching import Analysis

SELF_STARTS = frozenset({"i", "we", "as", "'m"})
REFERS_BACK = frozenset({"order", "decision", "ruling", "judgment", "judgement"})


@dataclass
class Targets:
    csc: list[int] = field(default_factory=list)  # sentences naming children's social care (not in praise)
    bodies: dict[str, int] = field(default_factory=dict)  # body -> first sentence complaining about it
    services: dict[str, int] = field(default_factory=dict)
    court: list[int] = field(default_factory=list)  # sentences about a court's decision
    # How strongly each is complained about: 1 named, 2 in a complaining clause, 3 declared the subject
    # ("complaint about ..."); children's social care named in passing counts 1, named 2, complained
    # about 3, declared 4. Another body or a court closes the door only over children's social care:
    # over any mention of it only when declared the subject.
    level: dict[str, int] = field(default_factory=dict)  # "csc", "body", "service", "court" -> level

    def closes(self, kind: str) -> bool:
        """Is `kind` complained about more than children's social care? (A service needs no complaint
        words and beats children's social care merely named; a body or court needs to be declared.)"""
        csc = self.level.get("csc", 0)
        if kind == "service" and csc == 2:
            csc = 1
        elif kind != "service" and csc == 1:
            csc = 2
        return self.level.get(kind, 0) > csc


@dataclass
class _Clause:
    csc: int = 0  # 0 not named, 1 in passing, 2 named
    mentioned: bool = False  # named only in a referral ("I told the social worker"): a pronoun may refer back
    bodies: dict[str, int] = field(default_factory=dict)  # name -> 1 in passing, 2 named
    services: dict[str, int] = field(default_factory=dict)


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
    clauses, declared = _named(analysis)
    negative = analysis.clauses_with("sentences.negative")
    positive = analysis.clauses_with("sentences.positive")
    court = _court_clauses(analysis)
    previous = _Clause()
    level = result.level
    for index, sentence in enumerate(analysis.clause_sentence):
        named = clauses.get(index, _Clause())
        if mentions.starts_with_pronoun(analysis, index):  # "...but she says it is for the school": she is still here
            named = _Clause(max(named.csc, previous.csc, 2 if previous.mentioned else 0), False,
                            {**previous.bodies, **named.bodies}, {**previous.services, **named.services})
        previous = named
        if index in court:
            result.court.append(sentence)
            level["court"] = max(level.get("court", 0), 2)
            continue
        praise = index in positive and index not in negative
        complaining = index in negative and not praise
        # Children's social care named anywhere but in praise or a referral keeps the complaint in the
        # procedure unless another body is declared the complaint's subject (turning someone away
        # wrongly is the costly error).
        if named.csc and not praise:
            result.csc.append(sentence)
            level["csc"] = max(level.get("csc", 0), named.csc + (complaining and named.csc == 2))
        for service, strength in named.services.items():  # rarely named in passing: no complaint words needed
            result.services.setdefault(service, sentence)
            level["service"] = max(level.get("service", 0), strength if complaining else 1)
        if not complaining:
            continue
        for body, strength in named.bodies.items():
            result.bodies.setdefault(body, sentence)
            level["body"] = max(level.get("body", 0), strength)
    for kind in declared:
        level[kind] = 4 if kind == "csc" else 3
    for index, named in clauses.items():  # "How do I complain about her?": the health visitor, named before
        for body in named.bodies if "body" in declared else ():
            result.bodies.setdefault(body, analysis.clause_sentence[index])
    if "court" in declared and not result.court:
        del level["court"]
    return result


def _named(analysis: Analysis) -> tuple[dict[int, _Clause], set[str]]:
    """Per clause: whom it names, leaving out names said not to be the complaint's subject; and the
    kinds ("csc", "body", "service", "court") declared the complaint's subject."""
    rules = analysis.rules
    groups = [f for g in rules.groups for f in analysis.all(f"{g.kind}.{g.name}")]
    self_spans = [f for role in ("foster_carer", "special_guardian", "adopter", "kinship_carer")
                  for f in analysis.all(f"standing.{role}") if analysis.doc[f.start].lower_ in SELF_STARTS]
    self_spans += [f for f in analysis.all("childrens_social_care.actors")
                   if analysis.doc[f.end - 1].lower_ in ("carer", "carers") and writer.introduces(analysis, f)]
    covering = {f"not_childrens_social_care.{g.name}" for g in rules.groups if g.covers_social_workers}
    covered_clauses = {f.clause for f in groups if f.key in covering}
    places = set(analysis.rules.phrases("childrens_social_care.places"))
    clauses: dict[int, _Clause] = {}
    named: list[tuple[int, str]] = []  # (token, kind) in text order, for declared subjects
    context = analysis.all("sentences.context")  # "the school rang social services": a referral, not a complaint
    for found in analysis.all("childrens_social_care.actors"):
        if mentions.inside(found, context):
            clauses.setdefault(found.clause, _Clause()).mentioned = True
            continue
        if (found.clause in covered_clauses or mentions.inside(found, groups) or mentions.inside(found, self_spans)
                or mentions.said_not_about(analysis, found) or mentions.a_place(analysis, found, places)):
            continue
        clause = clauses.setdefault(found.clause, _Clause())
        clause.csc = max(clause.csc, 1 if mentions.passing(analysis, found) else 2)
        named.append((found.start, "csc"))
    actors = analysis.all("childrens_social_care.actors")
    services = [f for f in groups if f.key.startswith("not_childrens_social_care.")]
    for found in groups:
        if (mentions.said_not_about(analysis, found) or mentions.inside(found, actors) or mentions.inside(found, services)
                or mentions.a_place(analysis, found, places)):
            continue
        kind, _, name = found.key.partition(".")
        if kind == "other_organisation" and mentions.council_acts_first(analysis, found):
            continue
        clause = clauses.setdefault(found.clause, _Clause())
        strength = 1 if mentions.passing(analysis, found) else 2
        table = clause.bodies if kind == "other_organisation" else clause.services
        table[name] = max(table.get(name, 0), strength)
        named.append((found.start, "body" if kind == "other_organisation" else "service"))
    named += [(f.start, "court") for f in analysis.all("court_decision.court")]
    named += [(f.start, "court") for f in analysis.all("court_decision.decision")
              if analysis.doc[f.start].lower_ in REFERS_BACK]
    return clauses, _declared(analysis, sorted(named))


def _declared(analysis: Analysis, named: list[tuple[int, str]]) -> set[str]:
    kinds = set()
    for start, end in mentions.declared(analysis):
        inside = {kind for token, kind in named if start <= token < end}
        if not inside and mentions.pronoun_first(analysis, (start, end)):
            inside = {kind for token, kind in named if token < start}
            inside = {max((t, k) for t, k in named if t < start)[1]} if inside else set()
        kinds |= inside
    return kinds


def _court_clauses(analysis: Analysis) -> set[int]:
    """Clauses that speak of a court's decision (not of the council following one), and a clause in
    the next sentence that refers back to it ("The order means I have to let social workers in")."""
    court = {f.clause for f in analysis.all("court_decision.court") if not mentions.said_not_about(analysis, f)}
    decided = analysis.clauses_with("court_decision.decision")
    excused = analysis.clauses_with("court_decision.not_decision")
    found = (court & decided) - excused
    after = {analysis.clause_sentence[c] + 1 for c in found}
    for clause, sentence in enumerate(analysis.clause_sentence):
        words = {analysis.doc[f.start].lower_ for f in analysis.all("court_decision.decision") if f.clause == clause}
        if sentence in after and words & REFERS_BACK and clause not in excused:
            found.add(clause)
    return found
