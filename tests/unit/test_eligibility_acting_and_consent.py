"""Who is writing and for whom, in forms the twelfth round added (made-up sentences, none from a labelled set).

- the young person named as the one the complaint is for ("on Kacey's behalf", "Advocacy complaint for
  Jordan"), or met as "one of my tutees / mentees";
- a professional role in the sign-off ("Advocate, Northshire Voices", "Youth worker: Sam Reid");
- a title with a child's age ("We act for Mr Jake Wills (16)") is a young person, not an adult;
- consent guessed ("she'd be happy for me to, I'm sure") or denied ("he doesn't know I'm writing") is not shown;
- a professional writing on nobody's behalf has unclear standing;
- "I'm Priya, a kinship foster carer": a name, then the role; "I'm not his carer" puts an order named in the
  message with someone else.

Each with near-misses.
"""

from __future__ import annotations

import pytest

from tests.helpers import decided


@pytest.mark.parametrize("text", [
    "I mentor Year 10 students. One of my mentees, Kacey (14), is looked after and her social worker has not "
    "visited for three months. I wish to complain on Kacey's behalf.",
    "I teach at Oakfield College. One of my tutees, Dev, is 16 and in foster care, and his social worker has "
    "missed two reviews. Please treat this as a complaint.",
    "Advocacy complaint for Jordan, 15. His social worker cancelled his review twice this month and nobody "
    "has told him why.",
    "His social worker cancelled his review twice this month and nobody has told him why.\n\n"
    "Advocate, Northshire Voices",
    "Jordan (15) lives at Elm House. Staff took his phone for a week as a punishment.\n"
    "Youth worker: Sam Reid",
])
def test_a_young_person_represented_in_other_words_needs_consent(text: str) -> None:
    assert decided(text) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    # the young person's consent is shown
    "Complaint for Jordan: his social worker cancelled his review twice this month. He has asked me to send "
    "this.\n\nAdvocate, Northshire Voices",
    # a parent naming their own child
    "My daughter Chloe is 15. I want to complain for Chloe because her social worker cancelled contact twice.",
    # "for May" is a month, not a young person
    "I have a complaint for May: the social worker cancelled every visit in April.",
    # a parent's sign-off is no professional's
    "His social worker cancelled his review twice this month.\n\nThanks, Karen (mum)",
    # a young person asking for an advocate at the end is not signing as one
    "I'm 15 and in foster care. My social worker has cancelled my review three times.\nAdvocate please",
    "I'm 15 and in foster care. My social worker has cancelled my review three times.\nAdvocate needed",
    # a parent's own words ("my son") outweigh a role signed at the end
    "My son is 14 and lives at Birch House. Staff have stopped his weekend leave for a month.\n"
    "Beth Adams\nTeacher, Birch Academy",
])
def test_no_consent_question_without_a_represented_young_person(text: str) -> None:
    assert decided(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "We act for Mr Jake Wills (16), who is in your care. His placement was ended without notice on 3 May.",
    "We are instructed by Miss Tara Bell, aged 15, who is looked after by you. Her contact with her brother "
    "stopped in April.",
])
def test_a_title_with_a_childs_age_is_a_young_person(text: str) -> None:
    assert decided(text) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    # an adult with a title
    "We act for Ms Dawn Wills, aged 38, the mother of two children in your care. Her contact was cut on 3 May.",
    # a young person with a title, whose signed authority is enclosed
    "We act for Mr Jake Wills, aged 16, who is in your care. He has instructed us and his signed authority is "
    "enclosed. His placement ended on 3 May.",
])
def test_an_adult_or_a_young_person_who_consented_needs_no_check(text: str) -> None:
    assert "consent_required" not in decided(text)[1]


@pytest.mark.parametrize("text", [
    "I'm a youth worker. Tia (15) is looked after and her social worker never visits. She doesn't know I'm "
    "writing, but she'd be glad I did. I want to complain on her behalf.",
    "I'm a youth worker. Tia (15) is looked after and her social worker never visits. She'd be happy for me to "
    "complain, I'm sure.",
    "I'm Tia's mentor. She is 15 and her social worker never visits. I'm sure she wants me to raise it.",
    "I support Mia (16) at our youth project. Her personal adviser keeps missing appointments. She doesn't know "
    "that I'm emailing you.",
    "I'm Kai's learning mentor. Kai is 14 and has asked me to help him. His social worker hasn't visited since "
    "March. Kai hasn't seen this email yet.",
])
def test_consent_guessed_or_denied_is_not_shown(text: str) -> None:
    assert decided(text) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    "I'm a youth worker. Tia (15) is looked after and her social worker never visits. She said she'd be happy "
    "for me to complain on her behalf.",
    "I'm a youth worker. Tia (15) is looked after and her social worker never visits. She has asked me to "
    "write, and I'm sure you will see why.",
    "I'm a youth worker. Tia (15) is looked after and her social worker never visits. Please find the consent "
    "form attached, which she would like you to read.",
])
def test_consent_reported_or_attached_is_shown(text: str) -> None:
    assert "consent_required" not in decided(text)[1]


@pytest.mark.parametrize("text", [
    "I'm a teacher and I'm not writing on anyone's behalf: your social workers never return calls from our "
    "school.",
    "As a health visitor I am not acting for anyone in particular, but your duty team took four days to call "
    "me back last week.",
])
def test_a_professional_writing_for_nobody_has_unclear_standing(text: str) -> None:
    assert decided(text) == ("needs_review", {"standing_unclear"})


def test_a_professional_writing_for_a_pupil_still_needs_consent() -> None:
    text = "I'm a teacher writing on behalf of one of my pupils, Zak, who is 13. His social worker never returns calls."
    assert decided(text) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize(("text", "expected"), [
    ("I'm Priya, a kinship foster carer for my nephew. His social worker has not visited since April and I "
     "want to complain.", ("eligible", set())),
    ("I'm Jo, a neighbour of the family at number 12. The social worker parked across my drive again on "
     "Monday.", ("needs_review", {"standing_unclear"})),
    ("I'm Tom, a former foster carer. The fostering team never paid my last allowance in March.",
     ("needs_review", {"standing_unclear"})),
])
def test_a_name_then_a_role_introduces_the_writer(text: str, expected: tuple[str, set[str]]) -> None:
    assert decided(text) == expected


def test_a_grandparent_who_is_not_the_carer_challenging_an_sgo() -> None:
    text = ("I'm the paternal grandmother. The court made a special guardianship order for my grandson to live "
            "with his aunt. I'm not his carer, but I should have been picked. I want to complain that the SGO is "
            "wrong.")
    assert decided(text) == ("ineligible", {"court_decision", "standing_unclear"})


def test_special_guardians_complaining_of_the_allowance_stay_in_the_procedure() -> None:
    text = ("We are special guardians for our granddaughter. The court made the SGO in 2025. The SGO allowance was "
            "cut in May, which is wrong.")
    assert decided(text) == ("eligible", set())
