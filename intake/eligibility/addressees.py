"""Whom the message is addressed to is not who acted in it.

"To the council\n\nI'm complaining about the academy": the blank tokenizer puts the addressee line into the
first sentence, so "the council" looks like an actor named before the academy ("the council has stopped paying
for the nursery": the council complained of). A line of its own that opens with a salutation ("To", "Dear",
"FAO", "Attn", "For the attention of") and holds nothing but the addressee only says where the letter goes.
"""

from __future__ import annotations

import re

from intake.eligibility.matching import Analysis, Found

# The start of the addressee line, up to the name: "To ", "Dear ", "FAO: ", "For the attention of ".
OPENS = re.compile(r"(?:^|\n)[ \t]*(?:to|dear|fao|attn|attention|for the attention of)\b[ \t:,]*"
                   r"(?:[\w'&-]+[ \t]+){0,4}$", re.IGNORECASE)
# After the name, the line ends (a comma or colon at most): "To the council,\n".
CLOSES = re.compile(r"^[ \t]*[,:.]?[ \t]*(?:\n|$)")


def addressed(analysis: Analysis, found: Found) -> bool:
    """Is `found` the addressee of a salutation line ("To the council", "Dear Children's Services,")?"""
    doc = analysis.doc
    start, end = doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1].text)
    return (OPENS.search(analysis.text[max(0, start - 60):start]) is not None
            and CLOSES.match(analysis.text[end:end + 4]) is not None)
