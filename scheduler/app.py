"""build_scheduler(settings): the fixed jobs of `intake run`, each with a fixed id.

Per-case deadlines live in our own tables, not as scheduled jobs, so the jobs
here are few and fixed: poll the mailbox, send the outbox, reconcile daily.
"""

from __future__ import annotations

import datetime as dt
import logging

from apscheduler.schedulers.blocking import BlockingScheduler

from intake.config import Settings
from intake.sources.imap import ImapSource
from scheduler import jobs
from scheduler.idle import IdleWatcher

log = logging.getLogger("scheduler.app")


def build_scheduler(settings: Settings) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=settings.timezone,
                                  job_defaults={"coalesce": True, "max_instances": 1,
                                                "misfire_grace_time": 300})
    now = dt.datetime.now(settings.tz)
    scheduler.add_job(jobs.poll_mailbox, "interval", args=[settings], id="poll_mailbox",
                      seconds=settings.poll_interval_seconds, replace_existing=True, next_run_time=now)
    scheduler.add_job(jobs.send_outbox, "interval", args=[settings], id="send_outbox",
                      seconds=30, replace_existing=True, next_run_time=now)
    scheduler.add_job(jobs.reconcile_mailbox, "cron", args=[settings], id="reconcile_mailbox",
                      hour=6, minute=30, replace_existing=True)
    return scheduler


def start_idle_watcher(settings: Settings, scheduler: BlockingScheduler) -> IdleWatcher | None:
    """For an IMAP mailbox that offers IDLE: run the poll as soon as mail arrives."""
    if settings.mailbox.scheme != "imap":
        return None
    source = ImapSource(settings.mailbox, settings.mailbox_options)
    try:
        if not source.supports_idle():
            source.close()
            return None
    except Exception as exc:  # noqa: BLE001 - the interval poll reports mailbox problems
        log.warning("idle_unavailable error=%s", type(exc).__name__)
        return None

    def wake() -> None:
        scheduler.modify_job("poll_mailbox", next_run_time=dt.datetime.now(settings.tz))

    watcher = IdleWatcher(source, wake)
    watcher.start()
    return watcher
