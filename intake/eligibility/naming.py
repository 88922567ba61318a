"""Who each clause names: children's social care, another body, another council service, a court.

Names said not to be the complaint's subject are left out, as are places, activities ("a college
course"), the writer's own role ("we are foster carers") and a referral ("I told the social worker").
Also: which kinds are declared the complaint's subject ("I want to complain about the GP"), and which
clauses speak of a court's decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.eligibility import (adult_cases, allies, already_completed, back_references, carer_forms, council_acts, deeds,
                                located, mentions, misrecorded, owned_decisions, placements, residence, ruled_out, scenes,
                                staff_forms, subjects, writer)
from intake.eligibility.matching import Analysis, Found

SELF_STARTS = frozenset({"i", "we", "as", "'m"})
REFERS_BACK = owned_decisions.REFERS_BACK


@dataclass
class Clause:
    csc: int = 0  # 0 not named, 1 in passing, 2 named
    mentioned: bool = False  # named only in a referral ("I told the social worker"): a pronoun may refer back
    bodies: dict[str, int] = field(default_factory=dict)  # name -> 1 in passing, 2 named
    services: dict[str, int] = field(default_factory=dict)
    csc_at: int = -1  # the first token naming children's social care (not in passing), -1 for none
    body_at: int = -1  # the first token naming another body (not in passing), -1 for none

    def after_body(self) -> bool:
        """"The GP surgery refused, even with a letter from her social worker": the body named first is the
        clause's subject; children's social care after it is not what the complaint words are about."""
        return 0 <= self.body_at < self.csc_at


def named_in(analysis: Analysis) -> tuple[dict[int, Clause], set[str]]:
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
    clauses: dict[int, Clause] = {}
    named: list[tuple[int, str]] = []  # (token, kind) in text order, for declared subjects
    context = analysis.all("sentences.context")  # "the school rang social services": a referral, not a complaint
    for found in analysis.all("childrens_social_care.actors"):
        if (mentions.inside(found, context) or subjects.as_status(analysis, found)
                or ruled_out.mentioned_only(analysis, found)):
            clauses.setdefault(found.clause, Clause()).mentioned = True
            continue
        if (other := staff_forms.staff_of(analysis, found, groups)) is not None:  # "The staff were rude to her"
            kind, _, name = other.key.partition(".")
            entry = clauses.setdefault(found.clause, Clause())
            (entry.bodies if kind == "other_organisation" else entry.services)[name] = 2
            continue
        # adult social care's own social worker: in its clause, or anywhere in a message about an adult ("My mum (82) ...")
        covered = found.clause in covered_clauses or adult_cases.about_an_adult(analysis)
        if ((covered and not adult_cases.childrens(analysis, found)) or mentions.inside(found, groups) or (found in self_spans or mentions.inside(found, self_spans))
                or mentions.said_not_about(analysis, found) or mentions.a_place(analysis, found, places)
                or subjects.set_aside(analysis, found) or located.works_elsewhere(analysis, found, groups) or ruled_out.not_involved(analysis, found)
                or carer_forms.writers_kind(analysis, found) or residence.only_where(analysis, found) or allies.for_the_family(analysis, found)):
            continue  # "her social worker has written to them twice", "my foster carer lives miles away"
        clause = clauses.setdefault(found.clause, Clause())
        clause.csc = max(clause.csc, 1 if mentions.passing(analysis, found) else 2)
        if clause.csc == 2 and clause.csc_at < 0:
            clause.csc_at = found.start
        named.append((found.start, "csc"))
    actors = analysis.all("childrens_social_care.actors")
    services = [f for f in groups if f.key.startswith("not_childrens_social_care.")]
    bodies = [f for f in groups if f.key.startswith("other_organisation.")]
    for found in groups:
        if (mentions.said_not_about(analysis, found) or mentions.inside(found, actors) or mentions.inside(found, services)
                or mentions.inside(found, bodies)  # "housing" of "Greystone housing association" is no council service
                or scenes.a_place(analysis, found, places) or subjects.moving_to(analysis, found)
                or placements.placed_child(analysis, found)  # "she is in care and was placed in a B&B": a placement
                or ruled_out.on_our_side(analysis, found)):  # "the health visitor wrote a letter saying ..."
            continue
        kind, _, name = found.key.partition(".")
        if kind == "not_childrens_social_care" and mentions.quoted(analysis, found):
            continue  # 'called him "a little care home rat"': words quoted, no service used
        if kind == "other_organisation" and (mentions.council_acts_first(analysis, found)
                                             or subjects.as_activity(analysis, found) or misrecorded.got_wrong(analysis, found)):
            continue
        clause = clauses.setdefault(found.clause, Clause())
        strength = 1 if mentions.passing(analysis, found) else 2
        table = clause.bodies if kind == "other_organisation" else clause.services
        table[name] = max(table.get(name, 0), strength)
        if kind == "other_organisation" and strength == 2 and not 0 <= clause.body_at < found.start:
            clause.body_at = found.start
        named.append((found.start, "body" if kind == "other_organisation" else "service"))
        named += [(i, named[-1][1]) for i in back_references.alias_tokens(analysis, found)]
        for later in back_references.referred_back(analysis, found):  # "a parking fine ... I'd like the fine cancelled"
            entry = clauses.setdefault(later, Clause())
            back = entry.bodies if kind == "other_organisation" else entry.services
            back[name] = max(back.get(name, 0), strength)
    named += [(f.start, "court") for f in analysis.all("court_decision.court")]
    named += [(f.start, "court") for f in analysis.all("court_decision.decision")
              if owned_decisions.refers_back(analysis, f.start)]  # not "the council's decision"
    return clauses, _declared(analysis, sorted(named))


PERSONAL = frozenset({"she", "her", "he", "him"})
INSTITUTIONS = subjects.INSTITUTIONS | {"academy", "surgery", "practice"}


def _declared(analysis: Analysis, named: list[tuple[int, str]]) -> set[str]:
    kinds, completed = set(), already_completed.sentences(analysis)  # the old matter's subject is not this one's
    for start, end in mentions.declared(analysis) + subjects.cleft_spans(analysis):
        if analysis.sentence_of_char(analysis.doc[start].idx) in completed:
            continue
        inside = {kind for token, kind in named if start <= token < end}
        if not inside and mentions.pronoun_first(analysis, (start, end)):
            before = [(t, k) for t, k in named if t < start and not _institution_for_person(analysis, t, start, end)]
            inside = {max(before)[1]} if before else set()
        if not inside and (doer := deeds.done_by(analysis, start, end, named)):  # "... the discharge"
            inside = {doer}
        kinds |= inside
    return kinds


def _institution_for_person(analysis: Analysis, token: int, start: int, end: int) -> bool:
    """"... the school has been fine, it's her I'm complaining about": "her" is a person, not the school; nor
    is she 'social services' inside someone's quoted words ('she said she'd "have to tell social services"')."""
    words = [t.lower_ for t in analysis.doc[start:end] if t.is_alpha and t.lower_ not in ("it", "is", "was", "s")]
    quoted = mentions.quoted(analysis, Found("", token, token + 1, 0, 0))
    return bool(words) and words[0] in PERSONAL and (analysis.doc[token].lower_ in INSTITUTIONS or quoted)


def court_clauses(analysis: Analysis) -> set[int]:
    """Clauses that speak of a court's decision (not of the council following one), and a clause in
    the next sentence that refers back to it ("The order means I have to let social workers in")."""
    court = {f.clause for f in analysis.all("court_decision.court") if not mentions.said_not_about(analysis, f)}
    decided = analysis.clauses_with("court_decision.decision")
    excused = analysis.clauses_with("court_decision.not_decision") | council_acts.clauses(analysis)
    found = (court & decided) - excused
    after = {analysis.clause_sentence[c] + 1 for c in found}
    for clause, sentence in enumerate(analysis.clause_sentence):
        refers = any(f.clause == clause and owned_decisions.refers_back(analysis, f.start) for f in analysis.all("court_decision.decision"))
        if sentence in after and refers and clause not in excused:
            found.add(clause)
    return found
