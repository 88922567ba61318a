"""Round 13 forms, in made-up sentences: the out-of-hours service as ours, a social worker on the writer's side,
"the staff" of another place, a court's order undone or disputed in other words, neighbours by where they live,
school staff as representatives, consent in a solicitor's words, and reasons for the delay that run on."""

from __future__ import annotations

import pytest

from tests.helpers import decided, decided_evidence


@pytest.mark.parametrize("text", [
    # the out-of-hours / duty service is children's social care, whoever else is named
    "On Saturday night the emergency duty team refused to send anyone when our foster son went missing.",
    "We had to pay for a cab to the emergency dentist ourselves because the duty worker said no.",
    "The out-of-hours social worker would not authorise a taxi to the walk-in centre for our foster daughter.",
    "my sw is rubbish she never rings me back and i'm 15",
    # a social worker who helped and then failed is still complained of
    "My son's social worker helped us fill in the school forms but then lost them.",
    "My daughter's social worker agreed to come to the exclusion meeting and never turned up.",
    "The social worker told the school about my son's care history, which I never agreed to.",
    # praise that turns ("fine until ...") is no praise
    "My son's social worker was fine until she lied about me. The school then excluded him.",
    # "the staff" beside a children's home are ours
    "We went to the library on Saturday. The staff at the children's home never let him go on his own.",
    "My daughter lives in a children's home. The staff there never let her phone me.",
    # the council not following the order, said with the challenge word denied
    "I'm not disputing the care order, I'm complaining that the council isn't arranging the contact it sets out.",
    "We are not contesting the supervision order; the social worker has not visited once since it was made.",
    # a foster carer's own fostering team, and someone else's foster carers
    "I'm a foster carer and the fostering team never pays my allowance on time.",
    "Her foster carers never let her phone me and the social worker does nothing about it. I'm her mum.",
    # someone else's coach, and a parent's neighbour; the social worker acting on an order, not the court deciding
    "My son's social worker told his football coach about his care order, which I never agreed to.",
    "Her social worker sent a copy of the care order to my employer without asking me. I'm her dad.",
    "Our neighbour told the social worker lies about us and now my son's contact has been cut.",
    # a young person named in passing by a parent: no representative
    "My daughter's headteacher told me the social worker never turned up to the meeting.",
])
def test_eligible_forms_stay_eligible(text: str) -> None:
    assert decided(text) == ("eligible", set())


@pytest.mark.parametrize(("text", "code"), [
    # the other body complained of, with children's social care on the writer's side
    ("The school excluded my son for a week. His social worker agrees the exclusion was unfair. I want the school "
     "to reverse it.", "other_organisation"),
    ("The hospital discharged my foster daughter far too early. Her social worker has been supporting us.",
     "other_organisation"),
    ("my college kicked me off my course for missing days when i was at contact, which my sw told them about.",
     "other_organisation"),
    ("I want to complain about the police officers who searched our house. The social worker stood back and said "
     "nothing, but to be fair it wasn't her call.", "other_organisation"),
    # children's social care praised, then the complaint turned to another body in the same breath
    ("I want to complain about Oakfield Nursery. The nursery staff lost my son's inhaler twice. The social worker "
     "was lovely, it's the nursery I'm angry with.", "other_organisation"),
    # "the staff" of the place named just before
    ("My foster son was banned from the leisure centre last week. The staff shouted at him in front of his friends.",
     "not_childrens_social_care"),
    # foster carers in general, after the writer says they foster
    ("As a foster carer I was told foster carers get a council tax reduction, but my council tax bill has gone up.",
     "not_childrens_social_care"),
    # a court's order undone, disputed or dismissed in other words
    ("The magistrates made a supervision order last month. There is no need for it and I want it scrapped.",
     "court_decision"),
    ("I am contesting the child arrangements order the judge made in March.", "court_decision"),
    ("The judge made a placement order for my son. I want the council to cancel the placement order.",
     "court_decision"),
    ("The judge just rubber-stamped what the guardian said and made a care order.", "court_decision"),
    ("The social worker exaggerated everything and the judge made a care order on that basis. I want it overturned.",
     "court_decision"),
])
def test_closing_forms_close_the_door(text: str, code: str) -> None:
    decision, codes = decided(text, rules_only=True)
    assert decision == "ineligible" and code in codes


