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

import re
from dataclasses import dataclass, field

from intake.eligibility import (already_completed, both_declared, council_acts, delay_reasons, mentions, openers, praise_forms,
                               ruled_out, subjects, undo_forms)
from intake.eligibility.naming import Clause, court_clauses, named_in
from intake.eligibility.matching import Analysis, Found

WRITER = re.compile(r"\b(?:i|i'm|i've|i'd|me|we|we've|we're|us)\b", re.IGNORECASE)


@dataclass
class Targets:
    csc: list[int] = field(default_factory=list)  # sentences naming children's social care (not in praise)
    bodies: dict[str, int] = field(default_factory=dict)  # body -> first sentence complaining about it
    services: dict[str, int] = field(default_factory=dict)
    court: list[int] = field(default_factory=list)  # sentences about a court's decision
    beside_court: dict[str, int] = field(default_factory=dict)  # bodies complained of with the court's decision
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
    clauses, declared = named_in(analysis)
    # "..., so this is not about them": saying what the complaint is not about is no complaint.
    setting_aside = [f for f in analysis.all("sentences.not_about") if f.end - f.start > 1]
    # "wasn't even that bad": a complaint word inside praise of more than one word is part of the praise.
    praising = [f for f in analysis.all("sentences.positive") if f.end - f.start > 1]
    negative = {f.clause for f in analysis.all("sentences.negative") if not mentions.inside(f, setting_aside + praising)}
    positive = analysis.clauses_with("sentences.positive")
    court = court_clauses(analysis)
    cleared = _cleared(analysis, setting_aside)
    previous, turned = Clause(), False
    level = result.level
    praised_csc = False
    # "I know this is late, I had major surgery": the NHS in the writer's reason for the delay is no complaint.
    own_illness = {i for i in delay_reasons.sentences(analysis)  # the writer's own: "The psychiatric ward discharged
                   if WRITER.search(analysis.sentence_text(i))}    # my daughter" is no reason for the delay
    excused = ruled_out.excused_sentences(analysis)  # "(to be fair she wasn't in charge)"
    completed = already_completed.sentences(analysis)  # "My complaint about the social worker went to Stage 3"
    for index, sentence in enumerate(analysis.clause_sentence):
        named = clauses.get(index, Clause())
        if openers.declares(analysis, index):  # "But this is about the blue badge team. They ...": nothing carried
            pass
        elif mentions.starts_with_pronoun(analysis, index) and (subjects.not_the_problem(analysis, index)
                                                                or ruled_out.pronoun_on_our_side(analysis, index)):
            named = Clause(named.csc, False, named.bodies, named.services)  # "..., but she isn't the problem"
        elif mentions.starts_with_pronoun(analysis, index) and openers.names_its_own_subject(analysis, index):
            # "Her GP refused": the GP is the subject; the social worker named before waits for a later "she"
            named = Clause(named.csc, named.mentioned or previous.mentioned or previous.csc > 0, named.bodies, named.services)
        elif mentions.starts_with_pronoun(analysis, index):  # "...but she says it is for the school": she is still here
            named = Clause(max(named.csc, 0 if turned else previous.csc, 2 if previous.mentioned and not turned else 0), False,
                            {**previous.bodies, **named.bodies}, {**previous.services, **named.services})
        # "His social worker is fine - it's the EHCP team I'm complaining about. They ...": "they" is the team
        previous, turned = named, index in positive and ruled_out.praised_first(analysis, index)
        if sentence in completed:  # the earlier matter, closed at Stage 3: nobody in it is this complaint's subject
            continue
        praise = (index in positive and (index not in negative or ruled_out.praised_first(analysis, index))
                  or praise_forms.thanked(analysis, index))  # "..., which I was grateful for"
        complaining = index in negative and not praise
        if index in court:
            result.court.append(sentence)
            level["court"] = max(level.get("court", 0), 2)
            if complaining:  # "the Cafcass officer never met him, and the judge just went along with it"
                result.beside_court.update({body: sentence for body, strength in named.bodies.items() if strength > 1})
            if council_acts.acts_after(analysis, index):  # "... and then the social worker stopped my contact"
                result.csc.append(sentence)
                level["csc"] = max(level.get("csc", 0), 3 if complaining else 2)
            continue
        # Children's social care named anywhere but in praise or a referral keeps the complaint in the
        # procedure unless another body is declared the complaint's subject (turning someone away
        # wrongly is the costly error).
        praised_csc = praised_csc or bool(named.csc and praise)
        if named.csc and not praise:
            result.csc.append(sentence)
            blamed = complaining and named.csc == 2 and not named.after_body() and sentence not in excused
            level["csc"] = max(level.get("csc", 0), named.csc + blamed)
        for service, strength in named.services.items() if not praise else ():  # no complaint words needed
            if service in cleared:
                continue
            result.services.setdefault(service, sentence)
            level["service"] = max(level.get("service", 0), strength if complaining else 1)
        if not complaining:
            continue
        for body, strength in named.bodies.items():
            if body in cleared or (body == "nhs" and sentence in own_illness):
                continue
            result.bodies.setdefault(body, sentence)
            level["body"] = max(level.get("body", 0), strength)
    level.update({kind: 4 if kind == "csc" else 3 for kind in declared})
    both_declared.apply(analysis, result.bodies, result.services, result.csc, level)  # "complain about both"
    # "The social worker did everything right ... I want the nursery to answer for it": children's social care
    # praised in a clause of its own, beside another body declared the subject, is named, not complained of.
    if praised_csc and level.get("body", 0) >= 3 and "csc" not in declared and level.get("csc", 0) == 3:
        level["csc"] = 2
    for index, named in clauses.items():  # "How do I complain about her?": the health visitor, named before
        for body in named.bodies if "body" in declared else ():
            result.bodies.setdefault(body, analysis.clause_sentence[index])
    if result.court and (undo_forms.UNDO.search(analysis.text) or undo_forms.it_undone(analysis, result.court, result.csc)):
        level["court"] = max(level.get("court", 0), 3)
    if "court" in declared and not result.court:
        del level["court"]
    return result


def _cleared(analysis: Analysis, setting_aside: list[Found]) -> set[str]:
    """"The housing officer hasn't done anything wrong", "the school is not to blame": a body or service
    cleared in so many words is not what the complaint is about, wherever else it is named."""
    groups = [f for g in analysis.rules.groups for f in analysis.all(f"{g.kind}.{g.name}")]
    return {f.key.partition(".")[2] for f in groups for n in setting_aside
            if n.sentence == f.sentence and 0 <= n.start - f.end <= 1}
