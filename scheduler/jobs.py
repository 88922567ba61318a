"""The service's recurring jobs: module-level functions, so job stores can name them."""

from __future__ import annotations

import logging

from intake.config import Settings
from intake.errors import SourceUnavailable
from intake.outbox.sender import send_pending
from intake.runner import Runner
from intake.services import engine_for, source_for, transport_for

log = logging.getLogger("scheduler.jobs")


def poll_mailbox(settings: Settings) -> None:
    """Store and process whatever has arrived; an unreachable mailbox is retried next time."""
    try:
        report = Runner(settings, engine_for(settings)).poll_once(source_for(settings))
    except SourceUnavailable as exc:
        log.warning("mailbox_unavailable error=%s", type(exc).__name__)
        return
    log.info("mailbox_polled %s", report.summary())


def send_outbox(settings: Settings) -> None:
    results = send_pending(engine_for(settings), settings, transport_for(settings))
    if results:
        log.info("outbox_pass %s", " ".join(f"{k}={v}" for k, v in sorted(results.items())))
