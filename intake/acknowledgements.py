"""Which acknowledgement a case gets, and its words (rendered from templates/)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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


def template_for(case: Case) -> str:
    if case.category == "complaint" and "young_person" in case.flags:
        return "email/acknowledgement/complaint_young_person"
    return f"email/acknowledgement/{case.category}"


def greeting_name(display_name: str) -> str | None:
    """The sender's display name if it looks like a name; otherwise a neutral greeting is used."""
    name = " ".join(display_name.split())
    if not name or "@" in name or not _NAME.match(name):
        return None
    return name


def render_acknowledgement(case: Case, settings: Settings, stage1_due: dt.date | None) -> Rendered:
    base = template_for(case)
    context = {
        "council": settings.council.template_context(),
        "case": {"reference": case.reference, "category": case.category,
                 "received_on": case.received_at.astimezone(settings.tz).date(),
                 "greeting_name": greeting_name(case.complainant_name)},
        "acknowledgement_days": settings.limits.acknowledgement,
    }
    if case.category == "complaint":
        assert stage1_due is not None
        context["stage1_due_date"] = stage1_due
    return Rendered(base, SUBJECTS[case.category].format(reference=case.reference),
                    render(f"{base}.txt.j2", **context), render(f"{base}.html.j2", **context))
