"""Merge a duplicate case into the case that carries on (the same complaint, written twice).

The duplicate is not deleted, since nothing is ever lost: it is closed with status
`merged`, so it leaves the queue and gets no reminders or escalations (the notice scan
reads open cases only), and its messages (the one that opened it and any later ones)
are linked to the surviving case as `duplicate` messages, so the officer sees them all
in one place. Both trails say what happened, who did it and why.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.casework import CaseworkRefused
from intake.db.models import Case, CaseMessage

MERGED = "merged"
ENDED = ("closed", MERGED)


def merged_into(case: Case) -> str | None:
    """The reference of the case this one was merged into, or None."""
    event = next((e for e in reversed(case.events) if e.action == "merged_into"), None)
    return str(event.detail.get("into")) if event is not None else None


def surviving_case(session: Session, case: Case) -> Case:
    """The case a merged duplicate now lives in (following merges of merges); the case itself otherwise."""
    seen = {case.id}
    while case.status == "merged" and (reference := merged_into(case)) is not None:
        into = session.scalar(select(Case).where(Case.reference == reference))
        if into is None or into.id in seen:
            break
        seen.add(into.id)
        case = into
    return case


def merge_duplicate(session: Session, case: Case, into: Case, *, by: str, at: dt.datetime,
                    reason: str) -> list[int]:
    """Close `case` as merged into `into`; returns the inbound message ids now linked to `into`."""
    problems = []
    if case.id == into.id:
        problems.append(f"cannot merge {case.reference} into itself")
    elif case.status == MERGED:
        problems.append(f"{case.reference} is already merged (into {merged_into(case) or 'another case'})")
    elif into.status in ENDED:
        problems.append(f"{into.reference} is {into.status}: merge into an open case")
    if not reason.strip():
        problems.append("a reason is required")
    if not by.strip():
        problems.append("the name of the person merging is required")
    if problems:
        raise CaseworkRefused("; ".join(problems))
    later = list(session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id)
                                 .order_by(CaseMessage.id)))
    moved = {row.inbound_id: row.role for row in later}
    for row in later:
        row.case_id, row.role = into.id, "duplicate"
    if case.inbound_id is not None and case.inbound_id not in moved:
        session.add(CaseMessage(case_id=into.id, inbound_id=case.inbound_id, role="duplicate", added_at=at))
    linked = ([case.inbound_id] if case.inbound_id is not None else []) + list(moved)
    previous, case.status = case.status, MERGED
    record_event(session, case, at, by.strip(), "merged_into", into=into.reference, reason=reason.strip(),
                 previous_status=previous, inbound_ids=linked)
    record_event(session, into, at, by.strip(), "merged_from", duplicate=case.reference, reason=reason.strip(),
                 inbound_ids=linked, roles_before={str(k): v for k, v in moved.items()})
    return linked
