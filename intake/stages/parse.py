"""Read the raw bytes into a ParsedMessage; what cannot be read goes to quarantine.

A letter (channel "letter": a PDF or image) is read by intake.scans; an email by
intake.parsing, and an email that only carries one scanned letter is then read as that letter.
"""

from __future__ import annotations

from intake.errors import OcrUnavailable, Quarantine, UnparseableMessage
from intake.item import IntakeItem
from intake.parsing import parse_message
from intake.pipeline import Context
from intake.scans.message import letter_message, scanned_letter_in_email
from intake.stages import stage


@stage
def parse(item: IntakeItem, ctx: Context) -> None:
    try:
        if item.channel == "letter":
            item.parsed = letter_message(item.raw, ctx.settings)
            return
        parsed = parse_message(item.raw, ctx.settings.mailbox_options.max_attachment_bytes)
    except (UnparseableMessage, OcrUnavailable) as exc:
        raise Quarantine(str(exc)) from None
    item.parsed = scanned_letter_in_email(item.raw, parsed, ctx.settings)


STAGE = parse