@pytest.mark.parametrize(("text", "evidence"), [
    ("I live three doors down from one of your foster homes and the children are out on the street at midnight.",
     "I live three doors down from one of your foster homes and the children are out on the street at midnight."),
    ("We live on the same road as the children's home and the staff never stop the kids throwing stones.",
     "We live on the same road as the children's home and the staff never stop the kids throwing stones."),
    ("I won't give my name. The social worker for the family at number 8 never visits.", "I won't give my name."),
    ("I'd rather not give my name, but those children are left alone every night and nobody checks.",
     "I'd rather not give my name, but those children are left alone every night and nobody checks."),
])
def test_neighbours_by_where_they_live_and_nameless_writers_are_unclear(text: str, evidence: str) -> None:
    assert decided_evidence(text)[1].get("standing_unclear") == evidence


@pytest.mark.parametrize("text", [
    "I'm the designated safeguarding lead at Birchwood Academy, writing about one of our Year 9 pupils. His social "
    "worker has not visited since March.",
    "As Mia's headteacher I want to raise that her social worker has missed three reviews. Mia is 13.",
    "I'm writing about Dan (15), who we have been mentoring at the project. His social worker never turns up.",
    "I am Leo's advocate. Leo (15) has not seen this letter and his social worker keeps cancelling contact.",
    "We act for Sam (16), without Sam's agreement so far. The leaving care team has not paid the setting-up grant.",
])
def test_school_staff_and_project_workers_need_the_young_persons_consent(text: str) -> None:
    assert decided(text, rules_only=True) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    "We act for Sam (16), with Sam's agreement. The leaving care team has not paid the setting-up grant.",
    "I am Leo's advocate. Leo, who is 15, has read and approved this letter: his social worker keeps cancelling contact.",
    "We write on her instructions for Ava, who is 17. Her pathway plan has not been reviewed since January.",
])
def test_consent_in_a_representatives_words_is_shown(text: str) -> None:
    assert decided(text, rules_only=True) == ("eligible", set())


@pytest.mark.parametrize(("text", "received"), [
    ("In March 2024 the social worker shouted at me in a meeting. I had a heart attack a week later and I'm still "
     "having physio.", "2025-09-01"),
    ("In January 2025 the social worker let my ex take the children. Her manager told me to wait until the police had "
     "finished. The police closed the case last month, so I'm writing now.", "2026-06-01"),
    ("The review took place in February 2024 and the social worker lied in it. I was in rehab until this spring.",
     "2025-08-01"),
])
def test_a_reason_for_the_delay_that_runs_on_goes_to_a_person(text: str, received: str) -> None:
    assert decided(text, received, rules_only=True) == ("needs_review", {"time_limit_good_reason"})


@pytest.mark.parametrize(("text", "received", "codes"), [
    # how long the writer has held a role is no failure going on
    ("I have been supporting Kai (16) for the past two years. His placement ended suddenly in March 2024.",
     "2025-06-01", {"time_limit", "consent_required"}),
    # the earlier complaint's own steps date the matter
    ("The review panel met in January 2024 and the final response came in February 2024. I want my complaint reopened.",
     "2025-06-01", {"already_completed", "time_limit"}),
])
def test_old_matters_stay_old(text: str, received: str, codes: set[str]) -> None:
    assert decided(text, received, rules_only=True)[1] == codes


@pytest.mark.parametrize(("text", "received"), [
    ("In 2023 the social worker started holding meetings about my son without me and she is still having them.",
     "2026-03-01"),
    ("We have been fostering Lily for the last year and the social worker still hasn't visited once.", "2026-03-01"),
])
def test_a_failure_that_goes_on_stays_in_time(text: str, received: str) -> None:
    assert "time_limit" not in decided(text, received, rules_only=True)[1]


@pytest.mark.parametrize(("text", "codes"), [
    # the earlier matter's subject, closed at Stage 3, does not shield what the writer now complains of
    ("My complaint about the social worker went through all three stages and the Ombudsman closed it in March. Now "
     "the judge has made a care order and I want it overturned.", {"already_completed", "court_decision"}),
    ("The review panel heard my complaint about the fostering team in May and the Director's final response came in "
     "June. Separately, the hospital lost my son's scan results and won't answer me.",
     {"already_completed", "other_organisation"}),
])
def test_a_closed_matter_does_not_hide_a_new_subject(text: str, codes: set[str]) -> None:
    assert decided(text, "2026-09-01", rules_only=True) == ("ineligible", codes)


