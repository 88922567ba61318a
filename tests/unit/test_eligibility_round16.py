"""Round 16: the day a carer took on their role is background; what children's social care pays carers and care
leavers is children's social care; the writer's own "became foster carers"; a social worker who disclaims another
service; school transport, admissions and noise described; a court decision weighed and found wanting; an age said
as "turned 11"; relatives in name only; a subject declared by what should happen to them; an excused absence; quoted
words; finding out at the time; keeping away since; a season in its date's sentence; a wish for a frequency; English
as a reason for delay; someone else's lack of role; a landlord by its own name; a law firm's sign-off; the telling
dated, not the matter; a negated declaration. Sentences made up for these tests (none from a labelled set)."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import find_dates
from intake.eligibility.role_dates import started_role
from tests.helpers import decided

# --- time_limit: when the writer became a carer is background (role_dates.py) --------------------------------------


@pytest.mark.parametrize("text", [
    "We are foster carers for the council (first approved 2014). Our allowance for August never arrived and nobody "
    "in the fostering team will tell us why.",
    "I was approved as a foster carer in 2015, and last month my supervising social worker cancelled my support "
    "group without any warning.",
    "We became special guardians back in 2018. The SGO allowance was cut last month with no letter at all.",
    "We started fostering for Northshire in 2012; this month the fostering team stopped our respite without asking.",
    "We are kinship carers and were approved in 2019. Since July the social worker has not answered one email.",
])
def test_the_year_a_carer_was_approved_is_no_date_of_the_matter(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-misses: something of the council's approved, which is an event
    "The plan was approved in March 2023 and the social worker never followed it.",
    "The adoption panel approved the match in 2022 and the social worker hid his history from us.",
    "We became foster carers in 2015 and in 2023 the fostering team stopped our respite without a word.",
])
def test_a_plan_or_match_approved_long_ago_is_still_out_of_time(text: str) -> None:
    assert decided(text, "2026-09-10", rules_only=True) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("before, expected", [
    ("We are foster carers with the council (approved ", True),
    ("we were approved as adopters in ", True),
    ("I became a kinship carer back in ", True),
    ("registered with you as short break carers in ", True),
    ("the assessment was approved in ", False),
    ("My foster carers moved me in ", False),
    ("the social worker visited in ", False),
    ("We became foster carers in 2015 and in ", False),
])
def test_started_role_reads_only_a_carers_start(before: str, expected: bool) -> None:
    assert started_role(before) is expected


# --- not_childrens_social_care: leaving-care and fostering payments are children's social care (rules file) --------


@pytest.mark.parametrize("text", [
    "I'm 20 and a care leaver. My leaving care grant for furniture was refused last week even though my tenancy "
    "starts on Monday.",
    "I'm 19 and left care last year. My setting-up-home grant was turned down because they say I had it already, "
    "but my tenancy is my first one.",
    "Our fostering payments have been late for three months running and we are now behind with the rent on our "
    "council house.",
])
def test_payments_children_s_social_care_makes_are_its_own(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True)[0] != "ineligible"


def test_a_care_leaver_s_housing_decision_is_still_housing() -> None:
    text = "I'm a care leaver and the housing options team refused my homeless application last week."
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "not_childrens_social_care" in codes


# --- not_childrens_social_care: the writer's own "became foster carers" is no actor (writer.py) -------------------


def test_the_role_the_writer_became_is_not_complained_of() -> None:
    text = ("When we became foster carers we were told about a council tax discount, but the council tax office has "
            "now billed us in full and won't say why.")
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and codes == {"not_childrens_social_care"}


@pytest.mark.parametrize("text", [
    "When we became foster carers the fostering team promised us training last spring, and it never came.",
    "Since she became my son's social worker in January she has not visited once.",
])
def test_becoming_leaves_the_social_worker_complained_of(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


# --- not_childrens_social_care: a social worker who says the matter is not theirs (not_their_remit.py) ------------


@pytest.mark.parametrize("text", [
    "I'm a mum of two. My son's social worker says she can't help with the council tax arrears, and the council "
    "tax team keeps sending bailiff letters.",
    "The housing officer put us in a B&B last week. Our social worker told me it's not her department and to take "
    "it up with housing.",
])
def test_a_social_worker_disclaiming_another_service_is_not_the_subject(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "not_childrens_social_care" in codes


@pytest.mark.parametrize("text", [
    "The social worker says she can't do anything about contact, and she hasn't rung me back in three weeks.",
    "My son's social worker said she couldn't help with his school exclusion and then missed his review.",
])
def test_a_social_worker_who_will_not_help_is_still_complained_of(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True)[0] != "ineligible"


# --- not_childrens_social_care: services described rather than named (described_services.py, rules file) --------


@pytest.mark.parametrize("text", [
    "The taxi that is meant to take my daughter to her college has not turned up three mornings this month.",
    "The coach to and from his special school keeps leaving without him, and the office won't say why.",
    "On national offer day we got none of our choices, and the school places team won't explain it.",
    "I've rung the council's noise officers about the parties next door five times and nobody has come out.",
])
def test_a_described_council_service_is_that_service(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "not_childrens_social_care" in codes


@pytest.mark.parametrize("text", [
    "His social worker promised to book the taxi to his new school and never did, so he missed two weeks.",
    "The foster carer drives him to school every day and the social worker still hasn't paid her mileage.",
])
def test_school_transport_the_social_worker_failed_to_arrange_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True)[0] != "ineligible"


# --- court_decision: a decision weighed and found wanting, legal ways of undoing it (rules file) ------------------


@pytest.mark.parametrize("text", [
    "At the final hearing in April the judge decided I can only see my daughter twice a year. That is "
    "disproportionate and I have done nothing wrong.",
    "The magistrates made a supervision order last month based on out of date reports about our family.",
    "The care order was made in May without my son's views being heard, and we will apply to discharge it.",
])
def test_a_court_decision_found_wanting_is_the_court_s(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and "court_decision" in codes


def test_the_social_worker_s_own_plan_after_an_order_stays_eligible() -> None:
    text = ("The court made a care order in May. Since then the social worker has cut my contact to once a month, "
            "which is disproportionate, and she won't change it.")
    assert decided(text, "2026-06-01", rules_only=True)[0] != "ineligible"


# --- consent_required: an age said as "turned" (standing.py) ----------------------------------------------------


def test_a_child_who_turned_ten_needs_no_consent() -> None:
    text = ("I'm an advocate writing for Leo, who turned 10 last month. He wants to complain that his social worker "
            "never visits him at his foster home.")
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "I'm an advocate writing for Leo, who turned 14 in May. He says his social worker never visits him.",
    "I'm an advocate and I turned 30 this year. I'm writing for Mia about her social worker, who never visits.",
])
def test_a_teenager_or_an_unstated_age_still_needs_consent(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("needs_review", {"consent_required"})


# --- standing_unclear: relatives in name only, friends by the years known (rules file) ----------------------------


@pytest.mark.parametrize("text", [
    "I'm more or less an honorary aunty to the boys, no blood relation, and their social worker won't let me see them.",
    "I'm a friend of the children's mum from school days, not a relative. The social worker stopped my visits.",
    "I've known the family since the children were born, and the social worker never returns my calls about them.",
])
def test_a_relative_in_name_only_has_unclear_standing(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("needs_review", {"standing_unclear"})


@pytest.mark.parametrize("text", [
    "I'm their aunt and their special guardian. The social worker stopped our allowance last month.",
    "I'm the children's mum. A friend of mine came with me to the meeting and the social worker was rude to us both.",
])
def test_a_carer_or_parent_who_names_a_friend_keeps_standing(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


# --- standing_unclear: a no-role statement about someone else (role_owner.py) ------------------------------------


def test_no_role_said_of_someone_else_is_not_the_writer_s() -> None:
    text = ("My daughter's social worker gave her childminder our new address last week. The childminder is not "
            "involved with our family at all.")
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


def test_no_role_said_of_the_writer_is_still_unclear() -> None:
    text = "I'm not related to the children, I just live nearby, and the social worker won't talk to me."
    assert decided(text, "2026-06-01", rules_only=True) == ("needs_review", {"standing_unclear"})


# --- other_organisation: a subject declared by what should happen to them; an excused absence (mentions.py,
# ruled_out.py); someone's quoted words name no subject (naming.py) ----------------------------------------------


@pytest.mark.parametrize("text", [
    "A police officer shouted at my son during a welfare check last week. Nobody from social services came, which "
    "is fine. I want the officer disciplined.",
    'The midwife told me my home was "not fit" and that she would "have to tell social services". I want to '
    "complain about her attitude.",
])
def test_another_body_complained_of_beside_csc_named_in_passing(text: str) -> None:
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and codes == {"other_organisation"}


@pytest.mark.parametrize("text", [
    "The police officer was kind to us. The social worker shouted at my son. I want the social worker disciplined.",
    'My social worker said she would "report me to her manager". I want to complain about her.',
])
def test_the_social_worker_complained_of_stays_eligible(text: str) -> None:
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


# --- time_limit: finding out at the time; keeping away since; a wish for a frequency (delay_reasons.py,
# ongoing_forms.py) ---------------------------------------------------------------------------------------------


def test_finding_out_by_one_s_own_visit_is_no_reason_for_delay() -> None:
    text = ("My complaint about respite went to a review panel in 2024. This is something new. On 2 March the contact "
            "worker cancelled family time and I only found out when I turned up at the centre.")
    assert decided(text, "2026-03-20", rules_only=True) == ("eligible", set())


def test_finding_out_late_from_a_file_is_still_a_reason() -> None:
    text = "In 2023 the social worker cancelled my contact, and I only found out last month when I read my file."
    assert decided(text, "2026-06-01", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


def test_keeping_away_from_the_worker_since_is_not_ongoing() -> None:
    text = "In March 2024 the team manager was rude to me at a review. I've had nothing to do with her since."
    assert decided(text, "2025-12-01", rules_only=True) == ("ineligible", {"time_limit"})


def test_hearing_nothing_since_is_still_ongoing() -> None:
    text = "In March 2024 the team manager promised me a written reply. I have heard nothing since."
    assert decided(text, "2025-12-01", rules_only=True) == ("eligible", set())


def test_a_frequency_the_writer_asks_for_is_no_matter_going_on() -> None:
    text = "In spring 2024 the social worker cut my contact to once a month. I want to see my son every week again."
    assert decided(text, "2025-11-01", rules_only=True) == ("ineligible", {"time_limit"})


def test_no_english_then_is_a_reason_for_delay() -> None:
    text = ("In 2023 the social worker moved my children without telling me. Then I had no English to write a "
            "complaint; now I go to classes and a friend helps me.")
    assert decided(text, "2026-06-01", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


# --- time_limit: a bare season belongs to the date told before it in its sentence (dates.py) ---------------------


def test_a_bare_season_takes_the_year_of_the_date_in_its_sentence() -> None:
    received = dt.date(2026, 6, 1)
    text = "In March 2021 she came to the house, and all winter she never called back."
    assert max(m.latest for m in find_dates(text, received)) == dt.date(2022, 2, 28)


def test_a_bare_season_in_a_later_sentence_keeps_its_own_year() -> None:
    received = dt.date(2026, 6, 1)
    text = "It started in March 2021. All winter nobody came."
    assert max(m.latest for m in find_dates(text, received)) == dt.date(2026, 2, 28)


# --- other_organisation: a landlord by its own name (landlords.py, not_childrens_social_care.py) -----------------


def test_a_landlord_named_by_renting_from_it_is_a_housing_association() -> None:
    text = ("I'm a care leaver and I rent my flat from Oakmere Living. The bedroom has had damp since October and "
            "Oakmere keep cancelling the repair.")
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and codes == {"other_organisation"}


def test_the_council_s_own_housing_beside_a_landlord_is_both() -> None:
    text = ("The council's housing allocations team put me in the wrong band. Then Riverside Housing Association "
            "turned down my bid in May.")
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and codes == {"other_organisation", "not_childrens_social_care"}


def test_damp_in_a_council_flat_is_still_council_housing() -> None:
    text = "My council flat has damp in every room and the repairs team keeps cancelling."
    decision, codes = decided(text, "2026-06-01", rules_only=True)
    assert decision == "ineligible" and codes == {"not_childrens_social_care"}


# --- consent_required: a law firm signing a letter written as "we" (firms.py) -------------------------------------

FIRM_LETTER = ("Dear Sirs\n\nRe: Tia Walsh (16)\n\nWe write in relation to Tia's placement move on 3 May, which her "
               "social worker arranged without telling her.{extra}\n\nYours faithfully\n\nBrackley & Stone Solicitors")


def test_a_firm_writing_about_a_young_person_needs_her_consent() -> None:
    text = FIRM_LETTER.format(extra="")
    assert decided(text, "2026-06-01", rules_only=True) == ("needs_review", {"consent_required"})


def test_a_firm_with_the_young_person_s_consent_is_eligible() -> None:
    text = FIRM_LETTER.format(extra=" Tia has signed the enclosed consent form.")
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


def test_a_parent_signing_their_own_letter_is_no_firm() -> None:
    text = ("We write about our son's placement move on 3 May, which his social worker arranged without telling us."
            "\n\nYours faithfully\n\nDee and Sam Walsh")
    assert decided(text, "2026-06-01", rules_only=True) == ("eligible", set())


# --- time_limit: the telling dated, not the matter (rules file); a negated declaration (mentions.py) -------------


def test_when_someone_contacted_the_office_is_no_date_of_the_matter() -> None:
    text = ("I write about Ms Jade Green, aged 19, a care leaver. Her former foster carer contacted this office last "
            "week. Ms Green only recently found out, on reading her file, that in 2023 her social worker never set up "
            "her savings account.\n\nCaseworker to Sam Ridley MP")
    assert "time_limit_good_reason" in decided(text, "2026-06-01", rules_only=True)[1]


def test_no_complaints_about_a_new_worker_declares_nothing() -> None:
    text = ("In 2022 my personal adviser at the time put me in a hostel for two months. My new adviser is lovely, no "
            "complaints about her.")
    assert decided(text, "2026-06-01", rules_only=True) == ("ineligible", {"time_limit"})
