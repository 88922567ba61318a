"""An officer confirms or changes a case's eligibility decision, with a reason, in the case trail.

The automatic decision is advice. Nothing turns a complaint away without a person: the
acknowledge stage holds every `ineligible` case, and this is how the officer's decision
is recorded. Confirming records `eligibility_confirmed`; changing records
`eligibility_changed` with the decision before and after; both name the officer and the
reason, and the case keeps the automatic reasons beside the officer's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.db.models import Case, CaseEvent
from intake.eligibility import CLOSING, CODES, REVIEW
from intake.errors import IntakeError

DECISIONS = ("eligible", "ineligible", "needs_review")
ACTIONS = ("eligibility_confirmed", "eligibility_changed")


class OverrideRefused(IntakeError):
    exit_code = 2


def record_decision(session: Session, case: Case, decision: str, *, officer: str, reason: str,
                    at: dt.datetime, codes: tuple[str, ...] = ()) -> CaseEvent:
    """Apply the officer's decision to the case and record it; the event is returned."""
    _check(case, decision, officer, reason, codes)
    previous = case.eligibility_decision
    action = "eligibility_confirmed" if previous == decision else "eligibility_changed"
    case.eligibility_decision = decision
    detail: dict[str, Any] = {"previous": previous, "decision": decision, "reason": reason.strip(),
                              "codes": list(codes),
                              "automatic_codes": [r.get("code") for r in case.eligibility_reasons]}
    return record_event(session, case, at, officer.strip(), action, **detail)


def confirmation(case: Case) -> CaseEvent | None:
    """The officer's latest word on eligibility, or None while the automatic decision stands alone."""
    return next((e for e in reversed(case.events) if e.action in ACTIONS), None)


def _check(case: Case, decision: str, officer: str, reason: str, codes: tuple[str, ...]) -> None:
    problems = []
    if case.category != "complaint":
        problems.append(f"{case.reference} is a {case.category}, not a complaint: eligibility does not apply")
    if decision not in DECISIONS:
        problems.append(f"the decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if not officer.strip():
        problems.append("the officer's name is required")
    if not reason.strip():
        problems.append("a reason is required")
    unknown = [c for c in codes if c not in CODES]
    if unknown:
        problems.append(f"unknown reason codes {', '.join(unknown)} (known: {', '.join(CODES)})")
    if decision == "eligible" and codes:
        problems.append("an eligible decision takes no reason codes")
    if decision == "ineligible" and codes and not set(codes) & set(CLOSING):
        problems.append(f"an ineligible decision needs a code that closes the door ({', '.join(CLOSING)})")
    if decision == "needs_review" and codes and not set(codes) <= set(REVIEW):
        problems.append(f"needs_review takes only {', '.join(REVIEW)}")
    if problems:
        raise OverrideRefused("; ".join(problems))
