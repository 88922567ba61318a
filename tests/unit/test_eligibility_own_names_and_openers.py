"""Round 14: a body named by its own name (and shortened later), and dates that open or frame the story."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import anchor, find_dates
from tests.helpers import decided


@pytest.mark.parametrize("text", [
    "Oakfield Learning Trust have refused to fund the support in my son's plan, and the trust won't reply to me.",
    "My complaint is about Redbrook Fostering. Redbrook cut my allowance and won't return my calls.",
    "I foster through Kestrel Vale Foster Care, an agency. My complaint is about Kestrel Vale: they stopped my pay.",
    "Marsh Lane High excluded my daughter for a week over a uniform rule and would not meet me.",
    "Westgate Academy Trust keep sending my son home at lunchtime. The trust says it has no staff.",
    "Thornbury Grammar refused to let my foster son sit his exams and never explained why.",
])
def test_a_body_named_by_its_own_name_is_another_organisation(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


@pytest.mark.parametrize("text", [
    # the council's own area name beside a hospital's: "Pellmoor" is the town, not the hospital
    "My son was in Pellmoor General last month. Pellmoor children's services never sent a social worker to see him.",
    # the body only named; the social worker is complained about
    "My son goes to Marsh Lane High. His social worker hasn't visited him since March and won't return my calls.",
    # the agency praised; the council's social worker blamed
    "Redbrook Fostering have been great. The council's social worker cancelled every contact visit this spring.",
    # a trust named where the family's social worker failed to tell the school
    "The social worker never told Oakfield Learning Trust that my son was in care, so nobody at school knew.",
])
def test_a_body_named_beside_childrens_social_cares_failure_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


def test_a_declared_trust_beats_the_education_plan_it_was_meant_to_fund() -> None:
    text = ("Oakfield Learning Trust will not put in the one-to-one support in my son's EHCP. He has a social "
            "worker but this is about the trust.")
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


D = dt.date


def _yearless_day(text: str, received: D) -> D:
    """The day the last date written (the yearless one) resolves to, all the text read as one sentence."""
    mentions = anchor(find_dates(text, received), lambda offset: 0)
    return max(mentions, key=lambda m: m.start).latest


@pytest.mark.parametrize(("received", "text", "latest"), [
    (D(2028, 2, 29), "Re: my son, looked after since 2019 I'm writing about the review on 1 March", D(2027, 3, 1)),
    (D(2026, 6, 1), "in care since 2018 and the social worker visited on 20 May", D(2026, 5, 20)),
    (D(2026, 6, 1), "fostering since 2020, and on 3 February the panel was cancelled", D(2026, 2, 3)),
    # near-miss: a year written as the event's own keeps anchoring the yearless date beside it
    (D(2026, 6, 1), "In 2022 the social worker came on 3 February", D(2022, 2, 3)),
])
def test_a_since_year_does_not_give_its_year_to_a_yearless_date(received: D, text: str, latest: D) -> None:
    assert _yearless_day(text, received) == latest


@pytest.mark.parametrize(("received", "text", "day"), [
    (D(2028, 2, 29), "Last year on the 27th Feb the team placed a boy with us", D(2027, 2, 27)),
    (D(2026, 6, 1), "last year, on 3rd of December, she cancelled", D(2025, 12, 3)),
    (D(2026, 6, 1), "The year before last on 10 July the social worker", D(2024, 7, 10)),
    (D(2027, 3, 1), "last year on 29 February", D(2026, 2, 28)),
])
def test_a_year_said_first_then_a_day_in_it(received: D, text: str, day: D) -> None:
    assert max(m.latest for m in find_dates(text, received)) == day


@pytest.mark.parametrize("text", [
    # near-miss: "last year" and a day apart, in two clauses: each read on its own
    "last year was hard, and on 3 March the social worker came",
])
def test_last_year_apart_from_a_day_is_not_joined(text: str) -> None:
    said = [text[m.start:m.end] for m in find_dates(text, D(2026, 6, 1))]
    assert "last year" in said and "3 March" in said


@pytest.mark.parametrize(("text", "received", "code"), [
    ("this is about new years eve 2024. the social worker cancelled my daughter's night at home by text.",
     "2026-01-02", "time_limit"),
    ("My complaint is about 4 March 2024. The social worker turned up drunk to the contact session.",
     "2025-06-01", "time_limit"),
    ("I'm writing regarding 12 June 2023. The duty team closed our case without telling us.",
     "2025-01-10", "time_limit"),
])
def test_a_date_the_complaint_says_it_is_about_dates_the_story_after_it(text: str, received: str, code: str) -> None:
    assert decided(text, received, rules_only=True) == ("ineligible", {code})


@pytest.mark.parametrize(("text", "received"), [
    # near-miss: the date the complaint is about is in time
    ("This is about 4 March 2026. The social worker turned up drunk to the contact session.", "2026-06-01"),
    # near-miss: an old background date that is not what the complaint is about, then an undated failure
    ("We adopted Sam in 2019. The post-adoption team has not answered any of my emails.", "2026-06-01"),
])
def test_opening_dates_that_leave_the_complaint_in_time(text: str, received: str) -> None:
    assert decided(text, received, rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "My daughter has been on the CAMHS waiting list for fourteen months and they still won't give us a date.",
    "The hospital waiting list for my son's operation is a disgrace: they have cancelled it three times.",
    "CAMHS waiting times are ridiculous. My foster son has been waiting since last year and nobody rings back.",
])
def test_a_health_services_own_waiting_list_is_another_organisation(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


@pytest.mark.parametrize("text", [
    # near-miss: a waiting room is a place; the social worker is complained about
    "In the hospital waiting room the social worker shouted at me in front of everyone.",
    # near-miss: the social worker failed to refer, the list is only named
    "The social worker promised to put my son on the CAMHS waiting list and never did it.",
])
def test_a_waiting_room_or_a_referral_left_undone_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "In March 2024 the social worker shouted at me at the review. The manager said she would deal with it. She has "
    "since left and there is no record of it.",
    "In January 2024 the duty social worker closed our case without a visit. He has since moved to another team.",
    "The team manager cancelled my daughter's respite in February 2024. She has since retired, I'm told.",
])
def test_someone_who_has_since_left_does_not_make_the_matter_go_on(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    # near-misses: what has gone on since is the matter
    "In March 2024 the social worker stopped my contact. She has since refused every request to restart it.",
    "The social worker stopped my contact in March 2024 and I have heard nothing since.",
    "The social worker stopped my contact in March 2024. I have since been waiting for a review that never came.",
])
def test_a_matter_that_has_gone_on_since_stays_in_time(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "My son was discharged from the children's ward at midnight with no medication. I want to complain about the "
    "discharge.",
    "The police arrested my 14-year-old foster daughter in front of her friends. I'd like to complain about the arrest.",
    "Marsh Lane High excluded my son for a week over a haircut. I am writing to complain about the exclusion.",
    # children's social care named beside it: the deed declared the subject still points at its doer
    "The police arrested my foster daughter at school. Her social worker came to the station later. I'd like to "
    "complain about the arrest.",
    "Marsh Lane High excluded my son for a week. His social worker had a meeting with me about it. I am writing to "
    "complain about the exclusion.",
])
def test_a_deed_declared_the_subject_is_its_doers(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


@pytest.mark.parametrize("text", [
    # near-miss: the social worker did the deed
    "The social worker excluded me from the core group meeting. I want to complain about the exclusion.",
    # near-miss: a general noun ("the decision") does not point back at the hospital
    "My son was discharged from hospital. The social worker then decided he could not come home. I want to "
    "complain about the decision.",
])
def test_a_deed_done_by_childrens_social_care_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "My son has been on the CAMHS waiting list for a year and they keep putting him back. His social worker has "
    "written to them twice.",
    "The GP surgery refused to refer my foster daughter to a specialist. Her social worker has been chasing them "
    "for us.",
    "The hospital cancelled my son's operation for the third time. I know you're children's services, but can you "
    "do anything?",
    "The academy keeps excluding my daughter at lunchtime. I realise you are social services, but who do I go to?",
])
def test_childrens_social_care_as_ally_or_addressee_leaves_the_body_the_subject(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


@pytest.mark.parametrize("text", [
    # near-misses: the social worker's own call is the complaint (a disclosure), or the social worker failed
    "The school treated my son differently after the social worker rang them and told them everything.",
    "The hospital discharged my son. His social worker was told and did nothing.",
    "The GP would not see my daughter. I know you're children's services, and your social worker never came either.",
])
def test_childrens_social_cares_own_act_beside_another_body_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "I did not know there was a complaints procedure. My cousin told me last week. In May 2024 the social worker "
    "stopped my contact with my son.",
    "Nobody explained I could complain. I only heard about it from another mum a few days ago. The social worker "
    "cancelled our family time in March 2024.",
    "I never knew this complaints process existed. A support group mentioned it to me yesterday. In April 2024 the "
    "duty team closed our case without a visit.",
])
def test_how_the_writer_learned_is_part_of_the_reason_for_the_delay(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize(("text", "expected"), [
    # near-miss: the sentence after the reason names the social worker: it is the matter, and in time
    ("I did not know there was a complaints procedure. The social worker told me last week that contact is "
     "stopped.", ("eligible", set())),
    # near-miss: no reason before it: a matter told of last year, out of time
    ("My cousin told me in May 2024 that the social worker had read out my diary at the review.",
     ("ineligible", {"time_limit"})),
])
def test_a_told_me_sentence_without_a_reason_before_it_is_read_as_usual(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == expected


@pytest.mark.parametrize(("text", "codes"), [
    ("The judge made a care order on 3 May because of the psychiatrist's report. I want the psychiatrist's report "
     "looked at again and the order overturned.", {"court_decision", "other_organisation"}),
    ("The police wrote that I was aggressive at the house. I'd like the police's statement withdrawn.",
     {"other_organisation"}),
    ("I want the GP's letter about my son corrected. It says he has ADHD and he does not.", {"other_organisation"}),
    ("We would like the hospital's diagnosis reviewed: our daughter's fracture was from her bone condition.",
     {"other_organisation"}),
])
def test_asking_for_a_bodys_work_to_be_undone_complains_of_it(text: str, codes: set[str]) -> None:
    decision, found = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and codes <= found


@pytest.mark.parametrize("text", [
    # near-misses: the council's report, or the social worker named in the same breath
    "I want the social worker's report looked at again; it says the GP's letter said things it never said.",
    "The social worker ignored the GP. I want the social worker's assessment redone with the GP's letter in it.",
    "I don't want the GP's letter changed. I want the social worker to read it.",
])
def test_asking_for_the_councils_work_to_be_undone_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "The hospital sent my son home on his own at 2am. The nurses said social services knew, but nobody from social "
    "services had been told anything. I want to complain about the hospital.",
    "The school sent my foster daughter home at lunchtime every day this month and said her social worker agreed. "
    "No one at children's services was ever told. I want to complain about the school.",
])
def test_childrens_social_care_left_untold_by_the_body_leaves_the_body_the_subject(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "other_organisation" in codes


@pytest.mark.parametrize("text", [
    # near-misses: the social worker was told and did nothing; nobody from social services came
    "The hospital told the social worker everything but nobody from social services did anything about it.",
    "My son was discharged from hospital and nobody from social services came to see him.",
])
def test_childrens_social_care_told_or_failing_to_come_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())
