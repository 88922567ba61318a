"""The letters page: a scanned letter uploaded becomes a case with a letter to post; the print
queue offers its PDF and records it posted; what is not a letter is refused, nothing stored."""

from __future__ import annotations

import io
import re

from sqlalchemy import func, select

from intake.db.models import Case, InboundMessage, Letter
from tests.support.scanned_letters import Letter as WrittenLetter
from tests.support.scanned_letters import typed_pdf
from tests.web.conftest import WebApp, csrf_token, signed_in


def upload(client, data: bytes, name: str, received: str = "") -> str:  # type: ignore[no-untyped-def]
    token = csrf_token(client.get("/letters").text)
    response = client.post("/letters/upload", data={"csrf_token": token, "received": received,
                                                    "scan": (io.BytesIO(data), name)},
                           content_type="multipart/form-data", follow_redirects=True)
    assert response.status_code == 200
    return str(response.text)


def test_an_uploaded_letter_is_a_case_and_its_reply_is_printed_and_posted(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    pdf = typed_pdf(WrittenLetter())
    page = upload(client, pdf, "letter.pdf", received="2026-12-21")
    reference = re.search(r"Letter added: case (CSC-\d{4}-\d{4})", page)
    assert reference, page[:2000]
    assert "Letter added" in upload(client, pdf, "again.pdf") or "already added" in upload(client, pdf, "again.pdf")
    with web.session() as session:
        assert session.scalar(select(func.count(InboundMessage.id)).where(InboundMessage.channel == "letter")) == 1
        case = session.scalar(select(Case).where(Case.reference == reference.group(1)))
        assert case is not None and case.channel == "letter"
        assert case.received_at.date().isoformat() == "2026-12-21"
        letter = session.scalar(select(Letter).where(Letter.case_id == case.id))
    assert letter is not None
    case_page = client.get(f"/cases/{reference.group(1)}").text
    assert "Download the scan" in case_page
    scan = client.get(f"/cases/{reference.group(1)}/scan")
    assert scan.status_code == 200 and scan.data == pdf
    assert scan.headers["Content-Type"] == "application/octet-stream" and "sandbox" in scan.headers["Content-Security-Policy"]
    queue = client.get("/letters").text
    assert f"Letter {letter.id} (PDF)" in queue and "to post" in queue
    download = client.get(f"/letters/{letter.id}.pdf")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    assert download.headers["Content-Disposition"].startswith("attachment;")
    token = csrf_token(queue)
    done = client.post(f"/letters/{letter.id}/posted", data={"csrf_token": token}, follow_redirects=True).text
    assert "recorded as posted" in done
    with web.session() as session:
        assert session.get(Letter, letter.id).state == "posted"  # type: ignore[union-attr]


def test_a_file_that_is_not_a_scan_is_refused_and_nothing_is_stored(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    with web.session() as session:
        before = session.scalar(select(func.count(InboundMessage.id)))
    assert "choose a scanned letter" in upload(client, b"MZ\x90\x00 not a letter", "setup.exe")
    assert "like 2026-12-23" in upload(client, typed_pdf(WrittenLetter()), "l.pdf", received="21/12/2026")
    with web.session() as session:
        assert session.scalar(select(func.count(InboundMessage.id))) == before
