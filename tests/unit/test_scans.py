"""Reading letters: file kinds, the parts of a letter in several layouts, who the writer is,
and when the council received it. Text is written inline (no OCR here); names are fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intake import config
from intake.item import Attachment, ParsedMessage
from intake.scans.fields import read_letter
from intake.scans.message import _different_writer, _the_scan, letter_received_at
from intake.scans.reading import read_scan
from intake.scans.sniffing import scan_kind
from tests.support.scanned_letters import Letter, typed_pdf

OWN = dict(own_postcodes=("NT1 1AA",), own_domains=("northshire.example.org",))

TYPED = """Pat Example
12 Orchard Road
Northtown
NT4 7QX
pat.example@example.org

18 December 2026

Complaints Team
Northshire Council
County Hall
Northtown
NT1 1AA

Re: complaint about my son's social worker

Dear Sir or Madam,

I want to make a formal complaint about my son's social worker.

Yours sincerely,

Pat Example"""

# The council's address first (as some people write), the writer's block below, a numeric
# date with a label, an email at our own domain quoted in the body, no "Re:" line.
COUNCIL_FIRST = """The Complaints Manager
Northshire Council
County Hall, Northtown NT1 1AA

Mrs J. Sample
Flat 3, 40 High Street
Southby
SB12 9ZZ
Tel: 01632 960123

Date: 02/12/2026

Dear Complaints Manager,

I wrote to complaints@northshire.example.org in October about my granddaughter's placement.

Kind regards

Jo Sample"""

# OCR of a scan: blank lines inside the address block, an ordinal date with "of".
OCR_LIKE = """Alex Writer

7 Mill Cottages

Eastham

EA1 2BC

Tuesday 1st of December 2026

Dear Sir,

The foster carer's allowance has not been paid.

Yours faithfully,

[signature]

