"""Whose staff? "The staff" standing for the people of a place named just before it.

"My foster daughter's library card was blocked at Northgate library. The staff were rude to her": the staff
are the library's, not a children's home's. "The staff" (a children's social care word when it means a
children's home) counts as the other body's or service's people when the sentence before it, or its own
sentence before it, names another body or council service and no children's social care. A children's home
named in either sentence keeps "the staff" ours.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis, Found

STAFF = frozenset({"the staff", "staff there", "the staff there"})


def staff_of(analysis: Analysis, found: Found, groups: list[Found]) -> Found | None:
    """The other body or service whose staff "the staff" are, or None when they may be ours."""
    if analysis.doc[found.start:found.end].text.lower() not in STAFF:
        return None
    earlier = [g for g in groups if found.sentence - 1 <= g.sentence <= found.sentence and g.start < found.start]
    # "the staff there" is found twice ("the staff", "staff there"): words of the same phrase are not ours beside it
    ours = [a for a in analysis.all("childrens_social_care.actors")
            if found.sentence - 1 <= a.sentence <= found.sentence and not (a.start < found.end and found.start < a.end)]
    return max(earlier, key=lambda g: g.start) if earlier and not ours else None
