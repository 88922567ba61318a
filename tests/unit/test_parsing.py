from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from intake.errors import UnparseableMessage
from intake.parsing import newest_part, parse_message, safe_filename

HTML_ONLY = (b"From: =?utf-8?q?Gran_=C3=89lodie?= <gran@example.org>\r\nTo: complaints@northshire.example.org\r\n"
             b"Subject: =?utf-8?b?U3VwcG9ydCBmb3IgbXkgZ3JhbmRzb24=?=\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n"
             b"Message-ID: <html-only@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             b"<html><body><p>The <b>special guardianship</b> allowance stopped.</p><script>alert(1)</script>"
             b"<img src='http://tracker.example.com/x.gif'></body></html>\r\n")


def test_html_only_mail_becomes_readable_text() -> None:
    parsed = parse_message(HTML_ONLY)
    assert "special guardianship" in parsed.body
    assert "<b>" not in parsed.body and "tracker" not in parsed.body
    assert parsed.sender == "gran@example.org" and parsed.sender_name == "Gran Élodie"
    assert parsed.subject == "Support for my grandson"
    assert parsed.message_id == "<html-only@example.org>"
    assert parsed.sent_at is not None and parsed.sent_at.year == 2026


def test_headers_never_keep_line_breaks() -> None:
    raw = b"From: a@example.org\r\nSubject: one\r\n two\r\n\r\nbody\r\n"
    assert parse_message(raw).subject == "one two"


def test_newest_part_drops_quoted_history_and_signature() -> None:
    body = "Please add this to my complaint.\n\nOn Mon, 2 Nov 2026, Complaints wrote:\n> We have received\n"
    assert newest_part(body) == "Please add this to my complaint."
    assert newest_part("Thanks\n-- \nPat\n01632 960123") == "Thanks"
    assert newest_part("> only quoted") == "> only quoted"
    outlook = ("Thank you, that is resolved now.\n\nFrom: Complaints Team <complaints@northshire.example.org>\n"
               "Sent: 02 November 2026 09:00\nTo: Pat Example\nSubject: CSC-2026-0001\n\n"
               "We are sorry you are unhappy with the social worker.")
    assert newest_part(outlook) == "Thank you, that is resolved now."


def test_filenames_are_never_paths() -> None:
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\x\\letter.pdf") == "letter.pdf"
    assert safe_filename("") == "attachment"
    assert "\n" not in safe_filename("a\nb.txt")


def test_attachments_are_described_not_trusted() -> None:
    raw = (b"From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n"
           b"--X\r\nContent-Type: text/plain\r\n\r\nSee the attached letter.\r\n"
           b"--X\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"../letter.pdf\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--X--\r\n")
    parsed = parse_message(raw)
    assert parsed.body.strip() == "See the attached letter."
    [attachment] = parsed.attachments
    assert attachment.filename == "letter.pdf" and attachment.size == 9
    assert len(attachment.sha256) == 64


def test_an_empty_message_is_unparseable() -> None:
    with pytest.raises(UnparseableMessage):
        parse_message(b"   \r\n")


@hsettings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_raise_unparseable(data: bytes) -> None:
    try:
        parse_message(data)
    except UnparseableMessage:
        pass


FIXTURE = HTML_ONLY + b"\r\n"


@hsettings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(FIXTURE) - 1), st.binary(min_size=0, max_size=8)), max_size=6))
def test_mangled_real_message_never_escapes_with_another_error(edits: list[tuple[int, bytes]]) -> None:
    data = bytearray(FIXTURE)
    for position, junk in edits:
        data[position:position + len(junk)] = junk
    try:
        parse_message(bytes(data))
    except UnparseableMessage:
        pass


def test_winmail_dat_text_and_attachments_count() -> None:

    import tnefparse  # noqa: F401 - the library under test must be installed
    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "public" / "alaveteli"
    sample = corpus / "spec_fixtures_files_incoming-request-tnef-attachments.eml"
    if not sample.exists():
        pytest.skip("the public corpus is not beside the project")
    parsed = parse_message(sample.read_bytes())
    assert "Our Ref:F-2009-02976" in parsed.body  # the RTF body inside winmail.dat
    assert [a.filename for a in parsed.attachments] == ["FOI 09-02976i.doc", "FOI 09-02976iii.doc"]


def test_a_forwarded_message_counts() -> None:
    raw = (b"From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n"
           b"--X\r\nContent-Type: text/plain\r\n\r\nForwarding my daughter's complaint.\r\n"
           b"--X\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.org\r\nSubject: inner\r\n\r\n"
           b"The social worker never came.\r\n--X--\r\n")
    assert "The social worker never came." in parse_message(raw).body
