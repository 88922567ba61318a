"""The parts of a letter a case needs, read from its text (a text layer or OCR).

An English letter has a shape: the writer's name and address at the top (left or right),
the date, the council's address, "Dear ...", the body, "Yours sincerely" and the name.

- address: the block of lines ending in the first UK postcode above "Dear" that is not
  ours (a block naming a council, or with one of our postcodes, is the recipient's);
- name: the line after the closing ("Yours sincerely"), else the block's first line if it
  reads as a name; it is taken off the address;
- email: the first address in the letter that is not in one of our domains;
- written_on: a line above "Dear" that is only a date, else the first date above "Dear"
  (UK order: 3/4/2026 is 3 April);
- body: from "Dear" to the closing (the text from the top when there is no salutation, to
  the end when there is no closing). The signature and name are left out: the name is
  `sender_name`, and a name alone, read as a passage, only misleads the text classifiers.
Anything not found is left empty: a person fills it in, nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.I)
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
SALUTATION = re.compile(r"^\s*(dear\b|to whom it may concern|hello\b|hi\b)", re.I)
CLOSING = re.compile(r"^\s*(yours\s+(sincerely|faithfully|truly)|(kind|best|warm)(est)?\s+(regards|wishes)"
                     r"|regards|many thanks|thank you|from)\b[\s,.!]*$", re.I)
NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?(?:[A-Z](?:\.|[A-Za-z'’-]+)\s+){1,3}[A-Z][A-Za-z'’-]+$")
TITLE = re.compile(r"^(Mr|Mrs|Ms|Miss|Mx|Dr)\b\.?", re.I)
PLACE_WORDS = re.compile(r"\b(road|street|lane|avenue|close|drive|court|way|place|crescent|gardens|terrace|"
                         r"cottages?|house|farm|flat|view|hill|green|mews|row|walk|park)\b", re.I)
SUBJECT = re.compile(r"^\s*(re|subject|ref)\s*[:;]\s*(.+)$", re.I)
NOT_ADDRESS = re.compile(r"\b(tel|telephone|phone|mobile|email|e-mail|date)\b|@", re.I)
MONTHS = {name: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATES = (
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b"), "numeric"),
)


@dataclass(frozen=True)
class LetterFields:
    sender_name: str = ""
    address: str = ""        # lines joined by newlines, without the name
    email: str = ""
    written_on: dt.date | None = None
    subject: str = ""
    body: str = ""


def read_letter(text: str, *, own_postcodes: tuple[str, ...] = (), own_domains: tuple[str, ...] = ()) -> LetterFields:
    lines = [line.strip() for line in text.splitlines()]
    start = next((i for i, line in enumerate(lines) if SALUTATION.match(line)), None)
    head = lines[:start] if start is not None else lines[:15]
    name = _signed_name(lines)
    address_lines = _address(head, {_postcode_key(p) for p in own_postcodes})
    if address_lines and _is_name_line(address_lines[0], name):
        name = name or address_lines[0]
        address_lines = address_lines[1:]
    end = _closing_at(lines)
    body = "\n".join(lines[start or 0:end] if start is not None or end < len(lines) else lines).strip()
    return LetterFields(sender_name=name, address="\n".join(address_lines), email=_email(text, own_domains),
                        written_on=_written_on(head), subject=_subject(lines[:(start or 15) + 3]), body=body)


def _is_name_line(line: str, signed: str) -> bool:
    """The address block's first line is the writer's name, not a house name."""
    if not NAME.match(line) or PLACE_WORDS.search(line):
        return False
    return not signed or TITLE.match(line) is not None or line.split()[-1].lower() == signed.split()[-1].lower()


def _closing_at(lines: list[str]) -> int:
    """The line of the last closing ("Yours sincerely"), or len(lines) if there is none."""
    return next((i for i in range(len(lines) - 1, -1, -1) if CLOSING.match(lines[i])), len(lines))


def _signed_name(lines: list[str]) -> str:
    end = _closing_at(lines)
    return next((after for after in lines[end + 1:end + 6] if NAME.match(after)), "")


def _postcode_key(value: str) -> str:
    return "".join(value.split()).upper()


def _address(head: list[str], own: set[str]) -> list[str]:
    for i, line in enumerate(head):
        match = POSTCODE.search(line)
        if not match or _postcode_key(match.group()) in own:
            continue
        block = _block_above(head, i)
        if not any("council" in part.lower() for part in block):
            return block
    return []


def _block_above(head: list[str], end: int) -> list[str]:
    """The postcode line and up to 6 address lines above it (OCR puts blank lines inside a
    block, so blanks are skipped); a date, a subject, a phone or email line, or another
    postcode (the end of the block above) ends it."""
    block = [head[end].rstrip(",")]
    for line in reversed(head[:end]):
        if not line:
            continue
        if (len(block) > 6 or NOT_ADDRESS.search(line) or _date_in(line) or SUBJECT.match(line)
                or POSTCODE.search(line)):  # the end of the block above
            break
        block.insert(0, line.rstrip(","))
    return block


def _email(text: str, own_domains: tuple[str, ...]) -> str:
    for found in EMAIL.findall(text):
        domain = found.rpartition("@")[2].lower()
        if not any(domain == d or domain.endswith("." + d) for d in own_domains):
            return str(found).lower().strip(".")
    return ""


def _written_on(head: list[str]) -> dt.date | None:
    only_dates = [d for line in head if (d := _date_in(line)) and _is_date_line(line)]
    if only_dates:
        return only_dates[0]
    return next((d for line in head if (d := _date_in(line))), None)


def _is_date_line(line: str) -> bool:
    rest = line
    for pattern, _ in DATES:
        rest = pattern.sub("", rest)
    return len(re.sub(r"(?i)\b(date|dated|on)\b|[\W_]", "", rest)) <= 9  # a weekday name at most


def _date_in(line: str) -> dt.date | None:
    for pattern, order in DATES:
        for match in pattern.finditer(line):
            a, b, c = match.groups()
            try:
                if order == "dmy":
                    return dt.date(int(c), MONTHS[b.lower()], int(a))
                if order == "mdy":
                    return dt.date(int(c), MONTHS[a.lower()], int(b))
                year = int(c) + (2000 if len(c) == 2 else 0)
                return dt.date(year, int(b), int(a))
            except ValueError:
                continue
    return None


def _subject(lines: list[str]) -> str:
    for line in lines:
        match = SUBJECT.match(line)
        if match:
            return " ".join(match.group(2).split())[:200]
    return ""
