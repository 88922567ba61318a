"""The young person's consent is now shown (a signed form came back, or they confirmed by phone).

A complaint made on behalf of a young person waits for their consent
(`consent_required`). Recording it does not change the eligibility decision by itself:
an officer decides eligibility (`intake cases decide`). The event says plainly whether
consent was the only open question, so the officer knows the decision is now theirs to make.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.casework import CaseworkRefused
from intake.db.models import Case, CaseEvent
from intake.eligibility import REVIEW
from intake.eligibility.override import confirmation


def open_review_codes(case: Case) -> list[str]:
    """The review reasons standing on the case: the officer's latest codes, else the automatic ones."""
    latest = confirmation(case)
    officer_codes = list(latest.detail.get("codes") or []) if latest is not None else []
    codes = officer_codes or [str(r.get("code")) for r in case.eligibility_reasons]
    return [code for code in REVIEW if code in codes]


def record_consent(session: Session, case: Case, *, by: str, at: dt.datetime, how: str) -> CaseEvent:
    """Record `consent_recorded` with how it was given; the decision itself is left to an officer."""
    problems = []
    if case.category != "complaint":
        problems.append(f"{case.reference} is a {case.category}, not a complaint: consent applies to complaints")
    if not how.strip():
        problems.append("say how consent was given (e.g. signed form received, confirmed by phone)")
    if not by.strip():
        problems.append("the name of the person recording consent is required")
    if problems:
        raise CaseworkRefused("; ".join(problems))
    open_codes = open_review_codes(case)
    detail: dict[str, Any] = {
        "how": how.strip(), "eligibility_decision": case.eligibility_decision, "open_review_codes": open_codes,
        # True: an officer can now decide (`intake cases decide`); nothing here changes the decision.
        "ready_for_decision": case.eligibility_decision == "needs_review" and open_codes == ["consent_required"],
        "note": _note(case.eligibility_decision, open_codes)}
    return record_event(session, case, at, by.strip(), "consent_recorded", **detail)


def _note(decision: str, open_codes: list[str]) -> str:
    """One honest sentence for the trail: what consent settles, and what it leaves to an officer."""
    if "consent_required" not in open_codes:
        return "consent recorded; the case was not waiting on consent"
    others = [code for code in open_codes if code != "consent_required"]
    if decision != "needs_review":
        return f"consent recorded; the eligibility decision stays {decision}"
    if others:
        return f"consent is shown; still open for an officer: {', '.join(others)}"
    return ("consent was the only open review reason: an officer can now decide eligibility "
            "(the decision is unchanged until they do)")
