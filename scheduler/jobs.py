"""The service's recurring jobs: module-level functions, so job stores can name them.

The runner and the mailbox connection live for the life of the process (loading
classifiers and logging in once, not every minute). A refused login backs off
exponentially, so a wrong password never becomes a storm of failed logins.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache

from intake.casework import recompute_deadlines
from intake.config import Settings
from intake.db.session import session_factory
from intake.errors import ConfigError, SourceUnavailable
from intake.notices.queue import send_due
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
# Set once by `intake run`: jobs in a persistent job store are stored by name, without
# arguments, so no setting (and no secret) is ever pickled into the database.
_configured: Settings | None = None


def configure(settings: Settings) -> None:
    global _configured
    _configured = settings


def _settings(given: Settings | None) -> Settings:
    settings = given if given is not None else _configured
    assert settings is not None, "scheduler.jobs.configure(settings) first"
    return settings


def poll_mailbox(settings: Settings | None = None) -> None:
    """Store and process whatever has arrived, then send what that queued at once."""
    settings = _settings(settings)
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


def send_outbox(settings: Settings | None = None) -> None:
    settings = _settings(settings)
    results = send_pending(engine_for(settings), settings, transport_for(settings))
    if results:
        log.info("outbox_pass %s", " ".join(f"{k}={v}" for k, v in sorted(results.items())))


def reconcile_mailbox(settings: Settings | None = None) -> None:
    """Daily: say loudly if any message is in the mailbox and not the case log, or the reverse."""
    settings = _settings(settings)
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


def scan_notices(settings: Settings | None = None) -> None:
    """Move deadlines a calendar change moved, then queue the reminders, escalations and digest due now."""
    settings = _settings(settings)
    now = dt.datetime.now(dt.timezone.utc)
    calendar = settings.working_calendar()
    with session_factory(engine_for(settings))() as session, session.begin():
        moved = recompute_deadlines(session, calendar, settings.limits, now)
        claimed = send_due(session, settings, calendar, now)
    if moved or claimed:
        log.info("notices_scanned deadlines_moved=%s queued=%s", moved, len(claimed))
    if claimed:
        send_outbox(settings)


@lru_cache(maxsize=2)
def runner(settings: Settings) -> Runner:
    """One runner (and its loaded classifiers) for the life of the service."""
    return Runner(settings, engine_for(settings))


@lru_cache(maxsize=2)
def source(settings: Settings) -> Source:
    """One mailbox connection for the life of the service (it reconnects by itself)."""
    return source_for(settings)
