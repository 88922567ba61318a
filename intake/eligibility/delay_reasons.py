"""Is a reason for the delay given? Illness, bereavement, prison, fear, language, only just finding out, being
told to wait, having been a child: over the time limit with one, a person decides (intake.eligibility.time_limit).

The phrases are in the rules file (`time_limit.good_reason`); these are the sentence patterns, and the cases
where a reason word is the matter itself: an illness the writer told the social worker about, a child's fear
that the matter caused, what was disclosed ("about my mental health"), "lost my son's passport" (no bereavement).
"""

from __future__ import annotations

import re

from intake.eligibility import caring_reasons, how_learned
from intake.eligibility.matching import Analysis, Found
from intake.eligibility.memo import memoised

# "I was 11", not "I was 10 minutes late": a number with a unit after it is no age.
CHILD_THEN = re.compile(r"\b(?:I was|when I was) (?:only |just |about )?(\d{1,2})\b(?!\s*(?:-\s*)?(?:min|mins|minutes?|"
                        r"hours?|hrs?|seconds?|secs?|days?|weeks?|miles?|metres?|km|pounds?|quid|%|per ?cent|am|pm)\b)",
                        re.IGNORECASE)
# "I found out only last week", "learnt a few days ago"; "nobody explained I could complain"; "told me to hold off".
RECENTLY = (r"\b(?:found out|find out|learn(?:ed|t)|discovered|realised|realized|was told|were told|heard)\b(?:\s+\w+){0,3}?"
            r"\s+(?:only\s+)?(?:just|recently|last (?:week|month)|this (?:week|month|year)|"
            r"(?:a few |a couple of |two |three )?(?:days|weeks) ago|yesterday)\b")
UNAWARE = (r"\b(?:never|didn't|didnt|did not|wasn't|wasnt|was not|weren't|werent|no one|nobody|noone)\b[^.!?]{0,30}"
           r"\b(?:knew|know|no|told|said|"
           r"aware|realised|realized|explained)\b[^.!?]{0,30}\b(?:complain\w*|procedure|process)\b")
# ... or not to complain at all ("told us not to 'if we wanted more placements'").
TOLD_TO_WAIT = (r"\b(?:told|asked|advised|said|wanted)\b(?:\s+\w+){0,3}?\s+to\s+(?:wait|hold off|hang on|leave it|"
                r"give it time)\b|"
                # "told me I had to wait until it was over", "said we would need to wait", "told us we must wait"
                r"\b(?:told|advised|said|warned)\s+(?:me|us|him|her|them)?\s*(?:that\s+)?(?:i|we|he|she|they)\s+(?:had|have|would have|"
                r"'d have|needed|need|would need|must|should|ought)\s+(?:to\s+)?(?:wait|hold off|hang on)\b|\b(?:told|warned|advised)\b(?:\s+\w+){0,2}?\s+not\s+to\s+(?:complain|"
                r"make a (?:formal )?complaint|rock the boat|make a fuss|bother|['\"]?if\b)")
# "The proceedings only ended last month": the wait the writer was told to make is over (said in more words
# than the rules file's "proceedings ended").
PROCEEDINGS_OVER = r"\bproceedings\b(?:\s+\w+){0,3}?\s+(?:ended|finished|concluded|were over|came to an end)\b"
# "couldn't face writing before now", "too scared to say anything at the time", "sorry this is late".
DELAY_EXPLAINED = re.compile(r"\b(?:couldn't|could not|cannot|wasn't able|was not able|unable|not (?:been )?able|too \w+|afraid|scared)\b"
                             r"[^.!?]{0,60}\b(?:sooner|earlier|before now|at (?:the|that) time|back then|until (?:now|recently)|then)\b|"
                             # "Before, I could not write a complaint": the inability put before
                             r"\b(?:before|until now|at first),? (?:i|we) (?:could not|couldn't|cannot|can't|was not able|wasn't able)\b|"
                             r"\b(?:sorry|apologies)\b[^.!?]{0,30}\b(?:late|delay)|" + PROCEEDINGS_OVER + "|" + RECENTLY + "|" + UNAWARE + "|" + TOLD_TO_WAIT,
                             re.IGNORECASE)

# "I've only recently had time to take this up", "I never got round to it": being busy is no reason for the delay.
NO_TIME = re.compile(r"\b(?:had|have|got|found|find)\s+(?:the\s+)?time\b|\bgot\s+(?:a)?round\s+to\b|\b(?:been|was|so)\s+busy\b",
                     re.IGNORECASE)
# "the GP surgery", "the doctor's surgery": a place, not an operation the writer had.
SURGERY_PLACE = frozenset({"gp", "the", "doctor's", "doctors", "dental", "gp's", "local", "our", "their", "vet's"})
# The child's fear or diagnosis ("my son has a diagnosed fear of loud noises") is the story, not the writer's reason.
FEAR = re.compile(r"scared|frightened|afraid|diagnosed", re.IGNORECASE)
THIRD_PERSON = frozenset({"he", "she", "they", "him", "them", "it", "son", "daughter", "child", "baby", "brother",
                          "sister", "grandson", "granddaughter", "nephew", "niece", "kids", "children"})
OTHERS_WINDOW = 5
# "too frightened to say anything", "scared to tell anyone", "afraid of speaking up": fear that kept someone silent.
# So is fear of what speaking would bring: "frightened of what would happen if she spoke out".
SILENCED = re.compile(r"^(?:to|of)\s+(?:say|tell|speak|complain|report|raise|mention|saying|telling|speaking|complaining|"
                      r"reporting|raising)\b|^of\s+what\s+(?:would|might|could|will)\s+happen\s+if\s+\w+\s+"
                      r"(?:spoke|told|said|complained|reported|raised|did)\b", re.IGNORECASE)
