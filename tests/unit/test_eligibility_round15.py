"""Round 15: new matters in other words, refused and separate requests after Stage 3, wanting to act for a young
person, consent asked by an adult, someone else's special guardianship, an adult's social worker, more names for
education and landlords, a social worker welcome to visit, findings to be undone, a lack lasting up to now, and
"that year" beside the date it refers to. Sentences made up for these tests (none from a labelled set)."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility.dates import find_dates
from tests.helpers import decided

# --- already_completed: a new matter said in other words -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "My complaint about the contact arrangements went through the Stage 3 review panel in 2025. This time it is about "
    "something different: the social worker missed my son's review last week and didn't tell me.",
    "I had the Director's final response on my last complaint in January. I'm writing about something else now: "
    "nobody from the leaving care team has answered my emails since August.",
    "The Stage 3 panel looked at my complaint about respite last spring. This is a different problem. The new "
    "social worker cancelled family time twice this month.",
    "You'll know me from the panel hearing last year. I have another issue. My daughter's social worker shared our "
    "address with her father last week.",
    "My complaint about respite was closed after Stage 3 in 2025. This one's about something completely different: "
    "the duty team never rang back when my son went missing last week.",
    "The Ombudsman decided my last complaint in March. I'm writing now about an entirely separate matter, my "
    "daughter's pathway plan, which is six months late.",
    "All three stages were done on my complaint about contact last year. This is not the same issue: the new social "
    "worker cancelled my son's review on Monday.",
])
def test_a_new_matter_after_stage_3_in_other_words_is_a_new_complaint(text: str) -> None:
    assert decided(text, "2026-10-01", rules_only=True) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-misses: the same matter, or a stage had with no new matter named
    "The review panel met in July about my complaint and upheld part of it. Nothing has changed since, so I want the "
    "council to do what the panel said.",
    "My complaint went through all three stages and the Director's final response came in August. I still think the "
    "social worker was wrong.",
    "The review panel met in June. This is a new complaint about exactly the same issues, because nothing changed.",
    "The Stage 3 panel upheld my complaint in May. Since then we have had a new social worker, but the plan is still "
    "not done.",
])
def test_the_same_matter_after_stage_3_is_still_completed(text: str) -> None:
    decision, codes = decided(text, "2026-10-01", rules_only=True)
    assert decision == "ineligible" and "already_completed" in codes


# --- already_completed: a further step someone refused, or a request in a paragraph of its own ------------------


@pytest.mark.parametrize("text", [
    "The Ombudsman closed my complaint in May and said they would not take it further, as the council had put it "
    "right at Stage 3. It was not put right.",
    "the stage 3 panel met in march and the ombudsman refused to take it any further after that. i'm still angry "
    "about the social worker.",
    "My complaint has been through the review panel and the Ombudsman decided in April that they won't escalate it. "
    "I want you to look at it again.",
])
def test_a_further_step_refused_is_no_request_for_one(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and "already_completed" in codes


@pytest.mark.parametrize("text", [
    "Where things stand on my complaint about the fostering allowance:\n- Stage 2 report: May 2026\n- Stage 3 review "
    "panel: met 2 July 2026\n- Director's final response: 30 July 2026\n\nI want to escalate this higher within the "
    "council because nothing the panel recommended has happened.",
    "Summary\n* Stage 1 reply: March\n* Stage 3 panel hearing: held 9 June\n\nPlease tell me how I can escalate "
    "this further, as I am not happy.",
])
def test_a_request_in_its_own_paragraph_after_a_timeline_of_stages_had(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and "already_completed" in codes


@pytest.mark.parametrize("text", [
    # near-misses: asking for the panel is not having had one, whether or not the other stages are listed first
    "My Stage 2 response came in May and I am not happy with it.\n\nPlease take my complaint to the Stage 3 review "
    "panel.",
    "The Stage 2 report arrived last month. I would like to go to the Stage 3 panel, how do I ask for it?",
    # the writer's own "don't know how to" or "couldn't" is no one else's refusal
    "I had my Stage 2 response in June and I don't know how to go to the Stage 3 panel.",
    "I couldn't take it further after Stage 2 because I was in hospital. Can I still ask for a panel?",
])
def test_asking_for_the_panel_is_still_no_panel_had(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert "already_completed" not in codes and decision != "ineligible"


# --- consent_required: wanting to act for the young person ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "I'm Tyler's uncle. He is 15 and in foster care. I want to complain on his behalf about his social worker, who "
    "has not visited since June.",
    "My cousin Leah is 14 and lives in one of your children's homes. I'd like to raise this on her behalf: staff "
    "took her phone and her social worker won't listen.",
    "I'm an older sister (I'm 24). My brother is 16 and in care. I want to write on his behalf because his pathway "
    "plan has never been done.",
])
def test_wanting_to_complain_for_a_young_person_acts_for_them(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    # near-misses: a young person asking for an advocate for themselves
    "I'm 15 and in care. I want an advocate because my social worker never listens to me.",
    "im 16 and my social worker keeps cancelling. I'd like to have an advocate to help me.",
])
def test_a_young_person_wanting_an_advocate_is_not_a_representative(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("eligible", set())


# --- consent_required: consent words whose asker is an adult -----------------------------------------------


@pytest.mark.parametrize("text", [
    "I am the learning mentor for Josh (14), who is looked after. His foster carer has asked me to complain about "
    "his social worker, who has missed three visits.",
    "We are solicitors acting for Mia, aged 15. We were asked by Mia's grandmother to raise the lack of any "
    "pathway plan with you.",
    "I'm a youth worker supporting Reece (16). His mum wants me to complain about the way his social worker spoke "
    "to him at the review.",
    "As Head of Year 10 I write about Ellie (15), who is in care. Her carers have already asked us to raise it: she "
    "has had no social worker since April.",
])
def test_consent_asked_by_an_adult_is_not_the_young_persons(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    # near-misses: the young person's own request, alone or with an adult's
    "I am the learning mentor for Josh (14), who is looked after. Josh has asked me to complain about his social "
    "worker, who has missed three visits.",
    "I'm a youth worker supporting Reece (16). Reece and his mum have asked me to write about the way his social "
    "worker spoke to him.",
    "We act for Mia, aged 15. We have been asked by Mia to raise the lack of a pathway plan; her signed consent "
    "form is attached.",
])
def test_the_young_persons_own_request_is_consent(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("eligible", set())


# --- standing_unclear: a special guardianship order that is someone else's ------------------------------------


@pytest.mark.parametrize("text", [
    "I'm the boys' great-uncle. I don't have any legal role. The social worker stopped me visiting after the court "
    "made a special guardianship order in favour of their grandmother.",
    "As a family friend I want to complain that the social worker never asked my view before the special "
    "guardianship order went to his aunt.",
    "I'm Kayla's godmother. The SGO was granted to her cousin last spring, and since then the social worker has "
    "refused to tell me anything.",
    "I'm the children's neighbour. The judge gave a special guardianship order to their grandad in May and the "
    "social worker never asked me anything.",
])
def test_someone_elses_special_guardianship_gives_the_writer_no_role(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert "standing_unclear" in codes and decision == "needs_review"


@pytest.mark.parametrize("text", [
    # near-misses: the writer's own special guardianship
    "The court made a special guardianship order in favour of me and my husband. Last month the social worker "
    "stopped our allowance without telling us.",
    "I'm Kayla's special guardian. The social worker has refused to tell me about her contact plans.",
])
def test_the_writers_own_special_guardianship_gives_standing(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("eligible", set())


# --- not_childrens_social_care: an adult's social worker, named apart from adult social care ------------------


@pytest.mark.parametrize("text", [
    "My dad (79) was assessed by adult social care after his stroke. The social worker has not returned my calls "
    "for three weeks and I want to complain about her.",
    "My elderly mother's care package from adult services was cut in May. The social worker never explained why.",
    "Adult social care moved my husband to a care home without asking me. The social worker was rude to me on the "
    "phone.",
    # a carer of an adult, in a kinship carer's words
    "I look after my wife, who has dementia. Adult services cut her day centre place. The social worker has been "
    "dismissive every time I ring.",
])
def test_an_adults_social_worker_is_adult_social_care(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and codes == {"not_childrens_social_care"}


@pytest.mark.parametrize("text", [
    # near-misses: a child in the story keeps the social worker ours
    "My mum's adult social care package was cut. Separately, my son's social worker hasn't visited him in weeks "
    "and won't return my calls.",
    "My mum (80) is in a care home. My foster son's social worker keeps cancelling his reviews.",
    "My dad (45) has a social worker from adult services. The children's social worker for my little brother "
    "never turns up.",
    "My husband (70) gets help from adult social care. My granddaughter lives with us and her social worker has not "
    "been out to see her for two months.",
    "My partner's care package from adult social care was cut. The social worker for the kids never calls back.",
    "My mum (70) and my son both have social workers, and adult social care cut mum's hours. The social worker is "
    "rude to me.",
])
def test_a_child_in_the_story_keeps_the_social_worker_ours(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision != "ineligible" and "not_childrens_social_care" not in codes


# --- not_childrens_social_care: the educational psychology service ---------------------------------------------


@pytest.mark.parametrize("text", [
    "The educational psychology team turned down my daughter's referral in June. I want to complain about them.",
    "I want to complain about the council's ed psych service, who cancelled my son's assessment twice.",
    "The EP service said my foster son didn't need an assessment. That was wrong and I want it looked at again.",
])
def test_the_educational_psychology_service_is_education(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and "not_childrens_social_care" in codes


def test_an_educational_psychologist_named_in_passing_leaves_the_social_worker_complained_of() -> None:
    text = ("The educational psychology team were really helpful. My son's social worker never sent them his "
            "care plan and has ignored my emails since March.")
    assert decided(text, "2026-09-01", rules_only=True) == ("eligible", set())


# --- other_organisation: a housing association by its own name, and its "housing" -------------------------------


@pytest.mark.parametrize("text", [
    "My flat is rented from Meadowbank Homes, a housing association. I want to complain about Meadowbank Homes "
    "because they won't fix the leak.",
    "Our landlord is Parkside Housing Group. Parkside Housing Group have ignored the damp for a year.",
    "I'm a care leaver and my tenancy is with Ashdown Living housing association. Ashdown Living keep cancelling the "
    "repairs.",
])
def test_a_housing_association_by_its_own_name_is_another_organisation(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and codes == {"other_organisation"}


@pytest.mark.parametrize(("text", "expected"), [
    # near-misses: a council flat is the council's housing service; a care provider's "Homes" is no landlord
    ("My council flat has had mould for months and the housing team won't come out.", {"not_childrens_social_care"}),
    ("My son lives at Oakview Homes, one of your children's homes. His social worker hasn't visited since May.",
     set()),
])
def test_council_housing_and_a_care_providers_name_are_not_a_housing_association(text: str,
                                                                                 expected: set[str]) -> None:
    assert decided(text, "2026-09-01", rules_only=True)[1] == expected


# --- court_decision: a social worker named only as welcome to visit ------------------------------------------


@pytest.mark.parametrize("text", [
    "The judge put a supervision order on my children in March. I want the order ended, it is not fair, the social "
    "worker can still visit if she wants.",
    "the magistrates made a supervision order at the last hearing. i want it lifted its not right. the social worker "
    "is welcome to come round.",
])
def test_a_social_worker_welcome_to_visit_is_no_complaint_about_them(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and codes == {"court_decision"}


@pytest.mark.parametrize("text", [
    # near-misses: what the social worker does on their visits is complained of
    "The judge put a supervision order on my children in March. The social worker can come round whenever she "
    "likes, and she never rings first and frightens the kids.",
    "There is a supervision order. The social worker can visit if she wants but she keeps cancelling and has not "
    "come since July.",
])
def test_a_social_worker_complained_of_on_their_visits_keeps_the_complaint(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True)[0] != "ineligible"


# --- court_decision: findings, a judgment or a ruling asked to be undone ----------------------------------------


@pytest.mark.parametrize("text", [
    "At the hearing in July the judge found I had hit my son. I never did. I want those findings set aside, because "
    "the social worker now relies on them.",
    "The district judge ruled that the children should live with their dad. I want the ruling reversed, as the social "
    "worker's report was only read out at the end.",
    "In August the court decided my daughter should stay in care. I want the judgment overturned; the social worker "
    "agrees I've changed.",
])
def test_findings_or_a_ruling_asked_to_be_undone_make_the_court_the_subject(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert decision == "ineligible" and "court_decision" in codes


def test_findings_not_asked_to_be_changed_leave_the_social_worker_complained_of() -> None:
    text = ("The judge made findings in July. I don't want the findings changed; I want the social worker to stop "
            "telling my son's school about them, which she has done twice.")
    assert decided(text, "2026-09-01", rules_only=True) == ("eligible", set())


# --- time_limit: a lack that lasts up to now -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "i havent had a social worker for over a year now. my review in 2024 was the last one. i'm 16.",
    "We have not had a single visit from the fostering team in two years now, since our supervising social worker "
    "left in 2023.",
    "My son has been without a care plan for eighteen months and counting. It was last done when he was 11, he is 13 "
    "now.",
])
def test_a_lack_lasting_up_to_now_is_in_time(text: str) -> None:
    decision, codes = decided(text, "2026-09-01", rules_only=True)
    assert "time_limit" not in codes and "time_limit_good_reason" not in codes


@pytest.mark.parametrize(("text", "code"), [
    # near-misses: the writer's own illness lasting, and a finished matter with no lack going on
    ("The social worker cancelled my contact in March 2024. I haven't been well enough to write for two years now.",
     "time_limit_good_reason"),
    ("The social worker missed my daughter's review in March 2024 and I want an apology.", "time_limit"),
])
def test_a_past_matter_with_no_lack_going_on_is_out_of_time(text: str, code: str) -> None:
    assert code in decided(text, "2026-09-01", rules_only=True)[1]


# --- dates: "that year" beside the date it refers back to ----------------------------------------------------


D = dt.date


@pytest.mark.parametrize(("text", "received", "latest"), [
    ("On 3 March 2025 the social worker wrote that I had missed every contact that year.", D(2026, 6, 1),
     D(2025, 3, 3)),
    ("In May 2024 the review said my son had been excluded twice that year.", D(2026, 6, 1), D(2024, 5, 31)),
    # near-misses: a time after the date referred back to, or in a sentence of its own, is a later event
    ("In May 2024 the review was cancelled. Later that year the plan was dropped.", D(2026, 6, 1), D(2024, 12, 31)),
    ("In May 2024 the review was cancelled, and by the end of that year nothing had been done.", D(2026, 6, 1),
     D(2024, 12, 31)),
])
def test_that_year_beside_its_date_is_no_later_event(text: str, received: D, latest: D) -> None:
    assert max(m.latest for m in find_dates(text, received)) == latest


def test_that_year_beside_a_date_over_the_limit_keeps_it_over() -> None:
    text = ("I was in hospital for months after a heart attack, so this is late. On 20 February 2025 my supervising "
            "social worker wrote in my review that I had refused all training that year, which is untrue.")
    assert decided(text, "2026-02-21", rules_only=True) == ("needs_review", {"time_limit_good_reason"})


# --- other_organisation: Cafcass, the court's adviser, beside a challenged court decision -----------------------


@pytest.mark.parametrize("text", [
    "The children's guardian spoke to my son for ten minutes and then advised the court he should stay in care. The "
    "judge made the care order in July. I want the order overturned.",
    "The Cafcass officer wrote a section 7 report after one phone call. The magistrates followed it and gave my ex "
    "residence. That decision was wrong and I want it reversed.",
])
def test_cafcass_beside_a_challenged_court_decision_is_another_organisation_too(text: str) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("ineligible", {"court_decision", "other_organisation"})


@pytest.mark.parametrize(("text", "expected"), [
    # near-misses: Cafcass praised beside the challenge; Cafcass named where the social worker is complained of
    ("The Cafcass guardian was lovely and really listened. But the judge made the placement order anyway and I want "
     "it overturned.", ("ineligible", {"court_decision"})),
    ("The Cafcass officer asked the social worker to arrange contact after the hearing. The social worker has not "
     "arranged a single session since June.", ("eligible", set())),
])
def test_cafcass_praised_or_beside_the_social_workers_failure_is_not_complained_of(
        text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == expected
