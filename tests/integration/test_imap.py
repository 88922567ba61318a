"""The IMAP front door against a real Dovecot: nothing lost, nothing doubled, clear errors."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from intake import config
from intake.config import Settings
from intake.db.models import Case, InboundMessage, MailboxEntry
from intake.db.session import session_factory
from intake.errors import ConfigError
from intake.reconcile import reconcile
from intake.runner import PollReport, Runner
from intake.sources.imap import ImapSource
from scheduler.idle import IdleWatcher
from tests.conftest import imap_environ
from tests.helpers import make_mail
from tests.support.dovecot import DovecotServer

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 12, 23, 10, tzinfo=dt.timezone.utc)


def imap_settings(tmp_path: Path, database_url: str, server: DovecotServer, toml: str = "",
                  folder: str = "INBOX", **extra: str) -> Settings:
    path = None
    if toml:
        path = tmp_path / "intake.toml"
        path.write_text(toml)
    return config.load(path, environ={"INTAKE_DATABASE_URL": database_url,
                                      "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}",
                                      **imap_environ(server, folder), **extra}, base_dir=tmp_path)


def source(settings: Settings) -> ImapSource:
    return ImapSource(settings.mailbox, settings.mailbox_options)


def count(engine: Engine, model: type) -> int:
    with session_factory(engine)() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def complaint(n: int) -> bytes:
    return make_mail(f"I want to complain (number {n}): the social worker cancelled the visit again.")


def test_new_mail_is_stored_processed_and_moved(tmp_path: Path, database_url: str, engine: Engine,
                                                dovecot: DovecotServer) -> None:
    received = dt.datetime(2026, 11, 20, 16, 5, tzinfo=dt.timezone.utc)  # Dovecot clamps future dates
    for n in range(3):
        dovecot.append(complaint(n), internal_date=received)
    settings = imap_settings(tmp_path, database_url, dovecot, '[mailbox]\nprocessed_folder = "Processed"\n')
    imap = source(settings)
    report = Runner(settings, engine).poll_once(imap)
    assert (report.stored, report.outcomes["processed"]) == (3, 3)
    client = dovecot.client()
    assert client.select_folder("INBOX")[b"EXISTS"] == 0
    assert client.select_folder("Processed")[b"EXISTS"] == 3
    with session_factory(engine)() as session:
        assert {c.received_at for c in session.scalars(select(Case))} == {received}  # INTERNALDATE
    again = Runner(settings, engine).poll_once(imap)
    assert (again.fetched, again.stored) == (0, 0)
    assert reconcile(engine, imap, NOW).accounted_for


def test_without_a_processed_folder_mail_is_flagged_never_deleted(tmp_path: Path, database_url: str,
                                                                   engine: Engine, dovecot: DovecotServer) -> None:
    dovecot.append(complaint(1))
    settings = imap_settings(tmp_path, database_url, dovecot)
    imap = source(settings)
    Runner(settings, engine).poll_once(imap)
    client = dovecot.client()
    client.select_folder("INBOX")
    flags = client.get_flags(client.search("ALL"))
    assert [set(f) for f in flags.values()] == [{b"\\Seen", b"$IntakeStored"}]
    assert Runner(settings, engine).poll_once(imap).fetched == 0
    assert reconcile(engine, imap, NOW).accounted_for


def test_idle_wakes_on_new_mail(tmp_path: Path, database_url: str, dovecot: DovecotServer) -> None:
    imap = source(imap_settings(tmp_path, database_url, dovecot))
    assert imap.supports_idle()
    threading.Timer(0.5, dovecot.append, args=(complaint(1),)).start()
    started = time.monotonic()
    assert imap.wait_for_mail(timeout=20) is True
    assert time.monotonic() - started < 10
    assert imap.wait_for_mail(timeout=1) is False
    imap.close()


def test_the_idle_watcher_stops_at_once_while_the_server_is_silent(tmp_path: Path, database_url: str,
                                                                    dovecot: DovecotServer) -> None:
    woken = threading.Event()
    watcher = IdleWatcher(source(imap_settings(tmp_path, database_url, dovecot)), woken.set, idle_seconds=600)
    watcher.start()
    for n in range(15):  # until it is in IDLE: mail that came before IDLE began wakes nothing
        dovecot.append(complaint(n))
        if woken.wait(2):
            break
    assert woken.is_set()
    time.sleep(0.5)  # back in IDLE, waiting up to ten minutes
    started = time.monotonic()
    watcher.stop()
    assert not watcher.is_alive()
    assert time.monotonic() - started < 3


def test_a_dropped_connection_mid_fetch_loses_nothing(tmp_path: Path, database_url: str, engine: Engine,
                                                      dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("intake.sources.imap.FETCH_BATCH", 20)
    dovecot.append_many([complaint(n) for n in range(50)])  # more than two fetch batches
    settings = imap_settings(tmp_path, database_url, dovecot)
    imap = source(settings)
    real_fetch = imap._fetch  # noqa: SLF001
    calls = {"n": 0}

    def fetch_then_drop(client, uids):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            dovecot.kick()  # the server drops us in the middle of the second batch
        yield from real_fetch(client, uids)

    monkeypatch.setattr(imap, "_fetch", fetch_then_drop)
    report = Runner(settings, engine).poll_once(imap)
    assert calls["n"] >= 3 and report.stored == 50
    assert count(engine, InboundMessage) == 50 and count(engine, Case) == 50
    assert reconcile(engine, imap, NOW).accounted_for


def test_a_new_uidvalidity_rescans_without_duplicates(tmp_path: Path, database_url: str, engine: Engine,
                                                      dovecot: DovecotServer) -> None:
    for n in range(4):
        dovecot.append(complaint(n))
    settings = imap_settings(tmp_path, database_url, dovecot)
    runner = Runner(settings, engine)
    runner.poll_once(source(settings))
    dovecot.reset_uidvalidity()
    dovecot.append(complaint(99))
    report = runner.poll_once(source(settings))
    assert (report.fetched, report.stored, report.copies) == (5, 1, 4)
    assert count(engine, Case) == 5


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # several workers: PostgreSQL
def test_two_workers_never_take_the_same_message(tmp_path: Path, database_url: str, engine: Engine,
                                                 dovecot: DovecotServer) -> None:
    dovecot.append_many([complaint(n) for n in range(120)])
    settings = imap_settings(tmp_path, database_url, dovecot)
    reports: list[PollReport] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            reports.append(Runner(settings, engine).poll_once(source(settings)))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sum(r.stored for r in reports) == 120
    assert sum(sum(r.outcomes.values()) for r in reports) == 120
    assert count(engine, Case) == 120 and count(engine, InboundMessage) == 120
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count(func.distinct(Case.reference)))) == 120


def test_a_folder_that_does_not_exist_is_a_clear_error(tmp_path: Path, database_url: str,
                                                       dovecot: DovecotServer) -> None:
    imap = source(imap_settings(tmp_path, database_url, dovecot, folder="Complaints"))
    with pytest.raises(ConfigError, match="'Complaints' does not exist"):
        imap.keys()


def test_a_wrong_password_is_a_clear_error_and_exit_2(tmp_path: Path, database_url: str,
                                                      dovecot: DovecotServer) -> None:
    # One attempt only: Dovecot slows down repeated failed logins from one address.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
           **imap_environ(dovecot), "INTAKE_MAILBOX_PASSWORD": "wrong"}
    result = subprocess.run([sys.executable, "-m", "intake", "poll", "--once"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "refused the login" in result.stderr and "wrong" not in result.stderr


def test_reconcile_reports_mail_not_yet_stored(tmp_path: Path, database_url: str, engine: Engine,
                                               dovecot: DovecotServer) -> None:
    settings = imap_settings(tmp_path, database_url, dovecot)
    dovecot.append(complaint(1))
    Runner(settings, engine).poll_once(source(settings))
    dovecot.append(complaint(2))
    result = reconcile(engine, source(settings), NOW)
    assert not result.accounted_for and len(result.not_stored) == 1
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url, **imap_environ(dovecot)}
    cli = subprocess.run([sys.executable, "-m", "intake", "reconcile"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 1 and "NOT ALL ACCOUNTED FOR" in cli.stdout


KILL_MID_MESSAGE = textwrap.dedent("""
    import os, signal, sys
    import intake.stages.acknowledge as acknowledge
    from intake.stages import FunctionStage
    real = acknowledge.STAGE.func
    def killer(item, ctx):
        real(item, ctx)
        os.kill(os.getpid(), signal.SIGKILL)
    acknowledge.STAGE = FunctionStage("acknowledge", killer)
    from intake.cli import main
    sys.argv = ["intake", "poll", "--once"]
    main()
