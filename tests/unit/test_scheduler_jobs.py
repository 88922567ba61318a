"""A refused login backs off instead of hammering the mail server every minute."""

from __future__ import annotations

from typing import Any

import pytest

from intake.errors import ConfigError
from scheduler import jobs


def test_login_backoff_doubles_and_resets() -> None:
    backoff = jobs.LoginBackoff()
    skipped = []
    for _ in range(3):
        backoff.refused()
        count = 0
        while backoff.should_skip():
            count += 1
        skipped.append(count)
    assert skipped == [1, 3, 7]
    backoff.succeeded()
    assert not backoff.should_skip()


def test_poll_mailbox_skips_polls_after_a_refused_login(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = []

    class RefusingRunner:
        def poll_once(self, source: Any) -> None:
            attempts.append(1)
            raise ConfigError(["INTAKE_MAILBOX_PASSWORD: the IMAP server refused the login"])

    monkeypatch.setattr(jobs, "backoff", jobs.LoginBackoff())
    monkeypatch.setattr(jobs, "runner", lambda settings: RefusingRunner())
    monkeypatch.setattr(jobs, "source", lambda settings: object())
    for _ in range(10):
        jobs.poll_mailbox(settings=object())  # type: ignore[arg-type]
    assert len(attempts) == 3  # polls 1, 3 and 7 try; the rest wait
