from __future__ import annotations

from classifiers.automated import MessageFacts, automated_reasons


def facts(headers: dict[str, str] | None = None, content_types: tuple[str, ...] = ("text/plain",),
          subject: str = "About my son's social worker", sender: str = "pat@example.org",
          body: str = "I am unhappy with how the visit was cancelled.") -> MessageFacts:
    return MessageFacts(headers or {}, content_types, subject, sender, body)


def codes(f: MessageFacts) -> set[str]:
    return {code for code, _ in automated_reasons(f)}


def test_a_person_writing_is_not_automated() -> None:
    assert automated_reasons(facts()) == []


def test_auto_submitted_no_is_a_person() -> None:
    assert codes(facts({"auto-submitted": "no"})) == set()


def test_each_header_rule_fires_with_a_sentence() -> None:
    cases = {
        "auto_submitted": {"auto-submitted": "auto-replied"},
        "autoreply_header": {"x-autoreply": "yes"},
        "precedence_bulk": {"precedence": "bulk"},
        "mailing_list": {"list-unsubscribe": "<mailto:leave@example.org>"},
        "empty_return_path": {"return-path": "<>"},
        "spam": {"x-spam-flag": "YES"},
    }
    for code, headers in cases.items():
        found = automated_reasons(facts(headers))
        assert code in {c for c, _ in found}, code
        assert all(sentence.endswith(".") for _, sentence in found)


def test_delivery_reports_and_bounces() -> None:
    assert "delivery_report" in codes(facts(content_types=("multipart/report", "text/plain")))
    bounce = facts(subject="Undelivered Mail Returned to Sender", sender="mailer-daemon@example.net")
    assert {"delivery_report", "daemon_sender"} <= codes(bounce)


def test_out_of_office_without_any_header() -> None:
    assert "out_of_office" in codes(facts(subject="Automatic reply: your message"))
    assert "out_of_office" in codes(facts(subject="Re: meeting", body="I am currently out of the office until Monday."))


def test_a_long_complaint_mentioning_leave_is_not_out_of_office() -> None:
    body = "My social worker said I am away from the office is no excuse. " + "The visits stopped. " * 100
    assert "out_of_office" not in codes(facts(body=body))
