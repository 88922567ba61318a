"""A stable identity for a message, so two copies of it become one record.

Two copies (To and Cc, or two monitored mailboxes) share the sender's headers
and body but not the delivery headers. So the identity is the Message-ID plus a
hash of the body, or, with no Message-ID, a hash of the headers the sender set
and the body. A reused Message-ID with a different body stays a separate message.
"""

from __future__ import annotations

import hashlib
import re
from email.parser import BytesHeaderParser
from email.policy import compat32

_SENDER_HEADERS = ("from", "to", "cc", "subject", "date")
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def split_raw(raw: bytes) -> tuple[bytes, bytes]:
    match = _HEADER_END.search(raw)
    return (raw[:match.start()], raw[match.end():]) if match else (raw, b"")


def _normalised(data: bytes) -> bytes:
    return b"\n".join(line.rstrip() for line in data.replace(b"\r\n", b"\n").split(b"\n")).strip()


def message_identity(raw: bytes) -> tuple[str, str | None]:
    """(identity, Message-ID header or None)."""
    head, body = split_raw(raw)
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(head + b"\n\n")
        message_id = " ".join(str(headers.get("message-id", "") or "").split())[:900] or None
        sender_part = "\n".join(" ".join(str(headers.get(h, "")).split()) for h in _SENDER_HEADERS)
    except Exception:  # noqa: BLE001 - undecodable headers still get an identity
        message_id, sender_part = None, ""
    body_hash = hashlib.sha256(_normalised(body)).hexdigest()
    if message_id:
        return f"mid:{message_id.lower()}:{body_hash[:16]}", message_id
    digest = hashlib.sha256(sender_part.encode("utf-8", "replace") + b"\0" + body_hash.encode()).hexdigest()
    return f"sha:{digest}", None
