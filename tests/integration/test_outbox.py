"""The outbox sends each message once: across a crash, and with two senders at once."""

from __future__ import annotations

import datetime as dt
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from intake.config import Settings
from intake.db.models import OutboxMessage
from intake.db.session import session_factory
from intake.outbox.compose import queue_email
from intake.outbox.folder import FolderTransport
from intake.outbox.sender import send_pending

NOW = dt.datetime(2026, 12, 23, 10, tzinfo=dt.timezone.utc)


def queue(settings: Settings, engine: Engine, n: int) -> None:
    with session_factory(engine).begin() as session:
        for i in range(n):
            queue_email(session, settings, dedupe_key=f"test:{i}", purpose="acknowledgement",
                        to=f"person{i}@example.org", subject=f"CSC-2026-{i + 1:04d}: received",
                        body_text="Thank you.", body_html=None, now=NOW)


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the sender catches it."""


def test_a_crash_after_delivery_before_the_mark_sends_once_with_the_folder(settings: Settings, engine: Engine,
                                                                          tmp_path: Path) -> None:
    queue(settings, engine, 1)
    folder = FolderTransport(tmp_path / "outbox")

    class DiesAfterWriting:
        def send(self, message: EmailMessage, *, outbox_id: int) -> None:
            folder.send(message, outbox_id=outbox_id)
            raise Crash()

    with pytest.raises(Crash):
        send_pending(engine, settings, DiesAfterWriting(), clock=lambda: NOW)
    with session_factory(engine)() as session:
        assert session.scalars(select(OutboxMessage)).one().state == "queued"  # the mark rolled back
    assert send_pending(engine, settings, folder, clock=lambda: NOW) == {"sent": 1}
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1  # the same file, overwritten


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # several senders: PostgreSQL
def test_two_senders_never_send_the_same_message(settings: Settings, engine: Engine) -> None:
    queue(settings, engine, 40)
    sent: list[int] = []
    lock = threading.Lock()

    class SlowTransport:
        def send(self, message: EmailMessage, *, outbox_id: int) -> None:
            time.sleep(0.01)  # long enough for the two senders to overlap
            with lock:
                sent.append(outbox_id)

    results = []
    threads = [threading.Thread(target=lambda: results.append(
        send_pending(engine, settings, SlowTransport(), clock=lambda: NOW))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(sent) == sorted(set(sent)) and len(sent) == 40
    assert all(r.get("sent", 0) > 0 for r in results)  # both really worked
