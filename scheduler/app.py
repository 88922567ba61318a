"""build_scheduler(settings): the fixed jobs of `intake run`, each with a fixed id."""

from __future__ import annotations

import datetime as dt

from apscheduler.schedulers.blocking import BlockingScheduler

from intake.config import Settings
from scheduler import jobs


def build_scheduler(settings: Settings) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=settings.timezone,
                                  job_defaults={"coalesce": True, "max_instances": 1,
                                                "misfire_grace_time": 300})
    scheduler.add_job(jobs.poll_mailbox, "interval", args=[settings], id="poll_mailbox",
                      seconds=settings.poll_interval_seconds, replace_existing=True,
                      next_run_time=_now(settings))
    scheduler.add_job(jobs.send_outbox, "interval", args=[settings], id="send_outbox",
                      seconds=30, replace_existing=True, next_run_time=_now(settings))
    return scheduler


def _now(settings: Settings) -> dt.datetime:
    return dt.datetime.now(settings.tz)
