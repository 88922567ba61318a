"""build_scheduler(settings): the fixed jobs of `intake run`, each with a fixed id.

The job store is a table in the case log's own database (APScheduler's
SQLAlchemy job store), so the schedule survives a restart. Per-case deadlines
are not jobs: the deadlines table is the truth, and one scan asks it what is due
(reminders, escalations, the digest), writing each notice once into a ledger.
Jobs are stored by name without arguments (settings come from `jobs.configure`),
so no setting or secret is pickled into the database. Every job is safe to run
in two processes at once: each claims its work under unique keys or row locks.
"""

from __future__ import annotations

import datetime as dt
import logging

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.blocking import BlockingScheduler

from intake.config import Settings
from intake.services import engine_for
from intake.sources.imap import ImapSource
from scheduler import jobs
from scheduler.idle import IdleWatcher

log = logging.getLogger("scheduler.app")
NOTICE_SCAN_MINUTES = 5


def build_scheduler(settings: Settings) -> BlockingScheduler:
    jobs.configure(settings)
    scheduler = BlockingScheduler(timezone=settings.timezone,
                                  jobstores={"default": SQLAlchemyJobStore(engine=engine_for(settings))},
                                  job_defaults={"coalesce": True, "max_instances": 1,
                                                "misfire_grace_time": 300})
    now = dt.datetime.now(settings.tz)
    scheduler.add_job(jobs.poll_mailbox, "interval", id="poll_mailbox",
                      seconds=settings.poll_interval_seconds, replace_existing=True, next_run_time=now)
    scheduler.add_job(jobs.send_outbox, "interval", id="send_outbox",
                      seconds=30, replace_existing=True, next_run_time=now)
    # At start too: notices missed while the service was down go out once, not once per missed run.
    scheduler.add_job(jobs.scan_notices, "interval", id="scan_notices",
                      minutes=NOTICE_SCAN_MINUTES, replace_existing=True, next_run_time=now)
    digest = settings.notices.digest_time
    scheduler.add_job(jobs.scan_notices, "cron", id="daily_digest", day_of_week="mon-fri",
                      hour=digest.hour, minute=digest.minute, replace_existing=True)
    scheduler.add_job(jobs.reconcile_mailbox, "cron", id="reconcile_mailbox",
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
