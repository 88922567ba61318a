"""The original message as staff may safely see it.

Mail from the public is untrusted: its HTML is cleaned by nh3 (the Python
binding of the Rust `ammonia` sanitiser) down to text formatting and tables,
with no images, styles, scripts, forms or frames, so opening a case never
loads anything from elsewhere or tells a sender it was read. Links stay as
text with their address shown, never followed automatically.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import Message

import nh3

from intake.errors import UnparseableMessage
from intake.item import Attachment
from intake.parsing import parse_message

ALLOWED_TAGS = {"p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "blockquote", "pre", "code",
                "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "sub", "sup", "small"}
MAX_HTML_CHARS = 500_000


@dataclass(frozen=True)
class Original:
    sender: str
    sender_name: str
    to: tuple[str, ...]
    subject: str
    sent_at: str
    text: str
    safe_html: str | None
    attachments: tuple[Attachment, ...]
    problem: str = ""


def original_email(raw: bytes) -> Original:
    """The message's text, its cleaned HTML if it had any, and its attachments' names."""
    try:
        parsed = parse_message(raw)
    except UnparseableMessage as exc:
        return Original("", "", (), "", "", raw[:20_000].decode("utf-8", "replace"), None, (),
                        problem=f"The message could not be read as email ({exc}); its raw start is shown.")
    html = _html_part(email.message_from_bytes(raw, policy=email.policy.compat32))
    return Original(parsed.sender, parsed.sender_name, parsed.to, parsed.subject,
                    parsed.sent_at.isoformat() if parsed.sent_at else "", parsed.body,
                    sanitise(html) if html else None, parsed.attachments)


def sanitise(html: str) -> str:
    """Cleaned HTML, safe to put inside a staff page: no images, scripts, styles or remote content."""
    return nh3.clean(html[:MAX_HTML_CHARS], tags=ALLOWED_TAGS, attributes={"a": {"href", "title"},
                     "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}},
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow",
                     strip_comments=True)


def _html_part(message: Message) -> str | None:
    for part in message.walk():
        if part.get_content_type() != "text/html" or part.get_filename():
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            charset = part.get_content_charset() or "utf-8"
            try:
                return payload.decode(charset, "replace")
            except LookupError:
                return payload.decode("utf-8", "replace")
    return None
