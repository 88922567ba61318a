"""Analyse one message with every look-only stage: no database, no mail, no side effects."""

from __future__ import annotations

import datetime as dt
from typing import Any

from classifiers import registry
from intake import pipeline
from intake.config import Settings
from intake.item import NOT_ENGLISH, Flag, IntakeItem, ParsedMessage


class Analyser:
    def __init__(self, settings: Settings) -> None:
        self.ctx = pipeline.Context(
            settings=settings, calendar=settings.working_calendar(),
            clock=lambda: dt.datetime.now(dt.timezone.utc),
            classifiers=registry.create_defaults())

    def analyse(self, raw: bytes, received_at: dt.datetime, channel: str = "email") -> dict[str, Any]:
        item = IntakeItem(raw=raw, received_at=received_at, channel=channel)
        try:
            outcome = pipeline.run(item, self.ctx, pipeline.ANALYSIS_STAGES)
        except Exception as exc:  # noqa: BLE001 - as the runner would: quarantined, with the reason
            outcome, item.stop_reason = "quarantined", f"{type(exc).__name__} while analysing"
        return {
            "category": item.category.value if item.category else None,
            "confidence": item.confidence,
            "automated": Flag.automated in item.flags,
            "reply_to_case": Flag.reply_to_case in item.flags,
            "escalation_request": Flag.escalation_request in item.flags,
            "case_reference": item.case_reference,
            "safeguarding": Flag.safeguarding in item.flags,
            "young_person": Flag.young_person in item.flags,
            "not_english": bool(item.evidence_for(NOT_ENGLISH)),
            "eligibility": item.eligibility.to_json(),
            "outcome": outcome,
            "reason": item.stop_reason or None,
            "category_model": item.category_model or None,
            "category_review": item.category is not None and item.confidence < self.ctx.settings.category_threshold
            and Flag.automated not in item.flags,
            "categories": [{"category": c, "score": s} for c, s in sorted(
                item.category_scores.items(), key=lambda kv: kv[1], reverse=True)[:2]],
            "safeguarding_evidence": [h.evidence for h in item.evidence_for("safeguarding")],
            "young_person_evidence": [h.evidence for h in item.evidence_for("young_person") if h.evidence],
            "evidence": [h.to_json() for h in item.hits],
            "channel": item.parsed.channel if item.parsed else channel,
            **({"letter": letter_json(item.parsed, self.ctx.settings)}
               if item.parsed and item.parsed.channel == "letter" else {}),
        }


def letter_json(parsed: ParsedMessage, settings: Settings) -> dict[str, Any]:
    """What was read off a letter, for the person who asked about this file."""
    return {"sender_name": parsed.sender_name, "postal_address": parsed.postal_address,
            "email": parsed.sender, "written_on": parsed.sent_at.astimezone(settings.tz).date().isoformat()
            if parsed.sent_at else None, "scan_method": parsed.headers.get("x-scan-method"),
            "pages": int(parsed.headers.get("x-scan-pages", "0")) or None}
