"""The command line as scripts use it: real processes, real exit codes, JSON Lines."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import cli_env, deliver, intake, make_mail

ROOT = Path(__file__).resolve().parents[2]



@pytest.fixture
def env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return cli_env(tmp_path, database_url)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_workdays_and_timetable(env: dict[str, str], tmp_path: Path) -> None:
    assert intake("workdays", "add", "2026-12-23", "3", env=env, cwd=tmp_path).stdout.strip() == "2026-12-30"
    assert intake("workdays", "between", "2026-12-23", "2026-12-30", env=env, cwd=tmp_path).stdout.strip() == "3"
    lines = intake("timetable", "--json", "complaint_received", "2026-12-23", env=env, cwd=tmp_path).stdout.splitlines()
    due = {row["deadline"]: row for row in map(json.loads, lines)}
    assert due["acknowledgement"]["due_date"] == "2026-12-30"
    assert due["stage1_response"]["due_date"] == "2027-01-11"
    assert due["stage1_response"]["extended_due_date"] == "2027-01-25"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_usage_and_configuration_errors_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    bad_date = intake("workdays", "add", "23/12/2026", "3", env=env, cwd=tmp_path, check=False)
    assert bad_date.returncode == 2 and "2026-12-23" in bad_date.stderr
    bad_event = intake("timetable", "--json", "stage9", "2026-12-23", env=env, cwd=tmp_path, check=False)
    assert bad_event.returncode == 2 and "complaint_received" in bad_event.stderr
    bad_config = intake("cases", "--json", env={**env, "INTAKE_OUTBOUND_URL": "ftp://x"}, cwd=tmp_path, check=False)
    assert bad_config.returncode == 2 and "INTAKE_OUTBOUND_URL" in bad_config.stderr


def test_init_poll_cases_outbox(env: dict[str, str], tmp_path: Path) -> None:
    intake("init", env=env, cwd=tmp_path)
    intake("init", env=env, cwd=tmp_path)  # upgrading an up-to-date log is harmless
    deliver(tmp_path / "mailbox", make_mail("I want to complain that my child's plan was changed without asking us."))
    assert "stored=1" in intake("poll", "--once", env=env, cwd=tmp_path).stdout
    assert "stored=0" in intake("poll", "--once", env=env, cwd=tmp_path).stdout
    [case] = [json.loads(line) for line in intake("cases", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert case["case_reference"].startswith("CSC-") and case["category"] == "complaint"
    assert case["eligibility"] == {"decision": "eligible", "reasons": []}
    assert "pat.example" not in json.dumps(case)  # no personal data in the listing
    assert intake("outbox", "send", env=env, cwd=tmp_path).stdout.strip() == "sent=1"
    [row] = [json.loads(line) for line in intake("outbox", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert row["state"] == "sent" and row["purpose"] == "acknowledgement"
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


KILL_MID_MESSAGE = textwrap.dedent("""
    import os, signal, sys
    import intake.stages.log_case as log_case
    real = log_case.STAGE.func
    def killer(item, ctx):
        real(item, ctx)          # the case row is written, not yet committed
        os.kill(os.getpid(), signal.SIGKILL)
    from intake.stages import FunctionStage
    log_case.STAGE = FunctionStage("log_case", killer)
    from intake.cli import main
    sys.argv = ["intake", "poll", "--once"]
    main()
""")


def test_kill_9_in_the_middle_of_a_message_then_rerun_gives_exactly_one_case(env: dict[str, str], tmp_path: Path) -> None:
    intake("init", env=env, cwd=tmp_path)
    deliver(tmp_path / "mailbox", make_mail("I want to complain about the review meeting being cancelled."))
    killed = subprocess.run([sys.executable, "-c", KILL_MID_MESSAGE], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert intake("cases", "--json", env=env, cwd=tmp_path).stdout == ""
    assert "processed=1" in intake("poll", "--once", env=env, cwd=tmp_path).stdout
    assert len(intake("cases", "--json", env=env, cwd=tmp_path).stdout.splitlines()) == 1
    intake("poll", "--once", env=env, cwd=tmp_path)
    assert len(intake("cases", "--json", env=env, cwd=tmp_path).stdout.splitlines()) == 1
    messages = [json.loads(line) for line in intake("messages", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert [m["state"] for m in messages] == ["processed"]


def test_run_polls_on_an_interval_and_stops_cleanly_on_sigterm(env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "intake.toml"
    port = free_port()
    config.write_text(f"[mailbox]\npoll_interval_seconds = 1\n[web]\nport = {port}\n")
    run_env = {**env, "INTAKE_CONFIG": str(config)}
    intake("init", env=run_env, cwd=tmp_path)
    service = subprocess.Popen([sys.executable, "-m", "intake", "run"], env=run_env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert_serves_sign_in(port)
        deliver(tmp_path / "mailbox", make_mail("I wish to complain about how my son's review was handled."))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if list((tmp_path / "outbox").glob("*.eml")):
                break
            time.sleep(0.5)
        assert len(intake("cases", "--json", env=run_env, cwd=tmp_path).stdout.splitlines()) == 1
        rows = [json.loads(line) for line in intake("outbox", "--json", env=run_env, cwd=tmp_path).stdout.splitlines()]
        # The acknowledgement, once; on a working day the digest may have gone too (the service's first scan).
        assert [r["purpose"] for r in rows if r["purpose"] != "digest"] == ["acknowledgement"]
    finally:
        service.send_signal(signal.SIGTERM)
        _, stderr = service.communicate(timeout=30)
    assert service.returncode == 0, stderr
    assert "intake stopped" in stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def assert_serves_sign_in(port: int) -> None:
    """`intake run` serves the staff web app: the sign-in page, and nothing else without signing in."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as response:
                assert response.status == 200 and b"Sign in" in response.read()
                break
        except (ConnectionError, urllib.error.URLError):
            assert time.monotonic() < deadline, "intake run did not serve the web app"
            time.sleep(0.3)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/queue", timeout=5) as response:
        assert response.url.endswith("/login?next=/queue")