""")


def test_kill_9_mid_message_then_restart_loses_and_doubles_nothing(tmp_path: Path, database_url: str,
                                                                   engine: Engine, dovecot: DovecotServer) -> None:
    for n in range(3):
        dovecot.append(complaint(n))
    config_file = tmp_path / "intake.toml"
    config_file.write_text('[mailbox]\nprocessed_folder = "Processed"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
           "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}", "INTAKE_CONFIG": str(config_file),
           **imap_environ(dovecot)}
    killed = subprocess.run([sys.executable, "-c", KILL_MID_MESSAGE], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert count(engine, InboundMessage) == 3 and count(engine, Case) == 0  # stored first, nothing else
    for _ in range(2):
        subprocess.run([sys.executable, "-m", "intake", "poll", "--once"], env=env, cwd=tmp_path,
                       check=True, capture_output=True, timeout=60)
    assert count(engine, Case) == 3 and count(engine, MailboxEntry) == 3
    client = dovecot.client()
    assert client.select_folder("Processed")[b"EXISTS"] == 3 and client.select_folder("INBOX")[b"EXISTS"] == 0


def test_intake_run_wakes_on_idle_long_before_the_poll_interval(tmp_path: Path, database_url: str,
                                                                  engine: Engine, dovecot: DovecotServer) -> None:
    config_file = tmp_path / "intake.toml"
    # The web app is tested elsewhere; here only the poller, so no port is taken.
    config_file.write_text("[mailbox]\npoll_interval_seconds = 600\n[web]\nserve_with_run = false\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
           "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}", "INTAKE_CONFIG": str(config_file),
           **imap_environ(dovecot)}
    service = subprocess.Popen([sys.executable, "-m", "intake", "run"], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)  # the first poll (at start) has run; the next is ten minutes away
        dovecot.append(complaint(7))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and count(engine, Case) == 0:
            time.sleep(0.5)
        assert count(engine, Case) == 1
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            _, stderr = service.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            service.kill()
            _, stderr = service.communicate()
            pytest.fail(f"intake run did not stop within 30 s of SIGTERM; its log ends:\n{stderr[-3000:]}")
    assert service.returncode == 0, stderr


def test_mail_from_before_go_live_is_logged_but_not_acknowledged(tmp_path: Path, database_url: str,
                                                                 engine: Engine, dovecot: DovecotServer) -> None:
    dovecot.append(complaint(1), internal_date=dt.datetime(2026, 10, 1, 9, tzinfo=dt.timezone.utc))
    dovecot.append(complaint(2))
    settings = imap_settings(tmp_path, database_url, dovecot, "[mailbox]\ngo_live_cutoff = 2026-11-01\n")
    Runner(settings, engine).poll_once(source(settings))
    with session_factory(engine)() as session:
        states = {c.received_at.date() < dt.date(2026, 11, 1): c.acknowledgement for c in session.scalars(select(Case))}
    assert states == {True: "held", False: "queued"}


def test_a_crash_between_storing_and_moving_is_finished_by_the_next_poll(
        tmp_path: Path, database_url: str, engine: Engine, dovecot: DovecotServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dovecot.append_many([complaint(n) for n in range(3)])
    settings = imap_settings(tmp_path, database_url, dovecot, '[mailbox]\nprocessed_folder = "Processed"\n')
    crashed = source(settings)
    monkeypatch.setattr(crashed, "mark_stored", lambda keys: None)  # the process died before the MOVE
    Runner(settings, engine).store_new(crashed, PollReport())
    assert dovecot.client().select_folder("INBOX")[b"EXISTS"] == 3
    report = Runner(settings, engine).poll_once(source(settings))
    assert (report.fetched, report.stored, report.outcomes["processed"]) == (0, 0, 3)
    client = dovecot.client()
    assert client.select_folder("INBOX")[b"EXISTS"] == 0 and client.select_folder("Processed")[b"EXISTS"] == 3
    assert count(engine, InboundMessage) == 3 and count(engine, Case) == 3


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # several workers: PostgreSQL
def test_two_worker_processes_never_double_a_message(tmp_path: Path, database_url: str, engine: Engine,
                                                     dovecot: DovecotServer) -> None:
    dovecot.append_many([complaint(n) for n in range(200)])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
           "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}", **imap_environ(dovecot)}
    subprocess.run([sys.executable, "-m", "intake", "init"], env=env, cwd=tmp_path, check=True,
                   capture_output=True, timeout=60)
    workers = [subprocess.Popen([sys.executable, "-m", "intake", "poll", "--once"], env=env, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    print("\nworkers:", [out.strip() for out, _ in outputs])
    assert count(engine, InboundMessage) == 200 and count(engine, Case) == 200
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count(func.distinct(Case.reference)))) == 200
        assert session.scalar(select(func.count()).select_from(MailboxEntry)) == 200
