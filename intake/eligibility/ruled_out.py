"""Children's social care named only to be ruled out: "Nobody from social services was involved", "the social
worker wasn't involved", "... had nothing to do with it". Then another body the writer complains of is the
subject, as if children's social care had not been named ("Nobody from social services came" is still a
complaint about it: not coming is what is complained of). Likewise named only as on the writer's side, as
what the child is ("he is also a child in need"), or as knowing of it ("His social worker knows all about it.").

Used by intake.eligibility.naming beside mentions.said_not_about ("..., not the police").
"""

from __future__ import annotations

import re

from intake.eligibility import leave_given, not_their_remit
from intake.eligibility.matching import Analysis, Found

NONE_OF = re.compile(r"\b(?:nobody|no one|noone|none|no)\b")
INVOLVED = re.compile(r"(?:was|were|is|are|has been|have been|had been|got) (?:ever |actually )?involved\b")
NOT_INVOLVED = re.compile(r"(?:was|were|is|are|has|have|had)(?: not|n't| never) (?:been )?involved\b|"
                          r"(?:had|has|have) nothing to do with (?:it|this|that)\b")


def not_involved(analysis: Analysis, found: Found) -> bool:
    """"Nobody from social services was involved", "the social worker wasn't involved", "... had nothing to
    do with it": named only to be ruled out ("Nobody from social services came" is still a complaint)."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    after = doc[found.end:min(sent.end, found.end + 6)].text.lower()
    before = " ".join(t.lower_ for t in doc[max(sent.start, found.start - 3):found.start])
    if NONE_OF.search(before) and INVOLVED.match(after):
        return True
    return NOT_INVOLVED.match(after) is not None


# "Her social worker said to complain to you" ("... to email you if"), "knows all about it and agrees it's unfair",
# "wrote a letter of support which admissions ignored": children's social care on the writer's side, or sending them here.
ON_OUR_SIDE = re.compile(r"^(?:\s+[\w']+){0,6}?\s+(?:said|told me|told us|suggested|advised me|advised us)\s+(?:i |we )?"
                         r"(?:to |should )?(?:complain|write|make a complaint|(?:email|e-mail|contact|message|ring|phone|call|"
                         r"get in touch with)\s+(?:you|your|the complaints|complaints|this address|here))\b|"
                         r"^(?:\s+[\w']+){0,6}?\s+(?:agrees|agreed)\s+(?:it|it's|it is|it was|that|with (?:me|us)|"
                         r"the\s+[\w-]+\s+(?:was|is|were|are|should)\b)|"
                         # "my sw is helping me", "who has been supporting us with it", "is on our side", "backs me"
                         r"^(?:\s+(?:who|has|have|is|are|was|been|really|always|also|all|the|way))*\s+(?:helping|supporting|"
                         r"helped|supported|backing|backed|backs|supports|helps)\s+(?:me|us)(?:\s+(?:with\s+(?:it|this|that)|a lot|loads))?"
                         r"\s*(?:[.,;!]|\bbut\b|\band\b|$)|"
                         r"^(?:\s+(?:who|has|have|is|are|was|been|always|also|all))*\s+on\s+(?:my|our)\s+side\b|"
                         r"^(?:\s+[\w']+){0,3}?\s+(?:wrote|sent|gave)\s+(?:a |us a |me a |them a )?(?:letter|report) of support\b|"
                         # "the health visitor has written a letter saying the mould is a problem": evidence for the writer
                         r"^(?:\s+(?:has|have|had|also|even|already))*\s+(?:written|wrote|sent|given|gave)\s+(?:us\s+|me\s+)?"
                         r"(?:a\s+)?(?:letter|report|note)\s+(?:saying|to say|stating|confirming|supporting|backing)\b")


# "..., which my social worker told them about.", "as her social worker explained to them": the writer's side of
# it passed on (not "the social worker told them", which may be the very disclosure complained of).
TOLD_THEM = re.compile(r"^(?:\s+(?:had|has|have|already|also|even))*\s+(?:told|explained\s+(?:it\s+)?to|informed|reminded)\s+"
                       r"(?:them|the\s+[\w-]+)(?:\s+(?:about|of))?\s*(?:[.,;!)]|$)")
RELATIVE = frozenset({"which", "as"})
ASIDE = re.compile(r"^\s*\([^)]*\)")  # "My kids' social worker (we have a plan) agrees ...": the aside skipped
HOLDERS = frozenset({"my", "his", "her", "their", "our", "the"})


def on_our_side(analysis: Analysis, found: Found) -> bool:
    """Named as the one who backed the writer or sent them to complain: a referral, not the complaint's subject."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    after = " " + ASIDE.sub("", doc[found.end:min(sent.end, found.end + 14)].text.lower())
    if ON_OUR_SIDE.match(after) is not None:
        return True
    i = found.start - 1 - (found.start > 0 and doc[found.start - 1].lower_ in HOLDERS)
    return i >= sent.start and doc[i].lower_ in RELATIVE and TOLD_THEM.match(after) is not None


