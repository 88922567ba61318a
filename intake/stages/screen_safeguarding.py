"""Any disclosure of current risk to a child is flagged, whatever the category."""

from __future__ import annotations

from classifiers.base import Classifier
from intake.item import Flag, Hit, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


# Far more than any letter; a disclosure past this point in a multi-megabyte message is
# beyond what a phrase screen can promise, and the message is still shown to staff whole.
MAX_CHARS = 200_000


@stage
def screen_safeguarding(item: IntakeItem, ctx: Context) -> None:
    parsed = item.parsed
    assert parsed is not None
    screen: Classifier = ctx.classifiers["safeguarding"]  # type: ignore[assignment]
    result = screen.classify(f"{parsed.subject}\n\n{parsed.body[:MAX_CHARS]}")
    for sentence in result.evidence:
        item.flag(Flag.safeguarding, Hit("screen_safeguarding", "safeguarding",
                                         "Possible current risk to a child: a person must look now.",
                                         sentence))


STAGE = screen_safeguarding
