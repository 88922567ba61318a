"""The service's recurring jobs: module-level functions, so job stores can name them.

The runner and the mailbox connection live for the life of the process (loading
classifiers and logging in once, not every minute). A refused login backs off
exponentially, so a wrong password never becomes a storm of failed logins.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache

from intake.config import Settings
from intake.errors import ConfigError, SourceUnavailable
from intake.outbox.sender import send_pending
from intake.reconcile import reconcile
from intake.runner import Runner
from intake.services import engine_for, source_for, transport_for
from intake.sources import Source

log = logging.getLogger("scheduler.jobs")
MAX_SKIPPED_POLLS = 64


class LoginBackoff:
    """After k refused logins in a row, skip the next 2**k - 1 polls (capped)."""

    def __init__(self) -> None:
        self.failures = 0
        self.skip = 0

    def should_skip(self) -> bool:
        if self.skip:
            self.skip -= 1
            return True
        return False

    def refused(self) -> None:
        self.failures += 1
        self.skip = min(2 ** self.failures - 1, MAX_SKIPPED_POLLS)

    def succeeded(self) -> None:
        self.failures = self.skip = 0


backoff = LoginBackoff()


def poll_mailbox(settings: Settings) -> None:
    """Store and process whatever has arrived, then send what that queued at once."""
    if backoff.should_skip():
        return
    try:
        report = runner(settings).poll_once(source(settings))
    except ConfigError as exc:
        backoff.refused()
        log.error("mailbox_login_refused skipping_polls=%s detail=%s", backoff.skip, exc.problems[0][:120])
        return
    except SourceUnavailable as exc:
        log.warning("mailbox_unavailable error=%s", str(exc)[:160])
        return  # the mail stays in the mailbox; the next poll tries again
    backoff.succeeded()
    log.info("mailbox_polled %s", report.summary())
    if report.outcomes:
        send_outbox(settings)


def send_outbox(settings: Settings) -> None:
    results = send_pending(engine_for(settings), settings, transport_for(settings))
    if results:
        log.info("outbox_pass %s", " ".join(f"{k}={v}" for k, v in sorted(results.items())))


def reconcile_mailbox(settings: Settings) -> None:
    """Daily: say loudly if any message is in the mailbox and not the case log, or the reverse."""
    try:
        result = reconcile(engine_for(settings), source(settings), dt.datetime.now(dt.timezone.utc))
    except (SourceUnavailable, ConfigError) as exc:
        log.error("reconcile_failed error=%s", type(exc).__name__)
        return
    if result.accounted_for:
        log.info("reconcile_ok in_mailbox=%s stored=%s", result.in_mailbox, result.stored_entries)
    else:
        log.error("reconcile_unaccounted not_stored=%s missing_from_mailbox=%s unfinished=%s",
                  len(result.not_stored), len(result.missing_from_mailbox), len(result.unfinished))


@lru_cache(maxsize=2)
def runner(settings: Settings) -> Runner:
    """One runner (and its loaded classifiers) for the life of the service."""
    return Runner(settings, engine_for(settings))


@lru_cache(maxsize=2)
def source(settings: Settings) -> Source:
    """One mailbox connection for the life of the service (it reconnects by itself)."""
    return source_for(settings)
