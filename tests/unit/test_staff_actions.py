"""The case-page actions (intake.staff_actions): each changes what it says, leaves its event in the
trail, and refuses with a sentence, changing nothing, when it must."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from intake.case_log import format_reference, next_number
from intake.casework import CaseworkRefused, close
from intake.config import Settings
from intake.db.models import (Case, CaseEvent, CaseMessage, Deadline, InboundMessage, Letter, OutboxMessage,
                              QuarantineRecord)
from intake.db.session import session_factory
from intake.eligibility.override import record_decision
from intake.notices.plan import plan
from intake.rendering import long_date
from intake.staff_actions import acknowledgement, consent, listing, manual_case, merge, notes
from tests.conftest import LONDON
from tests.helpers import make_mail

RECEIVED = dt.datetime(2026, 12, 23, 10, 0, tzinfo=LONDON)  # the Wednesday before Christmas
NOW = dt.datetime(2027, 1, 4, 11, 0, tzinfo=LONDON)
OFFICER = "A. Officer"


def reason(code: str) -> dict[str, str]:
    return {"stage": "check_eligibility", "code": code, "sentence": "...", "evidence": ""}


def add_message(session: Session, raw: bytes, *, state: str = "processed", outcome: str = "") -> InboundMessage:
    row = InboundMessage(identity=f"test:{hashlib.sha256(raw).hexdigest()}:{state}",
                         sha256=hashlib.sha256(raw).hexdigest(), message_id_header="<m1@example.org>",
                         channel="email", raw=raw, size=len(raw), received_at=RECEIVED, state=state,
                         outcome=outcome)
    session.add(row)
    session.flush()
    return row


def add_case(session: Session, settings: Settings, *, category: str = "complaint", decision: str = "eligible",
             reasons: list[dict[str, str]] | None = None, acknowledgement_state: str = "held",
             email: str = "pat.example@example.org", address: str = "", body: str = "My complaint.") -> Case:
    inbound = add_message(session, make_mail(body))
    number = next_number(session, 2026)
    case = Case(reference=format_reference(2026, number), year=2026, number=number, inbound_id=inbound.id,
                category=category, received_at=RECEIVED, eligibility_decision=decision,
                eligibility_reasons=reasons or [], acknowledgement=acknowledgement_state,
                complainant_name="Pat Example", complainant_email=email, complainant_address=address)
    session.add(case)
    calendar = settings.working_calendar()
    for deadline, days in (("acknowledgement", 3), ("stage1_response", 10)):
        session.add(Deadline(case=case, deadline=deadline, event="complaint_received",
                             event_date=RECEIVED.date(), working_days=days,
                             due_date=calendar.add_working_days(RECEIVED.date(), days),
                             calendar_version=calendar.version))
    session.flush()
    return case


def actions(session: Session, case: Case) -> list[str]:
    return list(session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case.id)
                                .order_by(CaseEvent.id)))


# notes

def test_a_note_is_kept_in_the_trail(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings)
        notes.add_note(session, case, "  Phoned the carer; they will send the plan.  ", OFFICER, NOW)
        reference = case.reference
    with session_factory(engine)() as session:
        [event] = session.scalars(select(CaseEvent).join(Case).where(Case.reference == reference))
        assert (event.action, event.actor, event.detail) == (
            "note_added", OFFICER, {"text": "Phoned the carer; they will send the plan."})


def test_an_empty_note_is_refused(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings)
        with pytest.raises(CaseworkRefused, match="a note needs some text"):
            notes.add_note(session, case, "   ", OFFICER, NOW)
        assert actions(session, case) == []


# consent

def test_consent_when_it_was_the_only_open_question_leaves_the_decision_to_an_officer(
        engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, decision="needs_review", reasons=[reason("consent_required")])
        event = consent.record_consent(session, case, by=OFFICER, at=NOW, how="signed form received")
        assert case.eligibility_decision == "needs_review"  # unchanged: an officer decides
        assert event.action == "consent_recorded" and event.detail["how"] == "signed form received"
        assert event.detail["ready_for_decision"] is True
        assert "an officer can now decide eligibility" in event.detail["note"]


def test_consent_with_another_open_question_says_what_is_still_open(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, decision="needs_review",
                        reasons=[reason("consent_required"), reason("standing_unclear")])
        event = consent.record_consent(session, case, by=OFFICER, at=NOW, how="confirmed by phone")
        assert event.detail["ready_for_decision"] is False
        assert event.detail["open_review_codes"] == ["consent_required", "standing_unclear"]
        assert "still open for an officer: standing_unclear" in event.detail["note"]


def test_consent_reads_the_officers_codes_over_the_automatic_ones(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, decision="eligible")
        record_decision(session, case, "needs_review", officer=OFFICER, reason="on behalf of her nephew",
                        at=NOW, codes=("consent_required",))
        session.flush()
        event = consent.record_consent(session, case, by=OFFICER, at=NOW, how="signed form received")
        assert event.detail["ready_for_decision"] is True


def test_consent_is_refused_for_a_compliment_or_without_how(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, category="compliment", decision="n/a")
        with pytest.raises(CaseworkRefused, match="not a complaint"):
            consent.record_consent(session, case, by=OFFICER, at=NOW, how="by phone")
        other = add_case(session, settings)
        with pytest.raises(CaseworkRefused, match="say how consent was given"):
            consent.record_consent(session, other, by=OFFICER, at=NOW, how=" ")
        assert actions(session, case) == actions(session, other) == []


# the held acknowledgement

def test_a_held_acknowledgement_is_previewed_then_sent_once_by_a_person(engine: Engine,
                                                                         settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings)
        due = acknowledgement.stage1_due(case)
        assert due is not None
        shown = acknowledgement.preview_acknowledgement(session, settings, case)
        assert (shown.channel, shown.template, shown.refusals) == ("email", "email/acknowledgement/complaint", ())
        assert case.reference in shown.subject and shown.html
        assert case.acknowledgement == "held" and session.scalar(select(func.count(OutboxMessage.id))) == 0
        queued = acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        assert (queued.channel, queued.new) == ("email", True)
        assert case.acknowledgement == "queued"
        with pytest.raises(CaseworkRefused, match="already queued"):
            acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        reference = case.reference
    with session_factory(engine)() as session:
        [row] = session.scalars(select(OutboxMessage))
        assert (row.purpose, row.dedupe_key, row.auto_submitted) == (
            "acknowledgement", f"acknowledgement:{reference}", False)
        assert row.to_address == "pat.example@example.org" and row.in_reply_to == "<m1@example.org>"
        assert long_date(due) in " ".join(row.body_text.split())  # the Stage 1 date from the case's deadlines
        [event] = session.scalars(select(CaseEvent).where(CaseEvent.action == "acknowledgement_released"))
        assert event.actor == OFFICER and event.detail["previous"] == "held"
        assert event.detail["message_id"] == row.message_id


def test_the_dedupe_is_the_automatic_ones(engine: Engine, settings: Settings) -> None:
    """A row already in the outbox under the automatic key: nothing is queued twice."""
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, acknowledgement_state="pending")
        acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        case.acknowledgement = "pending"  # as if the case had lost track of it
        with pytest.raises(CaseworkRefused, match="already in the outbox"):
            acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        assert session.scalar(select(func.count(OutboxMessage.id))) == 1


def test_a_case_changed_from_ineligible_to_eligible_can_now_be_acknowledged(engine: Engine,
                                                                             settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, decision="ineligible", reasons=[reason("other_organisation")])
        with pytest.raises(CaseworkRefused, match="ineligible reply instead"):
            acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        assert session.scalar(select(func.count(OutboxMessage.id))) == 0
        record_decision(session, case, "eligible", officer=OFFICER, reason="the social worker too", at=NOW)
        acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        assert actions(session, case)[-1] == "acknowledgement_released"
        assert session.scalar(select(func.count(OutboxMessage.id))) == 1


def test_a_writer_with_only_a_postal_address_gets_a_letter(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings, email="", address="1 Example Road\nNorthshire\nNS1 1AA")
        assert acknowledgement.preview_acknowledgement(session, settings, case).channel == "letter"
        queued = acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        assert queued.channel == "letter" and case.acknowledgement == "queued"
        [letter] = session.scalars(select(Letter))
        assert (letter.purpose, letter.created_by, letter.state) == ("acknowledgement", OFFICER, "queued")
        assert session.scalar(select(func.count(OutboxMessage.id))) == 0


@pytest.mark.parametrize(("change", "problem"), [
    ({"acknowledgement": "sent"}, "already sent"),
    ({"category": "out_of_scope"}, "only a complaint, compliment or suggestion"),
    ({"complainant_email": ""}, "no email or postal address"),
    ({"status": "merged"}, "merged into another case"),
])
def test_release_is_refused_when_it_must_be(engine: Engine, settings: Settings, change: dict[str, str],
                                            problem: str) -> None:
    with session_factory(engine).begin() as session:
        case = add_case(session, settings)
        for field, value in change.items():
            setattr(case, field, value)
        with pytest.raises(CaseworkRefused, match=problem):
            acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        assert session.scalar(select(func.count(OutboxMessage.id))) == 0
        assert "acknowledgement_released" not in actions(session, case)


# merging a duplicate

def test_a_duplicate_is_merged_with_its_messages(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        first = add_case(session, settings, body="The first time I wrote.")
        duplicate = add_case(session, settings, body="The same complaint, sent again.")
        later = add_message(session, make_mail("More about it."), state="reply_to_case")
        session.add(CaseMessage(case_id=duplicate.id, inbound_id=later.id, role="reply"))
        session.flush()
        linked = merge.merge_duplicate(session, duplicate, first, by=OFFICER, at=NOW,
                                       reason="the same complaint, sent twice")
        assert sorted(linked) == sorted([duplicate.inbound_id, later.id])
        ids = (first.id, duplicate.id, duplicate.inbound_id, later.id)
    first_id, duplicate_id, duplicate_inbound, later_id = ids
    with session_factory(engine)() as session:
        duplicate = session.get(Case, duplicate_id)
        first = session.get(Case, first_id)
        assert duplicate is not None and first is not None
        assert (duplicate.status, first.status) == ("merged", "open")
        joined = {m.inbound_id: (m.case_id, m.role) for m in session.scalars(select(CaseMessage))}
        assert joined == {duplicate_inbound: (first_id, "duplicate"), later_id: (first_id, "duplicate")}
        assert actions(session, duplicate) == ["merged_into"] and actions(session, first) == ["merged_from"]
        assert duplicate.events[0].detail["into"] == first.reference
        assert first.events[0].detail["duplicate"] == duplicate.reference
        assert first.events[0].detail["roles_before"] == {str(later_id): "reply"}
        assert merge.merged_into(duplicate) == first.reference


def test_a_merged_case_gets_no_notices(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        first = add_case(session, settings)
        duplicate = add_case(session, settings)
        merge.merge_duplicate(session, duplicate, first, by=OFFICER, at=NOW, reason="twice")
        late = dt.datetime(2027, 2, 10, 11, 0, tzinfo=LONDON)  # every deadline overdue
        planned = plan(session, settings, settings.working_calendar(), late)
        cases = {p.case_reference for p in planned if p.case_reference}
        assert first.reference in cases and duplicate.reference not in cases


def test_merging_is_refused_when_it_must_be(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        first, second, third = (add_case(session, settings) for _ in range(3))
        with pytest.raises(CaseworkRefused, match="into itself"):
            merge.merge_duplicate(session, first, first, by=OFFICER, at=NOW, reason="oops")
        merge.merge_duplicate(session, second, first, by=OFFICER, at=NOW, reason="twice")
        with pytest.raises(CaseworkRefused, match=f"already merged \\(into {first.reference}\\)"):
            merge.merge_duplicate(session, second, third, by=OFFICER, at=NOW, reason="again")
        with pytest.raises(CaseworkRefused, match="merge into an open case"):
            merge.merge_duplicate(session, third, second, by=OFFICER, at=NOW, reason="into the merged one")
        close(session, first, outcome="resolved", by=OFFICER, at=NOW)
        with pytest.raises(CaseworkRefused, match=f"{first.reference} is closed"):
            merge.merge_duplicate(session, third, first, by=OFFICER, at=NOW, reason="into a closed one")
        assert third.status == "open" and actions(session, third) == []


# messages with no case, and a case made by hand

AUTO_REPLY = make_mail("I am away until Monday. I want to complain that the review was cancelled.",
                       subject="Automatic reply: complaint", headers={"Auto-Submitted": "auto-replied"})


def test_listings_show_the_messages_with_no_case(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        add_case(session, settings)  # a message with a case: listed nowhere
        automated = add_message(session, AUTO_REPLY, state="automated", outcome="The message is an auto-reply.")
        broken = add_message(session, b"\x00\x01 not mail", state="quarantined", outcome="the message is empty")
        session.add(QuarantineRecord(inbound_id=broken.id, reason="UnparseableMessage", error_id="e1"))
    with session_factory(engine)() as session:
        [auto] = listing.automated(session)
        [quarantined] = listing.quarantined(session)
    assert (auto.id, auto.kind, auto.reason) == (automated.id, "automated", "The message is an auto-reply.")
    assert (auto.subject, auto.sender) == ("Automatic reply: complaint", "Pat Example <pat.example@example.org>")
    assert (quarantined.id, quarantined.reason, quarantined.error_id) == (broken.id, "UnparseableMessage", "e1")
    assert "from" not in auto.to_json(details=False) and auto.to_json()["from"] == auto.sender


def test_a_case_made_by_hand_from_automated_mail(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        inbound = add_message(session, AUTO_REPLY, state="automated", outcome="The message is an auto-reply.")
        case = manual_case.case_from_message(session, settings, inbound.id, category="complaint", by=OFFICER,
                                             at=NOW, calendar=settings.working_calendar(), limits=settings.limits)
        reference, inbound_id = case.reference, inbound.id
    with session_factory(engine)() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert (case.inbound_id, case.channel, case.category, case.eligibility_decision, case.acknowledgement) == (
            inbound_id, "email", "complaint", "needs_review", "held")
        assert (case.complainant_email, case.received_at) == ("pat.example@example.org", RECEIVED)
        assert {d.deadline for d in case.deadlines} >= {"acknowledgement", "stage1_response"}
        # The clocks run from when the council received it, as the pipeline's do.
        ack = next(d for d in case.deadlines if d.deadline == "acknowledgement")
        assert ack.event_date == RECEIVED.date()
        assert actions(session, case) == ["case_made_by_hand", "timetable_planned", "acknowledgement_held"]
        assert case.events[2].detail == {"reasons": [manual_case.HELD_BY_HAND]}
        assert case.events[0].actor == OFFICER and case.events[0].detail["previous_state"] == "automated"
        inbound = session.get(InboundMessage, inbound_id)
        assert inbound is not None and (inbound.state, inbound.outcome) == ("processed", reference)
        assert listing.automated(session) == []
    with session_factory(engine).begin() as session:
        with pytest.raises(CaseworkRefused, match=f"already belongs to case {reference}"):
            manual_case.case_from_message(session, settings, inbound_id, category="complaint", by=OFFICER,
                                          at=NOW, calendar=settings.working_calendar(), limits=settings.limits)
        # and a person then sends its acknowledgement, with the Stage 1 date planned by hand
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)
        [row] = session.scalars(select(OutboxMessage))
        assert row.case_id == case.id and row.auto_submitted is False


def test_a_case_made_by_hand_from_quarantine_resolves_the_record(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        inbound = add_message(session, b"   ", state="quarantined", outcome="the message is empty")
        session.add(QuarantineRecord(inbound_id=inbound.id, reason="the message is empty", error_id="e2"))
        session.flush()
        case = manual_case.case_from_message(session, settings, inbound.id, category="compliment", by=OFFICER,
                                             at=NOW, calendar=settings.working_calendar(), limits=settings.limits)
        assert (case.eligibility_decision, case.complainant_email) == ("n/a", "")
        assert [d.deadline for d in case.deadlines] == ["acknowledgement"]  # no statutory response clock
        record = session.scalars(select(QuarantineRecord)).one()
        assert (record.resolved_at, record.resolved_by) == (NOW, OFFICER)
        assert listing.quarantined(session) == []
        with pytest.raises(CaseworkRefused, match="no email or postal address"):
            acknowledgement.send_acknowledgement(session, settings, case, by=OFFICER, at=NOW)


def test_a_case_made_by_hand_is_screened_and_a_disclosure_alerts_the_duty_manager(
        engine: Engine, settings: Settings) -> None:
    """A quarantined message was never screened: making it a case must not skip the screen."""
    disclosure = make_mail("My social worker never rings back. Also my stepdad grabbed me by the throat "
                           "last night and I am scared to go home.")
    with session_factory(engine).begin() as session:
        inbound = add_message(session, disclosure, state="quarantined", outcome="could not be read")
        case = manual_case.case_from_message(session, settings, inbound.id, category="complaint", by=OFFICER,
                                             at=NOW, calendar=settings.working_calendar(), limits=settings.limits)
        assert case.flags == ["safeguarding"]  # the person did not tick it: the screen did
        assert any("throat" in hit["evidence"] for hit in case.hits)
        [alert] = session.scalars(select(OutboxMessage))
        assert (alert.purpose, alert.to_address) == ("safeguarding_alert", settings.duty_address)
        assert "throat" in alert.body_text and "pat.example" not in alert.body_text
        assert actions(session, case)[-1] == "safeguarding_alert_queued"
        assert case.acknowledgement == "held"


def test_a_case_made_by_hand_with_no_disclosure_sends_nothing(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        inbound = add_message(session, make_mail("The review meeting was cancelled twice without notice."),
                              state="automated", outcome="looked automated")
        case = manual_case.case_from_message(session, settings, inbound.id, category="complaint", by=OFFICER,
                                             at=NOW, calendar=settings.working_calendar(), limits=settings.limits)
        assert (case.flags, case.hits) == ([], [])
        assert session.scalars(select(OutboxMessage)).all() == []


def test_making_a_case_by_hand_is_refused_when_it_must_be(engine: Engine, settings: Settings) -> None:
    with session_factory(engine).begin() as session:
        waiting = add_message(session, make_mail("Not yet processed."), state="stored")
        calendar, limits = settings.working_calendar(), settings.limits
        with pytest.raises(CaseworkRefused, match="not been processed yet"):
            manual_case.case_from_message(session, settings, waiting.id, category="complaint", by=OFFICER,
                                          at=NOW, calendar=calendar, limits=limits)
        with pytest.raises(CaseworkRefused, match="no message 9999"):
            manual_case.case_from_message(session, settings, 9999, category="complaint", by=OFFICER,
                                          at=NOW, calendar=calendar, limits=limits)
        with pytest.raises(CaseworkRefused, match="the category must be one of"):
            manual_case.case_from_message(session, settings, waiting.id, category="out_of_scope", by=OFFICER,
                                          at=NOW, calendar=calendar, limits=limits)
        assert session.scalar(select(func.count(Case.id))) == 0
