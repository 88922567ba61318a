"""Wiring: Settings → the engine, the mailbox source and the outbound transport.

Kept apart from the CLI so the scheduler and tests build the same objects.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine

from intake.config import Settings
from intake.db.session import make_engine
from intake.errors import ConfigError
from intake.outbox import Transport
from intake.outbox.folder import FolderTransport
from intake.outbox.smtp import SmtpTransport
from intake.sources import Source
from intake.sources.maildir import MaildirSource


def engine_for(settings: Settings) -> Engine:
    """One engine (and pool) per database for the life of the process."""
    return _engine(settings.database_url)


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    return make_engine(url)


def source_for(settings: Settings) -> Source:
    endpoint = settings.mailbox
    if endpoint.scheme == "maildir":
        assert endpoint.path is not None
        return MaildirSource(endpoint.path)
    from intake.sources.imap import ImapSource

    return ImapSource(endpoint, settings.mailbox_options)


def transport_for(settings: Settings) -> Transport:
    endpoint = settings.outbound
    if endpoint.scheme == "folder":
        assert endpoint.path is not None
        return FolderTransport(endpoint.path)
    if endpoint.scheme == "smtp":
        return SmtpTransport(endpoint)
    raise ConfigError([f"INTAKE_OUTBOUND_URL: unsupported scheme {endpoint.scheme!r}"])
