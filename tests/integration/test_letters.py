"""Letters by post, the ineligible reply and the request for consent, as staff use them.

A writer with a postal address and no email address gets a printed PDF letter (read back
here with pypdf: the words and where the address sits for a DL window envelope); staff
list, download and mark letters posted through real `intake` processes on SQLite and
PostgreSQL; the replies a person decides to send are queued once, threaded and with the
case reference in the subject, and no name can add a header. All names are fictional.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, select

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.db.models import Case, CaseEvent, InboundMessage, Letter, OutboxMessage
from intake.db.session import session_factory
from intake.item import IntakeItem, ParsedMessage
from intake.letters.pdf import (
    ADDRESS_TOP,
    LEFT,
    Letterhead,
    address_block,
    render_letter,
)
from intake.outbox.sender import send_pending
from intake.pipeline import Context
from intake.services import transport_for
from intake.stages.acknowledge import acknowledge
from tests.helpers import make_mail
from tests.integration.test_cli import intake

ROOT = Path(__file__).resolve().parents[2]
RECEIVED = dt.datetime(2026, 12, 23, 9, 30, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 23, 10, 0, tzinfo=dt.UTC)
ADDRESS = "Flat 2\n14 Mill Lane\nNorthtown\nNT2 3BB"
MM_PER_POINT = 25.4 / 72
A4_HEIGHT_MM = 297.0
SCHOOL_COMPLAINT = ("I want to complain about the school. The headteacher excluded my son "
                    "and the school never answered my letters.")


def pdf_lines(pdf: bytes) -> tuple[list[str], list[tuple[str, float, float]]]:
    """Each page's text, and every piece of text on page 1 with its x and y from the top, in mm."""
    reader = PdfReader(io.BytesIO(pdf))
    placed: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            placed.append((text.strip(), tm[4] * MM_PER_POINT, A4_HEIGHT_MM - tm[5] * MM_PER_POINT))

    pages = [page.extract_text() for page in reader.pages]
    reader.pages[0].extract_text(visitor_text=visit)
    return pages, placed


def make_case(engine: Engine, *, email_address: str = "", address: str = "", name: str = "Pat Example",
              flags: tuple[str, ...] = (), decision: str = "eligible",
              reasons: tuple[str, ...] = (), body: str = SCHOOL_COMPLAINT, number: int = 1) -> str:
    raw = make_mail(body, sender="writer@example.org")
    with session_factory(engine).begin() as session:
        inbound = InboundMessage(identity=f"test:{number}", sha256="0" * 64, raw=raw, size=len(raw),
                                 message_id_header=email.message_from_bytes(raw)["Message-ID"],
                                 received_at=RECEIVED, channel="email" if email_address else "letter")
        reference = f"CSC-2026-{number:04d}"
        case = Case(reference=reference, year=2026, number=number, category="complaint",
                    complainant_name=name, complainant_email=email_address, complainant_address=address,
                    flags=list(flags), eligibility_decision=decision,
                    eligibility_reasons=[{"stage": "check_eligibility", "code": c, "sentence": "s",
                                          "evidence": "e"} for c in reasons],
                    received_at=RECEIVED, channel="email" if email_address else "letter")
        session.add_all([inbound, case])
        session.flush()
        case.inbound_id = inbound.id
    return reference


@pytest.fixture
def env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
            "INTAKE_MAILBOX_URL": f"maildir://{tmp_path / 'mailbox'}",
            "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}"}


def events(engine: Engine, reference: str) -> list[CaseEvent]:
    with session_factory(engine)() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        return list(case.events)


def sent_messages(settings: Settings, engine: Engine) -> list[email.message.EmailMessage]:
    send_pending(engine, settings, transport_for(settings), clock=lambda: NOW + dt.timedelta(minutes=5))
    assert settings.outbound.path is not None
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in sorted(settings.outbound.path.glob("*.eml"))]


# --- the PDF itself --------------------------------------------------------------------------

