"""Standing: who is writing, for whom, and whether the statutory procedure lets them complain.

The child or young person, a care leaver, a parent, a foster carer, a special guardian,
an adopter or a kinship carer complains in their own right. A representative (advocate,
solicitor, MP's caseworker, relative, professional) acting for a young person who can give
a view (12 or over, or of unknown age) needs that young person's consent, shown in the
message or an attached form: otherwise `consent_required`. Someone who introduces
themselves as a neighbour, a grandparent who is not a carer, a step-parent and the like
may or may not have sufficient interest: `standing_unclear`, for a person to decide.
"""

from __future__ import annotations

import re

from intake.eligibility import carer_forms, consent_askers, consent_forms, represented_ages, writer
from intake.eligibility.matching import Analysis
from intake.item import Hit

CARERS = ("foster_carer", "special_guardian", "adopter", "kinship_carer")
OWN = ("parent", "care_leaver", "young_person")
NEGATIONS = frozenset({"not", "n't", "without", "no", "never"})
FAMILY = frozenset({"children", "kids", "son", "daughter", "partner", "husband", "wife", "baby", "boys",
                    "girls", "ex", "sons", "daughters", "child", "best", "friend", "friends", "girlfriend",
                    "boyfriend", "mate", "mates"})
WHOSE_CHILD = re.compile(r"\bwhose\b(?:\W+\w+){0,5}?\W+(?:sons?|daughters?|children|kids|child|bab(?:y|ies)|grandchildren)\b",
                         re.IGNORECASE)
# "we write on Saffron's behalf", "a complaint on behalf of Maisie": who is represented, named (not an MP).
FOR_NAMED = re.compile(r"\bon (?P<a>[A-Z][a-z]+)'s behalf\b|\bon behalf of (?P<b>[A-Z][a-z]+)\b(?!(?: [A-Z][\w-]+)* MP\b)|"
                       r"\bon behalf of (?:his|her|their) (?:son|daughter|grandson|granddaughter|child),? (?P<c>[A-Z][a-z]*)\b")
TITLES = ("Mr", "Mrs", "Ms", "Dr", "Mx")
CONSENT_FILE = re.compile(r"consent|authori[sz]|mandate|permission", re.IGNORECASE)


def role(analysis: Analysis) -> str:
    """Who is writing: a carer role, `unclear`, `parent`, `representative`, a young person, or ""."""
    cached = analysis.memo.get("role")
    if isinstance(cached, str):
        return cached
    doc = analysis.doc  # "She doesn't live with me" is no kinship carer; "we stopped fostering" no foster carer now
    result = "" if carer_forms.not_a_carer(analysis) else next(
        (r for r in CARERS if any(not {t.lower_ for t in doc[max(0, f.start - 3):f.start]} & NEGATIONS and not
                                  carer_forms.someone_elses_order(analysis, f) for f in analysis.all(f"standing.{r}"))),
        "foster_carer" if carer_forms.introduced_as_foster_carer(analysis) else "")
    if result == "kinship_carer" and writer.no_parental_responsibility(analysis) and writer.unclear_sentences(analysis):
        result = ""  # "I'm the kids' stepmum. I don't have PR but they live with us half the week"
    if not result:
        unclear = bool(writer.unclear_sentences(analysis)) and not writer.has_parental_responsibility(analysis)
        acting = not analysis.has("standing.no_standing") and (
            bool(writer.acting_sentences(analysis)) or writer.consent_words(analysis)
            or bool(writer.professional_sentences(analysis)))
        result = ("unclear" if not acting and unclear else "parent" if _parent(analysis)
                  else "representative" if acting
                  else next((r for r in OWN[1:] if analysis.has(f"standing.{r}")), "")
                  or ("young_person" if _writer_is_a_child(analysis) else ""))
    analysis.memo["role"] = result
    return result


def consent_required(analysis: Analysis) -> Hit | None:
    if role(analysis) != "representative":
        return None
    sentences = sorted(writer.acting_sentences(analysis) | writer.professional_sentences(analysis))
    near = set(sentences) | {i + 1 for i in sentences} | {i - 1 for i in sentences}
    if (_adult_sentences(analysis) & near or WHOSE_CHILD.search(analysis.text)) \
            and not _young_person_named(analysis):
        return None  # acting for an adult (a parent, a carer): the young person's consent is not the question
    if _consent_shown(analysis):
        return None
    ages = represented_ages.ages(analysis)
    if ages and max(ages) < 12 and not analysis.has("standing.young_person_words"):
        return None  # a young child: there is no view to seek
    return analysis.hit("consent_required", "The complaint is made on behalf of a young person who can give "
                        "their view, and their consent is not shown: a person checks it.",
                        sentences[0] if sentences else _first_consent_mention(analysis))


