"""The SMTP transport against a real SMTP server (aiosmtpd on loopback)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
from typing import Any, Iterator

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, select

from intake import config
from intake.config import Settings
from intake.db.models import OutboxMessage
from intake.db.session import session_factory
from intake.errors import OutboxError, PermanentDeliveryError
from intake.outbox.compose import queue_email
from intake.outbox.sender import send_pending
from intake.outbox.smtp import SmtpTransport

NOW = dt.datetime(2026, 12, 23, 10, tzinfo=dt.timezone.utc)


class Sink:
    """Accepts everything, except recipients on refused.example.org (550)."""

    def __init__(self) -> None:
        self.received: list[Any] = []

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address.endswith("@refused.example.org"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_sink() -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


def smtp_settings(settings: Settings, port: int) -> Settings:
    return config.load(environ={"INTAKE_DATABASE_URL": settings.database_url,
                               "INTAKE_OUTBOUND_URL": f"smtp://127.0.0.1:{port}?tls=none"})


def queue(settings: Settings, engine: Engine, to: str, subject: str, key: str) -> None:
    with session_factory(engine).begin() as session:
        queue_email(session, settings, dedupe_key=key, purpose="acknowledgement", to=to, subject=subject,
                    body_text="Thank you for your message.", body_html="<p>Thank you.</p>", now=NOW)


def test_delivery_with_safe_headers(settings: Settings, engine: Engine, smtp_sink: tuple[Sink, int]) -> None:
    sink, port = smtp_sink
    smtp = smtp_settings(settings, port)
    queue(smtp, engine, "pat.example@example.org", "CSC-2026-0001: we have received your complaint\r\nBcc: x@evil.example", "a:1")
    assert send_pending(engine, smtp, SmtpTransport(smtp.outbound), clock=lambda: NOW) == {"sent": 1}
    [envelope] = sink.received
    assert envelope.rcpt_tos == ["pat.example@example.org"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert message["Bcc"] is None  # the injected line stayed inside the subject
    assert message["Subject"].startswith("CSC-2026-0001: we have received your complaint")
    assert message["Auto-Submitted"] == "auto-replied"
    assert send_pending(engine, smtp, SmtpTransport(smtp.outbound), clock=lambda: NOW) == {}


def test_a_refused_recipient_fails_for_good(settings: Settings, engine: Engine, smtp_sink: tuple[Sink, int]) -> None:
    _, port = smtp_sink
    smtp = smtp_settings(settings, port)
    queue(smtp, engine, "nobody@refused.example.org", "CSC-2026-0002: received", "a:2")
    assert send_pending(engine, smtp, SmtpTransport(smtp.outbound), clock=lambda: NOW) == {"failed": 1, "sent": 1}
    with session_factory(engine)() as session:
        failed, alert = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        assert failed.state == "failed" and "550" in failed.last_error
        assert alert.purpose == "delivery_failed_notice" and alert.state == "sent"
        assert alert.to_address == smtp.council.team_email and "refused.example.org" not in alert.body_text
    assert send_pending(engine, smtp, SmtpTransport(smtp.outbound), clock=lambda: NOW) == {}


def test_a_server_that_is_down_is_retried_later(settings: Settings, engine: Engine) -> None:
    smtp = smtp_settings(settings, free_port())  # nothing listens there
    queue(smtp, engine, "pat.example@example.org", "CSC-2026-0003: received", "a:3")
    transport = SmtpTransport(smtp.outbound, timeout=5)
    with pytest.raises(OutboxError) as caught:
        transport.send(email.message.EmailMessage(), outbox_id=1)
    assert not isinstance(caught.value, PermanentDeliveryError)
    assert send_pending(engine, smtp, transport, clock=lambda: NOW) == {"deferred": 1}
    with session_factory(engine)() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.state == "queued" and row.attempts == 1 and row.next_attempt_at > NOW


def test_unicode_subjects_and_sender_names_survive(settings: Settings, engine: Engine,
                                                   smtp_sink: tuple[Sink, int]) -> None:
    sink, port = smtp_sink
    smtp = smtp_settings(settings, port)
    queue(smtp, engine, "elodie@example.org", "CSC-2026-0004: votre réclamation, Élodie — reçue", "a:4")
    assert send_pending(engine, smtp, SmtpTransport(smtp.outbound), clock=lambda: NOW) == {"sent": 1}
    message = email.message_from_bytes(sink.received[0].content, policy=email.policy.default)
    assert message["Subject"] == "CSC-2026-0004: votre réclamation, Élodie — reçue"
    assert "Children's Services Complaints Team" in message["From"]
