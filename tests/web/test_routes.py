"""Every page and action of the staff web app, through Flask's test client, on a case log the
real pipeline filled: who may see and do what, CSRF, sign-in throttling, the queue's order, safe
display of the public's mail, and each action's effect on the case log."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from intake.db.models import Case, CaseEvent, Correction, Deadline, InboundMessage, OutboxMessage, SignInAttempt
from intake.staff_actions import listing
from tests.helpers import make_mail
from tests.web.conftest import PASSWORD, WebApp, csrf_token, post, signed_in

PAGES = ["/", "/queue", "/manager", "/manager/report.csv", "/messages/quarantined", "/messages/automated"]


def events(web: WebApp, reference: str, action: str) -> list[CaseEvent]:
    with web.session() as session:
        return list(session.scalars(select(CaseEvent).join(Case).where(Case.reference == reference,
                                                                        CaseEvent.action == action)))


def test_nobody_signed_out_sees_anything_but_the_sign_in_page(web: WebApp) -> None:
    client = web.app.test_client()
    reference = web.reference("social worker cancelling visits")
    for path in PAGES + [f"/cases/{reference}", "/messages/1"]:
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].startswith("/login"), path
    response = client.post(f"/cases/{reference}/note", data={"text": "x"})
    assert response.status_code in (302, 400)
    assert not events(web, reference, "note_added")
    login = client.get("/login")
    assert login.status_code == 200 and "Sign in" in login.text and reference not in login.text


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session(web: WebApp) -> None:
    client = web.app.test_client()
    token = csrf_token(client.get("/login").text)
    response = client.post("/login?next=/messages/automated",
                           data={"username": "Olivia", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/messages/automated"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie
    queue = client.get("/queue")
    assert queue.status_code == 200 and queue.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in queue.headers["Content-Security-Policy"]
    client.post("/logout", data={"csrf_token": csrf_token(queue.text)})
    assert client.get("/queue").status_code == 302


def test_the_next_address_after_sign_in_never_leaves_the_site(web: WebApp) -> None:
    client = web.app.test_client()
    token = csrf_token(client.get("/login").text)
    response = client.post("/login?next=//evil.example/x",
                           data={"username": "olivia", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/queue"


def test_wrong_passwords_are_throttled_per_account(web: WebApp) -> None:
    client = web.app.test_client()
    token = csrf_token(client.get("/login").text)
    for _ in range(5):
        response = client.post("/login", data={"username": "olivia", "password": "wrong guess here",
                                                "csrf_token": token})
        assert response.status_code == 401 and "not right" in response.text
    response = client.post("/login", data={"username": "olivia", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 429 and "Too many failed attempts" in response.text
    with web.session() as session:
        assert session.scalar(select(func.count(SignInAttempt.id)).where(SignInAttempt.username == "olivia")) == 5
    assert signed_in(web, "mo")  # another account is not locked out


def test_a_form_without_its_csrf_token_is_refused(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("social worker cancelling visits")
    response = client.post(f"/cases/{reference}/note", data={"text": "no token"})
    assert response.status_code == 400
    assert not events(web, reference, "note_added")


def test_a_disabled_account_is_signed_out_at_once(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    with web.session() as session, session.begin():
        from intake.accounts import find_user
        find_user(session, "olivia").active = False
    assert client.get("/queue").status_code == 302


def test_the_queue_puts_safeguarding_first_then_decisions_then_deadlines(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    page = client.get("/queue").text
    references = re.findall(r'href="/cases/(CSC-\d{4}-\d{4})"', page)
    safeguarding = web.reference("please help")
    assert references[0] == safeguarding
    with web.session() as session:
        active = session.scalar(select(func.count(Case.id)).where(Case.status.in_(("open", "paused"))))
    assert len(references) == active
    assert "Safeguarding: look now" in page and "Working days left" in page
    complaints = client.get("/queue?category=complaint").text
    assert safeguarding not in complaints and web.reference("social worker cancelling visits") in complaints
    assert "Nothing in the queue matches" in client.get("/queue?overdue=1").text


def test_the_case_page_shows_decisions_and_records_who_looked(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("please help")
    page = client.get(f"/cases/{reference}").text
    assert "Safeguarding." in page and "mark on my arm" in page
    assert "What the service decided" in page and "Timetable" in page
    viewed = events(web, reference, "case_viewed")
    assert len(viewed) == 1 and viewed[0].actor == "olivia"
    assert client.get("/cases/CSC-1999-0001").status_code == 404


def test_html_mail_is_shown_cleaned_and_attachments_only_as_downloads(web: WebApp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from email.message import EmailMessage

    from intake.runner import Runner
    from intake.services import source_for
    from tests.helpers import deliver
    from tests.web.conftest import RECEIVED

    message = EmailMessage()
    message["From"], message["To"] = "Robin Example <robin@example.org>", "complaints@northshire.example.org"
    message["Subject"], message["Message-ID"] = "Complaint about missed visits", "<html-test@example.org>"
    message.set_content("My social worker missed three visits to my daughter this month and never rang back.")
    message.add_alternative('<p onclick="steal()">My social worker missed <b>three visits</b> to my daughter'
                            ' this month.<img src="https://tracker.example/pixel.gif"><script>alert(1)</script>'
                            '<a href="javascript:alert(2)">click</a></p>', subtype="html")
    message.add_attachment(b"<html><script>alert(3)</script></html>", maintype="text", subtype="html",
                           filename="../../evil.html")
    deliver(tmp_path / "mailbox", message.as_bytes(), RECEIVED)
    Runner(web.settings, web.engine, clock=lambda: RECEIVED).poll_once(source_for(web.settings))
    reference = web.reference("missed visits")
    client = signed_in(web, "olivia")
    page = client.get(f"/cases/{reference}").text
    assert "<b>three visits</b>" in page
    assert "tracker.example" not in page and "<script>alert" not in page and "javascript:" not in page
    assert "onclick" not in page
    link = re.search(r'href="(/cases/[^"]+/attachments/[^"]+)"', page)
    assert link, "the attachment is offered"
    download = client.get(link.group(1))
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/octet-stream"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "/" not in download.headers["Content-Disposition"].split("filename=")[1].replace("evil.html", "")
    assert "sandbox" in download.headers["Content-Security-Policy"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert events(web, reference, "attachment_downloaded")


def test_reclassifying_is_stored_as_a_correction(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("please help")
    status, page = post(client, f"/cases/{reference}/reclassify", f"/cases/{reference}",
                        field="category", value="complaint", reason="a young person's complaint about home")
    assert status == 200 and "category changed to complaint" in page
    assert web.case(reference).category == "complaint"
    with web.session() as session:
        correction = session.scalar(select(Correction).join(Case).where(Case.reference == reference))
        assert correction is not None and correction.officer == "olivia" and correction.old_value == "out_of_scope"


def test_overriding_eligibility_to_ineligible_queues_the_signposted_reply(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("social worker cancelling visits")
    status, page = post(client, f"/cases/{reference}/eligibility", f"/cases/{reference}",
                        decision="ineligible", code=["other_organisation"], reason="about the school",
                        send_reply="1")
    assert "Eligibility recorded: ineligible" in page and "outbox" in page
    assert web.case(reference).eligibility_decision == "ineligible"
    with web.session() as session:
        purposes = set(session.scalars(select(OutboxMessage.purpose).join(Case).where(Case.reference == reference)))
    assert "ineligible_reply" in purposes or any("ineligible" in p for p in purposes)
    status, page = post(client, f"/cases/{reference}/eligibility", f"/cases/{reference}",
                        decision="maybe", reason="x")
    assert "Not done" in page


def test_a_held_acknowledgement_is_previewed_then_sent_once(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("please help")
    post(client, f"/cases/{reference}/reclassify", f"/cases/{reference}", field="category", value="complaint",
         reason="a complaint")
    preview = client.get(f"/cases/{reference}?preview=acknowledgement").text
    assert "Acknowledgement preview" in preview and reference in preview
    status, page = post(client, f"/cases/{reference}/send-acknowledgement", f"/cases/{reference}")
    assert "Acknowledgement queued" in page
    status, page = post(client, f"/cases/{reference}/send-acknowledgement", f"/cases/{reference}")
    assert "Not done" in page
    with web.session() as session:
        sent = session.scalar(select(func.count(OutboxMessage.id)).join(Case).where(
            Case.reference == reference, OutboxMessage.purpose == "acknowledgement"))
    assert sent == 1


def test_only_a_manager_extends_a_deadline(web: WebApp) -> None:
    reference = web.reference("social worker cancelling visits")
    officer = signed_in(web, "olivia")
    assert "Extend a deadline" not in officer.get(f"/cases/{reference}").text
    token = csrf_token(officer.get(f"/cases/{reference}").text)
    response = officer.post(f"/cases/{reference}/extend", data={"deadline": "stage1_response", "reason": "complex",
                                                                 "csrf_token": token})
    assert response.status_code == 403
    manager = signed_in(web, "mo")
    status, page = post(manager, f"/cases/{reference}/extend", f"/cases/{reference}",
                        deadline="stage1_response", reason="several teams involved")
    assert "extended to" in page
    with web.session() as session:
        row = session.scalar(select(Deadline).join(Case).where(Case.reference == reference,
                                                                Deadline.deadline == "stage1_response"))
        assert row is not None and row.extended


def test_casework_actions_change_the_case_and_its_trail(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("social worker cancelling visits")
    page_path = f"/cases/{reference}"
    assert "Assigned to" in post(client, f"{page_path}/assign", page_path, officer="olivia@northshire.example.org")[1]
    assert web.case(reference).officer == "olivia@northshire.example.org"
    assert "Note added" in post(client, f"{page_path}/note", page_path, text="Rang the mother back.")[1]
    assert "Rang the mother back." in client.get(page_path).text
    assert "Recorded: stage1 response sent" in post(client, f"{page_path}/record-step", page_path,
                                                    event="stage1_response_sent", on="2026-12-29")[1]
    assert "Not done" in post(client, f"{page_path}/record-step", page_path, event="nonsense", on="2026-12-29")[1]
    assert "Clocks paused" in post(client, f"{page_path}/pause", page_path, reason="consent awaited")[1]
    assert web.case(reference).status == "paused"
    assert "Clocks started again" in post(client, f"{page_path}/resume", page_path)[1]
    assert web.case(reference).status == "open"
    assert "Not done" in post(client, f"{page_path}/close", page_path, outcome="sort of upheld")[1]
    assert "Case closed" in post(client, f"{page_path}/close", page_path, outcome="partly_upheld")[1]
    assert web.case(reference).status == "closed"
    assert client.post(f"{page_path}/no-such-action", data={"csrf_token": csrf_token(client.get(page_path).text)}
                       ).status_code == 404


def test_a_duplicate_is_merged_into_the_case_kept(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    kept = web.reference("social worker cancelling visits")
    duplicate = web.reference("Special guardianship")
    status, page = post(client, f"/cases/{duplicate}/merge", f"/cases/{duplicate}", into=kept, reason="same family")
    assert f"Merged into {kept}" in page
    assert web.case(duplicate).status == "merged"
    # A later reply quoting the duplicate's reference joins the case kept.
    from intake.db.models import CaseMessage
    from intake.runner import Runner
    from intake.services import source_for
    from tests.helpers import deliver
    from tests.web.conftest import RECEIVED

    deliver(web.settings.mailbox.path, make_mail(f"Any news on {duplicate}? It has been a week.",  # type: ignore[arg-type]
                                                 subject=f"Re: {duplicate}"), RECEIVED)
    Runner(web.settings, web.engine, clock=lambda: RECEIVED).poll_once(source_for(web.settings))
    with web.session() as session:
        latest = session.scalars(select(CaseMessage).order_by(CaseMessage.id.desc())).first()
        assert latest is not None and latest.role == "reply"
        assert session.get(Case, latest.case_id).reference == kept  # type: ignore[union-attr]
    assert "Not done" in post(client, f"/cases/{duplicate}/merge", f"/cases/{duplicate}", into="CSC-1999-0009",
                              reason="x")[1]


def test_consent_is_recorded_and_requested(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    reference = web.reference("on behalf of a young person")
    page_path = f"/cases/{reference}"
    status, page = post(client, f"{page_path}/record-consent", page_path, how="signed form received by post")
    assert "Consent recorded" in page and events(web, reference, "consent_recorded")
    post(client, f"{page_path}/eligibility", page_path, decision="needs_review", code=["consent_required"],
         reason="no consent seen")
    status, page = post(client, f"{page_path}/request-consent", page_path, young_person_name="Jo")
    assert "Consent request queued" in page


def test_the_managers_view_is_for_managers_with_charts_and_csv(web: WebApp) -> None:
    assert signed_in(web, "olivia").get("/manager").status_code == 403
    assert signed_in(web, "olivia").get("/manager/report.csv").status_code == 403
    for username in ("mo", "ada"):
        client = signed_in(web, username)
        page = client.get("/manager").text
        assert "Manager's view" in page and page.count("<svg") >= 4 and 'role="img"' in page
        assert "safeguarding cases open" in page
    csv_response = signed_in(web, "mo").get("/manager/report.csv?year=2026")
    assert csv_response.status_code == 200 and csv_response.mimetype == "text/csv"
    assert "attachment" in csv_response.headers["Content-Disposition"]
    assert "complaint" in csv_response.text.lower()


def test_automated_mail_is_listed_and_can_be_made_into_a_case(web: WebApp) -> None:
    client = signed_in(web, "olivia")
    page = client.get("/messages/automated").text
    ids = re.findall(r'href="/messages/(\d+)"', page)
    with web.session() as session:
        assert len(ids) == len(listing.automated(session)) > 0
    message_page = client.get(f"/messages/{ids[0]}").text
    assert "Make a case from this message" in message_page
    status, page = post(client, f"/messages/{ids[0]}/make-case", f"/messages/{ids[0]}", category="complaint")
    assert "made from the message" in page
    with web.session() as session:
        inbound_id = int(ids[0])
        assert session.scalar(select(Case.id).where(Case.inbound_id == inbound_id)) is not None
    status, page = post(client, f"/messages/{ids[0]}/make-case", f"/messages/{ids[0]}", category="complaint")
    assert "Not done" in page


def test_a_quarantined_message_is_shown_to_staff(web: WebApp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from intake.runner import Runner
    from intake.services import source_for
    from tests.helpers import deliver
    from tests.web.conftest import RECEIVED

    deliver(tmp_path / "mailbox", make_mail("This message has a problem."), RECEIVED)
    runner = Runner(web.settings, web.engine, clock=lambda: RECEIVED)
    runner.store_new(source_for(web.settings), __import__("intake.runner", fromlist=["PollReport"]).PollReport())
    with web.session() as session, session.begin():
        from intake.db.models import QuarantineRecord
        inbound = session.scalars(select(InboundMessage).where(InboundMessage.state == "stored")).one()
        inbound.state = "quarantined"
        session.add(QuarantineRecord(inbound_id=inbound.id, reason="the parser gave up", error_id="e1"))
    page = signed_in(web, "olivia").get("/messages/quarantined").text
    assert "the parser gave up" in page and "My complaint" in page


@pytest.mark.parametrize("path", ["/static/app.css"])
def test_static_files_need_no_sign_in(web: WebApp, path: str) -> None:
    assert web.app.test_client().get(path).status_code == 200
