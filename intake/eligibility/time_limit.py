"""Is the matter over the time limit (12 months before receipt), and is a reason for the delay given?

The age of the matter is its latest date: a complaint about 2019 that also names last
week is in time. Only dates in sentences about the matter count (a sentence naming a
social worker, a body, a court, or an event word from the rules), not a child's birthday
or the date someone fell ill. A matter that continues ("still waiting", "since 2019") is in
time however long ago it began. Over the limit with a reason for the delay, a person decides.
"""

from __future__ import annotations

import re

from intake.eligibility import delay_reasons, pronoun_followers, role_dates, targets
from intake.eligibility.dates import DateMention, anchor, find_dates, months_before
from intake.eligibility.matching import Analysis, Found
from intake.eligibility.ongoing_forms import (AFTERMATH, AFTERMATH_CHANCE, CONTINUING, FEELING, NEAR, NEAR_FEELING,
                                             PROMISE_WINDOW, ROLE_HELD, ROLE_WINDOW, SINCE_PERFECT, bare_since_clauses,
                                             goes_on_now, infinitive, promised_frequency, since_goes_on,
                                             someone_else_since)
from intake.item import Hit

# "Back in 2021 ...", "This is about new year's eve 2026.", "I'm writing regarding 3 May": the date opens the story.
OPENING = re.compile(r"\s*(?:(?:back|way back|all the way back|so)\s+|(?:(?:this|it|my complaint|this complaint|this email)"
                     r"\s+(?:is|'s)|i'?m writing|i am writing)\s+)?(?:in|during|around|about|at|regarding|concerning)?\s*"
                     r"(?:the\s+)?$", re.IGNORECASE)

# "Dear Complaints Team,\n\nIn the summer of 2026 ...": the greeting shares the first sentence; the story opens after it.
SALUTATION = re.compile(r"^\s*(?:dear|hi|hello|hiya|hey|good (?:morning|afternoon|evening)|to whom)\b[^\n]*\n+",
                        re.IGNORECASE)


def check(analysis: Analysis) -> Hit | None:
    cutoff = months_before(analysis.received, analysis.rules.months)
    mentions = event_dates(analysis)
    if not mentions or _ongoing(analysis):
        return None
    latest = max(mentions, key=lambda m: m.latest)
    if latest.latest >= cutoff:
        return None
    sentence = analysis.sentence_of_char(latest.start)
    said = " ".join(analysis.text[latest.start:latest.end].split())
    explanation = (f"The latest date found for the matter, \"{said}\" ({_day(latest)}), is over "
                   f"{analysis.rules.months} months before the message was received ({analysis.received:%d %B %Y}).")
    reasons = sorted(delay_reasons.sentences(analysis))
    if reasons:
        return analysis.hit("time_limit_good_reason", explanation + " A reason for the delay is given: "
                            "a person decides whether to accept it.", reasons[0])
    return analysis.hit("time_limit", explanation + " No reason for the delay is given.", sentence)


def event_dates(analysis: Analysis) -> list[DateMention]:
    """Dates of the matter complained about (not of the writer's illness or a child's birth, nor "since 2022",
    which is ongoing where complained of and background otherwise)."""
    cutoff = months_before(analysis.received, analysis.rules.months)
    not_event = analysis.all("time_limit.not_event")
    reasons = delay_reasons.sentences(analysis)
    about = _sentences_about_the_matter(analysis)
    dated = {analysis.sentence_of_char(m.start) for m in all_dates(analysis)}
    found = []
    for mention in all_dates(analysis):
        sentence = analysis.sentence_of_char(mention.start)
        if sentence not in about and _opens_story(analysis, mention, about - dated):
            about = about | {sentence}
        if mention.since or _after_not_event(analysis, mention, not_event) or sentence not in about or (sentence in reasons and mention.latest >= cutoff):
            continue
        if role_dates.started_role(analysis.text[analysis.sentence_bounds[sentence][0]:mention.start]):
            continue  # "foster carers (approved 2016)": when the writer took on the role is background
        found.append(mention)
    return found


