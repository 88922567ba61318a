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
