"""Reminders, escalations and the digest over a case's whole life, with a controlled clock.

Received on the Wednesday before Christmas 2026, acknowledged, Stage 1 extended,
escalated to Stage 2 with the Easter bank holidays inside the investigation,
Stage 3 requested on the last allowed day: every notice on its exact day, once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from intake import casework
from intake.config import Settings
from intake.db.models import Case, CaseEvent, Deadline, Notice, OutboxMessage
from intake.db.session import session_factory
from intake.notices.plan import plan
from intake.notices.queue import send_due
from intake.outbox.sender import send_pending
from intake.runner import Runner
from intake.services import source_for, transport_for
from intake.timetable import Event
from tests.conftest import LONDON
from tests.helpers import deliver, make_mail

ROOT = Path(__file__).resolve().parents[2]
RECEIVED = dt.datetime(2026, 12, 23, 10, 0, tzinfo=LONDON)  # the Wednesday before Christmas


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def log_complaint(settings: Settings, engine: Engine, when: dt.datetime = RECEIVED) -> str:
    assert settings.mailbox.path
    deliver(settings.mailbox.path, make_mail("I want to complain: my son's social worker cancelled three "
                                             "visits this month and never told us why."), when)
    Runner(settings, engine, clock=lambda: when).poll_once(source_for(settings))
    send_pending(engine, settings, transport_for(settings), clock=lambda: when)  # the acknowledgement goes
    with session_factory(engine)() as session:
        return session.scalars(select(Case.reference).order_by(Case.id.desc())).first() or ""


def scan(settings: Settings, engine: Engine, moment: dt.datetime) -> list[tuple[str, str]]:
    with session_factory(engine)() as session, session.begin():
        return [(n.kind, n.deadline) for n in send_due(session, settings, settings.working_calendar(), moment)]


def step(settings: Settings, engine: Engine, reference: str, action: str, day: dt.date) -> None:
    moment, calendar = at(day, 8), settings.working_calendar()
    with session_factory(engine)() as session, session.begin():
        case = casework.find_case(session, reference)
        if action == "assign":
            casework.assign(session, case, "officer.one@northshire.example.org", by="Team Manager", at=moment)
        elif action == "extend":
            casework.extend(session, case, "stage1_response", reason="complex: three services involved",
                            by="Team Manager", at=moment, calendar=calendar, limits=settings.limits)
        else:
            casework.record_step(session, case, Event(action), day, by="Officer One", at=moment,
                                 calendar=calendar, limits=settings.limits)


def due_of(engine: Engine, reference: str) -> dict[str, dt.date]:
    with session_factory(engine)() as session:
        rows = session.execute(select(Deadline.deadline, Deadline.due_date).join(Case, Deadline.case_id == Case.id)
                               .where(Case.reference == reference)).all()
        return {name: due for name, due in rows}


def test_a_case_whole_life_gets_each_notice_on_its_day_once(settings: Settings, engine: Engine) -> None:
    reference = log_complaint(settings, engine)
    calendar = settings.working_calendar()
    # Each step before the scan at the hour given: the officer is assigned after the 09:00 scan,
    # the Stage 1 response goes out first thing on its (extended) due day.
    steps = {(dt.date(2026, 12, 24), 13): "assign", (dt.date(2027, 1, 5), 13): "extend",
             (dt.date(2027, 1, 25), 7): Event.stage1_response_sent.value,
             (dt.date(2027, 3, 1), 13): Event.stage2_requested.value,
             (dt.date(2027, 4, 14), 13): Event.stage2_adjudication_sent.value,
             (dt.date(2027, 5, 13), 13): Event.stage3_requested.value}
    sent: list[tuple[dt.date, str, str]] = []
    day = RECEIVED.date()
    while day <= dt.date(2027, 5, 14):
        for hour in (7, 9, 13, 18):  # before, in and after working hours
            if (day, hour) in steps:
                step(settings, engine, reference, steps[day, hour], day)
            if day == dt.date(2027, 3, 10) and hour == 13:
                engine.dispose()  # a restart: a new process would start with nothing in memory
            sent += [(day, kind, deadline) for kind, deadline in scan(settings, engine, at(day, hour))]
        day += dt.timedelta(days=1)

    deadline_notices = [s for s in sent if s[1] != "digest"]
    assert deadline_notices == [
        (dt.date(2026, 12, 24), "unassigned", ""),  # 1 working day, no officer yet (assigned after the 09:00 scan)
        (dt.date(2027, 1, 21), "reminder", "stage1_response"),  # extended to 25 January; 2 working days before
        (dt.date(2027, 4, 5), "reminder", "stage2_response"),  # due 7 April: Good Friday and Easter Monday skipped
        (dt.date(2027, 4, 7), "escalation", "stage2_response"),  # the due day, not met
        (dt.date(2027, 4, 12), "senior_escalation", "stage2_response"),  # 3 working days overdue
    ]
    digests = [s[0] for s in sent if s[1] == "digest"]
    working_days = [d for d in (RECEIVED.date() + dt.timedelta(days=n) for n in range(143))
                    if d <= dt.date(2027, 5, 14) and calendar.is_working_day(d)]
    assert digests == working_days  # one a working day, at the first scan after 08:30
    assert not any(s[0].weekday() >= 5 or not calendar.is_working_day(s[0]) for s in sent)

    due = due_of(engine, reference)
    assert due["stage1_response"] == dt.date(2027, 1, 25)  # 20 working days: Christmas, Boxing Day (28th), New Year
    assert due["stage2_response"] == dt.date(2027, 4, 7)  # 25 working days across Easter 2027
    assert due["stage3_request"] == dt.date(2027, 5, 13)  # requested on the last allowed day (early May bank holiday)
    assert due["stage3_panel"] == calendar.add_working_days(dt.date(2027, 5, 13), 30)
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Notice)) == len(sent)
        actions = [e.action for e in session.scalars(select(CaseEvent).join(Case).where(Case.reference == reference))]
        assert {"officer_assigned", "deadline_extended", "step_recorded"} <= set(actions)
        assert session.scalar(select(Case.stage).where(Case.reference == reference)) == 3


def test_notices_missed_while_down_go_once_on_start(settings: Settings, engine: Engine) -> None:
    reference = log_complaint(settings, engine)
    # Down from before the due date (11 January 2027) until 18 January: 5 working days overdue.
    first = scan(settings, engine, at(dt.date(2027, 1, 18), 9, 5))
    assert sorted(k for k, _ in first if k != "digest") == [
        "escalation", "senior_escalation", "unassigned"]  # once each, no reminder for a day gone by
    assert [k for k, _ in scan(settings, engine, at(dt.date(2027, 1, 18), 9, 10))] == []
    assert [k for k, _ in scan(settings, engine, at(dt.date(2027, 1, 19), 9, 0))] == ["digest"]
    with session_factory(engine)() as session:
        notices = session.scalars(select(OutboxMessage).where(OutboxMessage.purpose == "deadline_notice")).all()
        by_recipient = {row.to_address: row for row in notices}
        assert set(by_recipient) == {settings.notices.team_manager, settings.notices.senior_manager}
        manager = by_recipient[settings.notices.team_manager].body_text
        assert reference in manager and "5 working days overdue" in manager and "No officer assigned" in manager
        assert settings.case_url(reference) in manager
        html = by_recipient[settings.notices.team_manager].body_html or ""
        assert f'href="{settings.case_url(reference)}"' in html and "5 working days" in html
        digest = session.scalars(select(OutboxMessage).where(OutboxMessage.purpose == "digest")).first()
        assert digest is not None and reference in digest.body_text and reference in (digest.body_html or "")


def test_nothing_goes_out_on_a_non_working_day_or_out_of_hours(settings: Settings, engine: Engine) -> None:
    log_complaint(settings, engine)
    with session_factory(engine)() as session:
        for moment in (at(dt.date(2026, 12, 25), 10), at(dt.date(2026, 12, 28), 10),  # Christmas, Boxing Day sub
                       at(dt.date(2027, 1, 9), 10), at(dt.date(2027, 1, 12), 7), at(dt.date(2027, 1, 12), 18)):
            assert [n.kind for n in plan(session, settings, settings.working_calendar(), moment)
                    if n.kind != "digest"] == [], moment


def test_a_closed_case_or_a_met_deadline_gets_no_more_notices(settings: Settings, engine: Engine) -> None:
    reference = log_complaint(settings, engine)
    step(settings, engine, reference, "assign", dt.date(2026, 12, 24))
    step(settings, engine, reference, Event.stage1_response_sent.value, dt.date(2027, 1, 7))
    assert [k for k, _ in scan(settings, engine, at(dt.date(2027, 1, 11), 9)) if k != "digest"] == []
    other = log_complaint(settings, engine, at(dt.date(2027, 1, 4), 10))
    with session_factory(engine)() as session, session.begin():
        casework.close(session, casework.find_case(session, other), outcome="resolved", by="Officer", at=RECEIVED)
    assert [k for k, _ in scan(settings, engine, at(dt.date(2027, 1, 20), 9)) if k != "digest"] == []


def test_a_pause_stops_notices_and_moves_every_open_deadline(settings: Settings, engine: Engine) -> None:
    reference = log_complaint(settings, engine)
    step(settings, engine, reference, "assign", dt.date(2026, 12, 24))
    calendar = settings.working_calendar()
    with session_factory(engine)() as session, session.begin():
        casework.pause(session, casework.find_case(session, reference), dt.date(2027, 1, 4),
                       reason="consent awaited", by="Officer One", at=RECEIVED)
    assert [k for k, _ in scan(settings, engine, at(dt.date(2027, 1, 14), 9)) if k != "digest"] == []
    with session_factory(engine)() as session, session.begin():
        days = casework.resume(session, casework.find_case(session, reference), dt.date(2027, 1, 11),
                               by="Officer One", at=RECEIVED, calendar=calendar)
    assert days == 5  # 5 to 11 January
    assert due_of(engine, reference)["stage1_response"] == calendar.add_working_days(dt.date(2027, 1, 11), 5)
    with session_factory(engine)() as session, session.begin():
        with pytest.raises(casework.CaseworkRefused, match="not paused"):
            casework.resume(session, casework.find_case(session, reference), dt.date(2027, 1, 12),
                            by="Officer One", at=RECEIVED, calendar=calendar)


def test_a_new_bank_holiday_moves_open_deadlines_and_says_so(settings: Settings, engine: Engine) -> None:
    reference = log_complaint(settings, engine)
    before = due_of(engine, reference)["stage1_response"]
    closed = Settings(**{**settings.__dict__, "closure_days": (dt.date(2027, 1, 4),)})
    with session_factory(engine)() as session, session.begin():
        moved = casework.recompute_deadlines(session, closed.working_calendar(), closed.limits, RECEIVED)
    assert moved == 1  # the acknowledgement was met: only the Stage 1 response moves
    assert due_of(engine, reference)["stage1_response"] == closed.working_calendar().next_working_day(before)
    with session_factory(engine)() as session, session.begin():
        assert casework.recompute_deadlines(session, closed.working_calendar(), closed.limits, RECEIVED) == 0
        event = session.scalars(select(CaseEvent).where(CaseEvent.action == "deadline_recomputed")).one()
        assert event.detail["old_due_date"] == before.isoformat()
        versions = dict(session.execute(select(Deadline.deadline, Deadline.calendar_version)).all())
        assert versions["stage1_response"] == closed.working_calendar().version
        assert versions["acknowledgement"] == settings.working_calendar().version  # met: kept as it was


TWO_WORKERS = textwrap.dedent("""
    import datetime as dt, json, sys, time
    from pathlib import Path
    from zoneinfo import ZoneInfo
    from intake import config
    from intake.db.session import make_engine, session_factory
    from intake.notices.queue import send_due
    settings = config.load(environ={"INTAKE_DATABASE_URL": sys.argv[1]}, base_dir=Path(sys.argv[2]))
    engine = make_engine(settings.database_url)
    start = float(sys.argv[3])
    time.sleep(max(0.0, start - time.time()))  # both workers scan at the same instant
    moment = dt.datetime(2027, 1, 18, 9, 5, tzinfo=ZoneInfo("Europe/London"))
    with session_factory(engine)() as session, session.begin():
        claimed = send_due(session, settings, settings.working_calendar(), moment)
    print(json.dumps(len(claimed)))
