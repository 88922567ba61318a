"""Read the raw bytes into a ParsedMessage; what cannot be read goes to quarantine."""

from __future__ import annotations

from intake.errors import Quarantine, UnparseableMessage
from intake.item import IntakeItem
from intake.parsing import parse_message
from intake.pipeline import Context
from intake.stages import stage


@stage
def parse(item: IntakeItem, ctx: Context) -> None:
    try:
        item.parsed = parse_message(item.raw, ctx.settings.mailbox_options.max_attachment_bytes)
    except UnparseableMessage as exc:
        raise Quarantine(str(exc)) from None


STAGE = parse
