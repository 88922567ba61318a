"""Round 19: asking for the review panel to be arranged is not having had one; a panel described by what it habitually
decides is the service's own; how the writer learned, told by anyone or said before "that"; a relative given weeks to
live; a day with no year joined to the year after it, "the day before", "the Tuesday after Easter 2025"; "nothing has
happened as a result"; a court's order asked to be changed in other words ("how do I get the order changed", "bring the
order to an end") or decided in other words ("authorised", "extended"); complaint words inside praise ("wasn't even
that bad"); children's services named only as not the NHS; "it's the plan people I'm complaining about"; older people's
care and school travel assistance by their own names; a body's "they" in the next sentence; a body the writer wants
investigated, beside thanks for the social worker; a brother or sister of a named young person aged 12 to 17; a
council place or a school as the scene; a school a report got wrong; the Ombudsman's report that came out; "I haven't
got PR"; "started year 7 ... in year 8 now"; a hospital registrar. Sentences made up for these tests (none from a
labelled set); each group has near-misses that must not change."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.eligibility import panel_requests
from tests.helpers import decided, latest

RECEIVED = "2026-09-10"


def rules(text: str, received: str = RECEIVED) -> tuple[str, set[str]]:
    return decided(text, received, rules_only=True)


# --- already_completed: asking for the panel to be put on (panel_requests.py) ----------------------------------------


@pytest.mark.parametrize("text", [
    "My Stage 2 adjudication came on 20 August and I don't accept it. Please arrange the review panel as soon as you can.",
    "I have had the Stage 2 response about my son's placement move. Could you convene a Stage 3 panel? I want my "
    "advocate there.",
    "The investigating officer upheld two of my points at Stage 2 but the adjudicator changed nothing. I would like a "
    "review panel please.",
])
def test_asking_for_the_panel_is_not_having_had_it(text: str) -> None:
    assert rules(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-miss: the panel was arranged and met
    "The review panel you arranged met on 2 June and did not uphold my complaint about the social worker.",
    # near-miss: the panel has been held, and the writer asks for something else
    "The Stage 3 panel was held in May and found against me. Please arrange for the social worker to be moved.",
])
def test_a_panel_had_is_still_completed(text: str) -> None:
    assert rules(text) == ("ineligible", {"already_completed"})


def test_asks_for_panel() -> None:
    assert panel_requests.asks_for_panel("Please set up the independent review panel.")
    assert not panel_requests.asks_for_panel("The review panel was arranged for March and met then.")


# --- already_completed: a panel described by what it decides is the service's own ----------------------------------


@pytest.mark.parametrize("text", [
    "Last month our fostering social worker said the panel that approves equipment had turned down the stair lift for "
    "our foster son. Nobody gave a reason.",
    "In August the kinship team told us the panel which agrees allowances had refused the increase we asked for.",
    "On 1 September the social worker said the payments panel had refused the school uniform grant.",
])
def test_a_services_own_panel_is_not_stage_3(text: str) -> None:
    assert rules(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-miss: the complaints review panel, described by what it did once
    "The review panel that heard my complaint in June agreed with the council. I still think the social worker lied.",
    "My complaint about my son's placement went to the Stage 3 panel, which upheld nothing, in July.",
])
def test_the_review_panel_is_still_stage_3(text: str) -> None:
    assert rules(text) == ("ineligible", {"already_completed"})


# --- time_limit_good_reason: how the writer learned (how_learned.py) and a greeting before the date ------------------


@pytest.mark.parametrize("text", [
    "Dear Sir,\n\nIn the spring of 2024 the fostering team stopped our holiday allowance. We did not know carers "
    "could complain. Our new supervising social worker told us about it in August.",
    "Hello,\n\nIn the summer of 2024 my son's social worker cancelled his respite without asking us. I never knew "
    "there was a complaints procedure. A family support worker told me about the complaints process last week.",
])
def test_told_about_complaining_by_anyone(text: str) -> None:
    assert rules(text) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    "In July this year I found out from my cousin that back in 2023 a social worker had told her about my diagnosis. "
    "I had no idea until a few weeks ago.",
    "Last month we learned from an old neighbour that in 2022 your duty worker had described our home as filthy. We "
    "had no idea until recently.",
    "This summer I discovered from my file that in March 2024 the social worker wrote that I had refused help. I only "
    "found out last month.",
])
def test_a_learning_date_before_that(text: str) -> None:
    assert rules(text) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    # near-miss: learning of an old matter with no reason given anywhere stays as dated
    "In July we were told that in 2023 the social worker had shared our address with my ex.",
    # near-miss: the social worker telling the writer about a decision is the matter, not how they learned
    "I didn't know I could complain. In August 2026 the social worker told us about the move to a new placement.",
])
def test_learning_near_misses(text: str) -> None:
    assert rules(text)[0] != "needs_review"


# --- time_limit_good_reason: a relative given weeks to live (caring_reasons.py) --------------------------------------


@pytest.mark.parametrize("text", [
    "In March 2025 the social worker cancelled my contact with my son. I did not complain then because my dad was "
    "given weeks to live and I went to look after him.",
    "In January 2025 the social worker closed our case without telling us. My mother was terminally ill at the time "
    "and I was with her every day.",
    "The review in February 2025 went ahead without me. I said nothing at the time because my husband went into a "
    "hospice that week.",
])
def test_a_dying_relative_is_a_reason(text: str) -> None:
    assert rules(text) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize("text", [
    # near-miss: someone else's relative, in the matter itself
    "In March 2025 the social worker refused to let my son visit his grandad, who was dying. That was cruel.",
    # near-miss: in time, so the reason changes nothing
    "In August the social worker cancelled contact. My mum was given weeks to live, so I only write now.",
])
def test_dying_near_misses(text: str) -> None:
    assert rules(text)[1] != {"time_limit_good_reason"}


# --- time_limit: a day joined to its year, "the day before", a weekday after a holiday (story_forms, informal_forms) --


@pytest.mark.parametrize(("text", "received", "day"), [
    ("During the summer holidays in 2024 the social worker cancelled his visit.", "2026-09-10", dt.date(2024, 8, 31)),
    ("The day before Christmas Eve last year the social worker came round.", "2026-02-01", dt.date(2025, 12, 23)),
    ("On the Tuesday after Easter 2025 the social worker rang.", "2026-05-12", dt.date(2025, 4, 22)),
    ("The Friday before Christmas 2024 the duty worker called.", "2026-01-10", dt.date(2024, 12, 20)),
])
def test_joined_and_stepped_days(text: str, received: str, day: dt.date) -> None:
    assert latest(text, received) == day


@pytest.mark.parametrize(("text", "received"), [
    ("The day before New Year's Eve last year the social worker visited without warning and read my post.",
     "2026-12-31"),
    ("On the Monday after Easter 2025 the social worker told my daughter she would be moving.", "2026-05-12"),
    ("During the Easter holidays in 2025 my son's social worker cancelled his stay with me.", "2026-04-30"),
])
def test_those_days_are_out_of_time(text: str, received: str) -> None:
    assert rules(text, received) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize(("text", "received"), [
    # near-miss: the day after, not a stretch, and within twelve months
    ("The day after Boxing Day last year the social worker visited without warning.", "2026-12-26"),
    # near-miss: "the week after" is still a week, ending in time
    ("The week after Christmas last year the social worker cancelled contact.", "2026-12-30"),
])
def test_those_days_in_time(text: str, received: str) -> None:
    assert rules(text, received) == ("eligible", set())


# --- time_limit: no harm followed is no failure going on (ongoing_forms.py) ----------------------------------------


@pytest.mark.parametrize("text", [
    "In March 2025 our adoption support worker sent our address to the birth family. Nothing has happened as a result, "
    "but we want to know how.",
    "On 2 May 2025 the social worker left my file on a bus. Nothing has happened as a consequence, but it was wrong.",
    "In April 2025 the duty worker read out my daughter's diary to her dad. Nothing has happened because of it, but "
    "it was wrong.",
])
def test_no_harm_is_not_ongoing(text: str) -> None:
    assert rules(text) == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    # near-miss: nothing done since is a failure going on
    "In March 2025 I asked the social worker for a new assessment. Nothing has happened since.",
    "In April 2025 I reported the foster carer to the social worker and nothing has been done.",
])
def test_nothing_done_is_still_ongoing(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- court_decision: the order asked to be undone, or decided, in other words (undo_forms.py, the rules file) -------


@pytest.mark.parametrize("text", [
    "In June the district judge made a child arrangements order. I see my son one night a week. Can you get it "
    "changed?",
    "In July the magistrates extended the supervision order for another year. We have done everything asked of us. "
    "I am asking you to get it lifted.",
    "On 3 August the court authorised a secure accommodation order for my daughter. We ask what steps you will take "
    "to bring the order to an end.",
])
def test_the_order_undone_in_other_words(text: str) -> None:
    assert rules(text) == ("ineligible", {"court_decision"})


@pytest.mark.parametrize("text", [
    # near-miss: the council asked to get on with what the order says
    "The court made a child arrangements order in June. The social worker still hasn't set up the contact it says "
    "I should have.",
    # near-miss: the order is accepted; the social worker's act is the complaint
    "The judge extended the order in July and I accept that. I don't want the order changed. The social worker keeps "
    "cancelling my visits.",
])
def test_the_councils_part_stays_eligible(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- targets: complaint words inside praise ("wasn't even that bad") ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "The judge made a child arrangements order in May. The social worker's report wasn't even that bad for me but the "
    "judge ignored it. I want the order changed.",
    "The magistrates made a supervision order in June. The social worker was not too bad, but the magistrates would "
    "not listen. I want the order lifted.",
    "The judge made a care order in July. Her social worker is not bad at all, but the judge got it wrong. I want "
    "the order overturned.",
])
def test_mild_praise_is_not_a_complaint(text: str) -> None:
    assert rules(text) == ("ineligible", {"court_decision"})


@pytest.mark.parametrize("text", [
    # near-miss: a plain complaint about the social worker beside the order
    "The judge made a child arrangements order in May. The social worker's report was awful and wrong. I want it "
    "investigated.",
    "The judge made a care order in July. The social worker wasn't honest in her statement and I want her "
    "disciplined.",
])
def test_a_complaint_about_the_social_worker_stays(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- children's social care named only as not the other body (allies.py) -------------------------------------------


@pytest.mark.parametrize("text", [
    "I know children's services aren't the NHS, but I don't know where else to go. CAMHS cancelled my son's "
    "appointment last week. I want to complain about CAMHS.",
    "I realise social services don't run the school. The academy excluded my daughter unfairly last week. I want to "
    "complain about the academy.",
    "I understand children's services are not in charge of the GP. The surgery refused to register my foster son. I "
    "want to complain about the surgery.",
])
def test_the_council_named_as_not_the_body(text: str) -> None:
    assert rules(text)[1] == {"other_organisation"}


@pytest.mark.parametrize("text", [
    # near-miss: children's services said to be failing, not said to be someone else
    "I know children's services aren't helping us at all. CAMHS cancelled my son's appointment and the social worker "
    "did nothing.",
    # near-miss: no "I know": the council's own failure
    "Children's services aren't the ones who should decide this, but they moved my son anyway last week.",
])
def test_the_council_failing_stays(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- another subject named in a cleft after praise (subjects.py, ruled_out.py, targets.py) ---------------------------


@pytest.mark.parametrize("text", [
    "His social worker is fine - it's the EHCP team I'm complaining about. They have missed every deadline.",
    "Her social worker has been lovely. She's fine, it's the admissions team I'm unhappy with, who lost our form.",
])
def test_another_subject_named_in_a_cleft(text: str) -> None:
    assert rules(text) == ("ineligible", {"not_childrens_social_care"})


# --- not_childrens_social_care: older people's care, school travel, SEN by name (the rules file) ---------------------


@pytest.mark.parametrize("text", [
    "My dad is 88. Last week the council's older people's team cut his care calls from four a day to two.",
    "My mum (79) lives alone. The council has cut her morning calls and her home care is now ten minutes long.",
    "The council's travel assistance team has sent a different driver every day this term and my son is distressed.",
    "The special educational needs team at the council has not answered a single email about my daughter's plan.",
])
def test_other_services_by_their_names(text: str) -> None:
    assert rules(text) == ("ineligible", {"not_childrens_social_care"})


@pytest.mark.parametrize("text", [
    # near-miss: children's social care's own short breaks, and the social worker, complained of
    "My son's social worker cut his short breaks from two weekends a month to one without any review.",
    # near-miss: a looked-after child's travel arranged and then failed by his social worker
    "Her social worker promised to sort out her travel to contact and never did. She missed three visits.",
])
def test_our_own_services_stay(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- time_limit: a body's "they" in the next sentence (pronoun_followers.py) -----------------------------------------


@pytest.mark.parametrize("text", [
    "My daughter was referred to CAMHS in January 2025. Last week, after twenty months waiting, they cancelled her "
    "first appointment. I want to complain about CAMHS.",
    "My son was put on the GP's list in 2024. On 1 September, after two years, they struck him off. I want to "
    "complain about the GP.",
    "The academy excluded my son in 2024. Last week, after all that time, they refused to take him back. I want to "
    "complain about the academy.",
])
def test_a_bodys_they_dates_the_matter(text: str) -> None:
    assert rules(text) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    # near-miss: no pronoun, the old date is the matter's
    "My daughter was referred to CAMHS in January 2024 and I want to complain about CAMHS. Last week I had a cold.",
    "The academy excluded my son in March 2024. I want to complain about the academy. Last week was my birthday.",
])
def test_an_unrelated_later_date_does_not_count(text: str) -> None:
    assert rules(text) == ("ineligible", {"other_organisation", "time_limit"})


# --- other_organisation: a body wanted investigated, beside thanks (mentions.py, praise_forms.py) -------------------


@pytest.mark.parametrize("text", [
    "In August the nursery made a referral about a bruise. Your social worker visited and closed it within a week, "
    "which I was grateful for. I want the nursery investigated.",
    "The school rang you in July about a mark on his arm. The social worker saw there was nothing in it and closed "
    "the case, which we really appreciated. I want the school held to account.",
    "The GP referred us in June. The social worker came, found nothing and left, which was a relief. I want the GP "
    "investigated for how he handled it.",
])
def test_a_body_wanted_investigated(text: str) -> None:
    assert rules(text) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    # near-miss: no thanks: the social worker is complained of too
    "In August the nursery made a referral about a bruise. Your social worker never rang me back. I want the nursery "
    "investigated as well.",
    # near-miss: thanks turned into complaint
    "The school rang you in July. The social worker closed it, which I was not happy about. I want it looked at.",
])
def test_without_thanks_the_social_worker_stays(text: str) -> None:
    assert rules(text)[0] != "ineligible"


# --- consent_required: a brother or sister of a named young person (acting_forms.py) ---------------------------------


@pytest.mark.parametrize("text", [
    "I'm Callum's older sister, I'm 22. Callum's 15 and lives in a children's home. His social worker hasn't seen him "
    "since June.",
    "I'm Tayla Frost's big brother. Tayla is 13 and in foster care. Her social worker cancelled our contact last week.",
    "Hi, I'm Jade's cousin. Jade (16) is in care and her social worker has moved her three times since May.",
])
def test_a_sibling_writes_for_a_young_person(text: str) -> None:
    assert rules(text) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    # near-miss: the named child is under 12
    "I'm Callum's older sister, I'm 22. Callum's 8 and lives with foster carers. His social worker hasn't seen him "
    "since June.",
    # near-miss: the young person's consent is shown
    "I'm Tayla's big brother. Tayla is 13 and she asked me to write. Her social worker cancelled our contact last "
    "week.",
])
def test_sibling_near_misses(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- scenes: a council place or a school as the scene (scenes.py) ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "I'm just a member of the public. Yesterday in the Highfield retail park car park I saw a woman with a council "
    "badge being rude and aggressive to a boy. I think she was a social worker. I want to complain about how that "
    "woman behaved.",
    "I'm a neighbour of the family. On Saturday outside the old town library a man with a council lanyard was rude "
    "and aggressive to a crying girl. He must have been her social worker. I want to complain about his conduct.",
    "I'm just a member of the public. Last week in the Riverside leisure centre a man with a council badge was rude "
    "and nasty to a teenager. I was told he was the boy's social worker. I want to complain about his behaviour.",
])
def test_a_council_place_as_the_scene(text: str) -> None:
    assert rules(text) == ("needs_review", {"standing_unclear"})


@pytest.mark.parametrize("text", [
    # near-miss: the place's own staff, and a fine, are the service
    "The staff at the leisure centre refused my foster son entry last week and were rude to him.",
    "I got a car park fine last week outside the library and I want it cancelled.",
])
def test_the_place_as_a_service(text: str) -> None:
    assert rules(text) == ("ineligible", {"not_childrens_social_care"})


@pytest.mark.parametrize("text", [
    "In August the judge made an order that unfairly stops me going near my son's school. I want the order lifted.",
    "Last month the magistrates wrongly made an order keeping me away from my kids' nursery. I want the order "
    "overturned.",
    "The judge made an order in July that stops me waiting outside my daughter's school, which is unjust. How do I "
    "get the order changed?",
])
def test_a_school_in_an_order_is_a_place(text: str) -> None:
    assert rules(text) == ("ineligible", {"court_decision"})


# --- other_organisation: a school a report got wrong (misrecorded.py) ------------------------------------------------


@pytest.mark.parametrize("text", [
    "I want to complain about the child and family assessment done in August. It gets my son's school wrong and says "
    "I refused help.",
    "The core assessment from July is full of errors. It got their GP wrong and it wrongly says I missed two meetings.",
    "The assessment from August gets my son's GP wrong and says I refused help.",
])
def test_a_body_misrecorded_is_a_detail(text: str) -> None:
    assert rules(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    # near-miss: the school itself got things wrong
    "My son's school got his exclusion wrong in August and the headteacher refused to meet me. I want to complain "
    "about the school.",
    "The GP got the diagnosis wrong in July and my daughter suffered. I want to complain about the GP.",
])
def test_a_body_that_got_it_wrong_is_complained_of(text: str) -> None:
    assert rules(text) == ("ineligible", {"other_organisation"})


# --- already_completed: the Ombudsman's report that came out (the rules file) ----------------------------------------


@pytest.mark.parametrize("text", [
    "As you know, the Ombudsman's report came out in June. It said the council should apologise. I am still not "
    "satisfied with the social worker.",
    "The Ombudsman's final report was published in July. I still want you to look at my son's case again.",
    "The Ombudsman's report on my complaint was published in July. I still want the social worker disciplined.",
])
def test_the_ombudsmans_report_came_out(text: str) -> None:
    assert rules(text) == ("ineligible", {"already_completed"})


@pytest.mark.parametrize("text", [
    # near-miss: the writer will go to the Ombudsman, who has not reported
    "If this is not sorted I will go to the Ombudsman. The social worker cancelled contact again last week.",
    # near-miss: a report of the council's that came out
    "The social worker's report came out in August and it is full of mistakes about my family.",
])
def test_no_ombudsman_report_yet(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- standing_unclear: "I haven't got PR" (the rules file) -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "I'm Leo's stepdad and he lives with me. I haven't got PR. The social worker has stopped telling me about his "
    "meetings.",
    "I'm their stepmum. They live with us most of the week, but I've not got PR. The social worker won't speak to me.",
    "I'm the kids' stepfather and they live with me. I have no PR, and the social worker ignores my emails.",
])
def test_no_parental_responsibility_in_other_words(text: str) -> None:
    assert rules(text) == ("needs_review", {"standing_unclear"})


@pytest.mark.parametrize("text", [
    # near-miss: a step-parent with PR is a parent
    "I'm the stepdad of Leo (9) and he lives with me. I have parental responsibility. The social worker has stopped telling me about "
    "his meetings.",
    # near-miss: the mother speaks of the PR someone else hasn't got
    "I'm Leo's mum. His stepdad hasn't got PR, but the social worker still talks to him and not to me.",
])
def test_parental_responsibility_near_misses(text: str) -> None:
    assert rules(text) == ("eligible", set())


# --- time_limit: "started year 7 ... in year 8 now" (ages.py) --------------------------------------------------------


@pytest.mark.parametrize(("text", "day"), [
    ("The week my son started year 7 his social worker came to his school. He's in year 8 now.", dt.date(2025, 9, 30)),
    ("When she started reception the social worker visited. She's in year 2 now.", dt.date(2024, 9, 30)),
    ("The day he began year 10 the social worker rang his tutor. He's now in year 12.", dt.date(2024, 9, 30)),
])
def test_school_starts(text: str, day: dt.date) -> None:
    assert latest(text, "2026-10-06") == day


@pytest.mark.parametrize("text", [
    "The week my son started year 7 his social worker turned up at his school gates. He's in year 8 now but I still "
    "want it recorded as a complaint.",
    "When my daughter started year 9 her social worker told her teacher about her mum. She's in year 11 now.",
])
def test_a_school_start_out_of_time(text: str) -> None:
    assert rules(text, "2026-10-06") == ("ineligible", {"time_limit"})


@pytest.mark.parametrize("text", [
    # near-miss: the school year started this September
    "The week my son started year 8 his social worker turned up at his school gates. He's in year 8 now.",
    # near-miss: no school year now, so nothing to count from
    "The week my son started year 7 his social worker turned up at his school gates and embarrassed him.",
])
def test_a_school_start_in_time(text: str) -> None:
    assert rules(text, "2026-10-06") == ("eligible", set())


# --- not_childrens_social_care: a hospital registrar is a doctor (hospital_doctors.py) -------------------------------


@pytest.mark.parametrize("text", [
    "My son was discharged from the hospital ward at midnight. The registrar said they needed the bed. I want to "
    "complain about the hospital.",
    "We waited nine hours in A&E with my daughter. The registrar was rude to her. I want to complain about the hospital.",
    "The consultant was off sick and the registrars sent my son home from the children's ward. I want to complain "
    "about the hospital.",
])
def test_a_registrar_beside_a_hospital(text: str) -> None:
    assert rules(text) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    # near-miss: the register office's registrar
    "The registrar refused to register my son's birth with his dad's name last week. I want to complain about the "
    "registrar.",
    "I want to complain about the registrars at the town hall, who lost my daughter's birth certificate.",
])
def test_the_register_office_registrar_stays(text: str) -> None:
    assert rules(text) == ("ineligible", {"not_childrens_social_care"})
