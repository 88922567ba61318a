"""The outbox: messages written in the case's transaction, delivered later, exactly once.

Transports have one method, ``send(message)``: folder.py writes .eml files (the
embedded default), smtp.py talks to a relay, fake.py records for unit tests.
"""

from __future__ import annotations

from email.message import EmailMessage
from typing import Protocol


class Transport(Protocol):
    def send(self, message: EmailMessage, *, outbox_id: int) -> None:
        """Deliver one message; raise OutboxError (retry) or PermanentDeliveryError (stop)."""