""")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_two_processes_scanning_at_once_send_each_notice_once(settings: Settings, engine: Engine,
                                                             tmp_path: Path, database_url: str) -> None:
    assert settings.mailbox.path
    for n in range(20):
        deliver(settings.mailbox.path, make_mail(f"Complaint {n}: the social worker has not visited since "
                                                 "October and nobody returns my calls."), RECEIVED)
    Runner(settings, engine, clock=lambda: RECEIVED).poll_once(source_for(settings))
    with session_factory(engine)() as session:
        cases = session.scalar(select(func.count()).select_from(Case))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.time() + 3
    workers = [subprocess.Popen([sys.executable, "-c", TWO_WORKERS, database_url, str(tmp_path), str(start)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    claimed = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err[-2000:]
        claimed.append(json.loads(out))
    with session_factory(engine)() as session:
        keys = session.scalars(select(Notice.key)).all()
        notice_mail = session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose.in_(["deadline_notice", "digest"]))).all()
    # Per case: escalation and senior escalation of the stage 1 response and of the acknowledgement
    # when it was held, plus unassigned; and one digest. Whoever claimed them, they exist once.
    assert sum(claimed) == len(keys) == len(set(keys)) and len(keys) >= 3 * cases + 1
    assert sum(row.purpose == "digest" for row in notice_mail) == 1
    recipients = [row.to_address for row in notice_mail if row.purpose == "deadline_notice"]
    assert len(recipients) <= 2 * len(set(recipients))  # at most one email per recipient per worker


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_intake_due_shows_what_would_be_sent_and_sends_nothing(settings: Settings, engine: Engine,
                                                              tmp_path: Path, database_url: str) -> None:
    reference = log_complaint(settings, engine)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATABASE_URL": database_url,
           "INTAKE_MAILBOX_URL": f"maildir://{tmp_path / 'mailbox'}",
           "INTAKE_OUTBOUND_URL": f"folder://{tmp_path / 'outbox'}"}

    def due(moment: str) -> list[dict[str, object]]:
        result = subprocess.run([sys.executable, "-m", "intake", "due", "--at", moment, "--json"], env=env,
                                cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    assert due("2026-12-25T10:00") == []  # Christmas Day
    [digest, reminder, unassigned] = sorted(due("2027-01-07T10:00"), key=lambda n: str(n["kind"]))
    assert reminder == {"case_reference": reference, "deadline": "stage1_response", "due_date": "2027-01-11",
                        "kind": "reminder", "to": settings.council.team_email, "working_days": 2}
    assert unassigned["kind"] == "unassigned" and digest["kind"] == "digest"
    late = {n["kind"]: n for n in due("2027-01-14T09:30")}
    assert late["escalation"]["to"] == settings.notices.team_manager
    assert late["senior_escalation"]["working_days"] == -3
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Notice)) == 0  # nothing was sent
    bad = subprocess.run([sys.executable, "-m", "intake", "due", "--at", "next tuesday"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "2026-12-23T09:30" in bad.stderr
