"""Staff corrections of a case's category or flags: applied, recorded in the trail, kept for training.

A correction changes the case at once (the queue re-sorts, a new safeguarding
flag holds the acknowledgement) and is stored with the model that erred, so
`intake train --with-corrections` learns from the team's own judgement.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.corpus import CATEGORIES, LabelledMessage
from intake.case_log import record_event
from intake.db.models import Case, Correction, InboundMessage
from intake.errors import IntakeError
from intake.item import Flag
from intake.parsing import parse_message

CORRECTABLE_FLAGS = (Flag.safeguarding.value, Flag.young_person.value)


class CorrectionRefused(IntakeError):
    exit_code = 2


def correct(session: Session, case: Case, field: str, new_value: str, *, officer: str, reason: str,
            at: dt.datetime, evidence: str = "") -> Correction | None:
    """Apply one change; None when the case already says so (nothing to learn, nothing recorded)."""
    if not officer.strip() or not reason.strip():
        raise CorrectionRefused("a correction needs the officer's name and a reason")
    if field == "category":
        if new_value not in CATEGORIES:
            raise CorrectionRefused(f"category must be one of {', '.join(CATEGORIES)}, not {new_value!r}")
        old_value = case.category
        if old_value == new_value:
            return None
        case.category, case.category_review = new_value, False
    elif field in CORRECTABLE_FLAGS:
        if new_value not in ("true", "false"):
            raise CorrectionRefused(f"{field} must be true or false, not {new_value!r}")
        old_value = "true" if field in case.flags else "false"
        if old_value == new_value:
            return None
        case.flags = sorted(set(case.flags) - {field} | ({field} if new_value == "true" else set()))
    else:
        raise CorrectionRefused(f"cannot correct {field!r}: only category, "
                                f"{' or '.join(CORRECTABLE_FLAGS)}")
    correction = Correction(case=case, field=field, old_value=old_value, new_value=new_value,
                            evidence=evidence, officer=officer, reason=reason,
                            model=case.category_model, created_at=at)
    session.add(correction)
    record_event(session, case, at, officer, "corrected", field=field, old=old_value, new=new_value,
                 reason=reason)
    return correction


def training_messages(session: Session) -> Iterator[LabelledMessage]:
    """One labelled message per corrected case, labelled as the case stands now (after staff)."""
    corrected = select(Case, InboundMessage).join(InboundMessage, Case.inbound_id == InboundMessage.id).where(
        Case.id.in_(select(Correction.case_id)))
    for case, inbound in session.execute(corrected):
        parsed = parse_message(inbound.raw)
        evidence = tuple(e for (e,) in session.execute(
            select(Correction.evidence).where(Correction.case_id == case.id, Correction.field == "safeguarding",
                                              Correction.new_value == "true", Correction.evidence != "")))
        flagged = Flag.safeguarding.value in case.flags
        text = parsed.newest_text
        yield LabelledMessage(
            id=f"correction-{case.reference}", subject=parsed.subject, text=text, category=case.category,
            safeguarding=flagged, safeguarding_evidence=tuple(e for e in evidence if e in text) if flagged else (),
            young_person=Flag.young_person.value in case.flags, voice="correction")
