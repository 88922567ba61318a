"""The service's recurring jobs: module-level functions, so job stores can name them."""

from __future__ import annotations

import logging
from functools import lru_cache

from intake.config import Settings
from intake.errors import SourceUnavailable
from intake.outbox.sender import send_pending
from intake.runner import Runner
from intake.services import engine_for, source_for, transport_for

log = logging.getLogger("scheduler.jobs")


def poll_mailbox(settings: Settings) -> None:
    """Store and process whatever has arrived, then send what that queued at once."""
    try:
        report = _runner(settings).poll_once(source_for(settings))
    except SourceUnavailable as exc:
        log.warning("mailbox_unavailable error=%s", type(exc).__name__)
        return  # the mail stays in the mailbox; the next poll tries again
    log.info("mailbox_polled %s", report.summary())
    if report.outcomes:
        send_outbox(settings)


def send_outbox(settings: Settings) -> None:
    results = send_pending(engine_for(settings), settings, transport_for(settings))
    if results:
        log.info("outbox_pass %s", " ".join(f"{k}={v}" for k, v in sorted(results.items())))


@lru_cache(maxsize=2)
def _runner(settings: Settings) -> Runner:
    """One runner (and its loaded classifiers) for the life of the service."""
    return Runner(settings, engine_for(settings))
