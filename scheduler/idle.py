"""IMAP IDLE: wake the mailbox poll as soon as the server says mail has arrived.

Runs on its own connection in a daemon thread (a connection in IDLE cannot fetch).
The interval poll still runs, so a silent IDLE never means missed mail.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

from intake.errors import ConfigError, SourceUnavailable
from intake.sources.imap import ImapSource

log = logging.getLogger("scheduler.idle")

# RFC 2177: re-issue IDLE at least every 29 minutes; servers and NATs drop idle links sooner.
IDLE_SECONDS = 300.0


class IdleWatcher(threading.Thread):
    def __init__(self, source: ImapSource, on_new_mail: Callable[[], None],
                 idle_seconds: float = IDLE_SECONDS) -> None:
        super().__init__(name="imap-idle", daemon=True)
        self.source = source
        self.on_new_mail = on_new_mail
        self.idle_seconds = idle_seconds
        self.stopping = threading.Event()

    def run(self) -> None:
        delay = 1.0
        while not self.stopping.is_set():
            try:
                if self.source.wait_for_mail(self.idle_seconds) and not self.stopping.is_set():
                    self.on_new_mail()
                delay = 1.0
            except SourceUnavailable as exc:
                if self.stopping.is_set():
                    break
                log.warning("idle_reconnect_in=%.0fs error=%s", delay, str(exc)[:120])
                self.stopping.wait(delay)
                delay = min(delay * 2, 300.0)
            except ConfigError:
                log.error("idle_stopped reason=login_refused")
                break
        self.source.close()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to end and wait briefly; it is a daemon, so a stuck link never holds the exit."""
        self.stopping.set()
        self.source.interrupt()
        self.join(timeout)
