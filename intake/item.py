"""IntakeItem: the one typed object that flows through the pipeline stages.

It is Mailman's msgdata made typed: each stage reads what earlier stages wrote
and adds its own findings, with evidence, so every automatic decision can be
shown to staff with the sentence behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Category(StrEnum):
    complaint = "complaint"
    compliment = "compliment"
    suggestion = "suggestion"
    out_of_scope = "out_of_scope"


class Flag(StrEnum):
    safeguarding = "safeguarding"
    young_person = "young_person"
    automated = "automated"
    reply_to_case = "reply_to_case"
    escalation_request = "escalation_request"


# The hit that says a message is mostly not in English: the classify stage records it, the acknowledgement waits for it.
NOT_ENGLISH = "not_english"


class Decision(StrEnum):
    eligible = "eligible"
    ineligible = "ineligible"
    needs_review = "needs_review"
    not_applicable = "n/a"


@dataclass(frozen=True)
class Hit:
    """One finding of one rule: which stage, which code, and the sentence behind it."""

    stage: str
    code: str
    sentence: str
    evidence: str = ""

    def to_json(self) -> dict[str, str]:
        return {"stage": self.stage, "code": self.code, "sentence": self.sentence,
                "evidence": self.evidence}


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int
    sha256: str


@dataclass
class ParsedMessage:
    """What the later stages need from a message, whatever shape it arrived in."""

    sender: str = ""
    sender_name: str = ""
    reply_to: str = ""
    to: tuple[str, ...] = ()
    subject: str = ""
    sent_at: dt.datetime | None = None
    message_id: str = ""
    in_reply_to: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    content_types: tuple[str, ...] = ()
    body: str = ""
    newest_text: str = ""
    attachments: tuple[Attachment, ...] = ()
    defects: tuple[str, ...] = ()
    # "letter" for a posted or scanned letter (intake.scans), which also gives the writer's postal address.
    channel: str = "email"
    postal_address: str = ""


@dataclass
class Eligibility:
    decision: Decision = Decision.not_applicable
    reasons: list[Hit] = field(default_factory=list)
    # For `ineligible`: where the reply points the writer (the school's own procedure, the NHS, ...).
    signposting: list[str] = field(default_factory=list)
    # Who is writing, as the rules read it (parent, foster_carer, representative, unclear, ...; "" unknown).
    standing: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"decision": self.decision.value,
                "reasons": [{"code": h.code, "evidence": h.evidence or h.sentence}
                            for h in self.reasons]}


@dataclass
class IntakeItem:
    """One inbound message on its way through the stages."""

    raw: bytes
    received_at: dt.datetime
    inbound_id: int | None = None
    message_identity: str = ""
    channel: str = "email"  # how it reached us (inbound_messages.channel): "email" or "letter"
    parsed: ParsedMessage | None = None
    flags: set[Flag] = field(default_factory=set)
    hits: list[Hit] = field(default_factory=list)
    category: Category | None = None
    confidence: float = 0.0
    category_model: str = ""
    # Every category's score, so a person reviewing an unsure case sees the top two.
    category_scores: dict[str, float] = field(default_factory=dict)
    eligibility: Eligibility = field(default_factory=Eligibility)
    case_reference: str | None = None
    # The case row once logged: stages share this one object (the session only holds it weakly).
    case: Any = None
    due_dates: dict[str, dt.date] = field(default_factory=dict)
    outcome: str = ""
    stop_reason: str = ""

    def flag(self, flag: Flag, hit: Hit) -> None:
        """Set a flag and record why, in one step, so no flag is ever unexplained."""
        self.flags.add(flag)
        self.hits.append(hit)

    def evidence_for(self, code: str) -> list[Hit]:
        return [h for h in self.hits if h.code == code]
