"""The duty manager's alert for a case with a safeguarding flag, queued at once.

Shared by the pipeline (a flagged message, before any reply is thought of) and a case
made by hand from a quarantined or automated message, so both alert with the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.config import Settings
from intake.db.models import Case
from intake.outbox.compose import queue_email
from intake.rendering import render


def queue_safeguarding_alert(session: Session, settings: Settings, case: Case, evidence: Sequence[str],
                             now: dt.datetime, actor: str = "system") -> None:
    """Once per case (the outbox dedupes on the reference); no writer's name or address in it."""
    context = {"council": settings.council.template_context(),
               "case": {"reference": case.reference, "received_on": case.received_at.astimezone(settings.tz).date()},
               "received_at": case.received_at.astimezone(settings.tz),
               "case_url": settings.case_url(case.reference),
               "evidence": list(evidence)}
    row = queue_email(session, settings, dedupe_key=f"safeguarding_alert:{case.reference}",
                      purpose="safeguarding_alert", to=settings.duty_address,
                      subject=f"URGENT safeguarding: {case.reference}",
                      body_text=render("notice/duty/safeguarding_alert.txt.j2", **context),
                      body_html=None, now=now, case=case, new_case=True)
    record_event(session, case, now, actor, "safeguarding_alert_queued", message_id=row.message_id)
