from __future__ import annotations

from intake.identity import message_identity

BODY = b"\r\n\r\nI want to complain about my social worker.\r\n"
HEAD = (b"From: Pat Example <pat@example.org>\r\nTo: complaints@northshire.example.org\r\n"
        b"Subject: Complaint\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n")


def test_two_deliveries_of_one_message_share_an_identity() -> None:
    a = b"Delivered-To: complaints@northshire.example.org\r\nMessage-ID: <abc@example.org>\r\n" + HEAD + BODY
    b = b"Delivered-To: cc-copy@northshire.example.org\nMessage-ID: <abc@example.org>\n" + HEAD.replace(b"\r\n", b"\n") + BODY.replace(b"\r\n", b"\n")
    assert message_identity(a)[0] == message_identity(b)[0]
    assert message_identity(a)[1] == "<abc@example.org>"


def test_a_reused_message_id_with_another_body_is_another_message() -> None:
    a = b"Message-ID: <abc@example.org>\r\n" + HEAD + BODY
    b = b"Message-ID: <abc@example.org>\r\n" + HEAD + b"\r\n\r\nSomething else entirely.\r\n"
    assert message_identity(a)[0] != message_identity(b)[0]


def test_no_message_id_still_gets_a_stable_identity() -> None:
    a = b"Received: from a\r\n" + HEAD + BODY
    b = b"Received: from b\r\n" + HEAD + BODY
    identity, message_id = message_identity(a)
    assert message_id is None and identity.startswith("sha:")
    assert identity == message_identity(b)[0]


def test_garbage_has_an_identity_too() -> None:
    assert message_identity(b"\xff\xfe\x00junk")[0].startswith("sha:")
    assert message_identity(b"")[0].startswith("sha:")
