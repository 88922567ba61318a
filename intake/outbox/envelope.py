"""Outbox row → an RFC 5322 message whose headers no input can break."""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from intake.config import Settings
from intake.db.models import OutboxMessage
from intake.outbox.compose import one_line


# Folding a non-ASCII header into several encoded words loses the space between them in
# Python's email package ("Élodie — reçue" arrives as "Élodie —reçue"); one encoded word
# up to RFC 5322's hard limit of 998 characters keeps names and subjects intact.
POLICY = SMTP.clone(max_line_length=998)


def build_email(row: OutboxMessage, settings: Settings, now: dt.datetime) -> EmailMessage:
    message = EmailMessage(policy=POLICY)
    local, _, domain = settings.from_address.partition("@")
    message["From"] = Address(display_name=one_line(settings.from_name, 120), username=local, domain=domain)
    message["To"] = one_line(row.to_address, 320)
    message["Subject"] = one_line(row.subject)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = row.message_id
    if row.in_reply_to:
        message["In-Reply-To"] = row.in_reply_to
        message["References"] = row.in_reply_to
    if row.auto_submitted:
        message["Auto-Submitted"] = "auto-replied" if row.purpose == "acknowledgement" else "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(row.body_text)
    if row.body_html:
        message.add_alternative(row.body_html, subtype="html")
    return message
