"""Each reason code from a message written inline: the decision, the code and the sentence behind it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from intake import config, pipeline
from intake.eligibility import decide
from intake.item import Category, Decision, IntakeItem, ParsedMessage

LONDON = ZoneInfo("Europe/London")


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12), LONDON)


def reasons(text: str, received: str = "2026-03-02") -> dict[str, str]:
    return {h.code: h.evidence for h in decide(text, at(received)).reasons}


@pytest.mark.parametrize(("text", "received", "code", "evidence"), [
    (("My son's social worker was rude to me. On 14 November 2023 she told the conference things that were "
     "not true."), "2025-01-02", "time_limit", "On 14 November 2023 she told the conference things that were not true."),
    (("In 2022 the social worker wrongly recorded that he had hit me. My partner died last spring and I have "
     "only now felt strong enough to write."), "2025-02-28", "time_limit_good_reason",
     "My partner died last spring and I have only now felt strong enough to write."),
    (("The magistrates ordered that my daughter live with her grandparents. That decision was wrong and I want "
     "it overturned."), "2024-01-01", "court_decision",
     "The magistrates ordered that my daughter live with her grandparents."),
    ("I want to complain about my son's school. The head teacher has excluded him four times this term.",
     "2026-07-01", "other_organisation", "I want to complain about my son's school."),
    ("I have been through stages 1, 2 and 3 and I'm still not happy with the outcome.", "2024-01-01",
     "already_completed", "I have been through stages 1, 2 and 3 and I'm still not happy with the outcome."),
    ("I'm an advocate for a 15-year-old girl in foster care. Her social worker has ignored her for months.",
     "2025-01-02", "consent_required", "I'm an advocate for a 15-year-old girl in foster care."),
    ("My council flat has mould in every room. The repairs team cancelled three appointments.", "2025-12-31",
     "not_childrens_social_care", "My council flat has mould in every room."),
    ("I'm the children's grandad. The social worker won't tell me where they are living.", "2024-01-01",
     "standing_unclear", "I'm the children's grandad."),
])
def test_each_code_with_the_sentence_that_triggered_it(text: str, received: str, code: str, evidence: str) -> None:
    found = reasons(text, received)
    assert found.get(code) == evidence, found


@pytest.mark.parametrize("text", [
    ("My complaint is about the social worker, not the police. The police were called to our house but it was "
    "the social worker who then told my ex-partner where I live."),
    "My daughter's school has been brilliant, but her social worker has missed three visits since October.",
    "Two years ago my case started with children's services and it is still going on. Nobody reads the file.",
    ("I know the court made the care order, and I'm not complaining about that. The social worker has not "
    "arranged a single contact session since."),
    "The court ordered contact every fortnight, but the council hasn't arranged any. The social worker ignores me.",
    ("My last complaint went to a stage 3 panel two years ago. This is a new complaint: my new social worker "
    "shared my records last week."),
    "I am not happy with the stage 2 response and want my complaint to go to a review panel.",
    "I'm a solicitor acting for Ms Jane Holt, the mother of two children on plans. She has had no minutes.",
    ("I am an advocate for a 15-year-old girl who has asked me to make this complaint for her. Her social "
    "worker won't let her see her brother."),
    ("I'm an independent advocate for a 9-year-old boy in residential care. Transport to see his mum was "
    "never arranged."),
    "I care for my grandchildren, who live with me. The social worker has stopped the allowance.",
    "My son came into care in 2021 and is still there. His care plan has not been reviewed since the summer.",
    "On 1 March 2027 my son's contact with his sister was stopped by the social worker.",  # exactly 12 months
])
def test_near_misses_stay_eligible(text: str) -> None:
    result = decide(text, at("2028-03-01"))
    assert result.decision is Decision.eligible, result.reasons


def test_a_consent_form_attached_counts_as_consent() -> None:
    text = "I'm an advocate for a 16-year-old. Her social worker has not visited for months."
    assert decide(text, at("2026-01-02")).decision is Decision.needs_review
    attached = decide(text, at("2026-01-02"), attachment_names=("Signed consent form.pdf",))
    assert attached.decision is Decision.eligible


def test_closing_codes_beat_review_codes_and_every_code_is_kept() -> None:
    result = decide("I'm a support worker helping a 15-year-old boy. He is upset that the judge decided he "
                    "must stay in foster care and he wants the decision changed.", at("2026-01-01"))
    assert result.decision is Decision.ineligible
    assert {h.code for h in result.reasons} == {"court_decision", "consent_required"}


def test_review_codes_alone_need_a_person() -> None:
    result = decide("I am a concerned member of the public. I saw a social worker shouting at a teenager.",
                    at("2024-06-15"))
    assert result.decision is Decision.needs_review and result.signposting == []


def test_ineligible_carries_the_signposting_from_the_rules() -> None:
    result = decide("The police officer who came to our house was aggressive and didn't let me explain. "
                    "In 2021 the housing team lost our paperwork twice.", at("2024-02-29"))
    assert result.decision is Decision.ineligible
    assert any("Police Professional Standards" in s for s in result.signposting)
    assert any("corporate complaints" in s for s in result.signposting)
    assert any("12 months" in s for s in result.signposting)


def test_the_json_contract_is_unchanged() -> None:
    result = decide("The head teacher refused to meet me and the school excluded my son.", at("2026-07-01"))
    assert result.to_json() == {"decision": "ineligible", "reasons": [
        {"code": "other_organisation", "evidence": "The head teacher refused to meet me and the school excluded my son."}]}


def test_who_is_writing() -> None:
    assert decide("We are foster carers. Our supervising social worker never rings.", at("2026-01-02")).standing \
        == "foster_carer"
    assert decide("I'm 14 and my social worker never listens.", at("2026-01-02")).standing == "young_person"
    assert decide("I'm writing on behalf of my client, aged 16.", at("2026-01-02")).standing == "representative"


def test_the_stage_counts_from_received_at_not_the_senders_date(tmp_path: Path) -> None:
    settings = config.load(environ={}, base_dir=tmp_path)
    ctx = pipeline.Context(settings=settings, calendar=settings.working_calendar(),
                           clock=lambda: at("2026-01-01"), classifiers={})
    text = "On 3 December 2026 I asked the leaving care team for my grant and was refused without a reason."
    item = IntakeItem(raw=b"", received_at=dt.datetime(2027, 12, 31, 23, 30, tzinfo=dt.UTC),  # 31 Dec in London
                      parsed=ParsedMessage(newest_text=text, sent_at=at("2027-12-01")),
                      category=Category.complaint)
    pipeline.load_stage("check_eligibility").run(item, ctx)
    assert item.eligibility.decision is Decision.ineligible
    assert [h.code for h in item.hits] == ["time_limit"]