def test_the_letter_has_letterhead_address_in_the_window_date_reference_and_body() -> None:
    head = Letterhead("Northshire County Council", "Children's Services Complaints Team",
                      "Complaints Team\nCounty Hall\nNorthtown\nNT1 1AA", "01632 960000",
                      "complaints@northshire.example.org", "https://www.northshire.example.org/complaints")
    body = "Your complaint\n--------------\nDear Zoë Łukasiewicz,\n\nThank you for\nyour letter.\n\f\nPage two."
    printed = render_letter(head, recipient=address_block("Zoë Łukasiewicz", ADDRESS),
                            date=dt.date(2026, 12, 23), reference="CSC-2026-0042", body=body)
    assert printed.pdf.startswith(b"%PDF") and printed.pages == 2
    pages, placed = pdf_lines(printed.pdf)
    first = " ".join(pages[0].split())
    for expected in ("Northshire County Council", "Phone: 01632 960000", "complaints@northshire.example.org",
                     "https://www.northshire.example.org/complaints", "County Hall",
                     "Date: 23 December 2026", "Our reference: CSC-2026-0042",
                     "Dear Zoë Łukasiewicz,", "Thank you for your letter."):
        assert expected in first
    assert "Page two." in pages[1] and "Page 2 of 2" in pages[1]
    where = {text: (x, y) for text, x, y in placed}
    block = ["Zoë Łukasiewicz", "Flat 2", "14 Mill Lane", "Northtown", "NT2 3BB"]
    for line in block:
        x, y = where[line]
        assert LEFT - 1 <= x <= LEFT + 2, (line, x)      # about 20 mm from the left edge
        assert ADDRESS_TOP <= y <= 85, (line, y)           # inside a DL window (about 45-90 mm down)
    assert 45 <= where[block[0]][1] - 3.7 <= 50            # the first line's top: 45-50 mm down
    assert [where[line][1] for line in block] == sorted(where[line][1] for line in block)
    # Nothing else is printed where the window shows.
    others = [(t, x, y) for t, x, y in placed if t not in block and 42 <= y <= 90 and x < 112]
    assert others == []


def test_the_address_block_is_clean_and_at_most_seven_lines() -> None:
    lines = address_block("Pat\r\nExample", "1 High St,\n\n\x00Town\nA\nB\nC\nD\nE\nNT1 1AA")
    assert lines[0] == "Pat Example" and len(lines) == 7
    assert all("\x00" not in line and "\n" not in line for line in lines)


# --- the acknowledge stage: email, letter, or hold ---------------------------------------------

def run_acknowledge(settings: Settings, engine: Engine, *, email_address: str, address: str,
                    flags: tuple[str, ...] = ()) -> str:
    with session_factory(engine).begin() as session:
        case = Case(reference="CSC-2026-0100", year=2026, number=100, category="complaint",
                    complainant_name="Pat Example", complainant_email=email_address,
                    complainant_address=address, flags=list(flags), eligibility_decision="eligible",
                    received_at=RECEIVED, channel="letter")
        session.add(case)
        item = IntakeItem(raw=b"", received_at=RECEIVED, case=case,
                          parsed=ParsedMessage(message_id="<letter-1@northshire.example.org>"),
                          due_dates={"stage1_response": dt.date(2027, 1, 11)})
        ctx = Context(settings=settings, calendar=WorkingCalendar(), clock=lambda: NOW, classifiers={},
                      session=session)
        acknowledge.run(item, ctx)
        return case.acknowledgement


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("flags, words", [((), "considered at Stage 1"),
                                          (("young_person",), "You will not get in trouble")])
