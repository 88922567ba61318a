"""Phrasings the first tuning set did not use: each general rule, with the sentence recorded."""

from __future__ import annotations

import pytest

from tests.helpers import decided_evidence as decided


@pytest.mark.parametrize(("text", "code", "evidence"), [
    ("Family court took my baby off me in May. its not right and i want her back",
     "court_decision", "Family court took my baby off me in May."),
    ("The Ombudsman has already looked at this and found partly in my favour.",
     "already_completed", "The Ombudsman has already looked at this and found partly in my favour."),
    ("The Stage 3 panel met in February. Nothing has changed about my son's contact.",
     "already_completed", "The Stage 3 panel met in February."),
    ("I'd like to complain about Riverside Housing Association. They have left us in a flat with no heating.",
     "other_organisation", "I'd like to complain about Riverside Housing Association."),
    ("The youth offending team worker keeps changing my son's appointments.",
     "not_childrens_social_care", "The youth offending team worker keeps changing my son's appointments."),
    ("The EHCP team are now 30 weeks late finalising my daughter's plan.",
     "not_childrens_social_care", "The EHCP team are now 30 weeks late finalising my daughter's plan."),
    ("I'm Tyler's football coach. The social worker keeps pulling him out of training.",
     "standing_unclear", "I'm Tyler's football coach."),
    ("I'm the kids' stepdad. I don't have PR but the social worker has banned me from meetings.",
     "standing_unclear", "I'm the kids' stepdad."),
    ("I'm the youth worker at the project Shania attends. She's 15. Her social worker never visits.",
     "consent_required", "I'm the youth worker at the project Shania attends."),
])
def test_other_voices_give_the_code_and_its_sentence(text: str, code: str, evidence: str) -> None:
    assert decided(text)[1].get(code) == evidence


@pytest.mark.parametrize(("text", "received", "evidence"), [
    (("I was pregnant and very poorly, so I couldn't deal with this earlier. In January 2025 the social worker "
      "told my ex where I was living."), "2026-05-15",
     "I was pregnant and very poorly, so I couldn't deal with this earlier."),
    ("Sorry this is so late. The fostering team never paid the holiday allowance for summer 2023.", "2025-07-29",
     "Sorry this is so late."),
])
def test_a_reason_for_the_delay_in_other_words_goes_to_a_person(text: str, received: str, evidence: str) -> None:
    decision, found = decided(text, received)
    assert decision == "needs_review" and found == {"time_limit_good_reason": evidence}


@pytest.mark.parametrize("text", [
    # a referral reported, then the social worker complained about: not the school's complaint
    "The school rang social services about a bruise and now the social worker won't tell me what is in the referral.",
    "I have told the social worker about the school, but she says she can't do anything and she has not come.",
    # consent in other words, or shown by an attached form
    "His signed form is attached. I'm Aaron's advocate and he wants to complain that the children's home took his phone.",
    "I am Kira's aunt. She is 14 and she has asked me to write to you because her social worker keeps cancelling.",
    # parental responsibility outweighs "step-dad"
    "I'm the step-dad but I have parental responsibility. The social worker still won't send me the minutes.",
    # asking for a panel, and the Ombudsman sending the writer here first
    "Could you tell me how to take this to the independent review panel? The investigator didn't interview me.",
    "The Ombudsman told me I need to go through your complaints process first. My social worker never visits.",
    # a fostering panel is part of the service, not the complaints panel
    "The fostering panel said no last month and the social worker never explained why.",
    # the matter goes on
    "My child protection plan ended in 2024, but the social worker is still turning up at my house unannounced.",
])
def test_near_misses_stay_eligible(text: str) -> None:
    """The rules keep them eligible; with the text model one may go to a person, never be turned away."""
    assert decided(text, "2026-11-03", rules_only=True) == ("eligible", {})
    assert decided(text, "2026-11-03")[0] != "ineligible"


