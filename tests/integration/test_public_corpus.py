"""Every message of the public corpus goes through intake: none lost, none escapes as an error."""

from __future__ import annotations

import mailbox
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from intake.config import Settings
from intake.db.models import InboundMessage, MailboxEntry
from intake.db.session import session_factory
from intake.runner import Runner
from intake.services import source_for

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "public"
FINAL_STATES = {"processed", "automated", "out_of_scope", "held", "reply_to_case", "quarantined"}


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("README.md", "MANIFEST.tsv"))


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the public corpus is not at {CORPUS}")
def test_every_corpus_message_is_accounted_for(settings: Settings, engine: Engine) -> None:
    files = corpus_files()
    assert settings.mailbox.path is not None
    box = mailbox.Maildir(str(settings.mailbox.path), create=True)
    for path in files:
        box.add(path.read_bytes())

    report = Runner(settings, engine).poll_once(source_for(settings))

    with session_factory(engine)() as session:
        entries = session.scalars(select(MailboxEntry)).all()
        states = Counter(session.scalars(select(InboundMessage.state)))
    assert report.fetched == len(files) == len(entries)
    assert report.stored + report.copies == len(files)
    assert sum(states.values()) == report.stored
    assert set(states) <= FINAL_STATES, states
    print(f"\ncorpus: in={len(files)} records={report.stored} copies={report.copies} {dict(states)}")


ANALYSE_KEYS = {"file", "category", "confidence", "automated", "reply_to_case", "escalation_request",
                "case_reference", "safeguarding", "young_person", "eligibility"}


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the public corpus is not at {CORPUS}")
def test_analyse_answers_for_every_corpus_file_with_the_stable_keys(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    files = corpus_files()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
           "INTAKE_DATABASE_URL": f"sqlite:///{tmp_path / 'never-created.db'}"}
    result = subprocess.run([sys.executable, "-m", "intake", "analyse", "--json", *map(str, files)],
                            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(f) for f in files]
    for row in rows:
        assert ANALYSE_KEYS <= row.keys()
        assert set(row["eligibility"]) == {"decision", "reasons"}
        assert row["category"] in (None, "complaint", "compliment", "suggestion", "out_of_scope")
    assert not (tmp_path / "never-created.db").exists()  # no side effects
    automated = sum(r["automated"] for r in rows)
    print(f"\nanalyse: {len(rows)} files, automated={automated}")
