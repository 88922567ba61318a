"""A transport for unit tests: records what would have been sent, or fails on demand."""

from __future__ import annotations

from email.message import EmailMessage

from intake.errors import OutboxError


class FakeTransport:
    def __init__(self, failures: list[OutboxError] | None = None) -> None:
        self.sent: list[tuple[int, EmailMessage]] = []
        self.failures = list(failures or [])

    def send(self, message: EmailMessage, *, outbox_id: int) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((outbox_id, message))
