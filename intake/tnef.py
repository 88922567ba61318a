"""Outlook's winmail.dat (TNEF): open it so its text counts and its attachments are listed.

Outlook sends some messages with the body and attachments hidden inside one
application/ms-tnef part; without this, a complaint sent that way reads as empty.
tnefparse reads the container; striprtf turns an RTF body into text.
"""

from __future__ import annotations

import hashlib
import logging

import tnefparse
from striprtf.striprtf import rtf_to_text

from intake.item import Attachment
from intake.text import html_to_text, safe_filename

logging.getLogger("tnefparse").setLevel(logging.CRITICAL)


def is_tnef(content_type: str, filename: str | None) -> bool:
    return content_type in ("application/ms-tnef", "application/vnd.ms-tnef") or \
        (filename or "").lower() == "winmail.dat"


def open_tnef(data: bytes) -> tuple[str, list[Attachment]]:
    """(text, attachments) from a TNEF container; ("", []) when it cannot be read."""
    try:
        container = tnefparse.TNEF(data)
    except Exception:  # noqa: BLE001 - a broken container is only an unreadable attachment
        return "", []
    text = ""
    try:
        if container.body:
            text = _decode(container.body)
        elif container.htmlbody:
            text = html_to_text(_decode(container.htmlbody))
        elif container.rtfbody:
            text = str(rtf_to_text(_decode(container.rtfbody), errors="ignore"))  # type: ignore[no-untyped-call]
    except Exception:  # noqa: BLE001
        text = ""
    attachments = []
    for item in container.attachments:
        payload = bytes(item.data or b"")
        try:
            name = item.long_filename() or item.name or ""
        except Exception:  # noqa: BLE001
            name = ""
        attachments.append(Attachment(safe_filename(_decode(name) if isinstance(name, bytes) else str(name)),
                                      "application/octet-stream", len(payload),
                                      hashlib.sha256(payload).hexdigest()))
    return text.strip(), attachments


def _decode(value: bytes | str) -> str:
    if isinstance(value, str):
        return value
    for codec in ("utf-8", "cp1252"):
        try:
            return value.decode(codec)
        except UnicodeDecodeError:
            continue
    return value.decode("latin-1")
