"""Round 21: the council's "family time" (contact) service is children's social care acting, so a court order told
as background to its failures is no court decision; a meeting children's social care holds (a case conference, a
core group) is the matter itself, whoever the writer says ran it; "I don't have any complaint about <X>" sets X
aside, not declares it the subject; the writer "still learning" (English, to read) is a reason for the delay, not an
ongoing failure; a writer acting for their own mother or father acts for an adult (no young person's consent).
Sentences made up for these tests (none from a labelled set); each group has near-misses that must
not change."""

from __future__ import annotations

import pytest

from intake.eligibility import mentions
from tests.helpers import decided

RECEIVED = "2026-09-10"


def rules(text: str, received: str = RECEIVED) -> tuple[str, set[str]]:
    return decided(text, received, rules_only=True)


# --- court_decision: the family time service is the council (rules file: childrens_social_care.actors) -------------


@pytest.mark.parametrize("text", [
    "The court made a care order for my son in May. Since then two visits have been cancelled by the family time "
    "service with no reason given.",
    "Under the care order the judge made last spring, I should see my daughter every fortnight. Your family time "
    "team has moved our sessions at the last minute four times since July.",
    "The court ordered monthly contact in March. Our family time supervisor has not turned up to the last three "
    "sessions and nobody rings to say why.",
])
def test_family_time_service_is_the_council(text: str) -> None:
    assert rules(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-miss: the court's own decision about family time, challenged
    "The judge made a care order in May and stopped my family time. I think the judge was wrong and I want the "
    "order overturned.",
    "The magistrates ordered that my family time is supervised in July. The court got it wrong and I want the "
    "order changed.",
])
def test_court_cutting_family_time_is_still_the_court(text: str) -> None:
    assert "court_decision" in rules(text)[1]


# --- time_limit: a meeting children's social care holds is the matter (rules file: time_limit.event_words) ---------


@pytest.mark.parametrize("text", [
    "Still angry about the 2023 case conference about my girls. Nobody listened to a word I said.",
    "Your lot ran the core group in March 2024 like a courtroom and I want to say so formally.",
    "The strategy discussion in January 2025 went ahead without anyone asking me anything.",
    "Formal complaint about how the conference on 4 June 2024 was chaired. Dean",
])
def test_meeting_dates_the_matter(text: str) -> None:
    assert rules(text) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    # near-miss: the same meetings, in time
    "Still angry about the case conference last month about my girls. Nobody listened to a word I said.",
    "Your lot ran the core group in August like a courtroom and I want to say so formally.",
    # near-miss: conferences going on since an old year
    "There have been conferences about my son since 2022 and I am still not being invited to them.",
])
def test_meeting_in_time_or_ongoing(text: str) -> None:
    assert "time_limit" not in rules(text)[1]


# --- other_organisation: "I don't have any complaint about X" is no declaration (mentions.py, rules file) ------------


@pytest.mark.parametrize("text", [
    "I foster through Oakleaf Fostering, an independent agency. My complaint is about the agency: they stopped my "
    "skills payment in August. I don't have any complaint about the council's social worker.",
    "I want to complain about the GP surgery, which refused my daughter an appointment three times in August. "
    "I do not have any complaints about the social worker.",
    "My complaint is about the police, who searched my son in the street last week for nothing. I haven't got any "
    "problem with his social worker.",
])
def test_denied_complaint_about_the_council(text: str) -> None:
    assert rules(text) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    # near-miss: the other body set aside in the same words, the social worker complained of
    "I don't have any complaint about the school. It is the social worker who never returns my calls.",
    "I never had any problem with the agency. My complaint is about the council's social worker, who cancelled "
    "our review twice last month.",
    # near-miss: a complaint about the social worker declared outright
    "I have a complaint about the social worker, who has not visited my son since July.",
])
def test_complaint_about_the_council_stays(text: str) -> None:
    assert rules(text) == ("eligible", set())


def test_denied_declaration_form() -> None:
    assert mentions.DENIED_DECLARATION.search("I don't have any ")
    assert mentions.DENIED_DECLARATION.search("we haven't got any ")
    assert mentions.DENIED_DECLARATION.search("I have no ")
    assert not mentions.DENIED_DECLARATION.search("I don't know how to ")
    assert not mentions.DENIED_DECLARATION.search("I have a ")


# --- time_limit_good_reason: the writer still learning is no ongoing failure (ongoing_forms.py) ---------------------


@pytest.mark.parametrize("text", [
    "In 2024 the social worker sent me forms about my son's plan. My English is still learning and I could not "
    "read them.",
    "I am still learning to read. The social worker left letters about my daughter in March 2024 and nobody "
    "explained them to me.",
    "The letters about the contact came from the social worker in 2023. I'm still learning English, so only now a "
    "friend has read them to me.",
])
def test_still_learning_is_a_reason(text: str) -> None:
    assert rules(text) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    # near-miss: the social worker's failure still going on
    "In 2024 the social worker stopped my contact and she is still refusing to restart it.",
    "The social worker promised an interpreter in 2024 and I am still waiting for one.",
])
def test_still_doing_goes_on(text: str) -> None:
    assert rules(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-miss: someone else unable to read, no reason for the writer's delay
    "In 2024 the social worker could not read my handwriting and lost my form about my son.",
    # near-miss: reading the letters late with no reason given
    "The social worker sent letters about my daughter in 2023. I read them again last week and I am angry.",
])
def test_other_reading_is_no_reason(text: str) -> None:
    assert rules(text) == ("ineligible", {"time_limit"})


# --- consent_required: writing for one's own parent is acting for an adult (rules file, standing.py) ----------------


@pytest.mark.parametrize("text", [
    "I am writing for my mum because her English is not good. In August the social worker wrote that she refused "
    "to talk, but she did not understand the questions.",
    "I am writing on behalf of my dad, who does not use email. The social worker cancelled his contact with my "
    "little sister twice in August.",
    "I'm writing on behalf of my parents. The social worker moved my brother to a new placement last month "
    "without telling them.",
    "I am writing on behalf of my mum and dad. The social worker has not returned their calls since July.",
])
def test_writing_for_own_parent(text: str) -> None:
    assert rules(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-miss: a parent and a young person written for together
    "I am writing on behalf of my mum and my sister Jade, who is 14. The social worker has not visited Jade "
    "since July.",
    # near-miss: a sibling of unstated age, no parent written for
    "I am writing for my brother Kyle. The social worker has not visited him since July.",
    "I am writing on behalf of my sister, who is 15. Her social worker keeps cancelling her reviews.",
])
def test_writing_for_a_young_person_still_needs_consent(text: str) -> None:
    assert rules(text) == ("needs_review", {"consent_required"})
