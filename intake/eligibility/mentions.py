"""Where a name stands in its sentence: complained about, mentioned in passing, or set aside.

Heuristics on sentence roles with no parser (the pipeline is a blank tokenizer):

- named in passing: the object of "to", "with", "at" or "into" ("a referral to children's services", "stay
  with my foster carers"), or of a verb of telling ("she told my housing officer"), in a dashed aside
  ("visitors — social workers, contact supervisors —"), or a role signed after the writer's name ("Andy and
  Sue Pemberton, foster carers"), or words in quotation marks (what someone else said);
- the declared subject of the complaint: named after a complaint word and "about", "against",
  "regarding", "with" ("complaint about Fennick Road Surgery", "I want a complaint made against
  the midwife", "It's the school I'm angry with"), or a pronoun there ("How do I complain about
  her?") standing for whoever was named last before it.
"""

from __future__ import annotations

import re

from intake.eligibility import addressees, openers
from intake.eligibility.matching import Analysis, Found
from intake.eligibility.subjects import PEOPLE

# "a taxi to the emergency dentist", "referred to the local walk-in centre": words that only say which one.
FILLERS = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "this", "that", "'s",
                     "own", "new", "old", "former", "allocated", "current", "emergency", "local", "nearest", "usual"})
PASSING = frozenset({"to", "with", "at", "into", "—", "–", "--"})
# "she told my housing officer", "the social worker rang the school": whoever is told or rung is the one
# reached, not the one who acted.
TOLD = frozenset({"told", "tell", "tells", "telling", "informed", "emailed", "phoned", "rang", "called", "contacted",
                  "warned", "messaged", "texted", "copied", "notified", "alerted"})
CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "their", "them", "this", "that"})
NOT_ABOUT_WINDOW = 3
CLAUSE_FILLERS = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "your", "its", "about", "with"})
# A place named after one of these is where something happened, not who did it ("at school").
PLACE_WORDS = frozenset({"at", "to", "from", "in", "into", "outside", "near"})
QUOTES = frozenset({'"', "\u201c", "\u201d"})
PRONOUNS = frozenset({"her", "him", "them", "it", "they", "she", "he"})
# "complaint about", "complain formally about", "complaint made against", "a complaint re:", "angry with",
# "no complaints about her", "I'm not complaining about the school", and the same denial with "have/got any" between:
# "I don't have any complaint about the council's social worker", "we haven't got any issue with the school".
DENIED_DECLARATION = re.compile(r"(?:\bno|\bnot|n't|\bnever)\s+(?:(?:have|has|had|got|any|really|ever)\s+){0,3}$",
                                re.IGNORECASE)
DECLARES = re.compile(r"\b(?:complain\w*|complaint|concerns?|grievance|angry|furious|unhappy|issue|problem)\b"
                      r"(?:\s+\w+){0,3}?\s+(?:about|against|regarding|concerning|re|over|into|with)\b|"
                      r"^\s*(?:formal\s+)?complaint\s*(?:about|against|re|:|-)|"
                      # "I'm writing about Brookfield Academy", "look into how that academy treats children"
                      r"^\s*(?:i'm|i am|we're|we are)\s+writing\s+(?:to\s+you\s+)?(?:about|regarding|concerning)\b|"
                      r"\b(?:look|looked|looking)\s+into\s+(?:how|why|what)\b|"
                      # "I want the police to answer for how they behaved": who is to answer is who is complained of
                      r"\b(?:want|wants|would\s+like|'d\s+like|expect)\b(?=(?:\s+[\w']+){1,5}?\s+to\s+(?:answer\s+for|"
                      r"account\s+for|be\s+held\s+(?:to\s+account|accountable|responsible)|take\s+responsibility)|"  # or to be:
                      r"(?:\s+[\w']+){1,4}?\s+(?:dealt\s+with|disciplined|sacked|struck\s+off|reprimanded|retrained|suspended|spoken\s+to|"
                      r"investigated|looked\s+into|held\s+to\s+account|made\s+to\s+apologi[sz]e))|"
                      + openers.THIS_IS_ABOUT, re.IGNORECASE)  # "but this is about my council tax"
EXPLICIT_WINDOW = 12  # tokens after the complaint words that name its subject
CLAUSE_OPENERS = frozenset({"who", "which", "where", "when", "because", "as", "since", "after", "before", "so", "whose"})


