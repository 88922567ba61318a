""""I want to complain about both": the last two named before are the complaint's subjects, each with its route.

Writers caught between two bodies that blame each other ("the housing department says it's down to the housing
association, and the association says it's the council") often end "We want to complain about both", "I'm
complaining about them both" or "both the admissions team and the academy". Each named one is then complained of
in its own right, even where a single name would read as spoken of ("says it's down to our housing association"),
and neither is a detail of the other (an academy named with the admissions team is still a school complained of).
"""

from __future__ import annotations

import re

from intake.eligibility import memo, mentions
from intake.eligibility.matching import Analysis, Found

# "both.", "them both", "both of them", "the two of them", "all of them", "each of them": standing for names before.
BOTH_BACK = re.compile(r"^\W*(?:both(?:\s+of\s+them)?|them\s+both|the\s+two\s+of\s+them|all\s+of\s+them|each\s+of\s+them|"
                       r"them\s+all)\s*(?:[.!?,;:)]|and\b|too\b|equally\b|$)", re.IGNORECASE)
# "both the admissions team and the academy": both named inside the declaration.
BOTH_NAMED = re.compile(r"^\W*both\b", re.IGNORECASE)
BACK_SENTENCES = 3  # how far back "both" may reach
KIND = {"other_organisation": "body", "not_childrens_social_care": "service"}


@memo.memoised
def subjects(analysis: Analysis) -> dict[str, dict[str, int]]:
    """Kind ("body", "service", "csc") -> name -> sentence, for what a "both" declaration stands for or names."""
    doc = analysis.doc
    result: dict[str, dict[str, int]] = {}
    names = _names(analysis)
    for start, end in mentions.declared(analysis):
        text = doc[start:end].text
        if BOTH_BACK.match(text):
            sentence = analysis.sentence_of_char(doc[start].idx)
            before = [f for f in names if f.start < start and sentence - f.sentence <= BACK_SENTENCES]
            chosen: list[Found] = []
            for found in reversed(before):  # the last two distinct names before "both"
                if found.key not in {f.key for f in chosen}:
                    chosen.append(found)
                if len(chosen) == 2:
                    break
        elif BOTH_NAMED.match(text):
            chosen = [f for f in names if start <= f.start < end]
        else:
            continue
        if len({f.key for f in chosen}) < 2:
            continue
        for found in chosen:
            kind, _, name = found.key.partition(".")
            result.setdefault(KIND.get(kind, "csc"), {}).setdefault(name, found.sentence)
    return result


def _names(analysis: Analysis) -> list[Found]:
    """Bodies, council services and children's social care's people, in text order, not said to be set aside."""
    keys = ["childrens_social_care.actors", *(f"{g.kind}.{g.name}" for g in analysis.rules.groups)]
    found = [f for key in keys for f in analysis.all(key) if not mentions.said_not_about(analysis, f)]
    spans = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    return [f for f in spans if not mentions.inside(f, spans)]


def apply(analysis: Analysis, bodies: dict[str, int], services: dict[str, int], csc: list[int],
          level: dict[str, int]) -> None:
    """Add what "both" declares to a complaint's targets, each declared the subject."""
    for kind, names in subjects(analysis).items():
        if kind == "csc":
            csc.extend(names.values())
        for name, sentence in names.items() if kind != "csc" else ():
            (bodies if kind == "body" else services).setdefault(name, sentence)
        level[kind] = max(level.get(kind, 0), 4 if kind == "csc" else 3)
