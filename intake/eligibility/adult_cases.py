"""Is the message about an adult's care? Then a bare "social worker" is adult social care's, not ours.

"My mum (82) was assessed by the council's adult social care team ... The social worker won't return my calls":
the social worker is the adult team's, even in a sentence of their own. The rules file's
`covers_social_workers` already reads so within the clause that names adult social care; this reads it for the
whole message when adult social care is named, the person cared for is an adult of the writer's family ("my
mum", "my husband", "aged 82") and nothing in the message is about a child: no child in any words, no children's
role of the writer ("my son", "I'm a foster carer", "I'm in care"; "I look after my wife" is an adult's carer)
and no children's social care named other than a bare social worker. An adult son or daughter named as "my son"
keeps the social worker ours (turning away wrongly is the costly error).
"""

from __future__ import annotations

import re

from intake.eligibility import subjects
from intake.eligibility.matching import Analysis, Found

ADULT = re.compile(r"\b(?:my|our)\s+(?:elderly\s+|older\s+|disabled\s+|late\s+)?(?:mum|mother|mam|dad|father|husband|"
                   r"wife|partner|nan|nana|gran|granny|grandma|grandmother|grandad|granddad|grandfather|aunt|auntie|uncle|"
                   r"mother-in-law|father-in-law)\b|(?:\baged\s+|\()(?:[2-9]\d|1\d\d)\b(?!\s*(?:months?|weeks?|days?))",
                   re.IGNORECASE)
# A child in the story, in any words: "my granddaughter", "the kids", "(15)", "her school", "in care".
CHILD = re.compile(r"\b(?:child|children|childrens|children's|kids?|baby|babies|boy|girl|lad|teen\w*|"
                   r"grand(?:son|daughter|child\w*|kids?)s?|nieces?|nephews?|foster\w*|in care|young (?:person|people)|"
                   r"looked after|school|pupil|nursery)\b|\(\s*(?:1[0-7]|[1-9])\s*\)|\baged?\s+(?:1[0-7]|[1-9])\b",
                   re.IGNORECASE)
# Children's social care named only as a bare worker: anything more ("children's services", "the foster carer",
# "care plan") says a child is in the story.
BARE = frozenset({"social worker", "social workers", "social worker's", "sw", "social services", "social care",
                  "team manager", "duty social worker", "duty worker", "social work team"})
CHILDRENS_ROLES = ("parent", "young_person", "care_leaver", "foster_carer", "special_guardian", "adopter",
                   "kinship_carer")


def about_an_adult(analysis: Analysis) -> bool:
    """Adult social care named for an adult of the writer's family, and no child in the story."""
    cached = analysis.memo.get("about_an_adult")
    if isinstance(cached, bool):
        return cached
    analysis.memo["about_an_adult"] = result = _find(analysis)
    return result


def _find(analysis: Analysis) -> bool:
    covering = [f for g in analysis.rules.groups if g.covers_social_workers
                for f in analysis.all(f"{g.kind}.{g.name}") if not subjects.moving_to(analysis, f)]
    if not covering or not ADULT.search(analysis.text) or CHILD.search(analysis.text):
        return False
    if any(role != "kinship_carer" or not _an_adults(analysis, f.sentence)
           for role in CHILDRENS_ROLES for f in analysis.all(f"standing.{role}")):
        return False
    doc = analysis.doc
    return all(doc[f.start:f.end].text.lower() in BARE for f in analysis.all("childrens_social_care.actors"))


def _an_adults(analysis: Analysis, sentence: int) -> bool:
    """"I look after my wife", "my mum lives with us": a kinship carer's words in a sentence about an adult of the
    family (a parent's "my son" is a child's, whoever else the sentence names)."""
    return ADULT.search(analysis.sentence_text(sentence)) is not None


def childrens(analysis: Analysis, found: Found) -> bool:
    """"The children's disability team" is ours even beside adult services (which cover a bare "social worker")."""
    return any(t.lower_.startswith("child") for t in analysis.doc[found.start:found.end])