Alex Writer"""


def test_a_typed_letter() -> None:
    letter = read_letter(TYPED, **OWN)
    assert letter.sender_name == "Pat Example"
    assert letter.address == "12 Orchard Road\nNorthtown\nNT4 7QX"
    assert letter.email == "pat.example@example.org"
    assert letter.written_on == dt.date(2026, 12, 18)
    assert letter.subject == "complaint about my son's social worker"
    assert letter.body.startswith("Dear Sir or Madam,") and letter.body.endswith("social worker.")
    assert "Yours sincerely" not in letter.body and "Pat Example" not in letter.body


def test_the_councils_own_block_and_address_are_skipped() -> None:
    letter = read_letter(COUNCIL_FIRST, **OWN)
    assert letter.address == "Flat 3, 40 High Street\nSouthby\nSB12 9ZZ"  # the name line is the name
    assert letter.sender_name == "Jo Sample"
    assert letter.email == ""  # ours, quoted in the body: not the writer's
    assert letter.written_on == dt.date(2026, 12, 2)  # UK order: 2 December
    assert letter.subject == ""


def test_ocr_text_with_blank_lines_and_an_ordinal_date() -> None:
    letter = read_letter(OCR_LIKE, **OWN)
    assert letter.sender_name == "Alex Writer"
    assert letter.address == "7 Mill Cottages\nEastham\nEA1 2BC"
    assert letter.written_on == dt.date(2026, 12, 1)


@pytest.mark.parametrize("line, expected", [
    ("18 December 2026", dt.date(2026, 12, 18)),
    ("18th Dec. 2026", dt.date(2026, 12, 18)),
    ("December 18, 2026", dt.date(2026, 12, 18)),
    ("18.12.26", dt.date(2026, 12, 18)),
    ("Date: 3/4/2026", dt.date(2026, 4, 3)),
])
def test_dates_as_people_write_them(line: str, expected: dt.date) -> None:
    assert read_letter(f"A Writer\n1 Road\nTown\nAB1 2CD\n{line}\nDear Sir,\nHello.").written_on == expected


def test_a_house_name_stays_in_the_address() -> None:
    letter = read_letter("Orchard Cottage\nLong Lane\nEastham\nEA1 2BC\n\n1 December 2026\n\nDear Sir,\n"
                         "Hello.\n\nYours sincerely,\nAlex Writer")
    assert letter.sender_name == "Alex Writer"
    assert letter.address == "Orchard Cottage\nLong Lane\nEastham\nEA1 2BC"


def test_nothing_found_is_left_empty() -> None:
    letter = read_letter("to the council i am not happy with the social worker at all")
    assert (letter.sender_name, letter.address, letter.email, letter.written_on) == ("", "", "", None)
    assert letter.body == "to the council i am not happy with the social worker at all"


def test_file_kinds_by_their_first_bytes() -> None:
    assert scan_kind(typed_pdf(Letter())) == "pdf"
    assert scan_kind(b"\x89PNG\r\n\x1a\n....") == "png"
    assert scan_kind(b"\xff\xd8\xff\xe0....") == "jpeg"
    assert scan_kind(b"II*\x00....") == "tiff" and scan_kind(b"MM\x00*....") == "tiff"
    assert scan_kind(b"From: someone@example.org\n\nhello") is None


def test_a_text_layer_needs_no_ocr() -> None:
    scan = read_scan(typed_pdf(Letter()))
    assert (scan.kind, scan.pages, scan.method) == ("pdf", 1, "text_layer")
    assert "I want to make a formal complaint" in scan.text and "  " not in scan.text


@pytest.mark.parametrize("letter_name, letter_email, from_name, from_address, different", [
    ("Pat Example", "", "Pat Example", "pat.example@example.org", False),
    ("Pat Example", "", "", "pat.example@example.org", False),          # the mailbox name says it
    ("Mrs P. Example", "", "Pat Example", "p@example.org", False),       # same surname
    ("Pat Example", "", "Post Room", "postroom@northshire.example.org", True),
    ("", "", "Post Room", "postroom@northshire.example.org", False),     # nobody else named
    ("", "sam@example.org", "Pat Example", "pat.example@example.org", True),
])
def test_who_wrote_a_scan_sent_by_email(letter_name: str, letter_email: str, from_name: str,
                                        from_address: str, different: bool) -> None:
    from intake.scans.fields import LetterFields

    fields = LetterFields(sender_name=letter_name, email=letter_email)
    assert _different_writer(fields, ParsedMessage(sender=from_address, sender_name=from_name)) is different


def test_the_scan_is_one_pdf_or_one_page_sized_image() -> None:
    def attached(*items: tuple[str, str, int]) -> ParsedMessage:
        return ParsedMessage(attachments=tuple(Attachment(n, t, s, "0" * 64) for n, t, s in items))

    pdf, logo, photo = ("a.pdf", "application/pdf", 90_000), ("logo.png", "image/png", 4_000), \
        ("IMG_1.jpg", "image/jpeg", 900_000)
    found = _the_scan(attached(pdf, logo))
    assert found is not None and found.filename == "a.pdf"
    found = _the_scan(attached(photo, logo))
    assert found is not None and found.filename == "IMG_1.jpg"
    assert _the_scan(attached(pdf, pdf)) is None and _the_scan(attached(photo, photo)) is None
    assert _the_scan(attached(logo)) is None


def test_when_a_letter_was_received(tmp_path: Path) -> None:
    settings = config.load(environ={}, base_dir=tmp_path)
    scanned = dt.datetime(2026, 12, 22, 15, 0, tzinfo=dt.timezone.utc)
    stamp = dt.datetime(2026, 12, 21, 12, 0, tzinfo=settings.tz)
    assert letter_received_at(dt.date(2026, 12, 18), stamp, scanned, settings) == stamp
    written = letter_received_at(dt.date(2026, 12, 18), None, scanned, settings)
    assert written.astimezone(settings.tz).date() == dt.date(2026, 12, 18)
    assert letter_received_at(dt.date(2026, 12, 30), None, scanned, settings) == scanned  # after the scan
    assert letter_received_at(dt.date(2025, 12, 1), None, scanned, settings) == scanned   # too old to trust
    assert letter_received_at(None, None, scanned, settings) == scanned
