"""Delivery through an SMTP relay: TLS by default, certificate checked, password from the environment."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from intake.endpoints import Endpoint
from intake.errors import OutboxError, PermanentDeliveryError


class SmtpTransport:
    def __init__(self, endpoint: Endpoint, timeout: float = 30.0,
                 context: ssl.SSLContext | None = None) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.context = context or ssl.create_default_context()

    def _connect(self) -> smtplib.SMTP:
        e = self.endpoint
        if e.tls == "ssl":
            return smtplib.SMTP_SSL(e.host, e.port, timeout=self.timeout, context=self.context)
        client = smtplib.SMTP(e.host, e.port, timeout=self.timeout)
        if e.tls == "starttls":
            client.starttls(context=self.context)
        return client

    def send(self, message: EmailMessage, *, outbox_id: int) -> None:
        try:
            with self._connect() as client:
                if self.endpoint.username and self.endpoint.password:
                    client.login(self.endpoint.username, self.endpoint.password)
                refused = client.send_message(message)
        except smtplib.SMTPAuthenticationError as exc:
            raise PermanentDeliveryError(f"the SMTP relay refused our login ({exc.smtp_code})") from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if all(code >= 500 for code in codes):
                raise PermanentDeliveryError(f"the relay refused the recipient ({codes[0]})") from None
            raise OutboxError(f"the relay deferred the recipient ({codes[0]})") from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500:
                raise PermanentDeliveryError(f"the relay rejected the message ({exc.smtp_code})") from None
            raise OutboxError(f"the relay deferred the message ({exc.smtp_code})") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise OutboxError(f"cannot reach the SMTP relay {self.endpoint.host}:{self.endpoint.port} "
                              f"({type(exc).__name__})") from None
        if refused:
            raise PermanentDeliveryError("the relay refused some recipients")
