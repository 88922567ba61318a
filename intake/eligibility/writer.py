"""Who the writer says they are: questions standing.py asks of the text.

A self-introduction is a role word after "I'm", "I am", "as", "we are", "we became" (with at most a few
words between, none of them a preposition: "I'm worried about the children's uncle" is not
an introduction), a role word opening the message ("Ex-foster carer here"), or one of the
writer's own words ("my grandson").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from intake.eligibility import acting_forms, consent_givers, firms, partners, role_owner
from intake.eligibility.matching import Analysis, Found

if TYPE_CHECKING:
    from spacy.tokens import Token

INTRO = frozenset({"'m", "am", "as", "be", "been", "'re", "are", "was", "became", "become", "becoming"})
# Words that end an introduction: after them the role word is about someone else.
BREAKS = frozenset({"about", "with", "to", "by", "for", "from", "that", "who", "because", "and", "but", "at",
                    "of", "told", "said", "asked", ",", ".", ";", "not", "n't", "no",
                    "into", "in", "on"})
WINDOW = 6
YOUNG = (r"(?:young (?:people|person|man|woman)|pupils?|students?|girl|boy|lad|teenager|care leavers?|clients?|"
         r"tutees?|mentees?|service users?|learners?)")
SUPPORTS = re.compile(
    rf"\bone of (?:our|my) (?:[\w-]+ ){{0,2}}{YOUNG}|\b(?:a|the) {YOUNG} (?:i|we)(?:'ve| have|'m| am)? (?:\w+ )?"
    r"(?:see|support|supporting|work with|working with|teach|mentor|visit)\b|"
    r"\b(?:i|we)(?:'ve| have|'m| am| are|'re)? (?:just )?(?:started |been )?(?:supporting|support|mentor|mentoring) (?-i:[A-Z])|"
    # "Ellie (14), who I've been supporting through the project": the young person named, then the support
    r"\bwho (?:i|we)(?:'ve| have|'m| am| are|'re)? (?:\w+ )?(?:been )?(?:supporting|support|supported|mentoring|mentor|"
    r"working with|work with|key[- ]?working)\b|"
    r"\b(?:i'm|i am|we're|we are) from (?:the )?[^.,!?]{0,40}\b(?:advocacy|team|service|project|charity)\b|"
    r"\bfrom (?:the )?(?-i:[A-Z])[^.,!?]{0,40}\b(?:team|service|project|advocacy)\b here\b", re.IGNORECASE)
NEGATIONS = frozenset({"not", "n't", "without", "no", "never"})
# "I'm Graham, a connected-person foster carer", "My name is Jo, the children's neighbour": a name, then the role.
NAMED_INTRO = re.compile(r"\b(?:I'm|I am|my name is|this is)\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?,\s+"
                         r"(?:a|an|the|(?-i:[A-Z][a-z]+)'s)\s+(?:[\w-]+\s*){0,4}$", re.IGNORECASE)
# "the social worker says I'm not involved with them": someone else's claim, not the writer's own words.
CLAIMED = frozenset({"says", "said", "claims", "claimed", "thinks", "thought", "decided", "insists", "insisted"})
# "I want an advocate": asked for, not the writer.
WANTS = frozenset({"want", "need", "get", "like", "have", "request", "requested", "wanted", "needs"})


def introduces(analysis: Analysis, found: Found) -> bool:
    """"I'm the children's grandmother", "As Tyler's coach", "my stepdaughter": about the writer."""
    doc = analysis.doc
    if doc[found.start].lower_ in ("i", "my"):
        return True
    sentence_start = analysis.sent(found.start).start
    if found.start == sentence_start and found.end < len(doc) and doc[found.end].lower_ == "here":
        return True
    tokens = doc[max(sentence_start, found.start - WINDOW):found.start]
    before = [t.lower_ if not _names_joined(t) else "'s" for t in tokens]
    if any(w in INTRO and not set(before[i + 1:]) & BREAKS for i, w in enumerate(before)):
        return True
    return NAMED_INTRO.search(analysis.text[doc[sentence_start].idx:doc[found.start].idx]) is not None


def _names_joined(token: Token) -> bool:
    """"Harvey and Ava's grandmother": an "and" between two names does not end the introduction."""
    doc = token.doc
    return (token.lower_ == "and" and 0 < token.i < len(doc) - 1 and doc[token.i - 1].is_title
            and doc[token.i + 1].is_title and doc[token.i - 1].lower_ != "i")


def unclear_sentences(analysis: Analysis) -> set[int]:
    """Sentences in which the writer introduces themselves with a role that gives no clear standing."""
    doc = analysis.doc  # "I used to foster", "we live next door": a role said straight after "I" or "we" is the writer's
    found = {f.sentence for f in analysis.all("standing.unclear")
             if introduces(analysis, f) or (f.start and doc[f.start - 1].lower_ in ("i", "we"))}
    found |= partners.sentences(analysis)  # "I've been with Kerry for six months ... Her son is on a plan"
    return found | {f.sentence for f in analysis.all("standing.no_standing")
                    if not role_owner.someone_elses(analysis, f)
                    and not {t.lower_ for t in doc[max(0, f.start - 4):f.start]} & CLAIMED
                    and not (f.start and doc[f.start - 1].lower_ == "my" and doc[f.end - 1].lower_ in ("'s", "’s"))}


def acting_sentences(analysis: Analysis) -> set[int]:
    """Sentences in which the writer says they act for someone (not "I want an advocate"), or speaks
    of a young person they support ("one of our young people", "a pupil I see", "I've started
    supporting Jordan", "I support Mia at our project", "I'm from the advocacy service")."""
    doc = analysis.doc
    found = {f.sentence for f in analysis.all("standing.representative")  # "I want to complain for him" acts
             if not {t.lower_ for t in doc[max(0, f.start - 3):f.start]} & WANTS
             or (f.start and doc[f.start - 1].lower_ == "to") or acting_forms.wants_to_act(analysis, f, WANTS)}
    found |= acting_forms.named_behalf_sentences(analysis)  # "on Amira's behalf", "complaint for Chloe"
    found |= acting_forms.relative_aged_sentences(analysis)  # "I write regarding my grandson Callum, who is seventeen"
    found |= firms.signed_sentences(analysis)  # "We write in relation to ... Yours faithfully, Holt Ferraby LLP"
    return found | {analysis.sentence_of_char(m.start()) for m in SUPPORTS.finditer(analysis.text)}


def professional_sentences(analysis: Analysis) -> set[int]:
    """"I'm the youth worker at the project Shania attends", or signed "Advocate, Voices Together": a
    professional writing about a young person."""
    return {f.sentence for f in analysis.all("standing.professional")
            if introduces(analysis, f) or acting_forms.signed_role(analysis, f)}


def has_parental_responsibility(analysis: Analysis) -> bool:
    """"I have parental responsibility" (not "I don't have PR")."""
    doc = analysis.doc
    return any(doc[f.start:f.end].text.lower() == "parental responsibility"
               and not {t.lower_ for t in doc[max(0, f.start - 4):f.start]} & NEGATIONS
               for f in analysis.all("standing.parent"))


def no_parental_responsibility(analysis: Analysis) -> bool:
    """"I don't have parental responsibility": said outright, it outweighs "they live with us"."""
    return any("parental" in (said := analysis.doc[f.start:f.end].text.lower()) or said.endswith(" pr")
               for f in analysis.all("standing.no_standing"))


def consent_words(analysis: Analysis) -> bool:
    """Words of consent, but not a social worker's ("his social worker said I could have him", "the social
    worker asked me to leave the room"): what children's social care said is no young person's consent."""
    actors = analysis.all("childrens_social_care.actors")
    return any(not any(a.sentence == f.sentence and 0 <= f.start - a.end <= 1 for a in actors)
               and not consent_givers.not_the_young_persons(analysis, f)  # "I had not given consent", "the judge agreed"
               for f in analysis.all("standing.consent"))


SIGNATURE_WORDS = 8
# "asked by the foster carer of Kayla", "asked by Mr Bell": an adult's request is not the young person's consent.
ADULT_ASKERS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "mx", "my", "our", "your"})
PRONOUN_ASKERS = frozenset({"her", "his", "their"})


def signed(analysis: Analysis, found: Found) -> bool:
    """"Mrs J. Akinola, Learning Mentor": a title in the short last line is the writer signing off."""
    last = len(analysis.sentence_bounds) - 1
    return found.sentence == last and len(analysis.sentence_text(last).split()) <= SIGNATURE_WORDS


def asked_by_adult(analysis: Analysis, found: Found) -> bool:
    """"We have been asked by the foster carer of Kayla (15)": asked by an adult, not by the young person
    ("asked by her to write" is hers; "asked by her mum" is not)."""
    doc = analysis.doc
    if doc[found.end - 1].lower_ != "by" or found.end >= len(doc):
        return False
    after = doc[found.end]
    return after.lower_ in ADULT_ASKERS or (after.lower_ in PRONOUN_ASKERS and found.end + 1 < len(doc)
                                            and doc[found.end + 1].is_alpha and doc[found.end + 1].lower_ != "to")
