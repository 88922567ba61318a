"""Round 17: "surgery" as an operation someone had is no GP surgery; what prompted the writer to complain now, and
the end of a wait they were told to make, belong to the reason for the delay; "I still don't know why" is an unanswered
question, not a matter going on; the writer's own past habit ("I rang every week") is not ongoing; and the memoised
answers stay the same when asked twice. Sentences made up for these tests (none from a labelled set)."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility import delay_reasons, load_rules
from intake.eligibility.dates import find_dates
from intake.eligibility.matching import analyse
from tests.helpers import decided

# --- other_organisation: an operation is no GP surgery (operations.py) ----------------------------------------------


@pytest.mark.parametrize("text", [
    "I was recovering from surgery when the social worker made me sign the form for my son to go into foster care, "
    "and nobody explained what it meant.",
    "After my surgery last month the social worker stopped all contact with my daughter and won't say why.",
    "I had major surgery in May and the children's services team still closed our family support without telling me.",
    "While my husband was having knee surgery the duty social worker turned up and refused to leave the children "
    "with me.",
])
def test_an_operation_is_no_gp_surgery(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "The surgery refused to register my foster son and the receptionist was rude to him.",
    "Our GP surgery keeps cancelling my daughter's appointments and I want the surgery to explain itself.",
    "I want to complain about Mill Lane Surgery, which lost my son's referral twice.",
])
def test_a_gp_surgery_is_still_the_nhs(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("ineligible", {"other_organisation"})


# --- time_limit_good_reason: what prompted the writer, and a wait that ended (delay_reasons.py) ---------------------


@pytest.mark.parametrize("text", [
    "In March 2024 the social worker shouted at me in front of my children. I was too frightened to say anything "
    "at the time. This spring my counsellor said I should complain about it.",
    "In 2023 my son's social worker read out my private notes at his review. I didn't know there was a complaints "
    "procedure. A friend at church encouraged me to write to you last week.",
])
def test_what_prompted_the_complaint_is_part_of_the_reason(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    "In January 2025 the team manager cut our fostering allowance. She told us to wait until his review had finished before "
    "complaining. The review eventually happened this month and nothing changed.",
    "In February 2025 the social worker stopped my contact. I was told to hold off until the assessment was done. "
    "The assessment meeting finally took place last week.",
])
def test_the_end_of_a_wait_dates_no_event(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    # near-miss: no reason for the delay came before, so the advice dates nothing and the matter is recent
    "Last month the social worker cancelled my contact with no notice. My sister said I should complain.",
    # near-miss: a social worker's advice to complain sits in a sentence naming children's social care
    "Last week the social worker said I should complain about the contact centre's new rules, and I agree with her.",
])
def test_advice_to_complain_alone_is_no_reason(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert "time_limit_good_reason" not in codes and "time_limit" not in codes


def test_prompted_sentence_joins_the_reason() -> None:
    text = ("In 2022 the social worker lied about me. I was in hospital for months. "
            "My doctor suggested I should write to you.")
    analysis = analyse(text, dt.date(2026, 9, 10), load_rules())
    assert 2 in delay_reasons.sentences(analysis)
    assert delay_reasons.sentences(analysis) == delay_reasons.sentences(analysis)  # memoised, same answer


# --- time_limit: not going on (ongoing_forms.py) ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "In March 2024 the social worker moved my daughter to a new placement without a meeting. "
    "I still don't understand why it was done.",
    "In 2023 the social worker cancelled our family time. We still do not know why she did it.",
    "In April 2024 my children's social worker told them I had stopped calling. That's a lie, I rang every week.",
    "In May 2024 the social worker stopped passing on my cards. We visited every month before that.",
])
def test_an_unanswered_why_or_past_habit_is_not_ongoing(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    "In March 2024 the social worker stopped my contact and I still don't see my son at all.",
    "In 2023 the fostering team stopped our allowance, and they still refuse to pay it.",
    "In May 2024 the social worker stopped my phone calls to my son, and she is still blocking every one of them.",
])
def test_a_failure_still_going_on_stays_in_time(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert "time_limit" not in codes


# --- already_completed: "concluded at Stage 3"; a move as a noun; sent to us first (rules file, already_completed.py) --


@pytest.mark.parametrize("text", [
    "My complaint about the fostering team concluded at Stage 3 in July. I am still unhappy and want the council to "
    "look at it again.",
    "The complaint about my son's social worker ended at the Stage 3 review panel in May, but nothing has changed.",
    "I received the final letter after the Stage 3 panel about my daughter's move to a children's home, and I want "
    "to complain again about all of it.",
])
def test_completed_said_in_other_words(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert decision == "ineligible" and "already_completed" in codes


@pytest.mark.parametrize("text", [
    # near-miss: the Ombudsman sent the writer to us first
    "The Ombudsman said I have to complain to you first about my son's move to a new placement, so here it is.",
    "I rang the Ombudsman and they told me to go to the council first about my daughter's move to residential care.",
    # near-miss: asking for Stage 3 is not having had it
    "My Stage 2 report came in August and I want to move to Stage 3 because the social worker's conduct was not looked at.",
])
def test_not_completed(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert "already_completed" not in codes


# --- court_decision and youth justice in other spellings (rules file) ------------------------------------------------


@pytest.mark.parametrize("text", [
    "The non molestation order the court made last month stops me seeing my kids and I want it lifted.",
    "I want the nonmolestation order against me cancelled, it is not fair.",
])
def test_a_non_molestation_order_challenged(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert decision == "ineligible" and "court_decision" in codes


@pytest.mark.parametrize("text", [
    "My daughter's youth offending worker reported her for missing one session when she was ill, and I want a new one.",
    "The YOT officer keeps shouting at my son in his appointments and I want him changed.",
    "Her youth justice worker told the court she had not engaged, which is untrue.",
])
def test_youth_justice_staff_by_any_role_word(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert decision == "ineligible" and "not_childrens_social_care" in codes


def test_youth_offending_named_in_passing_beside_the_social_worker() -> None:
    text = ("My son's social worker has not visited him once since July and did not turn up to his review, even though "
            "his youth offending worker came.")
    assert decided(text, "2026-09-10", rules_only=True)[0] != "ineligible"


# --- standing_unclear: a former foster carer in other words (rules file) --------------------------------------------


@pytest.mark.parametrize("text", [
    "I was foster carer to Jayden until June, when he went to live with his aunt. The move was handled badly and he "
    "was not allowed to say goodbye to his school friends.",
    "We were her foster carers for three years. We have since resigned from fostering. The way the social worker ended "
    "the placement was cruel.",
])
def test_a_former_foster_carer(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("needs_review", {"standing_unclear"})


def test_a_foster_carer_now_keeps_standing() -> None:
    text = ("We are foster carers for the council and Leo has lived with us for two years. Last month the social worker "
            "cancelled his birthday visit to his mum without telling us.")
    assert decided(text, "2026-09-10", rules_only=True) == ("eligible", set())


# --- dates: a season that is someone's name (season_names.py) --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "I support a young person called Autumn (13). In March 2024 her social worker read her diary out at a meeting.",
    "My niece Summer told me in June 2024 that her social worker had shouted at her.",
    "In April 2024 the social worker moved my granddaughter. Winter says she was never asked what she wanted.",
])
def test_a_season_as_a_name_is_no_date(text: str) -> None:
    assert all(m.latest.year == 2024 for m in find_dates(text, dt.date(2026, 9, 10)))


@pytest.mark.parametrize("text, year", [
    ("Last summer the social worker cancelled every visit.", 2026),
    ("In the Summer of 2024 the contact centre closed.", 2024),
    ("Over Summer the social worker stopped calling.", 2026),
    ("Summer 2023 was when it started.", 2023),
])
def test_a_season_as_a_date_stays(text: str, year: int) -> None:
    assert max(m.latest for m in find_dates(text, dt.date(2026, 9, 10))).year == year


# --- other_organisation: CAMHS spelt out (rules file); "the staff there" of the body named before (staff_forms.py) ----


@pytest.mark.parametrize("text", [
    "I want to complain about the Child and Adolescent Mental Health Service, which closed my son's case last month "
    "without seeing him.",
    "The child and adolescent mental health team cancelled my daughter's assessment three times this summer.",
])
def test_camhs_spelt_out(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    "I want to complain about Bright Stars Day Nursery. Last month the staff there lost my son at the park.",
    "My complaint is about Hillcrest Academy. In July the staff there refused to let my foster daughter sit her exam.",
])
def test_the_staff_there_belong_to_the_body_named_before(text: str) -> None:
    decision, codes = decided(text, "2026-09-10", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


def test_the_staff_there_of_a_childrens_home_stay_ours() -> None:
    text = ("My son lives at Meadow View children's home. Last month the staff there locked him out of his room all "
            "evening.")
    assert decided(text, "2026-09-10", rules_only=True) == ("eligible", set())
