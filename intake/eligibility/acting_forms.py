"""More ways a writer shows they act for a young person: questions intake.eligibility.writer asks.

- the young person named as the one the complaint is for: "I wish to complain on Amira's behalf",
  "Advocacy complaint for Chloe, 16", "a complaint for Jordan" (not "for Mrs Hale": an adult is
  the question of intake.eligibility.standing, and not "for May" or "for Christmas");
- a professional role in the sign-off: "Advocate, Voices Together", "Advocate: Shona Petrie",
  "Youth worker, Pavilion Project". A role signed at the end says who wrote the message as surely
  as "I'm an advocate" at its start does;
- wanting to act for them: "I want to complain on her behalf" (not "I want an advocate").
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "Sir", "Madam"})
# Capitalised words after "for" that name a time or a body, not a young person.
NOT_A_NAME = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Christmas", "Easter", "Stage", "The", "This", "That", "Children", "Social", "Northshire", "Ofsted",
})
NAMED = re.compile(r"\bon (?P<a>[A-Z][a-z]+)'s behalf\b|"
                   r"\b(?i:complaint|complain|complaining|writing|raising this|raise this)\s+"
                   r"(?i:for|on behalf of)\s+(?P<b>[A-Z][a-z]+)\b(?!'s| [A-Z][a-z]+ MP\b)")
# A signed role opens the last line or follows the name in it: "Advocate, ...", "..., Learning Mentor".
SIGNED_ROLE_OPENS = frozenset({",", ":", "-", "–", "—", "(", "\n"})
SIGNED_ROLE_ENDS = frozenset({",", ":", "-", "–", "—", ")", "."})
ASKING = re.compile(r"\?|\b(?:please|pls|need|needed|want|wanted|like|help|can|could|get)\b", re.IGNORECASE)
SIGNATURE_WORDS = 8


def named_behalf_sentences(analysis: Analysis) -> set[int]:
    """Sentences saying the complaint is made for a young person named by their first name."""
    found = set()
    for match in NAMED.finditer(analysis.text):
        name = match["a"] or match["b"]
        if name not in TITLES and name not in NOT_A_NAME:
            found.add(analysis.sentence_of_char(match.start()))
    return found


def signed_role(analysis: Analysis, found: Found) -> bool:
    """A role in the short last line, at its start or after a comma or colon ("Advocate, Voices Together")."""
    last = len(analysis.sentence_bounds) - 1
    if found.sentence != last or last == 0 or len(analysis.sentence_text(last).split()) > SIGNATURE_WORDS:
        return False
    if ASKING.search(analysis.sentence_text(last)):
        return False  # "Advocate please": asked for, not signed
    doc = analysis.doc
    start, after = analysis.sent(found.start).start, doc[found.end] if found.end < len(doc) else None
    if after is not None and not (after.is_space or after.text in SIGNED_ROLE_ENDS or after.is_title):
        return False  # "Advocate needed", "Teacher told me": a sentence, not a sign-off
    before = [t for t in doc[start:found.start] if not t.is_space]
    return not before or before[-1].text in SIGNED_ROLE_OPENS or doc[found.start - 1].text.startswith("\n")


def wants_to_act(analysis: Analysis, found: Found, wants: frozenset[str]) -> bool:
    """"I want to complain on her behalf", "I'd like to raise this for him": what the writer wants is to act for
    the young person (a verb after "to"), not an advocate for themselves ("I'd like to have an advocate")."""
    before = [t.lower_ for t in analysis.doc[max(0, found.start - 3):found.start]]
    last = max((i for i, w in enumerate(before) if w in wants), default=None)
    rest = before[last + 1:] if last is not None else []
    return len(rest) == 2 and rest[0] == "to" and rest[1] not in wants


# "I write regarding my grandson Callum, who is seventeen", "I'm writing about my niece, aged 14": a relative writing
# about a young person old enough to have a view is writing for them (an age under 12 or none is left to the phrase lists).
RELATIVE_AGED = re.compile(
    r"\b(?:i|we)(?:'m| am|'re| are)?\s+(?:writing|write|emailing|email|contacting you|getting in touch)\s+(?:to you\s+)?"
    r"(?:about|regarding|concerning|in relation to|re)\s+my\s+(?:\w+\s+)?(?:grandson|granddaughter|grandchild|nephew|niece|"
    r"cousin|brother|sister|godson|goddaughter)\b(?:\s+(?-i:[A-Z][a-z]+))?,?\s*(?:who\s+is|who's|aged?|\()\s*"
    r"(?:(1[2-7])\b|(twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b)", re.IGNORECASE)
# "... promised me I'd be assessed", "stopped letting her ring us": the matter is the writer's own, whose standing
# is the question (intake.eligibility.writer.unclear_sentences), not the young person's consent.
OWN_MATTER = re.compile(r"\b(?:me|us)\b", re.IGNORECASE)
# "She's told me her social worker reads her texts": the writer as the one told is the young person's confidant,
# not a party to the matter.
TOLD_ME = re.compile(r"\b(?:told|tells|telling|texted|messaged|rang|phoned|wrote\s+to|said\s+to|says\s+to|confided\s+in)\s+"
                     r"(?:me|us)\b", re.IGNORECASE)


# "I'm Sophie's older brother, I'm 24. Sophie's 14 and she's in a children's home": a brother, sister or cousin
# introduced as the named young person's, who is said elsewhere to be 12 to 17 (aunts, uncles and grandparents
# introduced so are the phrase lists' `standing.unclear`).
SIBLING_OF = re.compile(r"\b(?:i'm|i\s+am|im)\s+(?-i:(?P<name>[A-Z][a-z]+))(?:\s+(?-i:[A-Z][a-z]+))?'s\s+(?:older\s+|big\s+|"
                        r"elder\s+|eldest\s+|oldest\s+|half[- ]?)?(?:brother|sister|cousin)\b", re.IGNORECASE)
AGES = r"(?:(1[2-7])\b|(twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b)"
# "My little sister Keeley is 15 and in care", "my younger brother (14)": the writer's own sibling, aged 12 to 17.
MY_SIBLING_AGED = re.compile(r"\bmy\s+(?:little|younger|baby|kid|big|older|elder|half[- ]?)?\s*(?:brother|sister)"
                             r"(?:\s+(?-i:[A-Z][a-z]+))?,?\s*(?:is|who\s+is|who's|'s|aged?|\()\s*" + AGES, re.IGNORECASE)


def _sibling_sentences(analysis: Analysis) -> set[int]:
    found = set()
    for match in SIBLING_OF.finditer(analysis.text):
        name = re.escape(match["name"])
        aged = re.compile(rf"\b{name}(?:'s|\s+is|\s+who\s+is|,?\s+aged?|\s*\(|,)\s*" + AGES, re.IGNORECASE)
        if aged.search(analysis.text):
            found.add(analysis.sentence_of_char(match.start()))
    found |= {analysis.sentence_of_char(m.start()) for m in MY_SIBLING_AGED.finditer(analysis.text)}
    return found


def relative_aged_sentences(analysis: Analysis) -> set[int]:
    """Sentences in which a relative says they write about a named young person aged 12 to 17, whose matter it is."""
    found = {analysis.sentence_of_char(m.start()) for m in RELATIVE_AGED.finditer(analysis.text)}
    found |= _sibling_sentences(analysis)  # "I'm Sophie's older brother ... Sophie's 14"
    actors = analysis.sentences_with("childrens_social_care.actors") - found
    if found and any(OWN_MATTER.search(TOLD_ME.sub("", analysis.sentence_text(i))) for i in actors):
        return set()
    return found
