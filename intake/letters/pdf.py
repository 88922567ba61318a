"""A printable A4 letter: letterhead, an address block for a DL windowed envelope, the body.

The body is plain text rendered from `templates/letter/` and laid out by a few rules, so
the same words serve email and post:

- blank lines separate blocks; a block's lines are joined into one paragraph and wrapped;
- a line underlined with dashes is a heading;
- lines that start with two spaces (contacts, addresses) keep their line breaks, and a
  line that starts with "- " begins a list item;
- a form feed (chr 12) alone on a line starts a new page (the note for a young person, a form).

An A4 sheet folded in three into a DL window envelope (110 x 220 mm, left window) shows the
area about 20 mm from the left and 45 to 90 mm from the top; the address block sits there,
and nothing else does. Fonts are the DejaVu Sans files shipped beside this module, so every
name prints as written (the PDF core fonts stop at Latin-1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
PAGE_BREAK = "\f"

LEFT = 20.0          # mm: left margin, and the left edge of the envelope window
ADDRESS_TOP = 47.0   # mm from the top of the sheet: the first line of the address block
ADDRESS_WIDTH = 85.0
ADDRESS_LINES = 7    # a name and six lines (Royal Mail's longest useful address)
RIGHT_COLUMN = 128.0  # letterhead contacts, date and reference: right of the window
BODY_TOP = 98.0
LINE = 5.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_RULE = re.compile(r"^\s*-{3,}\s*$")


@dataclass(frozen=True)
class Letterhead:
    council_name: str
    team_name: str
    address: str
    phone: str
    email: str
    website: str


class _Letter(FPDF):
    reference = ""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 5, f"{self.reference}    Page {self.page_no()} of {{nb}}", align="C")


def clean_line(value: str, limit: int = 60) -> str:
    return " ".join(_CONTROL.sub(" ", value).split())[:limit]


def address_block(name: str, address: str) -> list[str]:
    """The recipient's name and postal address, one clean line each, at most seven lines."""
    lines = [clean_line(part) for part in address.replace(",\n", "\n").splitlines()]
    lines = [line for line in lines if line]
    named = clean_line(name)
    return ([named] if named else [])[: ADDRESS_LINES] + lines[: ADDRESS_LINES - (1 if named else 0)]


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    pages: int


def render_letter(head: Letterhead, *, recipient: list[str], date: dt.date, reference: str,
                  body: str) -> Printed:
    """The letter as PDF bytes (the same input gives the same bytes)."""
    pdf = _Letter(format="A4", unit="mm")
    pdf.reference = reference
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(LEFT, 20, LEFT)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_creation_date(dt.datetime.combine(date, dt.time(12), dt.UTC))
    pdf.set_title(f"Letter {reference}")
    pdf.set_author(clean_line(head.council_name, 120))
    pdf.add_page()
    _letterhead(pdf, head)
    pdf.set_font(FAMILY, "", 10.5)
    pdf.set_xy(LEFT, ADDRESS_TOP)
    for line in recipient[:ADDRESS_LINES]:
        pdf.cell(ADDRESS_WIDTH, LINE, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(RIGHT_COLUMN, 72)
    pdf.cell(0, LINE, f"Date: {date.day} {date:%B %Y}", new_x="LEFT", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 10.5)
    pdf.cell(0, LINE, f"Our reference: {reference}", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(LEFT, BODY_TOP)
    _body(pdf, body)
    return Printed(bytes(pdf.output()), pdf.pages_count)


def _letterhead(pdf: FPDF, head: Letterhead) -> None:
    pdf.set_xy(LEFT, 14)
    pdf.set_font(FAMILY, "B", 15)
    pdf.multi_cell(RIGHT_COLUMN - LEFT - 6, 7, clean_line(head.council_name, 120), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.multi_cell(RIGHT_COLUMN - LEFT - 6, 5, clean_line(head.team_name, 120))
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_xy(RIGHT_COLUMN, 14)
    contacts = [clean_line(line, 50) for line in head.address.strip().splitlines() if line.strip()]
    contacts += [f"Phone: {clean_line(head.phone)}", f"Email: {clean_line(head.email, 80)}",
                 clean_line(head.website, 80)]
    for line in contacts[:10]:
        pdf.cell(0, 4, line, new_x="LEFT", new_y="NEXT")


def _body(pdf: FPDF, body: str) -> None:
    for block in _blocks(body):
        if block == [PAGE_BREAK]:
            pdf.add_page()
            continue
        if len(block) >= 2 and _RULE.match(block[1]):
            if pdf.get_y() > pdf.h - 50:
                pdf.add_page()
            pdf.set_font(FAMILY, "B", 11.5)
            pdf.multi_cell(0, 6, block[0].strip(), new_x="LMARGIN", new_y="NEXT")
            block = block[2:]
            pdf.ln(1)
            if not block:
                continue
        _paragraphs(pdf, block)
        pdf.ln(3)


def _paragraphs(pdf: FPDF, block: list[str]) -> None:
    pdf.set_font(FAMILY, "", 10.5)
    prose: list[str] = []
    for line in block + [""]:
        if line.startswith("- ") and prose:  # a list item starts a new line
            pdf.multi_cell(0, LINE, " ".join(prose), align="L", new_x="LMARGIN", new_y="NEXT")
            prose = []
        if line.startswith("  ") or not line:
            if prose:
                pdf.multi_cell(0, LINE, " ".join(prose), align="L", new_x="LMARGIN", new_y="NEXT")
                prose = []
            if line:
                pdf.set_x(LEFT + 6)
                pdf.multi_cell(0, LINE, line.strip(), align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            prose.append(line.strip())


def _blocks(body: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in body.replace("\r", "").split("\n"):
        if PAGE_BREAK in line:
            blocks += [current] if current else []
            blocks.append([PAGE_BREAK])
            current = []
        elif not line.strip():
            blocks += [current] if current else []
            current = []
        else:
            current.append(line.rstrip())
    return blocks + ([current] if current else [])
