"""Has the matter already been through all three stages? Then the next step is the Ombudsman.

Asking to go on to a review panel is not having had one, and a new matter from someone
whose earlier complaint went to Stage 3 is a new complaint.
"""

from __future__ import annotations

from intake.eligibility.matching import Analysis
from intake.item import Hit


def check(analysis: Analysis) -> Hit | None:
    if analysis.has("already_completed.new_matter"):
        return None
    sentences = (analysis.sentences_with("already_completed.phrases")
                 - analysis.sentences_with("already_completed.request"))
    if not sentences:
        return None
    return analysis.hit("already_completed", "The matter has already been considered at all three stages "
                        "of the procedure.", min(sentences))
