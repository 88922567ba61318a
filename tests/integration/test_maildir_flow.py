"""The walking skeleton, end to end on a real Maildir and the outbox folder, on both databases."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

from sqlalchemy import Engine, func, select

from intake.config import Settings
from intake.db.models import Case, CaseEvent, Deadline, InboundMessage, MailboxEntry, OutboxMessage
from intake.db.session import session_factory
from intake.outbox.sender import send_pending
from intake.runner import Runner
from intake.services import source_for, transport_for
from tests.helpers import deliver, make_mail

WEDNESDAY_BEFORE_CHRISTMAS = dt.datetime(2026, 12, 23, 9, 30, tzinfo=dt.timezone.utc)


def count(engine: Engine, model: type) -> int:
    with session_factory(engine)() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_complaint_becomes_a_case_with_deadlines_and_an_acknowledgement(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path and settings.outbound.path
    deliver(settings.mailbox.path, make_mail(
        "I want to make a complaint. My son's social worker cancelled three visits and never told us why.",
        sent=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)), WEDNESDAY_BEFORE_CHRISTMAS)
    report = Runner(settings, engine).poll_once(source_for(settings))
    assert (report.stored, report.outcomes["processed"]) == (1, 1)

    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.reference == "CSC-2026-0001"
        assert case.category == "complaint" and case.eligibility_decision == "eligible"
        assert case.received_at == WEDNESDAY_BEFORE_CHRISTMAS  # the delivery time, not the Date: header
        due = {d.deadline: d.due_date for d in session.scalars(select(Deadline))}
        assert due["acknowledgement"] == dt.date(2026, 12, 30)
        assert due["stage1_response"] == dt.date(2027, 1, 11)
        inbound = session.scalars(select(InboundMessage)).one()
        assert inbound.state == "processed" and inbound.sent_at.year == 2020
        actions = [e.action for e in session.scalars(select(CaseEvent).order_by(CaseEvent.id))]
        assert actions == ["case_logged", "timetable_planned", "acknowledgement_queued"]

    assert send_pending(engine, settings, transport_for(settings))["sent"] == 1
    [written] = list(settings.outbound.path.glob("*.eml"))
    reply = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
    assert reply["Subject"] == "CSC-2026-0001: we have received your complaint"
    assert reply["To"] == "pat.example@example.org"
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["In-Reply-To"].startswith("<")
    assert "Monday 11 January 2027" in reply.get_body(("plain",)).get_content()
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.acknowledgement == "sent"
        ack = session.scalar(select(Deadline).where(Deadline.deadline == "acknowledgement"))
        assert ack is not None and ack.met_at is not None
    assert send_pending(engine, settings, transport_for(settings)) == {}


def test_a_second_poll_creates_nothing_new(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    for i in range(3):
        deliver(settings.mailbox.path, make_mail(f"Complaint number {i}: the social worker did not call back."))
    runner = Runner(settings, engine)
    assert runner.poll_once(source_for(settings)).stored == 3
    again = runner.poll_once(source_for(settings))
    assert (again.fetched, again.stored, sum(again.outcomes.values())) == (0, 0, 0)
    assert count(engine, Case) == 3 and count(engine, OutboxMessage) == 3


def test_two_copies_of_one_message_become_one_record(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    raw = make_mail("I am complaining about the contact arrangements for my daughter.")
    deliver(settings.mailbox.path, b"Delivered-To: complaints@northshire.example.org\n" + raw)
    deliver(settings.mailbox.path, b"Delivered-To: team@northshire.example.org\n" + raw)
    report = Runner(settings, engine).poll_once(source_for(settings))
    assert (report.fetched, report.stored, report.copies) == (2, 1, 1)
    assert count(engine, Case) == 1 and count(engine, MailboxEntry) == 2


def test_automated_mail_is_kept_and_never_answered(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail("I am out of the office until Monday.",
                                             subject="Automatic reply: CSC-2026-0001",
                                             headers={"Auto-Submitted": "auto-replied"}))
    report = Runner(settings, engine).poll_once(source_for(settings))
    assert report.outcomes["automated"] == 1
    assert count(engine, Case) == 0 and count(engine, OutboxMessage) == 0


def test_a_safeguarding_disclosure_alerts_the_duty_manager_and_holds_the_reply(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail(
        "I'm 14. My foster carer's boyfriend hits me and I am scared to go home tonight.",
        subject="please help", name="Sam"))
    Runner(settings, engine).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert "safeguarding" in case.flags and case.acknowledgement == "held"
        [alert] = session.scalars(select(OutboxMessage)).all()
        assert alert.purpose == "safeguarding_alert" and alert.to_address == settings.duty_address
        assert case.reference in alert.subject
        assert "Sam" not in alert.body_text


def test_a_message_mostly_not_in_english_waits_for_a_person(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail(
        "Bonjour, je vous écris en français parce que mon anglais n'est pas bon. L'assistante sociale a annulé "
        "notre rendez-vous trois fois ce mois-ci et personne ne me rappelle. Je veux faire une réclamation.",
        subject="réclamation"))
    Runner(settings, engine).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        case = session.scalars(select(Case)).one()
        assert case.category_review and case.acknowledgement == "held"
        [event] = [e for e in case.events if e.action == "acknowledgement_held"]
        assert any("not in English" in reason for reason in event.detail["reasons"])
        assert session.scalars(select(OutboxMessage)).all() == []


def test_a_reply_joins_its_case(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail("I am complaining about my social worker not visiting."))
    runner = Runner(settings, engine)
    runner.poll_once(source_for(settings))
    deliver(settings.mailbox.path, make_mail("More information about my complaint: she missed a fourth visit.",
                                             subject="Re: CSC-2026-0001: we have received your complaint"))
    report = runner.poll_once(source_for(settings))
    assert report.outcomes["reply_to_case"] == 1
    assert count(engine, Case) == 1


def test_an_unreadable_message_is_quarantined_and_the_batch_goes_on(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, b"   \n")
    deliver(settings.mailbox.path, make_mail("I want to complain: nobody has replied to my letters."))
    report = Runner(settings, engine).poll_once(source_for(settings))
    assert report.outcomes == {"quarantined": 1, "processed": 1}
    with session_factory(engine)() as session:
        quarantined = session.scalars(select(InboundMessage).where(InboundMessage.state == "quarantined")).one()
        assert quarantined.raw == b"   \n" and "empty" in quarantined.outcome


def test_a_stage_2_request_starts_its_clock_and_tells_the_team(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail("I am complaining about my social worker not visiting."),
            WEDNESDAY_BEFORE_CHRISTMAS)
    runner = Runner(settings, engine)
    runner.poll_once(source_for(settings))
    deliver(settings.mailbox.path, make_mail(
        "I am not satisfied with the response and I want my complaint to go to Stage 2.",
        subject="Re: CSC-2026-0001: we have received your complaint"), dt.datetime(2027, 3, 1, 9, tzinfo=dt.timezone.utc))
    report = runner.poll_once(source_for(settings))
    assert report.outcomes["reply_to_case"] == 1
    with session_factory(engine)() as session:
        stage2 = session.scalar(select(Deadline).where(Deadline.deadline == "stage2_response"))
        assert stage2 is not None and stage2.due_date == dt.date(2027, 4, 7)  # Easter 2027 inside
        notice = session.scalar(select(OutboxMessage).where(OutboxMessage.purpose == "case_message_notice"))
        assert notice is not None and notice.to_address == settings.council.team_email
        assert "Stage 2" in notice.subject and "pat.example" not in notice.body_text
        actions = [e.action for e in session.scalars(select(CaseEvent).order_by(CaseEvent.id))]
        assert "escalation_requested" in actions and "message_added" in actions


def test_no_more_automatic_replies_to_one_address_than_allowed(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    for n in range(5):  # all five land in one batch
        deliver(settings.mailbox.path, make_mail(f"Complaint {n}: I am unhappy that the visit was cancelled."))
    Runner(settings, engine).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        states = sorted(c.acknowledgement for c in session.scalars(select(Case)))
    limit = settings.max_auto_replies_per_address_per_day
    assert states == ["held"] * (5 - limit) + ["queued"] * limit


def test_a_reply_to_our_acknowledgement_joins_the_case_without_a_reference(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail("I am complaining about my social worker not visiting."))
    runner = Runner(settings, engine)
    runner.poll_once(source_for(settings))
    with session_factory(engine)() as session:
        ours = session.scalars(select(OutboxMessage)).one().message_id
    assert ours.endswith("@northshire.example.org>")
    deliver(settings.mailbox.path, make_mail("Thank you. One more thing: she has not called me back either.",
                                             subject="Re: your message", headers={"In-Reply-To": ours}))
    assert runner.poll_once(source_for(settings)).outcomes["reply_to_case"] == 1
    assert count(engine, Case) == 1


def test_attachments_are_recorded_with_type_size_and_hash(settings: Settings, engine: Engine) -> None:
    assert settings.mailbox.path
    raw = (b"From: pat.example@example.org\r\nTo: complaints@northshire.example.org\r\nSubject: complaint\r\n"
           b"Message-ID: <att@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n"
           b"--X\r\nContent-Type: text/plain\r\n\r\nI want to complain; my letter is attached.\r\n"
           b"--X\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"../../letter.pdf\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--X--\r\n")
    deliver(settings.mailbox.path, raw)
    Runner(settings, engine).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        inbound = session.scalars(select(InboundMessage)).one()
        [attachment] = inbound.attachments
    assert attachment["filename"] == "letter.pdf" and attachment["size"] == 9
    assert attachment["content_type"] == "application/pdf" and len(attachment["sha256"]) == 64