# Sixth round (blind3 as the dev set): general patterns, tested with sentences written for these tests.
@pytest.mark.parametrize("text", [
    # A court order the council is not carrying out is the council's failure.
    "The judge ordered weekly phone calls with my son in March. The council's family centre has missed four "
    "of them since. Why isn't the council doing what the judge said?",
    "The court said my girls should see their nan monthly. The social worker keeps putting the visits off.",
    # Asking to go on to Stage 2 or 3 is a request.
    "I've had the stage 2 report and I'm not happy. Please send my complaint on to the review panel. "
    "It's about the social worker stopping my daughter's overnight stays in April. I'm her dad.",
    "Can you put this through to Stage 3 please? I'm the mum and the social worker still hasn't visited.",
    # Another service named only in praise, or as where a young person moves next.
    "My son is 15 and disabled. The council cut his short breaks in May without asking him. The adult "
    "services transition worker was lovely when I rang, so this is not about them. I want the cut reviewed.",
    "Since last year I've asked for a plan for my daughter's transition to adult services. She's 17. "
    "Her social worker said it would be done at the review and it hasn't been.",
])
def test_sixth_round_near_misses_stay_eligible(text: str) -> None:
    decision, codes = decided(text, "2026-06-15", rules_only=True)
    assert decision == "eligible", codes


@pytest.mark.parametrize(("text", "received"), [
    ("The winter before last the social worker moved my son without telling me. His mum, Jo", "2026-03-10"),
    ("Two Christmases ago the social worker cancelled the children's visit home. I'm their mum.", "2026-01-03"),
    ("At Christmas two years ago the social worker let my ex collect the kids. I'm their dad.", "2025-12-30"),
    ("Around Easter last year the social worker cancelled my son's contact. I'm his mum.", "2027-12-20"),
    ("In the summer two years ago the social worker shouted at my daughter. I'm her father.", "2028-01-02"),
    ("Back in 2022 I rang for support with my boy. The duty social worker never called back. I'm his mum.",
     "2024-01-05"),
    ("When my son was 6 the social worker lost his life story book. He's 10 now. His mum, Ann", "2026-01-04"),
    ("When our girls were in year 1 the social worker told the school they were on a plan. "
     "They're in year 5 now. Their mum", "2025-12-31"),
])
def test_sixth_round_date_forms_out_of_time(text: str, received: str) -> None:
    decision, codes = decided(text, received, rules_only=True)
    assert decision == "ineligible" and "time_limit" in codes, codes


@pytest.mark.parametrize(("text", "received"), [
    ("Two Christmases ago I moved house. Last month the social worker cancelled contact. I'm the mum.", "2026-01-03"),
    ("At Christmas last year the social worker cancelled the visit. I'm their dad.", "2026-01-05"),
    ("When my son was 12 the social worker moved him. He's 12 now. His mum", "2026-01-04"),
])
def test_sixth_round_date_forms_in_time(text: str, received: str) -> None:
    assert decided(text, received, rules_only=True)[0] == "eligible"


def test_what_was_disclosed_is_no_reason_for_delay() -> None:
    decision, codes = decided("In March 2024 the social worker told my neighbour about my mental health. "
                              "I'm the mum of Kai.", "2025-06-01", rules_only=True)
    assert decision == "ineligible" and "time_limit" in codes, codes


@pytest.mark.parametrize(("text", "code"), [
    ("The police officer who came to the house was sarcastic to my daughter. I'm her mum.", "other_organisation"),
    ("The SEN taxi failed to collect my son three times this month. I'm his dad.", "not_childrens_social_care"),
    ("My brother is in a care home and his social worker from adults ignores my calls. I'm a care leaver.",
     "not_childrens_social_care"),
])
def test_sixth_round_other_bodies(text: str, code: str) -> None:
    decision, codes = decided(text, "2026-06-15", rules_only=True)
    assert decision == "ineligible" and code in codes, codes


@pytest.mark.parametrize("text", [
    "I'm Amir's support worker at the hostel. He's 16. He's sat next to me while I write this. His social "
    "worker has not visited since April.",
    "I'm Leah's advocate. She's 15 and she wants it sent today. Her social worker cancelled her review.",
    "Enclosed is a form signed by Callum (14). I'm his solicitor. His social worker stopped his contact in May.",
])
def test_sixth_round_consent_in_other_words(text: str) -> None:
    assert "consent_required" not in decided(text, "2026-06-15", rules_only=True)[1]


def test_a_writer_known_only_by_talk_of_consent_gets_consent_required_not_a_crash() -> None:
    """Found by the fourth blind set: a representative with no "on behalf of" sentence crashed the rule
    (the message would have gone to quarantine); the evidence is where consent is spoken of."""
    decision, evidence = decided("The social worker moved Tia, who is 15, to a placement miles from her school. "
                                 "She has not given consent for me to complain, she doesn't know yet.")
    assert decision == "needs_review"
    assert "given consent" in evidence["consent_required"]