def test_a_new_matter_after_an_old_panel_stays_eligible() -> None:
    text = ("My last complaint about the school transport went to a Stage 3 panel. This is a new complaint: the social "
            "worker has stopped my contact without any reason.")
    assert decided(text, "2026-09-01") == ("eligible", set())


@pytest.mark.parametrize(("text", "codes"), [
    # a body that only wrote in the writer's support is no second subject
    ("The damp in our council house has been reported five times and nothing is done. The health visitor has written "
     "a letter saying the damp is harming the baby.", {"not_childrens_social_care"}),
    ("The GP wrote us a letter confirming the flat is making him ill, and the housing team still ignore us.",
     {"not_childrens_social_care"}),
    # ... but a body whose letter is complained of is
    ("The GP wrote a letter to the school that was full of mistakes about my son.", {"other_organisation"}),
])
def test_a_body_on_the_writers_side_is_no_subject(text: str, codes: set[str]) -> None:
    assert decided(text, rules_only=True) == ("ineligible", codes)


@pytest.mark.parametrize(("text", "code"), [
    # complaint words: sent away or kept waiting, frightened, written down falsely
    ("The A&E staff made my foster daughter wait nine hours and then sent her away.", "other_organisation"),
    ("Officers from the local station turned up at 3am and frightened the kids half to death.", "other_organisation"),
    ("The midwife wrote false things in my notes and will not correct them.", "other_organisation"),
])
def test_other_complaint_words_about_another_body(text: str, code: str) -> None:
    assert decided(text, rules_only=True) == ("ineligible", {code})


@pytest.mark.parametrize("text", [
    "The social worker sent us away from the contact centre because we were five minutes late. My son was frightened.",
    "The hospital were brilliant but the social worker made us wait three weeks for a visit after my daughter was discharged.",
    "My foster son was scared of the police when they came, and the duty social worker never explained anything to him.",
    "The police officer was kind. The social worker kept us waiting in reception for two hours and then cancelled.",
    "My son's teacher has written a letter saying the social worker hasn't visited him since March.",
    # where a parent lives is no neighbour's standing
    "I live two doors down from my daughter and the social worker won't tell me anything about her. I'm her mum.",
])
def test_the_same_words_about_childrens_social_care_stay_eligible(text: str) -> None:
    assert decided(text) == ("eligible", set())


def test_a_member_of_the_familys_church_is_unclear() -> None:
    text = "I'm writing as a concerned member of the church the family attend. Their social worker never visits."
    assert decided(text, rules_only=True) == ("needs_review", {"standing_unclear"})


@pytest.mark.parametrize(("text", "received", "codes"), [
    ("Last month the court put a prohibited steps order on me. I want to fight it.", "2025-09-01", {"court_decision"}),
    ("I'm the children's former stepmother and I was never consulted by the social worker.", "2025-09-01",
     {"standing_unclear"}),
    ("I'm the lodger at the house and the social worker keeps asking me questions about the kids.", "2025-09-01",
     {"standing_unclear"}),
    ("We are the solicitors for Kian, aged 14. His social worker moved him without consultation.", "2025-09-01",
     {"consent_required"}),
    ("In February 2024 the contact was stopped. I have been in and out of hospital since then with my heart.",
     "2025-09-01", {"time_limit_good_reason"}),
])
def test_more_words_for_the_same_codes(text: str, received: str, codes: set[str]) -> None:
    assert decided(text, received, rules_only=True)[1] == codes


@pytest.mark.parametrize("text", [
    "I'm going to fight for my son: the social worker has not followed the court order on contact.",
    "I live with my stepfather and my social worker never rings me back. I'm 15.",
    "The solicitors for the council sent me the wrong bundle, and the social worker won't explain the care plan.",
])
def test_near_misses_of_those_words_stay_eligible(text: str) -> None:
    assert decided(text, "2025-09-01", rules_only=True) == ("eligible", set())
