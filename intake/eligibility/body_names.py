"""Another body named by its own name: "Brightwater Learning Trust", "Horizon Hearth Fostering", "Hollinsgate High".

The rules file lists the plain words ("school", "fostering agency"); a body's own name ends in a word that
says what it is ("... Learning Trust", "... High", "... Fostering") that no list can hold whole. Writers then
shorten the name ("my complaint is about Horizon Hearth") or say "the trust" / "the agency". Each is added as
a phrase found for the body's group, so the other rules read it as any other body. A shortened name is read
only when it is never also a council's name ("Pellingford Council", "placed by Pellingford" beside
"Pellingford General"): a place name is no body.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

NAME = r"((?:[A-Z][a-z]+[ -]){1,3}?)"
# The word a body's own name ends in -> (its group, the words "the ..." that later refer back to it, and whether
# the name shortened is still the body: "Horizon Hearth" is the agency, "Pellingford" of "Pellingford General"
# is as likely the town).
HEADS: dict[str, tuple[str, str, bool]] = {
    r"(?:Multi[- ])?Academy\s+Trust|Learning\s+Trust|Schools\s+Trust|Education\s+Trust": ("school", "trust", True),
    r"High(?:\s+School)?|Primary(?:\s+School)?|Academy|Grammar(?:\s+School)?|School|College|Nursery": ("school", "", False),
    r"Fostering(?:\s+Agency|\s+Services?)?|Foster\s+Care(?:\s+Agency)?": ("independent_agency", "agency", True),
    r"General(?:\s+Hospital)?|Hospital|Infirmary|Medical\s+Centre|Health\s+Centre": ("nhs", "", False),
    r"Homes|Housing(?:\s+Group|\s+Trust)?|Living": ("housing_association", "", False),
}
# "Greystone Homes", "Parkway Living" name a landlord only where the message says it is one ("my flat is with
# Greystone Homes housing association"): elsewhere "... Homes" may be a care provider's or a builder's name.
NAMED_AS = {"housing_association": "other_organisation.housing_association"}
NOT_NAME = frozenset({"The", "My", "Our", "His", "Her", "Their", "A", "An", "I", "We", "At", "In", "From", "To",
                      "Dear", "Re", "And", "But", "So", "When", "Then", "Since", "Last", "This"})
COUNCIL_WORDS = re.compile(r"\s+(?:Metropolitan\s+|Borough\s+|County\s+|City\s+|District\s+)*Council\b|"
                           r"(?:'s)?\s+(?:children's|social|family)\b", re.IGNORECASE)


def add(analysis: Analysis) -> None:
    """Add bodies named by their own names, their shortened names and "the trust" after them."""
    known = {f"{g.kind}.{g.name}" for g in analysis.rules.groups}
    text = analysis.text
    for head, (group, back, shortened) in HEADS.items():
        key = f"other_organisation.{group}"
        if key not in known or (group in NAMED_AS and not analysis.has(NAMED_AS[group])):
            continue
        added: list[Found] = []
        for match in re.finditer(NAME + r"(?:" + head + r")\b", text):
            words = match[1].split()
            while words and words[0] in NOT_NAME:
                words = words[1:]
            if not words:
                continue
            start = match.start() + match[0].index(words[0])
            added += _spans(analysis, key, start, match.end())
            added += _later(analysis, key, " ".join(words) if shortened else "", back, match.end())
        if added:
            analysis.found[key] = sorted([*analysis.all(key), *added], key=lambda f: f.start)


def _later(analysis: Analysis, key: str, name: str, back: str, after: int) -> list[Found]:
    """"... Horizon Hearth Fostering ... my complaint is about Horizon Hearth", "... the trust has refused"."""
    text = analysis.text
    found = [(m.start(), m.end()) for m in re.finditer(rf"\bthe\s+(?:{back})\b", text[after:], re.IGNORECASE)] if back else []
    if name and not any(COUNCIL_WORDS.match(text, m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text)):
        found += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b(?![ -][A-Z])", text[after:])]
    return [f for start, end in found for f in _spans(analysis, key, after + start, after + end)]


def _spans(analysis: Analysis, key: str, start: int, end: int) -> list[Found]:
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    clause = analysis.clause_of_token(span.start)
    return [Found(key, span.start, span.end, analysis.clause_sentence[clause], clause)]
