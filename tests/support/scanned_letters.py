"""Letters the tests write themselves: one fictional letter, laid out several ways.

A typed PDF with a text layer (fpdf2), the same letter as a page image for OCR (Pillow with
a TrueType font from Debian's fonts-dejavu-core), a handwriting-like font, an image-only
("scanned") PDF and a two-page letter. `ground_truth` is the text a perfect reader would
see, for the character error rate in benchmarks/ocr.py. All names and addresses are made up.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype")
SERIF = FONTS / "dejavu" / "DejaVuSerif.ttf"
SANS = FONTS / "dejavu" / "DejaVuSans.ttf"
# Handwriting-like fonts from Debian: fonts-humor-sans (capitals, as many people write forms),
# installed by scripts/test; fonts-dkg-handwriting (joined-up), measured by benchmarks/ocr.py if present.
HANDWRITING = FONTS / "humor-sans" / "Humor-Sans.ttf"
CURSIVE = FONTS / "fifthhorseman" / "dkg.ttf"
DPI = 300
A4_PX = (2480, 3508)  # A4 at 300 dpi
MARGIN_PX = 236       # 20 mm


@dataclass(frozen=True)
class Letter:
    sender_name: str = "Pat Example"
    address: tuple[str, ...] = ("12 Orchard Road", "Northtown", "NT4 7QX")
    email: str = ""
    written_on: dt.date = dt.date(2026, 12, 18)
    recipient: tuple[str, ...] = ("Complaints Team", "Northshire Council", "County Hall", "Northtown", "NT1 1AA")
    subject: str = "Re: complaint about my son's social worker"
    paragraphs: tuple[str, ...] = (
        "I want to make a formal complaint about the way my son's social worker has treated our family.",
        "She cancelled three planned visits in November and never told us why. When we rang the "
        "office nobody called us back, and my son's review meeting went ahead without us.",
        "I would like an explanation and an apology, and a new date for the review meeting.",
    )
    closing: str = "Yours sincerely"
    extra: tuple[str, ...] = field(default=())  # more paragraphs, e.g. for a second page

    def lines(self) -> list[str]:
        """The letter line by line, as printed (the sender's block, date, recipient, body)."""
        head = [self.sender_name, *self.address] + ([self.email] if self.email else [])
        body = [*self.paragraphs, *self.extra]
        return [*head, "", self.written_on.strftime("%-d %B %Y"), "", *self.recipient, "",
                self.subject, "", "Dear Sir or Madam,", "", *sum(([p, ""] for p in body), []),
                f"{self.closing},", "", self.sender_name]


def ground_truth(letter: Letter) -> str:
    return "\n".join(line for line in letter.lines() if line)


def two_page(letter: Letter) -> Letter:
    more = tuple(
        f"On the {nth} visit that did take place the social worker said she would write to us about "
        "contact with my son's father, but no letter came, and the contact arrangements have still "
        "not been agreed."
        for nth in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"))
    return replace(letter, extra=more)


def typed_pdf(letter: Letter) -> bytes:
    """A word-processed letter saved as PDF: every word in the text layer."""
    pdf = FPDF(format="A4")
    pdf.add_font("serif", "", str(SERIF))
    pdf.set_font("serif", size=11)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in letter.lines():
        if not line:
            pdf.ln(4)
        else:
            pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def page_images(letter: Letter, font: Path = SERIF, size: int = 42) -> list[Image.Image]:
    """The letter drawn on A4 pages at 300 dpi, as a flatbed scanner would see it."""
    face = ImageFont.truetype(str(font), size)
    line_height = int(size * 1.45)
    width = A4_PX[0] - 2 * MARGIN_PX
    pages: list[Image.Image] = []
    page, draw, y = _new_page()
    pages.append(page)
    for line in letter.lines():
        for row in _wrap(line, face, width, draw) if line else [""]:
            if y + line_height > A4_PX[1] - MARGIN_PX:
                page, draw, y = _new_page()
                pages.append(page)
            if row:
                draw.text((MARGIN_PX, y), row, font=face, fill=0)
            y += line_height if row else line_height // 2
    return pages


def _new_page() -> tuple[Image.Image, ImageDraw.ImageDraw, int]:
    page = Image.new("L", A4_PX, 255)
    return page, ImageDraw.Draw(page), MARGIN_PX


def _wrap(line: str, face: ImageFont.FreeTypeFont, width: int, draw: ImageDraw.ImageDraw) -> list[str]:
    rows: list[str] = []
    current = ""
    for word in line.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=face) <= width or not current:
            current = trial
        else:
            rows.append(current)
            current = word
    return rows + ([current] if current else [])


def image_bytes(pages: list[Image.Image], kind: str) -> bytes:
    """PNG or JPEG (first page only), TIFF (every page), or an image-only PDF (every page)."""
    out = io.BytesIO()
    if kind == "png":
        pages[0].save(out, "PNG", dpi=(DPI, DPI))
    elif kind == "jpeg":
        pages[0].save(out, "JPEG", quality=85, dpi=(DPI, DPI))
    elif kind == "tiff":
        pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate",
                      dpi=(DPI, DPI))
    elif kind == "pdf":
        pdf = FPDF(format="A4")
        for page in pages:
            pdf.add_page()
            pdf.image(page, x=0, y=0, w=210, h=297)
        return bytes(pdf.output())
    else:
        raise ValueError(kind)
    return out.getvalue()
