"""A council place named as where something happened, not as the service complained of.

"Yesterday afternoon in the Fairway supermarket car park I saw a woman with a council lanyard shouting at a girl":
the car park is the scene, not the parking service. Some of the rules file's council services are places people
pass through (a car park, a library, a leisure centre, a swimming pool, a cemetery); named after "in", "at",
"outside" and the like, with only a name or a describing word or two between ("in the Fairway supermarket car
park", "outside the old town library"), they say where. The place's own people ("the staff at the leisure
centre", "the attendant in the car park") are still the service, and so is what it charges or fines ("a car park
fine" is matched as its own phrase). Read by intake.eligibility.naming.
"""

from __future__ import annotations

from intake.eligibility import mentions
from intake.eligibility.matching import Analysis, Found

SCENES = frozenset({"car park", "library", "libraries", "leisure centre", "leisure centres", "sports centre",
                    "swimming pool", "swimming baths", "cemetery", "crematorium"})
WHERE = frozenset({"in", "at", "outside", "near", "by", "behind", "opposite", "across", "from", "through", "round",
                   "around", "past"})
PEOPLE = frozenset({"staff", "manager", "managers", "attendant", "attendants", "warden", "wardens", "workers", "worker",
                    "officer", "officers", "man", "woman", "lady", "guy", "people", "team", "librarian", "lifeguard"})
REACH = 4  # words between "in" and the place: "the", a name, a describing word


def a_place(analysis: Analysis, found: Found, places: set[str]) -> bool:
    """A place in the rules' own sense (mentions.a_place), or a council place named as the scene."""
    if mentions.a_place(analysis, found, places) or _someones_place(analysis, found, places):
        return True
    doc = analysis.doc
    if doc[found.start:found.end].text.lower() not in SCENES:
        return False
    start = analysis.sent(found.start).start
    for i in range(found.start - 1, max(start, found.start - REACH - 1) - 1, -1):
        word = doc[i]
        if word.lower_ in WHERE:
            return not (i > start and doc[i - 1].lower_ in PEOPLE)
        if word.is_punct or (word.is_lower and word.lower_ not in mentions.FILLERS and not _describing(word.lower_)):
            return False
    return False


OWNERS = frozenset({"my", "his", "her", "their", "our", "the"})


def _someones_place(analysis: Analysis, found: Found, places: set[str]) -> bool:
    """"an order that stops me going near my kids' school", "outside my son's nursery": one of the rules' places
    (a school, a hospital) named by whose it is, after "near", "at", "outside"."""
    doc = analysis.doc
    if doc[found.start:found.end].text.lower() not in places or found.start < 4:
        return False
    owner, noun, mark = (t.lower_ for t in doc[found.start - 3:found.start])
    return (mark in ("'s", "'") and owner in OWNERS and noun.isalpha()
            and doc[found.start - 4].lower_ in WHERE | mentions.PLACE_WORDS)


def _describing(word: str) -> bool:
    """"supermarket", "town", "old", "main", "local": words that say which place (not a verb like "closed")."""
    return word in {"supermarket", "town", "old", "main", "local", "big", "new", "shopping", "hospital", "station",
                    "multi-storey", "retail", "park", "central", "village", "city", "public"}