# Seventh round: date forms of the matter resolved against the day of receipt (own sentences; year-end receipts).
@pytest.mark.parametrize(("text", "received", "code"), [
    ("During the first lockdown the social worker only ever phoned, she never saw my boys.", "2025-12-31",
     "time_limit"),
    ("In the spring term of 2023 the fostering team stopped the respite we'd been promised.", "2024-12-30",
     "time_limit"),
    ("My foster son's social worker missed every review in the 2021/22 school year.", "2024-01-02", "time_limit"),
    ("The social worker refused our holiday request in 2022. That summer she also cancelled his contact.",
     "2026-01-01", "time_limit"),
    ("Noah is 16 now. A week after his 13th birthday his social worker moved him without telling him.",
     "2027-12-31", "time_limit"),
    ("She was in Year 7 (now Year 10) when the social worker read out her diary at a meeting.", "2025-12-30",
     "time_limit"),
    ("Three Easters ago the contact worker cancelled our visit and on Easter Sunday nobody came.", "2026-04-30",
     "time_limit"),
    ("In March 2024 my daughter's social worker shouted at her. We've had a new worker since and she is kind.",
     "2025-12-31", "time_limit"),
    ("In August 2024 the placements team moved my son at two hours' notice. I've been brooding on it ever since.",
     "2026-01-02", "time_limit"),
])
def test_seventh_round_dates_of_the_matter(text: str, received: str, code: str) -> None:
    decision, codes = decided(text, received, rules_only=True)
    assert decision == "ineligible" and code in codes, codes


@pytest.mark.parametrize(("text", "received"), [
    ("The social worker stopped answering my calls in 2022 and it's been the same ever since.", "2025-12-31"),
    ("My son's social worker cancelled contact in 2023 and I have heard nothing since.", "2026-01-01"),
    ("The contact worker was rude to me last autumn term. I'm his mum.", "2026-01-02"),
    ("I had fallen behind with nothing. In November the social worker cancelled my visit. I'm her dad.",
     "2027-01-04"),
    ("I'm Ella's stepdad and I have parental responsibility under an order from 2021. Her social worker "
     "will not reply to my emails.", "2026-12-31"),
    ("I was Kai's foster carer for three years until he left in 2023. His new social worker won't let him "
     "visit us, and I'm complaining about that.", "2026-06-01"),
])
def test_seventh_round_in_time_or_background_dates(text: str, received: str) -> None:
    codes = decided(text, received, rules_only=True)[1]
    assert "time_limit" not in codes and "time_limit_good_reason" not in codes, codes


def test_seventh_round_a_body_set_aside_before_a_pronoun_is_not_the_subject() -> None:
    text = ("My daughter's social worker rang her college and told the tutor about our family court case. "
            "The college has been very supportive, it's not them I'm complaining about, it's her.")
    assert decided(text, "2026-06-15", rules_only=True)[0] != "ineligible"


@pytest.mark.parametrize("text", [
    "The order says my dad can only see me twice a year. That's not enough, change it please. I'm 14.",
    "Please ask the council to reconsider the care order made last month: the court did not have the full picture.",
    "The magistrates gave the placement order in March. I'm his dad and I never consented to it.",
])
def test_seventh_round_court_decisions_in_other_words(text: str) -> None:
    assert "court_decision" in decided(text, "2026-06-15", rules_only=True)[1]


@pytest.mark.parametrize("text", [
    "In May 2023 the social worker lost my son's passport. im 17 now, i didnt no i could complain about it.",
    "In June 2022 our link worker cut our allowance and warned us not to complain or we'd get no more children.",
])
def test_seventh_round_delay_reasons_in_other_words(text: str) -> None:
    assert decided(text, "2025-12-31", rules_only=True)[0] == "needs_review"


def test_seventh_round_a_holiday_repeated_without_a_year_is_the_same_christmas() -> None:
    text = ("Two Christmases ago the social worker said my girls could stay over. "
            "On Christmas Eve she rang at 9pm to say no.")
    decision, codes = decided(text, "2026-12-30", rules_only=True)
    assert decision == "ineligible" and "time_limit" in codes, codes
