"""Whether a sentence says the matter goes on: "the social worker is still turning up", "I have heard
nothing since", "it's been the same ever since"; and what does not: feelings ("I've been stewing on it ever
since"), a change since ("we've had a different worker since"), an aftermath ("never been explained").

Text patterns for intake.eligibility.time_limit, and one question of the analysed text: whether a "since" is
another body's consequence.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

# "the social worker is still turning up": the matter goes on (not "still hurting" about it, nor the past
# "while she was still living there", nor the writer's own recovery, "I'm still having speech therapy", nor
# the writer still learning, "my English is still learning", "I'm still learning to read": a reason for delay).
STILL_DOING = re.compile(r"(?<!\bwas )(?<!\bwere )\bstill\s+(?!(?:hurting|grieving|struggling|suffering|thinking|feeling|living with|talking|"
                         r"learning|"
                         r"recovering|healing|convalescing|having\s+(?:[\w-]+\s+){0,2}?(?:therapy|treatment|physio\w*|rehab\w*|"
                         r"chemo\w*|counselling|medication|radiotherapy|dialysis|scans))\b)"
                         r"\w+ing\b", re.IGNORECASE)
FEELING = re.compile(r"\b(?:thought|think|thinking|felt|feel|feeling|haunt\w*|stayed with me|affected|"
                     r"remember\w*|traumati[sz]ed|nightmares|stew\w*|rankl\w*|dwell\w*|dwelt|brood\w*|mull\w*|"
                     r"on my mind|let it go|eat\w* (?:away )?at (?:me|us)|"
                     # "he has brought it up ever since", "she still talks about it": the child's memory of it
                     r"br(?:ought|ing|ings|inging) (?:it|this|that) up|talk(?:s|ed|ing)? about (?:it|this|that)|"
                     r"mention(?:s|ed|ing)? (?:it|this|that)|ask(?:s|ed|ing)? about (?:it|this|that))\b", re.IGNORECASE)
# Beside the words of going on ("I'm still not over it", "I've been meaning to complain ever since"): the
# writer's state that goes on, not the matter; read next to the phrase only, so "..., and she still won't
# reply" in the same sentence still goes on.
NEAR_FEELING = re.compile(r"\b(?:over (?:it|that|this|what)|get(?:ting)? over|got over|meaning to|meant to|"
                          r"want(?:ed|ing)? to (?:complain|write|say)|intend\w* to|putting (?:it|this) off)\b",
                          re.IGNORECASE)
NEAR = 6  # tokens either side of the phrase
# "that afternoon has never been explained": the aftermath of a past matter, not an ongoing one.
AFTERMATH = re.compile(r"explain|apologi[sz]|justif|answer|acknowledg")
# "I have never been given the chance to correct them": the aftermath of a past report, not a failure going on.
AFTERMATH_CHANCE = re.compile(r"^\s*(?:given|offered|allowed)\s+(?:the|a|any)\s+(?:chance|opportunity)\b|"
                              # "I still don't know why it was done", "we still can't understand why": the writer's
                              # unanswered question about a past matter, not the matter going on
                              r"^\s*(?:really\s+|fully\s+)?(?:know|understand|see|get)\s+why\b|"
                              # "nothing has happened as a result": no harm followed the past mistake, not a failure to act
                              r"^\s*(?:as\s+a\s+(?:result|consequence)|because\s+of\s+(?:it|this|that)|from\s+(?:it|this|that))\b",
                              re.IGNORECASE)
# "we've had a different worker since": a bare "since" is an ongoing failure only with a negation in its
# clause ("I have heard nothing since") or a word of continuing ("it's been the same since").
BARE_SINCE = re.compile(r"\b(?:ever\s+)?since\b(?=\s*(?:[,.;:!?)]|$|and\b|but\b|then\b|so\b))", re.IGNORECASE)
CLAUSE_START = re.compile(r".*(?:[,;:(]|\band\b|\bbut\b|\bso\b)", re.IGNORECASE | re.DOTALL)
NEGATED = re.compile(r"\b(?:no|not|never|nothing|nobody|none|no-one|noone)\b|n't\b", re.IGNORECASE)
CONTINUING = re.compile(r"\b(?:same|like (?:this|that)|continu\w*|carried on|gone on|going on|kept (?:on|going|happening)|"
                        r"worse|again and again)\b", re.IGNORECASE)
SINCE_PERFECT = re.compile(r"\bsince\b.*\b(?:have|has|haven't|hasn't|'ve)\b|\b(?:have|has|haven't|hasn't|'ve)\b.*\bsince\b",
                           re.IGNORECASE)


def bare_since_clauses(text: str) -> list[str]:
    """The clause before each bare "since" ("..., and we've had a different worker since")."""
    clauses = []
    for match in BARE_SINCE.finditer(text):
        before = text[:match.start()]
        opening = CLAUSE_START.match(before)
        clauses.append(before[opening.end():] if opening else before)
    return clauses


# "She has since left", "the manager has since retired": "since" meaning "later", before someone leaving, names no
# start for a matter to run on from ("has since refused every visit", "has since stopped contact" still may).
LATER = re.compile(r"\b(?:has|have|'ve|had)\s+since\s+(?:left|moved|retired|resigned|gone|transferred|died|passed away)\b",
                   re.IGNORECASE)


# "I haven't had any dealings with her since", "we've had nothing to do with him since": the writer kept away from
# whoever is complained of, so nothing of theirs runs on ("I have heard nothing since" still does).
NO_DEALINGS = re.compile(r"\b(?:any|no)(?:\s+(?:more|further|other))?\s+dealings\s+with\b|"
                         r"\b(?:any|no)thing(?:\s+(?:more|else|further))?\s+to\s+do\s+with\b", re.IGNORECASE)


def since_goes_on(text: str) -> bool:
    """"I have heard nothing since" goes on; "we have had other children since" is background."""
    bare = bare_since_clauses(text)
    if len(bare) < len(re.findall(r"\bsince\b", text, re.IGNORECASE)) - len(LATER.findall(text)):
        return True  # "since March", "since she left": a start named
    return any((NEGATED.search(c) and not NO_DEALINGS.search(c)) or CONTINUING.search(c) for c in bare)


# "his social worker said I could have him for a weekend every month": a frequency inside what was promised,
# agreed or offered is the promise's content (often never kept), not a matter going on.
# So is a past habit: "I used to see them every week" (until it was stopped) is no matter going on, nor what the
# writer asks for: "I want contact back every week", "we'd like visits every month again".
PROMISED = re.compile(r"\b(?:said|promised|agreed|offered|told (?:me|us)|planned|supposed|arranged|was to|were to|"
                      r"would|used to|want|wants|wanted|'d like|asking for|ask for|asked for|request|requesting)\b|"
                      # the writer's own past habit, told in the past tense: "I wrote every week", "we rang every month"
                      r"\b(?:i|we)\s+(?:wrote|rang|phoned|called|emailed|visited|sent|went|asked|texted|chased)\b"
                      r"(?:\s+\w+){0,4}\s*$", re.IGNORECASE)
FREQUENCY = re.compile(r"^every (?:year|month|week)$", re.IGNORECASE)
def infinitive(before: str, phrase: str) -> bool:
    """"without any attempt to keep them together", "failed to keep me informed": "keep" right after "to" is what
    someone should have done, not a failure that keeps happening ("they keep cancelling")."""
    return phrase.lower() == "keep" and before.lower() == "to"


PROMISE_WINDOW = 16  # tokens: "we were promised a support package: a family worker, respite every month, ..." (a list)


def promised_frequency(before: str, phrase: str) -> bool:
    """The phrase is a frequency ("every month") and a word of promising comes in the few words before it."""
    return bool(FREQUENCY.match(phrase) and PROMISED.search(before))


# "Ellie, who I've been supporting for the last year", "we have been fostering him for the past two years":
# how long the writer has held a role, not a failure going on. Read in the few words before the phrase.
ROLE_HELD = re.compile(r"\b(?:i|we)(?:'ve| have)\s+been\s+(?:\w+\s+)?(?:supporting|working with|fostering|caring for|"
                       r"looking after|mentoring|visiting|advocating for|teaching|helping)\b", re.IGNORECASE)
ROLE_WINDOW = 12  # tokens before the phrase


# "I've had no social worker for like 18 months now", "we haven't seen anyone in over a year now", "without a plan
# for two years and counting": a lack that has lasted up to today is a failure going on, whenever it began.
LACK_NOW = re.compile(r"(?:\b(?:no|not|never|nothing|nobody|without|havent|hasnt|aint)\b|n't)[^.!?]{0,60}?\b(?:for|in)\s+"
                      r"(?:like\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|well\s+over\s+|"
                      r"the\s+best\s+part\s+of\s+|going\s+on\s+)?(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|"
                      r"nine|ten|eleven|twelve|eighteen|a\s+couple\s+of|a\s+few|several)\s+(?:\w+\s+)?(?:weeks?|months?|"
                      r"years?)(?:\s+and\s+a\s+half)?\s+(?:now|and\s+counting)\b", re.IGNORECASE)


def goes_on_now(text: str, lack: bool = True) -> bool:
    """"the social worker is still turning up", "no social worker for a year now" (`lack`: in a sentence naming
    children's social care, not the writer's feelings or reason for the delay, "I haven't been well for two years
    now", nor someone else's absence, "he hasn't seen his dad for three years now"): the matter goes on."""
    return STILL_DOING.search(text) is not None or (lack and LACK_NOW.search(text) is not None)


def someone_else_since(analysis: Analysis, found: Found) -> bool:
    """"The social worker told his school he had been excluded, and they have treated him differently ever
    since": what another body (named after the social worker) has done since is a consequence, not children's
    social care's failure going on."""
    doc = analysis.doc
    sent = analysis.sent(found.start)
    opening = max((t.i for t in doc[sent.start:found.start] if t.lower_ in ("and", ",", ";")), default=None)
    if opening is None or opening + 1 >= found.start or doc[opening + 1].lower_ not in ("they", "he", "she"):
        return False
    def before(keys: list[str]) -> list[int]:
        return [f.start for key in keys for f in analysis.all(key) if f.sentence == found.sentence and f.start < opening]
    bodies = before([f"{g.kind}.{g.name}" for g in analysis.rules.groups if g.kind == "other_organisation"])
    actors = before(["childrens_social_care.actors"])
    return bool(bodies) and bool(actors) and max(bodies) > max(actors)
