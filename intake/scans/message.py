"""A letter as the later stages see it: a ParsedMessage with channel "letter".

Two ways in. A letter file (`intake letter add`, stored with channel "letter") becomes a
ParsedMessage of its own. An email that is only a carrier for one scanned letter (at most
MAX_COVER_WORDS words of its own, and one PDF, or one image of a page's size) keeps its
headers, but its body is the letter's text and the letter's postal address is added.

Who wrote it, for an email carrying a scan: the email's sender stays the sender, unless
the letter names a different writer (its signed name shares no surname with the email's
display name or mailbox name) or gives a different email address. Then the letter's writer
is the complainant: the letter's name, its email address if it gives one, else none, so
a post room's or a relative's address is never answered for them; with a postal address
and no email address the acknowledgement goes by post.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from intake.errors import OcrUnavailable, UnparseableMessage
from intake.item import Attachment, ParsedMessage
from intake.parsing import attachment_bytes
from intake.scans.fields import POSTCODE, LetterFields, read_letter
from intake.scans.reading import ScanText, read_scan
from intake.scans.sniffing import MIME, is_scan_name

if TYPE_CHECKING:
    from intake.config import Settings

MAX_COVER_WORDS = 40          # "please see the attached letter", a signature: a cover note, not a message
MIN_LETTER_CHARS = 60         # less text than this in the scan: a photo, not a letter
MIN_IMAGE_BYTES = 30_000      # smaller images in an email are logos and signatures
RECENT_DAYS = 31              # a written date older than this before the scan is not trusted as received


def letter_message(data: bytes, settings: Settings) -> ParsedMessage:
    """The ParsedMessage of a letter file; UnparseableMessage or OcrUnavailable if it cannot be read."""
    scan = read_scan(data)
    fields = read_fields(scan, settings)
    return ParsedMessage(
        sender=fields.email, sender_name=fields.sender_name, subject=fields.subject,
        sent_at=_noon(fields.written_on, settings), content_types=(MIME[scan.kind],),
        body=fields.body, newest_text=fields.body, channel="letter", postal_address=fields.address,
        headers={"x-scan-method": scan.method, "x-scan-pages": str(scan.pages)})


def read_fields(scan: ScanText, settings: Settings) -> LetterFields:
    council = settings.council.template_context()
    own_postcodes = tuple(POSTCODE.findall(str(council.get("team_address", ""))))
    own_domains = tuple({a.rpartition("@")[2].lower() for a in (settings.from_address, settings.duty_address)})
    return read_letter(scan.text, own_postcodes=own_postcodes, own_domains=own_domains)


def letter_received_at(written_on: dt.date | None, stamped: dt.datetime | None, file_time: dt.datetime,
                       settings: Settings) -> dt.datetime:
    """When the council received a letter: the post room's date stamp (`--received`), else the
    date written on it if that is a plausible one (not after the scan, at most RECENT_DAYS
    before it), else the time the file was made (the scan: the council had it by then)."""
    if stamped is not None:
        return stamped
    scanned = file_time.astimezone(settings.tz).date()
    if written_on is not None and scanned - dt.timedelta(days=RECENT_DAYS) <= written_on <= scanned:
        noon = _noon(written_on, settings)
        assert noon is not None
        return min(noon, file_time)
    return file_time


def _noon(day: dt.date | None, settings: Settings) -> dt.datetime | None:
    """Midday in the council's time zone: the same calendar date wherever it is shown."""
    return None if day is None else dt.datetime.combine(day, dt.time(12), tzinfo=settings.tz)


def scanned_letter_in_email(raw: bytes, parsed: ParsedMessage, settings: Settings) -> ParsedMessage:
    """The email read as the letter it carries, or the email unchanged if it carries none."""
    attachment = _the_scan(parsed)
    if attachment is None or len(parsed.newest_text.split()) > MAX_COVER_WORDS:
        return parsed
    data = attachment_bytes(raw, attachment.sha256)
    if data is None:
        return parsed
    try:
        scan = read_scan(data)
    except OcrUnavailable:
        return replace(parsed, defects=parsed.defects + (
            "a scanned letter is attached but OCR is not installed: a person must read it",))
    except UnparseableMessage:
        return parsed
    if len(scan.text.strip()) < MIN_LETTER_CHARS:
        return parsed
    fields = read_fields(scan, settings)
    merged = replace(parsed, subject=fields.subject or parsed.subject, body=fields.body or scan.text,
                     newest_text=fields.body or scan.text, channel="letter", postal_address=fields.address,
                     sent_at=_noon(fields.written_on, settings) or parsed.sent_at)
    if _different_writer(fields, parsed):
        return replace(merged, sender=fields.email, reply_to="", sender_name=fields.sender_name)
    return replace(merged, sender_name=parsed.sender_name or fields.sender_name)


def _the_scan(parsed: ParsedMessage) -> Attachment | None:
    pdfs = [a for a in parsed.attachments if a.content_type == MIME["pdf"] or a.filename.lower().endswith(".pdf")]
    images = [a for a in parsed.attachments if a not in pdfs and a.size >= MIN_IMAGE_BYTES
              and (a.content_type in MIME.values() or is_scan_name(a.filename))]
    if len(pdfs) == 1:
        return pdfs[0]
    if not pdfs and len(images) == 1:
        return images[0]
    return None


def _different_writer(fields: LetterFields, parsed: ParsedMessage) -> bool:
    if fields.email and fields.email not in (parsed.sender, parsed.reply_to):
        return True
    if not fields.sender_name:
        return False
    surname = _words(fields.sender_name)[-1:]
    known = set(_words(parsed.sender_name)) | set(_words(parsed.sender.partition("@")[0]))
    return not surname or surname[0] not in known


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z'’-]+|[._]", text.lower()) if w and w not in {"mr", "mrs", "ms", "miss", "mx", "dr"}]