def passing(analysis: Analysis, found: Found) -> bool:
    """Named in passing (an object of a preposition, an aside, a signature): not the one complained about."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    if quoted(analysis, found):
        return True  # reported speech: '"social services will take him", the midwife said'
    i = found.start - 1
    while i >= sent.start and (doc[i].lower_ in FILLERS or (doc[i].is_title and doc[i].lower_ != "i")):
        i -= 1
    if i >= sent.start and doc[i].lower_ in PASSING:
        return not (i > sent.start and doc[i - 1].lower_ in PEOPLE)  # "the staff at the leisure centre"
    if i >= sent.start and doc[i].lower_ in TOLD:
        return True
    after = [t for t in doc[found.end:min(len(doc), found.end + 3)] if not t.is_space]
    signed = (found.start > 0 and doc[found.start - 1].lower_ == ","
              and (not after or after[0].is_punct or after[0].i >= sent.end))
    return signed and found.end >= sent.end - 1


def quoted(analysis: Analysis, found: Found) -> bool:
    """Inside quotation marks: someone's words ('called him "a little care home rat"'), not a service used."""
    doc = analysis.doc
    return sum(t.text in QUOTES for t in doc[analysis.sent(found.start).start:found.start]) % 2 == 1


def declared(analysis: Analysis) -> list[tuple[int, int]]:
    """Token spans that name what the complaint is about ("... complain about <span>")."""
    doc, spans = analysis.doc, []
    for start, end in analysis.sentence_bounds:
        text = analysis.text[start:end]
        for match in DECLARES.finditer(text):  # not "no complaints about her", "I'm not complaining about the school"
            if DENIED_DECLARATION.search(text[max(0, match.start() - 30):match.start()]):
                continue
            span = doc.char_span(start + match.end(), end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append((span.start, _clause_end(analysis, span.start, min(span.end, span.start + EXPLICIT_WINDOW))))
    return spans


def _clause_end(analysis: Analysis, start: int, end: int) -> int:
    """"complain about our old council's social worker, who closed our child in need plan": the subject ends
    where a clause about it begins (", who", ", because", ":"), not twelve words on."""
    doc = analysis.doc
    for i in range(start + 1, end):
        if doc[i].text in (":", ";") or (doc[i].text == "," and i + 1 < end and doc[i + 1].lower_ in CLAUSE_OPENERS) \
                or doc[i].lower_ == "who":  # "complain about PC Harris and the officer who came with the social worker"
            return i
    return end


def pronoun_first(analysis: Analysis, span: tuple[int, int]) -> bool:
    """"How do I complain about her?": the span starts with a pronoun."""
    words = [t for t in analysis.doc[span[0]:span[1]] if t.is_alpha and t.lower_ not in ("the", "a")]
    return bool(words) and words[0].lower_ in PRONOUNS


def inside(found: Found, spans: list[Found]) -> bool:
    return any(s.start <= found.start and found.end <= s.end and (s.end - s.start) > (found.end - found.start)
               for s in spans)


def said_not_about(analysis: Analysis, found: Found) -> bool:
    """"..., not the police", "I'm not complaining about the school": named only to be set aside."""
    doc = analysis.doc
    return any(n.sentence == found.sentence and n.end <= found.start <= n.end + NOT_ABOUT_WINDOW
               and all(t.lower_ in CLAUSE_FILLERS for t in doc[n.end:found.start])
               for n in analysis.all("sentences.not_about"))


def a_place(analysis: Analysis, found: Found, places: set[str]) -> bool:
    """"sent him to school", "at the children's home where she lives": a place, not an actor."""
    if analysis.doc[found.start:found.end].text.lower() not in places:
        return False
    before = [t.lower_ for t in analysis.doc[max(0, found.start - 2):found.start]]
    return bool(before) and (before[-1] in PLACE_WORDS or (len(before) == 2 and before[0] in PLACE_WORDS
                                                           and before[1] in CLAUSE_FILLERS)
                             or _joined_to_a_place(analysis, found.start))


def _joined_to_a_place(analysis: Analysis, start: int) -> bool:
    """"60 miles from his family and his college": a place joined by "and"/"or" to the object of "from"."""
    doc = analysis.doc
    i = start - 1
    while i >= 0 and doc[i].lower_ in CLAUSE_FILLERS:
        i -= 1
    if i < 0 or doc[i].lower_ not in ("and", "or"):
        return False
    for j in range(i - 1, max(analysis.sent(start).start, i - 5) - 1, -1):
        if doc[j].is_punct:
            return False
        if doc[j].lower_ in PLACE_WORDS:
            return True
    return False


def council_acts_first(analysis: Analysis, found: Found) -> bool:
    """"The council has stopped paying for their nursery place": the council is complained about."""
    return any(c.clause == found.clause and c.end <= found.start and not addressees.addressed(analysis, c)
               for c in analysis.all("childrens_social_care.council"))  # not "To the council\n\nI'm complaining about ..."


def starts_with_pronoun(analysis: Analysis, clause: int) -> bool:
    first = analysis.clause_start.get(clause)
    return first is not None and analysis.doc[first].lower_ in CLAUSE_PRONOUNS

