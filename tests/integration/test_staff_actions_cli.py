"""The case-page actions from the command line, as real processes: a message kept as automated
mail becomes a case by hand, its held acknowledgement is previewed and sent once, a note and
consent are recorded, and a duplicate case is merged into it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import cli_env, deliver, intake, make_mail

OFFICER = "A. Officer"


@pytest.fixture
def env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return cli_env(tmp_path, database_url)


def lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def acknowledgements(env: dict[str, str], cwd: Path) -> list[dict[str, Any]]:
    return [r for r in lines(intake("outbox", "--json", env=env, cwd=cwd).stdout) if r["purpose"] == "acknowledgement"]


def test_make_a_case_by_hand_send_its_acknowledgement_and_merge_a_duplicate(env: dict[str, str],
                                                                            tmp_path: Path) -> None:
    intake("init", env=env, cwd=tmp_path)
    deliver(tmp_path / "mailbox", make_mail("I am out of the office. I want to complain that my child's plan "
                                            "was changed without asking us.", subject="Automatic reply",
                                            headers={"Auto-Submitted": "auto-replied"}))
    deliver(tmp_path / "mailbox", make_mail("I want to complain that my child's plan was changed without "
                                            "asking us."))
    polled = intake("poll", "--once", env=env, cwd=tmp_path).stdout
    assert "automated=1 processed=1" in polled, polled
    [duplicate] = lines(intake("cases", "--json", env=env, cwd=tmp_path).stdout)
    assert len(acknowledgements(env, tmp_path)) == 1  # the pipeline's own, for the ordinary complaint

    listed = intake("messages", "without-case", "--json", env=env, cwd=tmp_path).stdout
    [waiting] = lines(listed)
    assert waiting["kind"] == "automated" and "pat.example" not in listed  # no personal data unless asked
    [detailed] = lines(intake("messages", "without-case", "--json", "--details", env=env, cwd=tmp_path).stdout)
    assert detailed["subject"] == "Automatic reply" and "pat.example@example.org" in detailed["from"]

    [made] = lines(intake("messages", "make-case", str(waiting["id"]), "--category", "complaint",
                          "--by", OFFICER, env=env, cwd=tmp_path).stdout)
    reference = made["case_reference"]
    assert (made["eligibility"], made["acknowledgement"], made["safeguarding"]) == ("needs_review", "held", False)
    again = intake("messages", "make-case", str(waiting["id"]), "--category", "complaint", "--by", OFFICER,
                   env=env, cwd=tmp_path, check=False)
    assert again.returncode == 2 and f"already belongs to case {reference}" in again.stderr
    assert lines(intake("messages", "without-case", "--json", env=env, cwd=tmp_path).stdout) == []

    preview = intake("cases", "acknowledge", reference, "--by", OFFICER, "--preview", env=env, cwd=tmp_path)
    assert "channel: email" in preview.stdout and reference in preview.stdout
    assert len(acknowledgements(env, tmp_path)) == 1  # a preview sends nothing
    [sent] = lines(intake("cases", "acknowledge", reference, "--by", OFFICER, env=env, cwd=tmp_path).stdout)
    assert (sent["acknowledgement"], sent["channel"]) == ("queued", "email")
    twice = intake("cases", "acknowledge", reference, "--by", OFFICER, env=env, cwd=tmp_path, check=False)
    assert twice.returncode == 2 and "already queued" in twice.stderr
    assert [r["case_reference"] for r in acknowledgements(env, tmp_path)].count(reference) == 1

    [noted] = lines(intake("cases", "note", reference, "--text", "Spoke to the parent by phone.", "--by", OFFICER,
                           env=env, cwd=tmp_path).stdout)
    assert noted["action"] == "note_added"
    empty = intake("cases", "note", reference, "--text", " ", "--by", OFFICER, env=env, cwd=tmp_path, check=False)
    assert empty.returncode == 2 and "a note needs some text" in empty.stderr
    [consented] = lines(intake("cases", "consent", reference, "--how", "signed form received", "--by", OFFICER,
                               env=env, cwd=tmp_path).stdout)
    assert consented["ready_for_decision"] is False and consented["eligibility_decision"] == "needs_review"

    [merged] = lines(intake("cases", "merge", duplicate["case_reference"], "--into", reference,
                            "--reason", "the same complaint, also sent as an auto-reply", "--by", OFFICER,
                            env=env, cwd=tmp_path).stdout)
    assert merged["status"] == "merged" and len(merged["inbound_ids"]) == 1
    status = {c["case_reference"]: c["status"] for c in lines(intake("cases", "--json", env=env, cwd=tmp_path).stdout)}
    assert status == {duplicate["case_reference"]: "merged", reference: "open"}
    self_merge = intake("cases", "merge", reference, "--into", reference, "--reason", "x", "--by", OFFICER,
                        env=env, cwd=tmp_path, check=False)
    assert self_merge.returncode == 2 and "into itself" in self_merge.stderr
    unknown = intake("cases", "merge", duplicate["case_reference"], "--into", "CSC-2026-9999", "--reason", "x",
                     "--by", OFFICER, env=env, cwd=tmp_path, check=False)
    assert unknown.returncode == 2 and "no case 'CSC-2026-9999'" in unknown.stderr