def _opens_story(analysis: Analysis, mention: DateMention, undated_about: set[int]) -> bool:
    """"Back in 2021 I asked for help. The duty social worker came once and closed us.": a date that opens
    the text's first dated sentence dates the undated sentence about the matter that follows it."""
    sentence = analysis.sentence_of_char(mention.start)
    start = analysis.sentence_bounds[sentence][0]
    first_dated = all(analysis.sentence_of_char(m.start) >= sentence for m in all_dates(analysis))
    return (first_dated and sentence + 1 in undated_about and not mention.since
            and OPENING.match(SALUTATION.sub("", analysis.text[start:mention.start], count=1)) is not None)


def _after_not_event(analysis: Analysis, mention: DateMention, not_event: list[Found]) -> bool:
    """"born on 3 May 2015": the date of a birth; "sixteen months ago, when my son was born, the nurse..."
    dates what happened at the birth."""
    return any(f.sentence == analysis.sentence_of_char(mention.start) and analysis.doc[f.start].idx < mention.start
               for f in not_event)


def all_dates(analysis: Analysis) -> list[DateMention]:
    cached = analysis.memo.get("dates")
    if cached is None:
        cached = analysis.memo["dates"] = anchor(find_dates(analysis.text, analysis.received),
                                                 analysis.sentence_of_char, analysis.text)
    return cached  # type: ignore[return-value]


def _ongoing(analysis: Analysis) -> bool:
    """The matter goes on: not the writer's feelings ("I've thought about it ever since"), a reason for the
    delay ("well enough since the spring") or a role held since ("I have been fostering since 2019")."""
    reasons = delay_reasons.sentences(analysis)
    feeling = {i for i in range(len(analysis.sentence_bounds)) if FEELING.search(analysis.sentence_text(i))}
    complaining = analysis.sentences_with("sentences.negative")
    doc = analysis.doc
    # "that afternoon has never been explained": the aftermath of a past matter, not an ongoing one.
    ongoing = {f.sentence for f in analysis.all("time_limit.ongoing")
               if not (f.end < len(doc) and (AFTERMATH.match(doc[f.end].lower_)
                                             or AFTERMATH_CHANCE.match(doc[f.end:f.end + 4].text)))
               and not NEAR_FEELING.search(doc[max(analysis.sent(f.start).start, f.start - NEAR):
                                               min(analysis.sent(f.start).end, f.end + NEAR)].text)
               and not someone_else_since(analysis, f)
               and not (f.start and infinitive(doc[f.start - 1].text, doc[f.start:f.end].text))  # "attempt to keep"
               and not ROLE_HELD.search(doc[max(analysis.sent(f.start).start, f.start - ROLE_WINDOW):f.start].text)
               and not promised_frequency(doc[max(analysis.sent(f.start).start, f.start - PROMISE_WINDOW):f.start].text,
                                          doc[f.start:f.end].text)}
    if ongoing - feeling - reasons:  # "I've been ill ever since": the reason for the delay goes on, not the matter
        return True
    if any(m.since and (i := analysis.sentence_of_char(m.start)) not in reasons and i in complaining
           for m in all_dates(analysis)):
        return True
    ours = analysis.sentences_with("childrens_social_care.actors") | analysis.sentences_with("childrens_social_care.council")
    return any(goes_on_now(text := analysis.sentence_text(i), i in ours and i not in feeling and i not in reasons)
               or (SINCE_PERFECT.search(text) and i not in reasons and i in complaining and i not in feeling
                   and since_goes_on(text))
               or (i not in feeling and any(CONTINUING.search(c) for c in bare_since_clauses(text)))
               for i in range(len(analysis.sentence_bounds)))


def _sentences_about_the_matter(analysis: Analysis) -> set[int]:
    found = targets.of(analysis)
    sentences = set(found.csc) | set(found.bodies.values()) | set(found.services.values()) | set(found.court)
    keys = ["childrens_social_care.actors", "childrens_social_care.council", "court_decision.court", "time_limit.event_words",
            *(f"{g.kind}.{g.name}" for g in analysis.rules.groups)]
    for key in keys:
        sentences |= analysis.sentences_with(key)
    return sentences | pronoun_followers.sentences(analysis)  # "... The last time she sent them back was in March"


def _day(mention: DateMention) -> str:
    if mention.earliest == mention.latest:
        return f"{mention.latest:%d %B %Y}"
    return f"{mention.earliest:%d %B %Y} to {mention.latest:%d %B %Y}"
