"""Names that come back later in the text: an alias set beside a body, and a thing named again by its head noun.

"My housing association, Meadowbrook Homes, ..." then "Meadowbrook never replied": the alias stands for the body.
"I got a parking fine ... I'd like the fine cancelled": "the fine" refers back to the parking fine. Asked by
intake.eligibility.naming, so later clauses name the body or service too.
"""

from __future__ import annotations

from intake.eligibility import subjects
from intake.eligibility.matching import Analysis, Found


def alias_tokens(analysis: Analysis, found: Found) -> list[int]:
    """Tokens later in the text that repeat a name set beside this body ("..., Meadowbrook Homes, ...")."""
    names = subjects.aliases(analysis, found)
    return [t.i for t in analysis.doc[found.end + 1:] if t.lower_ in names and t.is_title] if names else []


def referred_back(analysis: Analysis, found: Found) -> set[int]:
    """Clauses in the next two sentences that refer back to a named thing by its head noun ("the fine")."""
    doc = analysis.doc
    if found.end - found.start < 2:
        return set()
    head = doc[found.end - 1].lower_
    return {analysis.clause_of_token(t.i) for t in doc[found.end:]
            if t.lower_ == head and t.i > 0 and doc[t.i - 1].lower_ in ("the", "this", "that")
            and found.sentence < analysis.sentence_of_char(t.idx) <= found.sentence + 2}
