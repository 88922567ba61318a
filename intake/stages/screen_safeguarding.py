"""Any disclosure of current risk to a child is flagged, whatever the category."""

from __future__ import annotations

from classifiers.base import Classifier
from intake.item import Flag, Hit, IntakeItem, ParsedMessage
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
    for hit in screen_message(screen, parsed):
        item.flag(Flag.safeguarding, hit)


def screen_message(screen: Classifier, parsed: ParsedMessage) -> list[Hit]:
    """One hit per sentence that flagged; none when the message is not flagged.

    Shared with a case made by hand (intake.staff_actions.manual_case), so a message a
    person takes out of quarantine is screened exactly as the pipeline would have.
    """
    result = screen.classify(f"{parsed.subject}\n\n{parsed.body[:MAX_CHARS]}")
    if result.label == "none":
        return []
    # Flagged by the whole message with no sentence to show: flagged all the same.
    sentences = result.evidence or ("(the message as a whole: read all of it)",)
    return [Hit("screen_safeguarding", "safeguarding", "Possible current risk to a child: a person must look now.",
                sentence) for sentence in sentences]


STAGE = screen_safeguarding
