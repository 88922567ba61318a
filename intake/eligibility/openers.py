"""A clause that opens with a possessive or a demonstrative, not a pronoun standing alone; and "this is about".

"Her GP refused to refer her", "His school excluded him", "this complaint is about the SEND team's
delay": the word that opens the clause belongs to the noun after it, and that noun is the clause's
own subject. Such a clause does not speak of whoever the clause before it named, as "She never
rang back" does (intake.eligibility.targets carries a pronoun's referent forward).
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis

# "but this is about my council tax", "this email is about the SEND team": the writer declares the subject
# (intake.eligibility.mentions reads what follows as the complaint's subject; "this is not about" is not).
THIS_IS_ABOUT = (r"\bthis\s+(?:(?:email|e-mail|letter|message)\s+)?(?:is|'s)\s+(?:only\s+|just\s+|really\s+|mainly\s+)?"
                 r"(?:about|regarding|concerning)\b")
DETERMINERS = frozenset({"his", "her", "their", "its", "this", "that"})
# "this complaint", "this email": the message itself is the subject.
MESSAGE_WORDS = frozenset({"complaint", "email", "e-mail", "letter", "message", "note"})
NAMED_KINDS = ("other_organisation.", "not_childrens_social_care.", "childrens_social_care.actors")
DECLARES = re.compile(THIS_IS_ABOUT, re.IGNORECASE)


def declares(analysis: Analysis, clause: int) -> bool:
    """"But this is about the blue badge team.": a clause opening with "this is about" names the subject itself; the
    "this" stands for the message, not for whoever the clause before it named, and a "they" after it is the team."""
    first = analysis.clause_start.get(clause)
    return first is not None and DECLARES.match(analysis.text, analysis.doc[first].idx) is not None


def names_its_own_subject(analysis: Analysis, clause: int) -> bool:
    """The clause opens with "her", "his", "this"... and the next words name a body, a service, children's
    social care or the message itself."""
    first = analysis.clause_start.get(clause)
    doc = analysis.doc
    if first is None or doc[first].lower_ not in DETERMINERS or first + 1 >= len(doc):
        return False
    if doc[first + 1].lower_ in MESSAGE_WORDS:
        return True
    return any(found.start == first + 1 for key, founds in analysis.found.items() if key.startswith(NAMED_KINDS)
               for found in founds)
