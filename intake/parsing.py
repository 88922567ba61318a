"""Raw bytes → ParsedMessage, for any mail the public sends.

mail-parser does the MIME work; when it fails on broken structure we fall back
to the standard library's lenient compat32 parser, so a message with one bad
part still gets its readable parts classified. Only when neither can read the
message at all does it go to quarantine (raw, with the reason).
"""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import hashlib
import logging
import re
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from typing import Any

import mailparser
from mailparser_reply import EmailReplyParser

from intake.errors import UnparseableMessage
from intake.item import Attachment, ParsedMessage
from intake.text import header_text, html_to_text, safe_filename
from intake.tnef import is_tnef, open_tnef

logging.getLogger("mailparser").setLevel(logging.ERROR)

_SIGNATURE = re.compile(r"^-- ?$", re.M)
# mail-parser-reply knows the quote headers of the common mail clients ("On … wrote:",
# Outlook's "-----Original Message-----" and "From:/Sent:" blocks, and more).
_REPLIES = EmailReplyParser(languages=["en"])


DEFAULT_MAX_ATTACHMENT_BYTES = 25_000_000


def parse_message(raw: bytes, max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES) -> ParsedMessage:
    if not raw.strip():
        raise UnparseableMessage("the message is empty")
    try:
        mail = mailparser.parse_from_bytes(raw)
        message: Message = mail.message
        plain, html = list(mail.text_plain), list(mail.text_html)
        attachments = tuple(_mailparser_attachment(a) for a in mail.attachments)
        defects = tuple(str(d) for d in mail.defects_categories or ())
    except Exception:  # noqa: BLE001 - mail-parser trips over broken MIME; fall back
        try:
            message = email.message_from_bytes(raw, policy=email.policy.compat32)
            plain, html, attachments = _walk_stdlib(message)
        except RecursionError:
            raise UnparseableMessage("the MIME structure is nested too deeply to read") from None
        except Exception as exc:  # noqa: BLE001
            raise UnparseableMessage(f"the MIME structure cannot be read ({type(exc).__name__})") from exc
        defects = ("mail-parser could not read the structure; read leniently",)
    tnef_text, tnef_attachments = _open_tnef_parts(message, max_attachment_bytes)
    if tnef_text:
        plain.append(tnef_text)
    return _assemble(message, plain, html, attachments + tnef_attachments, defects)


def _open_tnef_parts(message: Message, max_bytes: int) -> tuple[str, tuple[Attachment, ...]]:
    """Text and attachments hidden in winmail.dat parts (up to the size cap)."""
    texts: list[str] = []
    found: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart() or not is_tnef(part.get_content_type(), part.get_filename()):
            continue
        data = part.get_payload(decode=True) or b""
        if not isinstance(data, bytes) or len(data) > max_bytes:
            continue
        text, attachments = open_tnef(data)
        if text:
            texts.append(text)
        found.extend(attachments)
    return "\n\n".join(texts), tuple(found)


def _assemble(message: Message, plain: list[str], html: list[str],
              attachments: tuple[Attachment, ...], defects: tuple[str, ...]) -> ParsedMessage:
    headers = {name.lower(): header_text(value) for name, value in reversed(message.items())}
    name, sender = _address(headers.get("from", ""))
    body = "\n\n".join(p for p in plain if p.strip())
    if not body.strip() and html:
        body = html_to_text("\n".join(html))
    return ParsedMessage(
        sender=sender.strip().lower(), sender_name=name.strip(),
        reply_to=_address(headers.get("reply-to", ""))[1].strip().lower(),
        to=_recipients(headers.get("to", ""), headers.get("cc", "")),
        subject=" ".join(headers.get("subject", "").split()),
        sent_at=_date(headers.get("date", "")),
        message_id=headers.get("message-id", "").strip(),
        in_reply_to=tuple(re.findall(r"<[^<>\s]+>", headers.get("in-reply-to", "") + " " + headers.get("references", ""))),
        headers=headers,
        content_types=tuple(part.get_content_type() for part in message.walk()),
        body=body, newest_text=newest_part(body), attachments=attachments, defects=defects)


def _address(value: str) -> tuple[str, str]:
    """(name, address); a header too mangled to read gives ("", "") rather than an error."""
    try:
        return parseaddr(value)
    except Exception:  # noqa: BLE001 - e.g. RecursionError on pathological nesting
        return "", ""


def _recipients(*values: str) -> tuple[str, ...]:
    try:
        return tuple(a.lower() for _, a in getaddresses(list(values)) if a)
    except Exception:  # noqa: BLE001
        return ()


def _date(value: str) -> dt.datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _mailparser_attachment(part: dict[str, Any]) -> Attachment:
    payload = part.get("payload") or ""
    if part.get("binary"):
        try:
            data = base64.b64decode(payload)
        except ValueError:
            data = str(payload).encode("utf-8", "replace")
    else:
        data = str(payload).encode("utf-8", "replace")
    return Attachment(filename=safe_filename(part.get("filename") or ""),
                      content_type=str(part.get("mail_content_type") or "application/octet-stream"),
                      size=len(data), sha256=hashlib.sha256(data).hexdigest())


def _walk_stdlib(message: Message) -> tuple[list[str], list[str], tuple[Attachment, ...]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        try:
            payload = part.get_payload(decode=True)
        except Exception:  # noqa: BLE001
            payload = None
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        ctype = part.get_content_type()
        if filename or not ctype.startswith("text/"):
            attachments.append(Attachment(safe_filename(str(filename or "")), ctype, len(data),
                                          hashlib.sha256(data).hexdigest()))
            continue
        text = data.decode(part.get_content_charset() or "utf-8", "replace") \
            if _known_charset(part.get_content_charset()) else data.decode("utf-8", "replace")
        (html if ctype == "text/html" else plain).append(text)
    return plain, html, tuple(attachments)


def _known_charset(name: str | None) -> bool:
    if not name:
        return False
    try:
        "".encode(name)
    except LookupError:
        return False
    return True


def newest_part(body: str) -> str:
    """The newest part of a reply: before the quoted history and the signature.

    Classification reads this, so an old quoted complaint does not make a thank-you
    look like a new complaint. Whole bodies are kept for staff and the safeguarding screen.
    """
    try:
        latest = _REPLIES.parse_reply(text=body) or body
    except Exception:  # noqa: BLE001 - an odd body is read whole rather than lost
        latest = body
    signature = _SIGNATURE.search(latest)
    if signature and signature.start() > 0:
        latest = latest[:signature.start()]
    lines = [line for line in latest.splitlines() if not line.lstrip().startswith(">")]
    text = "\n".join(lines).strip()
    return text or body.strip()


def attachment_bytes(raw: bytes, sha256: str) -> bytes | None:
    """The bytes of the attachment with this digest (as listed in ParsedMessage.attachments), or None."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.is_multipart():
            continue
        data = part.get_payload(decode=True)
        if isinstance(data, bytes) and hashlib.sha256(data).hexdigest() == sha256:
            return data
    return None