# "I found out that same afternoon", "I only found out when I rang to ask where she was": learning of it at the
# time, or by the writer's own call or visit then, explains no delay.
AT_ONCE = re.compile(r"^\s*(?:that\s+|about\s+it\s+|about\s+this\s+)?(?:same|the same|straight away|straightaway|right away|"
                     r"immediately|at the time|later that|that (?:day|afternoon|morning|evening|night)|when (?:i|we) (?:rang|called|"
                     r"phoned|arrived|turned up|got there|got home|went (?:in|there|to)|chased|checked|asked))\b", re.IGNORECASE)
LEARNING = frozenset({"found", "find", "learned", "learnt", "discovered", "heard", "realised", "realized"})
# "when I said I was struggling with my mental health": told to the social worker at the time.
REPORTING = frozenset({"said", "told", "mentioned", "explained", "disclosed", "admitted", "shared"})
REPORTED_WINDOW = 8
# "told everyone about my mental health": what was disclosed, not a reason for the delay.
POSSESSIVE = frozenset({"my", "her", "his", "their", "our"})
TOPIC = frozenset({"about", "of", "regarding", "on"})


@memoised
def sentences(analysis: Analysis) -> set[int]:
    """Sentences that give a reason for the delay: the writer's own, not what the matter was about."""
    doc = analysis.doc
    sentences = {f.sentence for f in analysis.all("time_limit.good_reason")
                 if not (f.start > 1 and doc[f.start - 2].lower_ in TOPIC and doc[f.start - 1].lower_ in POSSESSIVE)
                 and not _someone_elses_fear(analysis, f) and not _said_at_the_time(analysis, f)
                 and not (doc[f.start].lower_ == "surgery" and f.start and doc[f.start - 1].lower_ in SURGERY_PLACE)
                 and not _learned_at_once(analysis, f)
                 and not (doc[f.start].lower_ == "lost" and f.end < len(doc) and doc[f.end].lower_ == "'s")}
    sentences |= {i for i in range(len(analysis.sentence_bounds)) if DELAY_EXPLAINED.search(analysis.sentence_text(i))}
    for match in CHILD_THEN.finditer(analysis.text):
        if int(match[1]) < 18:
            sentences.add(analysis.sentence_of_char(match.start()))
    sentences |= _wait_over(analysis)
    sentences |= caring_reasons.sentences(analysis)  # "nursing my mother through her last months"
    sentences |= how_learned.after(analysis, sentences)
    return {i for i in sentences if not NO_TIME.search(analysis.sentence_text(i))}


# "The team manager told me to wait for the police to finish. The police only closed their file in October.":
# the end of what the writer was told to wait for, said in the next sentence, is part of the reason (its date
# is the wait's, not the matter's).
WAITED = re.compile(TOLD_TO_WAIT, re.IGNORECASE)
WAIT_OVER = re.compile(r"\b(?:closed|finished|ended|concluded|completed|dropped|was over|were over|came to an end|"
                       r"wrapped up|took place|went ahead|was held|were held|"
                       # "the review ... only finally happened this month": what the writer waited for, happening at last
                       r"(?:finally|only|eventually|at last)\s+(?:\w+\s+)?happened)\b", re.IGNORECASE)


def _wait_over(analysis: Analysis) -> set[int]:
    count = len(analysis.sentence_bounds)
    return {i + 1 for i in range(count - 1) if WAITED.search(analysis.sentence_text(i))
            and WAIT_OVER.search(analysis.sentence_text(i + 1))}


def _someone_elses_fear(analysis: Analysis, found: Found) -> bool:
    """"He was scared for weeks": the child's fear is what the matter did, not why the writer waited
    ("I was too scared to complain" is, and so is "she was too frightened to say anything": fear that kept
    the young person silent is a reason for the delay whoever felt it)."""
    doc = analysis.doc
    if not FEAR.search(doc[found.start:found.end].text) or SILENCED.match(doc[found.end:found.end + 9].text):
        return False
    before = [t for t in doc[max(analysis.sent(found.start).start, found.start - OTHERS_WINDOW):found.start] if t.is_alpha]
    for t in reversed(before):  # the nearest subject: "I was diagnosed" is the writer's, even after "my son"
        if t.lower_ in ("i", "we"):
            return False
        if t.lower_ in THIRD_PERSON or (t.is_title and t.i > analysis.sent(t.i).start):
            return True
    return False


def _learned_at_once(analysis: Analysis, found: Found) -> bool:
    """"I found out that same afternoon when the nursery rang": finding out at the time is no reason for a delay."""
    doc = analysis.doc
    words = {t.lower_ for t in doc[found.start:found.end]}
    return bool(words & LEARNING) and AT_ONCE.search(analysis.text[doc[found.end - 1].idx + len(doc[found.end - 1]):]) is not None


def _said_at_the_time(analysis: Analysis, found: Found) -> bool:
    """"The social worker laughed when I said I was struggling with my mental health": an illness the writer
    told children's social care about is part of the matter, not a reason for the delay."""
    doc = analysis.doc
    before = doc[max(analysis.sent(found.start).start, found.start - REPORTED_WINDOW):found.start]
    return (any(t.lower_ in REPORTING for t in before)
            and bool(analysis.sentences_with("childrens_social_care.actors") & {found.sentence}))
