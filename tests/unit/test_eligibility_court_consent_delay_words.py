"""Round 13: a court's decision disputed in more words, children's social care acting beside the court, consent given
in everyday words, and more reasons for the delay; each with near-misses."""

from __future__ import annotations

import pytest

from tests.helpers import decided


@pytest.mark.parametrize("text", [
    "The judge ordered that my children stay in foster care. I don't think that was the right call.",
    "In the court's final judgment my parenting was described as neglectful. That is rubbish.",
    "The court granted the adoption order in May without hearing from me. I want it set aside.",
    "My ex got a prohibited steps order against me and now the social worker uses it to keep me away. I want it lifted.",
])
def test_a_courts_decision_disputed_in_other_words(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("ineligible", {"court_decision"})


@pytest.mark.parametrize("text", [
    # children's social care starting a subject of its own after the court's words
    "The court made a care order and then the social worker stopped all my contact, which is wrong.",
    "The judge made a supervision order, but the social worker has not visited once and it isn't right.",
    # what children's social care said, in the sentence after the court's
    "The court made a supervision order. The social worker said my house is rubbish and won't come in.",
    "The magistrates said I could have contact every week. The council has arranged none.",
])
def test_childrens_social_care_beside_the_court_stays_eligible(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "I'm Ellie's advocate. She is 16 and happy for this to go in. Her social worker won't return her calls.",
    "I'm Ellie's advocate. She's 16 and gave me the go ahead to send this. Her social worker won't return her calls.",
    "I'm Ellie's advocate. She's 16 and is fine with me writing. Her social worker won't return her calls.",
])
def test_consent_in_everyday_words(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # the young person does not know, whatever an adult thinks
    "I'm Ellie's advocate. Ellie is 16 and doesn't know I'm writing, but her mum is fine with me raising it. Her "
    "social worker won't return her calls.",
    "I'm Ellie's advocate. She's 16. Her social worker won't return her calls and I'd like it looked into.",
])
def test_no_consent_shown_still_needs_it(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("reason", [
    "I was homeless for most of last year.",
    "I was advised by my solicitor to wait until the hearing was over.",
    "I had a heart attack soon after and was in rehab for months.",
])
def test_more_reasons_for_the_delay(reason: str) -> None:
    text = f"In January 2024 the social worker failed to tell me about my son's move. {reason}"
    assert decided(text, "2025-09-01", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


def test_no_reason_given_stays_out_of_time() -> None:
    text = "In January 2024 the social worker failed to tell me about my son's move. I want an apology."
    assert decided(text, "2025-09-01", rules_only=True) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    # a young person's own unhappiness is no talk of someone else's consent
    "I'm 16 and I'm not happy for this to carry on, my social worker never visits.",
    "I'm 16 and not happy for this to go on any longer. My social worker never visits.",
    "I'm 17 and it is not fine with me that my social worker reads my texts.",
])
def test_a_young_persons_own_words_are_no_representatives(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("eligible", set())
