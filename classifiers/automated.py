"""Is this message automated? Header and text rules (automated.headers.v1).

Each rule answers one question and returns the sentence behind its answer. A
message any rule fires on must never get an automatic reply: replying to an
auto-reply starts a mail loop, replying to a bounce or a newsletter is noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

MODEL_VERSION = "automated.headers.v1"


@dataclass(frozen=True)
class MessageFacts:
    """The few facts the rules need, taken from a parsed message."""

    headers: Mapping[str, str]  # lower-case names
    content_types: tuple[str, ...]
    subject: str
    sender: str
    body: str


Rule = Callable[[MessageFacts], "tuple[str, str] | None"]

_OOO_SUBJECT = re.compile(
    r"^\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheit|"
    r"r[ée]ponse automatique|away from (the )?office|on (annual )?leave|autoreply)\b", re.I)
_OOO_BODY = re.compile(
    r"\b(I am|I'm|I will be) (currently )?(out of (the )?office|away from (the|my) (office|desk)|on (annual )?leave)"
    r"|\bI (am|will be) (currently )?away (until|from)\b|\bwith limited access to (my )?e-?mail\b", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"\b(undeliver(able|ed)|delivery (status notification|failure|has failed)|"
    r"mail delivery (failed|failure|subsystem)|returned mail|failure notice|non-?delivery)\b", re.I)
_DAEMON_SENDER = re.compile(r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)[@+]", re.I)


def auto_submitted_header(f: MessageFacts) -> tuple[str, str] | None:
    value = f.headers.get("auto-submitted", "").strip().lower()
    if value and not value.startswith("no"):
        return "auto_submitted", f"The message says it was sent automatically (Auto-Submitted: {value[:40]})."
    return None


def autoreply_header(f: MessageFacts) -> tuple[str, str] | None:
    for name in ("x-autoreply", "x-autorespond", "x-autoresponse", "x-auto-response-suppress"):
        if name in f.headers and (name != "x-auto-response-suppress" or _OOO_SUBJECT.search(f.subject)):
            return "autoreply_header", f"The message carries an auto-reply header ({name})."
    return None


def precedence_header(f: MessageFacts) -> tuple[str, str] | None:
    value = f.headers.get("precedence", "").strip().lower()
    if value in ("bulk", "junk", "list", "auto_reply"):
        return "precedence_bulk", f"The message is marked as bulk mail (Precedence: {value})."
    return None


def list_headers(f: MessageFacts) -> tuple[str, str] | None:
    for name in ("list-id", "list-unsubscribe", "list-post", "list-help"):
        if name in f.headers:
            return "mailing_list", f"The message came from a mailing list ({name} header)."
    return None


def delivery_report(f: MessageFacts) -> tuple[str, str] | None:
    for ctype in f.content_types:
        if ctype in ("multipart/report", "message/delivery-status", "message/disposition-notification"):
            return "delivery_report", f"The message is a delivery or read report ({ctype})."
    if _BOUNCE_SUBJECT.search(f.subject) and _DAEMON_SENDER.match(f.sender or ""):
        return "delivery_report", "The message is a bounce from a mail server."
    return None


def empty_return_path(f: MessageFacts) -> tuple[str, str] | None:
    if f.headers.get("return-path", None) is not None and f.headers["return-path"].strip() in ("<>", ""):
        return "empty_return_path", "The message has an empty return path, as bounces and notifications do."
    return None


def daemon_sender(f: MessageFacts) -> tuple[str, str] | None:
    if _DAEMON_SENDER.match(f.sender or ""):
        return "daemon_sender", "The sender is a mail server or a no-reply address, which cannot read a reply."
    return None


def spam_verdict(f: MessageFacts) -> tuple[str, str] | None:
    if f.headers.get("x-spam-flag", "").strip().upper() == "YES":
        return "spam", "The mail filter marked the message as spam (X-Spam-Flag: YES)."
    return None


def out_of_office_text(f: MessageFacts) -> tuple[str, str] | None:
    if _OOO_SUBJECT.search(f.subject):
        return "out_of_office", "The subject says this is an automatic or out-of-office reply."
    if len(f.body) < 1500 and _OOO_BODY.search(f.body):
        return "out_of_office", "The text is an out-of-office reply."
    return None


RULES: tuple[Rule, ...] = (
    auto_submitted_header, autoreply_header, precedence_header, list_headers,
    delivery_report, empty_return_path, daemon_sender, spam_verdict, out_of_office_text,
)


def automated_reasons(facts: MessageFacts) -> list[tuple[str, str]]:
    """Every rule that fires, as (code, sentence); empty means a person wrote it."""
    return [hit for rule in RULES if (hit := rule(facts)) is not None]
