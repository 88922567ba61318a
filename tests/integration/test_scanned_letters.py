"""Posted and scanned letters through the same pipeline as email, on SQLite and PostgreSQL.

Every letter is made here (tests/support/scanned_letters.py): a typed PDF with a text
layer, the same letter as a page image for OCR, a two-page scanned PDF, a handwriting-like
font, and a scan attached to an email in the Maildir. `intake letter add` runs as a real
process. All names and addresses are fictional.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Callable

import pytest
from sqlalchemy import Engine, func, select

from intake.config import Settings
from intake.db import models
from intake.db.models import Case, CaseEvent, Deadline, InboundMessage, OutboxMessage
from intake.db.session import session_factory
from intake.runner import Runner
from intake.services import source_for
from tests.helpers import deliver
from tests.integration.test_cli import intake
from tests.support.scanned_letters import (
    HANDWRITING, Letter, image_bytes, page_images, two_page, typed_pdf)

ROOT = Path(__file__).resolve().parents[2]
LETTER = Letter()
ADDRESS = "12 Orchard Road\nNorthtown\nNT4 7QX"
POSTED = "2026-12-21"  # the post room's stamp: a Monday
# The print queue for letters by post (the outbound work); without it the reply is held.
PRINT_QUEUE = getattr(models, "Letter", None)

LAYOUTS: dict[str, Callable[[], tuple[str, bytes]]] = {
    "typed_pdf": lambda: ("letter.pdf", typed_pdf(LETTER)),
    "scan_png": lambda: ("letter.png", image_bytes(page_images(LETTER), "png")),
    "two_page_scan_pdf": lambda: ("letter-scan.pdf", image_bytes(page_images(two_page(LETTER)), "pdf")),
    "two_page_typed_pdf": lambda: ("long.pdf", typed_pdf(two_page(LETTER))),
}


@pytest.fixture
def env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
            "INTAKE_MAILBOX_URL": f"maildir://{tmp_path / 'mailbox'}",
            "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}"}


def count(engine: Engine, model: type) -> int:
    with session_factory(engine)() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def add(env: dict[str, str], cwd: Path, *files: Path, received: str | None = POSTED) -> list[dict[str, object]]:
    args = ["letter", "add", "--json", *(["--received", received] if received else []), *map(str, files)]
    return [json.loads(line) for line in intake(*args, env=env, cwd=cwd).stdout.splitlines()]


def assert_postal_acknowledgement(engine: Engine, case: Case) -> None:
    """Queued in the print queue when the outbound work is present; held for a person otherwise."""
    with session_factory(engine)() as session:
        actions = [e.action for e in session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id))]
        if PRINT_QUEUE is not None:
            assert case.acknowledgement == "queued"
            [row] = session.scalars(select(PRINT_QUEUE).where(PRINT_QUEUE.case_id == case.id)).all()
            assert row.purpose == "acknowledgement" and row.pdf.startswith(b"%PDF")
            assert "acknowledgement_queued" in actions
        else:
            assert case.acknowledgement == "held" and "acknowledgement_held" in actions
        assert session.scalar(select(func.count()).select_from(OutboxMessage)
                              .where(OutboxMessage.purpose == "acknowledgement")) == 0


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_posted_letter_becomes_a_case_with_a_postal_acknowledgement(
        layout: str, env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    name, data = LAYOUTS[layout]()
    path = tmp_path / name
    path.write_bytes(data)
    [result] = add(env, tmp_path, path)
    assert result["new"] is True and result["state"] == "processed"
    assert result["case_reference"] == "CSC-2026-0001"

    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.channel == "letter" and case.category == "complaint"
        assert (case.complainant_name, case.complainant_address, case.complainant_email) == \
            ("Pat Example", ADDRESS, "")
        assert "safeguarding" not in case.flags and case.eligibility_decision == "eligible"
        # The post room's stamp starts the clock: Monday 21 December, so 3 working days is the 24th.
        assert case.received_at.date() == dt.date(2026, 12, 21)
        due = {d.deadline: d.due_date for d in session.scalars(select(Deadline))}
        assert due["acknowledgement"] == dt.date(2026, 12, 24)
        inbound = session.scalars(select(InboundMessage)).one()
        assert inbound.channel == "letter" and inbound.raw == data
        assert inbound.identity.startswith("letter:sha256:")
        assert inbound.sent_at is not None and inbound.sent_at.date() == LETTER.written_on
    assert_postal_acknowledgement(engine, case)

    [again] = add(env, tmp_path, path)  # the same file again: nothing new
    assert again["new"] is False and again["case_reference"] == "CSC-2026-0001"
    assert count(engine, Case) == 1 and count(engine, InboundMessage) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_without_a_stamp_the_date_written_starts_the_clock(env: dict[str, str], tmp_path: Path,
                                                           engine: Engine) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(typed_pdf(LETTER))
    scanned = dt.datetime(2026, 12, 22, 15, 0, tzinfo=dt.timezone.utc)
    os.utime(path, (scanned.timestamp(), scanned.timestamp()))
    [result] = add(env, tmp_path, path, received=None)
    assert str(result["received_at"]).startswith("2026-12-18T12:00")
    old = tmp_path / "old.pdf"  # a written date far before the scan is not trusted: the file's time is
    old.write_bytes(typed_pdf(Letter(written_on=dt.date(2025, 3, 1), sender_name="Sam Sample")))
    os.utime(old, (scanned.timestamp(), scanned.timestamp()))
    [result] = add(env, tmp_path, old, received=None)
    assert dt.datetime.fromisoformat(str(result["received_at"])) == scanned


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_handwriting_like_letter_is_read_and_what_ocr_misses_is_left_to_a_person(
        env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    """Humor Sans (capitals, like a hand-filled form): Tesseract reads the words, the date and
    the name, but not the postcode reliably; with no address read, a person decides how to reply."""
    path = tmp_path / "handwritten.png"
    path.write_bytes(image_bytes(page_images(LETTER, HANDWRITING), "png"))
    [result] = add(env, tmp_path, path)
    assert result["state"] == "processed" and result["case_reference"] == "CSC-2026-0001"
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.category == "complaint" and case.channel == "letter"
        assert case.complainant_name.lower() == "pat example"
        inbound = session.scalars(select(InboundMessage)).one()
        assert inbound.sent_at is not None and inbound.sent_at.date() == LETTER.written_on
        if not case.complainant_address:
            assert case.acknowledgement == "held"


def mail_with_scan(scan: bytes, filename: str, *, sender: str, name: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"{name} <{sender}>"
    message["To"] = "complaints@northshire.example.org"
    message["Subject"] = "Scanned letter"
    message["Date"] = format_datetime(dt.datetime(2026, 12, 22, 9, 0, tzinfo=dt.timezone.utc))
    message["Message-ID"] = make_msgid(domain="example.org")
    message.set_content(body)
    maintype, subtype = ("application", "pdf") if filename.endswith(".pdf") else ("image", "png")
    message.add_attachment(scan, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def test_a_scan_sent_on_by_the_post_room_is_the_writers_letter(settings: Settings, engine: Engine) -> None:
    """The letter names a different writer: the letter's writer is the complainant, by post."""
    assert settings.mailbox.path
    delivered = dt.datetime(2026, 12, 22, 10, 30, tzinfo=dt.timezone.utc)
    deliver(settings.mailbox.path, mail_with_scan(
        image_bytes(page_images(LETTER), "pdf"), "scan0001.pdf", sender="postroom@northshire.example.org",
        name="Post Room", body="Scanned by the post room.\n"), delivered)
    report = Runner(settings, engine).poll_once(source_for(settings))
    assert report.outcomes["processed"] == 1
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.channel == "letter" and case.category == "complaint"
        assert (case.complainant_name, case.complainant_address, case.complainant_email) == \
            ("Pat Example", ADDRESS, "")
        assert case.received_at == delivered  # it reached the council when the email did
        inbound = session.scalars(select(InboundMessage)).one()
        assert inbound.channel == "email" and inbound.attachments[0]["filename"] == "scan0001.pdf"
    assert_postal_acknowledgement(engine, case)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_writer_who_emails_their_own_scanned_letter_gets_the_email_reply(settings: Settings,
                                                                           engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, mail_with_scan(
        image_bytes(page_images(LETTER), "png"), "IMG_2041.png", sender="pat.example@example.org",
        name="", body=""))
    Runner(settings, engine).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.channel == "letter" and case.category == "complaint"
        assert (case.complainant_name, case.complainant_email, case.complainant_address) == \
            ("Pat Example", "pat.example@example.org", ADDRESS)
        [ack] = session.scalars(select(OutboxMessage).where(OutboxMessage.purpose == "acknowledgement")).all()
        assert ack.to_address == "pat.example@example.org"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_email_with_its_own_words_and_a_pdf_stays_an_email(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    body = ("I want to complain about the social worker. She cancelled three visits in November and "
            "never told us why. Nobody called back and the review went ahead without us. I attach "
            "the minutes of the review meeting for you to read, as they show what happened and who "
            "was there.\n")
    deliver(settings.mailbox.path, mail_with_scan(typed_pdf(LETTER), "minutes.pdf",
                                                  sender="sam.sample@example.org", name="Sam Sample", body=body))
    Runner(settings, engine).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.channel == "email" and case.complainant_address == ""
        assert case.complainant_email == "sam.sample@example.org"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_without_tesseract_a_scan_is_refused_with_what_to_install(env: dict[str, str], tmp_path: Path,
                                                                  engine: Engine) -> None:
    scan, typed = tmp_path / "scan.png", tmp_path / "typed.pdf"
    scan.write_bytes(image_bytes(page_images(LETTER), "png"))
    typed.write_bytes(typed_pdf(LETTER))
    no_ocr = {**env, "PATH": str(Path(sys.executable).parent)}  # tesseract is not on this PATH
    assert shutil.which("tesseract", path=no_ocr["PATH"]) is None
    result = intake("letter", "add", str(scan), env=no_ocr, cwd=tmp_path, check=False)
    assert result.returncode == 2
    assert "tesseract-ocr" in result.stderr and "apt-get install" in result.stderr
    assert count(engine, InboundMessage) == 0  # nothing stored: the file is still with the person
    [done] = add(no_ocr, tmp_path, typed)  # a text layer needs no OCR
    assert done["state"] == "processed"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_file_that_is_not_a_letter_is_refused_and_a_broken_pdf_is_kept_in_quarantine(
        env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello")
    refused = intake("letter", "add", str(note), env=env, cwd=tmp_path, check=False)
    assert refused.returncode == 2 and "not a PDF, PNG, JPEG or TIFF" in refused.stderr
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + os.urandom(400))
    [result] = add(env, tmp_path, broken)
    assert result["state"] == "quarantined" and result["case_reference"] is None
    with session_factory(engine)() as session:
        assert session.scalars(select(InboundMessage)).one().raw == broken.read_bytes()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_analyse_reads_letters_with_no_side_effects(env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    typed, tiff = tmp_path / "typed.pdf", tmp_path / "scan.tiff"
    typed.write_bytes(typed_pdf(Letter(email="pat.example@example.org")))
    tiff.write_bytes(image_bytes(page_images(two_page(LETTER)), "tiff"))
    lines = intake("analyse", "--json", str(typed), str(tiff), env=env, cwd=tmp_path).stdout.splitlines()
    first, second = map(json.loads, lines)
    assert first["channel"] == "letter" and first["category"] == "complaint"
    assert first["letter"] == {"sender_name": "Pat Example", "postal_address": ADDRESS,
                               "email": "pat.example@example.org", "written_on": "2026-12-18",
                               "scan_method": "text_layer", "pages": 1}
    assert second["letter"]["scan_method"] == "ocr" and second["letter"]["pages"] == 2
    assert second["letter"]["postal_address"] == ADDRESS and second["category"] == "complaint"
    assert count(engine, InboundMessage) == 0 and not (tmp_path / "outbox").exists()