def pronoun_on_our_side(analysis: Analysis, clause: int) -> bool:
    """"... but she said to complain to them", "She agrees it was wrong": a clause whose pronoun stands for
    children's social care named before, saying only that they back the writer."""
    doc, first = analysis.doc, analysis.clause_start.get(clause)
    if first is None or doc[first].lower_ not in ("she", "he", "they"):
        return False
    end = first + 1
    while end < len(doc) and analysis.clause_of_token(end) == clause and end < first + 15:
        end += 1
    return ON_OUR_SIDE.match(" " + doc[first + 1:end].text.lower()) is not None


BEING = frozenset({"is", "was", "'s", "as", "being", "are", "were"})
ADVERBS = frozenset({"also", "still", "now", "already", "currently", "both", "all"})


def described(analysis: Analysis, found: Found) -> bool:
    """"She is a child in need", "he is also a child in need", "as a looked-after child": what the child is, not who
    acted."""
    doc = analysis.doc
    words = doc[found.start:found.end].text.lower()
    if found.start < 2 or doc[found.start - 1].lower_ not in ("a", "an"):
        return False
    verb = found.start - 2 - (doc[found.start - 2].lower_ in ADVERBS and found.start > 2)
    return doc[verb].lower_ in BEING and words.endswith(("child", "children", "child in need", "children in need"))


# "His social worker knows all about it.", "The social worker is aware.": named as knowing, and nothing more said
# of them in the sentence; present tense only ("the social worker knew and did nothing" is complained of).
AWARE = re.compile(r"^(?:\s+(?:knows|is aware|are aware|has been told|have been told|has been informed|have been informed|"
                   r"is in the loop|is fully aware|has been kept informed|know))(?:\s+(?:all|everything|about|of)){0,2}"
                   r"(?:\s+(?:it|this|that|everything|the\s+\w+))?\s*[.!]?\s*$")


def only_aware(analysis: Analysis, found: Found) -> bool:
    """Named only as knowing of the matter, at the end of the sentence: a mention, not the complaint's subject."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    return AWARE.match(" " + doc[found.end:sent.end].text.lower()) is not None


def mentioned_only(analysis: Analysis, found: Found) -> bool:
    """Named as on the writer's side, as what the child is, or as knowing of the matter: not who acted."""
    return (on_our_side(analysis, found) or described(analysis, found) or only_aware(analysis, found)
            or leave_given.welcomed(analysis, found)  # "the social worker can still visit if she wants"
            or not_their_remit.disclaims(analysis, found))  # "... says she can't do anything about housing"


# "she didn't say anything to them (to be fair she wasn't in charge)", "nobody from social services came, which is fine":
# the writer excuses them in the same breath.
EXCUSED = re.compile(r"\b(?:to be fair|in (?:all )?fairness|in (?:her|his|their) defen[cs]e|(?:wasn't|was not|isn't|is not|weren't|"
                     r"were not) (?:her|his|their) fault|(?:which|that) (?:is|was|'s) (?:fine|ok|okay|understandable))\b", re.IGNORECASE)


def excused_sentences(analysis: Analysis) -> set[int]:
    """Sentences in which the writer excuses whoever they name: a mild word there is no complaint about them."""
    return {i for i in range(len(analysis.sentence_bounds)) if EXCUSED.search(analysis.sentence_text(i))}


TURNS = frozenset({"until", "till", "til", "then", "later", "first", "now", "since", "after"})


def praised_first(analysis: Analysis, clause: int) -> bool:
    """"The social worker we had was fine, it's the school I'm unhappy with": children's social care praised
    before any complaint word in the clause; the complaint words after the praise are about someone else."""
    actors = [f.end for f in analysis.all("childrens_social_care.actors") if f.clause == clause]
    praise = [f.start for f in analysis.all("sentences.positive") if f.clause == clause]
    blame = [f.start for f in analysis.all("sentences.negative") if f.clause == clause]
    if not actors or not praise or not blame:
        return False
    first_praise, first_blame = min(praise), min(blame)
    if not min(actors) <= first_praise < first_blame:
        return False
    # only when the words after the praise turn to another subject: ", it's the school ...", ", the school ..."
    # (not "was fine until she lied", which is still about her)
    between = [t.lower_ for t in analysis.doc[first_praise:first_blame]]
    groups = [f.start for g in analysis.rules.groups for f in analysis.all(f"{g.kind}.{g.name}") if f.clause == clause]
    return bool(set(between) & {",", "-", "–", "—"}) and not set(between) & TURNS and (  # ", it's the school", " - it's"
        bool(set(between) & {"it", "it's", "its"}) or any(first_praise < g < first_blame + 3 for g in groups))
