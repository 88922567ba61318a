"""Who asked for the complaint: a consent word whose asker is an adult is no young person's consent.

"Her foster carer has also asked us to raise it", "his mum wants me to write", "We have been asked by Kieran's
key worker": the request of a carer, parent or worker, not the agreement of the young person the complaint is
for ("She has asked me to write", "Kieran asked us to" are). Read by intake.eligibility.standing beside
writer.asked_by_adult ("asked by the foster carer of ...").
"""

from __future__ import annotations

from intake.eligibility import writer
from intake.eligibility.matching import Analysis, Found

# The last word of an adult who may ask for a complaint to be made: a carer, a relative, a worker.
ADULTS = frozenset({
    "carer", "carers", "mum", "mother", "mam", "mom", "dad", "father", "parent", "parents", "stepmum", "stepdad",
    "nan", "nana", "gran", "granny", "grandma", "grandmother", "grandad", "granddad", "grandfather", "grandparents",
    "aunt", "auntie", "aunty", "uncle", "guardian", "guardians", "worker", "workers", "teacher", "teachers", "manager",
    "headteacher", "head", "mentor", "tutor", "nurse", "doctor", "gp", "officer", "staff", "solicitor", "solicitors",
    "adopter", "adopters", "coordinator", "co-ordinator", "iro", "lead", "advocate",
})
# Words between the asker and the consent word: "has also", "have both", "has already kindly".
BETWEEN = frozenset({"has", "have", "had", "also", "already", "now", "just", "kindly", "both", "recently", "then",
                     "specifically", "personally", "since", "all", "'s", "too", "even"})
CONSENT_VERBS = frozenset({"asked", "wants", "wanted", "requested", "instructed", "told"})


def asked(analysis: Analysis, found: Found) -> bool:
    """The consent word is an adult's request: "asked by the foster carer of ..." (writer.asked_by_adult) or below."""
    return writer.asked_by_adult(analysis, found) or asked_by_an_adult(analysis, found)


def asked_by_an_adult(analysis: Analysis, found: Found) -> bool:
    """The consent word's asker is an adult: named before it ("her foster carer has asked us to") or after
    "asked by" as someone's ("asked by Kieran's key worker"; "asked by Kieran" is his own)."""
    doc = analysis.doc
    words = [t.lower_ for t in doc[found.start:found.end]]
    if words[-1] == "by" and found.end + 1 < len(doc) and doc[found.end].is_title and doc[found.end + 1].lower_ == "'s":
        return True
    if not set(words) & CONSENT_VERBS:
        return False
    i = found.start - 1
    sent_start = analysis.sent(found.start).start
    while i >= sent_start and doc[i].lower_ in BETWEEN:
        i -= 1
    return i >= sent_start and doc[i].lower_ in ADULTS and not _joined_with_young_person(analysis, i)


def _joined_with_young_person(analysis: Analysis, i: int) -> bool:
    """"Jade and her foster carer have asked me to write": the young person asks too."""
    doc = analysis.doc
    start = analysis.sent(i).start
    return any(t.lower_ in ("and", "&") for t in doc[max(start, i - 4):i])
