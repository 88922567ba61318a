"""Untrusted bits of mail made into safe text: headers, filenames, HTML."""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from typing import Any

import html2text


def header_text(value: Any) -> str:
    """Decode RFC 2047 words; never fail on a bad charset, never keep line breaks."""
    text = str(value)
    if "=?" in text:  # an encoded word starts so; without one, decoding gives the text back unchanged
        try:
            text = str(make_header(decode_header(text)))
        except Exception:  # noqa: BLE001 - undecodable words stay as they came
            pass
    return " ".join(text.replace("\x00", "").split())


def safe_filename(name: str) -> str:
    """A filename we can show and offer as a download; never a path."""
    name = header_text(name).replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f\"<>:|?*]", "_", name).strip(" .")
    return name[:200] or "attachment"


def html_to_text(html: str) -> str:
    converter = html2text.HTML2Text()
    converter.ignore_images = True
    converter.ignore_links = True
    converter.body_width = 0
    return converter.handle(html).strip()