def test_a_writer_with_only_a_postal_address_gets_a_printed_acknowledgement(
        settings: Settings, engine: Engine, flags: tuple[str, ...], words: str) -> None:
    assert run_acknowledge(settings, engine, email_address="", address=ADDRESS, flags=flags) == "queued"
    with session_factory(engine)() as session:
        assert session.scalars(select(OutboxMessage)).all() == []
        letter = session.scalars(select(Letter)).one()
        assert (letter.purpose, letter.state) == ("acknowledgement", "queued")
        assert letter.template.startswith("letter/acknowledgement/complaint")
        [event] = [e for e in letter.case.events if e.action == "acknowledgement_queued"]
        assert event.detail["channel"] == "letter"
    pages, _ = pdf_lines(letter.pdf)
    text = " ".join(" ".join(pages).split())
    assert "CSC-2026-0100" in text and "14 Mill Lane" in text and words in text
    assert "Monday 11 January 2027" in text
    assert "Yours sincerely," in text or "young_person" in flags


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_with_no_address_at_all_the_acknowledgement_is_held(settings: Settings, engine: Engine) -> None:
    assert run_acknowledge(settings, engine, email_address="", address="  ") == "held"
    with session_factory(engine)() as session:
        assert session.scalars(select(Letter)).all() == []
        [event] = [e for e in session.scalars(select(CaseEvent)) if e.action == "acknowledgement_held"]
        assert "no email or postal address" in " ".join(event.detail["reasons"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_email_address_wins_over_a_postal_address(settings: Settings, engine: Engine) -> None:
    assert run_acknowledge(settings, engine, email_address="pat@example.org", address=ADDRESS) == "queued"
    with session_factory(engine)() as session:
        assert session.scalars(select(Letter)).all() == []
        assert session.scalars(select(OutboxMessage)).one().to_address == "pat@example.org"


# --- the print queue, as staff use it (real processes, both databases) ----------------------------

def test_staff_list_download_and_mark_letters_posted(env: dict[str, str], tmp_path: Path,
                                                     settings: Settings, engine: Engine) -> None:
    run_acknowledge(settings, engine, email_address="", address=ADDRESS)
    [row] = [json.loads(line) for line in intake("letters", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert (row["case_reference"], row["purpose"], row["state"]) == ("CSC-2026-0100", "acknowledgement", "queued")
    assert "Mill Lane" not in json.dumps(row) and "Pat" not in json.dumps(row)  # no personal data in the list
    assert "CSC-2026-0100" in intake("letters", env=env, cwd=tmp_path).stdout

    target = tmp_path / "print" / "letter.pdf"
    target.parent.mkdir()
    intake("letters", "download", str(row["id"]), "--output", str(target), env=env, cwd=tmp_path)
    with session_factory(engine)() as session:
        assert target.read_bytes() == session.scalars(select(Letter)).one().pdf

    out = intake("letters", "posted", str(row["id"]), "--by", "A. Officer", env=env, cwd=tmp_path).stdout
    assert "marked posted" in out
    again = intake("letters", "posted", str(row["id"]), "--by", "B. Officer", env=env, cwd=tmp_path).stdout
    assert "already marked posted" in again and "A. Officer" in again
    [row] = [json.loads(line) for line in intake("letters", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    assert row["state"] == "posted" and row["posted_by"] == "A. Officer"
    assert intake("letters", "--state", "queued", env=env, cwd=tmp_path).stdout == ""
    posted = [e for e in events(engine, "CSC-2026-0100") if e.action == "letter_posted"]
    assert len(posted) == 1 and posted[0].actor == "A. Officer"
    with session_factory(engine)() as session:
        assert session.scalars(select(Case)).one().acknowledgement == "sent"

    missing = intake("letters", "download", "999", "--output", str(target), env=env, cwd=tmp_path, check=False)
    assert missing.returncode == 1 and "no letter 999" in missing.stderr


# --- the ineligible reply: only when an officer confirms it ----------------------------------------

def test_confirming_ineligible_queues_one_threaded_reply_with_signposting(
        env: dict[str, str], tmp_path: Path, settings: Settings, engine: Engine) -> None:
    reference = make_case(engine, email_address="pat.example@example.org", decision="ineligible",
                          reasons=("other_organisation",))
    with session_factory(engine)() as session:
        assert session.scalars(select(OutboxMessage)).all() == []  # nothing before a person decides
    decide = ["cases", "decide", reference, "--decision", "ineligible", "--reason", "about the school",
              "--by", "A. Officer", "--json"]
    first = json.loads(intake(*decide, env=env, cwd=tmp_path).stdout)
    assert first["reply"] == {"channel": "email", "new": True, "template": "email/ineligible/complaint"}
    second = json.loads(intake(*decide, env=env, cwd=tmp_path).stdout)
    assert second["reply"]["new"] is False
    [message] = sent_messages(settings, engine)
    with session_factory(engine)() as session:
        inbound = session.scalars(select(InboundMessage)).one()
    assert message["Subject"] == f"{reference}: your complaint"
    assert message["To"] == "pat.example@example.org"
    assert message["In-Reply-To"] == inbound.message_id_header == message["References"]
    assert message["Auto-Submitted"] is None  # a person decided to send it
    text = " ".join(message.get_body(("plain",)).get_content().split())
    assert "another organisation" in text
    assert "https://www.northshire.example.org/schools/complaints" in text  # the rules' signposting
    assert "about the school" not in text  # the officer's reason stays internal
    queued = [e for e in events(engine, reference) if e.action == "ineligible_reply_queued"]
    assert len(queued) == 1 and queued[0].actor == "A. Officer"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_ineligible_for_a_letter_writer_goes_to_the_print_queue(
        env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    reference = make_case(engine, address=ADDRESS, flags=("young_person",), decision="ineligible",
                          reasons=("court_decision",), body="The court made a care order and it is wrong.")
    result = intake("cases", "decide", reference, "--decision", "ineligible", "--reason", "court",
                    "--by", "A. Officer", "--code", "court_decision", "--signpost",
                    "Your solicitor can explain how to appeal.", env=env, cwd=tmp_path)
    assert "print queue" in result.stdout
    with session_factory(engine)() as session:
        letter = session.scalars(select(Letter)).one()
        assert (letter.purpose, letter.template) == ("ineligible_reply",
                                                     "letter/ineligible/complaint_young_person")
    text = " ".join(" ".join(pdf_lines(letter.pdf)[0]).split())
    assert "We cannot change what a court has decided." in text
    assert "A solicitor can advise you" in text and "Your solicitor can explain how to appeal." in text
    assert "Write to us or phone us on 01632 960000" in text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_reply_and_other_decisions_queue_nothing(env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    reference = make_case(engine, email_address="pat@example.org", decision="ineligible",
                          reasons=("time_limit",))
    intake("cases", "decide", reference, "--decision", "ineligible", "--reason", "late", "--by", "A. Officer",
           "--no-reply", env=env, cwd=tmp_path)
    intake("cases", "decide", reference, "--decision", "eligible", "--reason", "good reason",
           "--by", "A. Officer", env=env, cwd=tmp_path)
    with session_factory(engine)() as session:
        assert session.scalars(select(OutboxMessage)).all() == []


# --- the request for consent ---------------------------------------------------------------

def test_request_consent_queues_once_and_records_the_officer(
        env: dict[str, str], tmp_path: Path, settings: Settings, engine: Engine) -> None:
    reference = make_case(engine, email_address="advocate@example.org", name="Alex Advocate",
                          decision="needs_review", reasons=("consent_required",))
    ask = ["cases", "request-consent", reference, "--by", "A. Officer", "--young-person-name", "Jamie"]
    assert "queued in the outbox" in intake(*ask, env=env, cwd=tmp_path).stdout
    assert "was already in the outbox" in intake(*ask, env=env, cwd=tmp_path).stdout
    [message] = sent_messages(settings, engine)
    assert message["Subject"] == f"{reference}: we need the young person's consent"
    assert message["In-Reply-To"] and message["In-Reply-To"] == message["References"]
    text = " ".join(message.get_body(("plain",)).get_content().split())
    assert "Dear Alex Advocate," in text
    assert "Jamie's agreement" in text and "on hold" in text
    assert "https://www.northshire.example.org/complaints/consent-form" in text
    assert "A note to pass on to Jamie" in text and "It is your choice." in text
    html = message.get_body(("html",)).get_content()
    assert "consent-form" in html and "It is your choice." in html
    requested = [e for e in events(engine, reference) if e.action == "consent_requested"]
    assert len(requested) == 1 and requested[0].actor == "A. Officer"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_request_consent_by_post_prints_the_note_and_the_form(
        env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    reference = make_case(engine, address=ADDRESS, decision="needs_review", reasons=("consent_required",))
    intake("cases", "request-consent", reference, "--by", "A. Officer", env=env, cwd=tmp_path)
    with session_factory(engine)() as session:
        letter = session.scalars(select(Letter)).one()
    pages, _ = pdf_lines(letter.pdf)
    assert len(pages) >= 3
    assert "the young person" in pages[0] and "14 Mill Lane" in pages[0]
    assert "It is your choice." in " ".join(pages[-2].split())
    assert "Consent form" in pages[-1] and "Signed:" in pages[-1] and reference in pages[-1]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_request_consent_is_refused_without_consent_required_or_with_a_bad_name(
        env: dict[str, str], tmp_path: Path, engine: Engine) -> None:
    plain = make_case(engine, email_address="pat@example.org", number=1)
    refused = intake("cases", "request-consent", plain, "--by", "A. Officer", env=env, cwd=tmp_path, check=False)
    assert refused.returncode == 2 and "consent_required" in refused.stderr
    flagged = make_case(engine, email_address="pat@example.org", reasons=("consent_required",),
                        decision="needs_review", number=2)
    bad = intake("cases", "request-consent", flagged, "--by", "A. Officer", "--young-person-name",
                 "Jamie\nBcc: evil@example.net", env=env, cwd=tmp_path, check=False)
    assert bad.returncode == 2 and "must be a name" in bad.stderr
    with session_factory(engine)() as session:
        assert session.scalars(select(OutboxMessage)).all() == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_name_or_address_can_add_a_header(env: dict[str, str], tmp_path: Path, settings: Settings,
                                             engine: Engine) -> None:
    reference = make_case(engine, email_address="pat@example.org\r\nBcc: evil@example.net",
                          name="Pat\r\nBcc: evil@example.net", decision="ineligible",
                          reasons=("time_limit",), body="It happened in 2019 and nobody helped.")
    intake("cases", "decide", reference, "--decision", "ineligible", "--reason", "late",
           "--by", "A. Officer\r\nBcc: evil@example.net", env=env, cwd=tmp_path)
    [message] = sent_messages(settings, engine)
    assert message["Bcc"] is None and "evil" not in str(message["Subject"])
    assert "\n" not in str(message["To"])
    text = message.get_body(("plain",)).get_content()
    assert "Dear Sir or Madam," in text and "Bcc" not in text  # the odd name is not used as a greeting
