"""Which acknowledgement a case gets, and its words (rendered from templates/)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from intake.config import Settings
from intake.db.models import Case
from intake.rendering import render

SUBJECTS = {
    "complaint": "{reference}: we have received your complaint",
    "compliment": "{reference}: thank you for your compliment",
    "suggestion": "{reference}: thank you for your suggestion",
}
_NAME = re.compile(r"^[^\W\d_][\w .'-]{0,60}$")


@dataclass(frozen=True)
class Rendered:
    template: str
    subject: str
    text: str
    html: str


def kind_for(case: Case) -> str:
    """The template under `email/` or `letter/`: acknowledgement/complaint, ..._young_person, ..."""
    if case.category == "complaint" and "young_person" in case.flags:
        return "acknowledgement/complaint_young_person"
    return f"acknowledgement/{case.category}"


def template_for(case: Case) -> str:
    return f"email/{kind_for(case)}"


def greeting_name(display_name: str) -> str | None:
    """The sender's display name if it looks like a name; otherwise a neutral greeting is used."""
    name = " ".join(display_name.split())
    if not name or "@" in name or not _NAME.match(name):
        return None
    return name


def subject_for(case: Case) -> str:
    return SUBJECTS[case.category].format(reference=case.reference)


def case_context(case: Case, settings: Settings) -> dict[str, Any]:
    """The `case` object every message to the public receives: no address, no email."""
    return {"reference": case.reference, "category": case.category,
            "received_on": case.received_at.astimezone(settings.tz).date(),
            "greeting_name": greeting_name(case.complainant_name)}


def acknowledgement_context(case: Case, settings: Settings, stage1_due: dt.date | None) -> dict[str, Any]:
    context: dict[str, Any] = {
        "council": settings.council.template_context(),
        "case": case_context(case, settings),
        "acknowledgement_days": settings.limits.acknowledgement,
    }
    if case.category == "complaint":
        assert stage1_due is not None
        context["stage1_due_date"] = stage1_due
    return context


def render_acknowledgement(case: Case, settings: Settings, stage1_due: dt.date | None) -> Rendered:
    base = template_for(case)
    context = acknowledgement_context(case, settings, stage1_due)
    return Rendered(base, subject_for(case),
                    render(f"{base}.txt.j2", **context), render(f"{base}.html.j2", **context))
