"""Replies a person decides to send, never the pipeline: the ineligible reply and the
request for consent. Each goes to the complainant once, threaded to their message, with
the case reference in the subject, and leaves an event in the case trail naming the officer.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import eligibility
from intake.acknowledgements import case_context, greeting_name
from intake.case_log import record_event
from intake.config import Settings
from intake.db.models import Case, InboundMessage
from intake.eligibility.matching import analyse
from intake.eligibility.override import confirmation
from intake.eligibility.rules import load_rules
from intake.errors import IntakeError
from intake.parsing import parse_message
from intake.replies import Queued, original_message_id, send_to_complainant

log = logging.getLogger("intake.replies")


class ReplyRefused(IntakeError):
    exit_code = 2


def closing_codes(case: Case, officer_codes: tuple[str, ...] = ()) -> list[str]:
    """The reasons the reply gives: the officer's closing codes, else the automatic ones."""
    chosen = set(officer_codes) or {str(r.get("code")) for r in case.eligibility_reasons}
    return [code for code in eligibility.CLOSING if code in chosen]


def signposting_for(session: Session, settings: Settings, case: Case, codes: list[str]) -> list[str]:
    """Where the rules file points the writer for these codes, read from their own message."""
    text = _complaint_text(session, case)
    rules = load_rules(settings.eligibility_rules_file)
    analysis = analyse(text, case.received_at.astimezone(settings.tz).date(), rules)
    # The same function the automatic decision uses, so the reply matches what staff saw.
    return eligibility._signposting(analysis, set(codes))


def queue_ineligible_reply(session: Session, settings: Settings, case: Case, *, officer: str,
                           now: dt.datetime, codes: tuple[str, ...] = (),
                           extra_signposting: tuple[str, ...] = ()) -> Queued | None:
    """The reply to a complaint an officer has confirmed is outside the procedure."""
    reasons = closing_codes(case, codes)
    signposting = signposting_for(session, settings, case, reasons)
    signposting += [text.strip() for text in extra_signposting if text.strip()]
    kind = "complaint_young_person" if "young_person" in case.flags else "complaint"
    context: dict[str, Any] = {"council": settings.council.template_context(),
                               "case": case_context(case, settings), "reasons": reasons,
                               "signposting": list(dict.fromkeys(signposting))}
    queued = send_to_complainant(session, settings, case, purpose="ineligible_reply",
                                 template=f"ineligible/{kind}", context=context,
                                 subject=f"{case.reference}: your complaint", now=now, actor=officer,
                                 in_reply_to=original_message_id(session, case))
    if queued is not None and queued.new:
        record_event(session, case, now, officer, "ineligible_reply_queued", channel=queued.channel,
                     template=queued.template, codes=reasons, **queued.detail)
    return queued


def consent_required(case: Case) -> bool:
    codes = {str(r.get("code")) for r in case.eligibility_reasons}
    latest = confirmation(case)
    if latest is not None:
        codes |= set(latest.detail.get("codes") or [])
    return "consent_required" in codes


def queue_consent_request(session: Session, settings: Settings, case: Case, *, officer: str,
                          now: dt.datetime, young_person_name: str = "") -> Queued | None:
    """Ask the representative for the young person's consent, with a note they can pass on."""
    problems = []
    if case.category != "complaint":
        problems.append(f"{case.reference} is a {case.category}, not a complaint")
    if not consent_required(case):
        problems.append(f"{case.reference} is not flagged consent_required (record it first with "
                        "`intake cases decide --decision needs_review --code consent_required`)")
    name = greeting_name(young_person_name) if young_person_name.strip() else None
    if young_person_name.strip() and name is None:
        problems.append("--young-person-name must be a name (letters, spaces, ' . -; at most 60 characters)")
    if not officer.strip():
        problems.append("the officer's name is required")
    if problems:
        raise ReplyRefused("; ".join(problems))
    context = {"council": settings.council.template_context(), "case": case_context(case, settings),
               "young_person_name": name}
    queued = send_to_complainant(session, settings, case, purpose="consent_request",
                                 template="consent/request", context=context,
                                 subject=f"{case.reference}: we need the young person's consent", now=now,
                                 actor=officer.strip(), in_reply_to=original_message_id(session, case))
    if queued is not None and queued.new:
        record_event(session, case, now, officer.strip(), "consent_requested", channel=queued.channel,
                     template=queued.template, **queued.detail)
    return queued


def _complaint_text(session: Session, case: Case) -> str:
    if case.inbound_id is None:
        return ""
    raw = session.scalar(select(InboundMessage.raw).where(InboundMessage.id == case.inbound_id))
    if raw is None:
        return ""
    try:
        return parse_message(raw).newest_text
    except Exception:  # noqa: BLE001 - a letter's scan or odd mail: signposting from the codes alone
        log.warning("signposting_text_unreadable case_reference=%s", case.reference)
        return ""