def standing_unclear(analysis: Analysis) -> Hit | None:
    if role(analysis) != "unclear":
        return None
    sentence = min(writer.unclear_sentences(analysis))
    return analysis.hit("standing_unclear", "It is not clear that the writer may complain under the "
                        "procedure: a person decides whether they have sufficient interest.", sentence)


def _parent(analysis: Analysis) -> bool:
    doc = analysis.doc
    for found in analysis.all("standing.parent"):
        after = [t.lower_ for t in doc[found.end:found.end + 2]]
        if not (after[:1] == ["'s"] and after[1:2] and after[1] in FAMILY):
            return True  # not "my daughter's children" (a grandparent)
    return False


def _adult_sentences(analysis: Analysis) -> set[int]:
    """Sentences naming an adult who may be the one represented; not the MP the caseworker writes for
    ("Rhys Penhaligon MP ... Mr Penhaligon would be grateful")."""
    doc = analysis.doc
    return {f.sentence for f in analysis.all("standing.adult_represented") if not writer.signed(analysis, f)
            and not consent_forms.young_titled(analysis, f)  # "Ms Leanne Carver, aged 17"
            and not _parent_and_another(analysis, f.end)  # "on behalf of my mum and my sister Jade, who is 14"
            and not (f.end < len(doc) and doc[f.end].is_title
                    and re.search(rf"\b{re.escape(doc[f.end].text)} MP\b", analysis.text))}


PARENT_WORDS = frozenset({"mother", "mum", "mom", "father", "dad", "parents", "mam", "mummy", "daddy"})


def _parent_and_another(analysis: Analysis, end: int) -> bool:
    """"Writing for my mum and my sister Jade, who is 14": the writer's parent is not the only one written for,
    and the other (a sibling, a child) may be a young person whose consent is the question; "my mum and dad" are
    both adults."""
    doc = analysis.doc
    if end + 1 >= len(doc) or doc[end - 1].lower_ not in PARENT_WORDS or doc[end].lower_ not in ("and", "&"):
        return False
    other = doc[end + 2] if doc[end + 1].lower_ in ("my", "our") and end + 2 < len(doc) else doc[end + 1]
    return other.lower_ not in PARENT_WORDS


def _young_person_named(analysis: Analysis) -> bool:
    """"Mrs Kent has contacted us about her granddaughter Maisie ... a complaint on Maisie's behalf": the one
    represented is named, and is no adult with a title; the adult who asked for the complaint is not the
    one represented."""
    for match in FOR_NAMED.finditer(analysis.text):
        name = match["a"] or match["b"] or match["c"]
        if name not in TITLES and not re.search(rf"\b(?:{'|'.join(TITLES)})\.? {name}\b", analysis.text):
            return True
    return False


def _writer_is_a_child(analysis: Analysis) -> bool:
    match = re.search(r"\bI(?:'m| am|m)\s+(\d{1,2})\b(?!\s*(?:years|months)\s+ago)", analysis.text, re.IGNORECASE)
    return match is not None and int(match[1]) < 18


def _first_consent_mention(analysis: Analysis) -> int:
    """Where a writer known only by their talk of consent ("she has not given consent") says so."""
    return min((f.sentence for f in analysis.all("standing.consent")), default=0)


def _consent_shown(analysis: Analysis) -> bool:
    names = analysis.memo.get("attachment_names", ())
    if isinstance(names, tuple) and any(CONSENT_FILE.search(str(n)) for n in names):
        return True
    doc = analysis.doc  # "he doesn't know I'm writing": no guess of his agreement outweighs it
    return not consent_forms.unaware(analysis) and any(
        not ({t.lower_ for t in doc[max(0, f.start - 3):f.start]} & NEGATIONS) and not consent_askers.asked(analysis, f)
        and not consent_forms.guessed(analysis, f) for f in analysis.all("standing.consent"))
