"""Who is writing and for whom, in forms the ninth round added (made-up sentences, none from a labelled set).

- "I want to complain for her": wanting to act is acting (not "I want an advocate");
- the young person named as the one represented ("on Kayla's behalf") needs consent even when an adult asked
  for the complaint (a grandmother who instructed solicitors, an MP's constituent); the MP the caseworker
  writes for ("Mr Farrow would be grateful") is not the one represented;
- former foster carers in other words ("Until last year I was a foster carer", "we stopped fostering");
- someone with no tie to the family ("I'm not involved with them", "we live next door to a foster home");
- "my ex-partner's mother" is someone else, not the writer.

Each with near-misses.
"""

from __future__ import annotations

import pytest

from tests.helpers import decided


@pytest.mark.parametrize("text", [
    "I'm Jayden's older cousin. Jayden is 14 and lives in a children's home. His social worker has stopped his "
    "visits to us and nobody says why. I want to complain for him.",
    "Kian is 15 and in foster care. His social worker missed his review twice. I want to raise this for him.",
])
def test_wanting_to_act_for_a_young_person_needs_consent(text: str) -> None:
    assert decided(text) == ("needs_review", {"consent_required"})


def test_wanting_an_advocate_is_not_acting() -> None:
    text = "I'm 15 and in foster care. My social worker never calls back. I want an advocate to help me."
    assert decided(text) == ("eligible", set())


@pytest.mark.parametrize("text", [
    "Re: Kayla Stone (aged 15)\n\nWe are instructed by Mrs Denise Stone, Kayla's grandmother, and we write on "
    "Kayla's behalf to complain that your authority has not held a looked after review since March.\n\n"
    "Yours faithfully, Pell & Co Solicitors",
    "I am a caseworker for Daniel Farrow MP. His constituent, Mr Tom Rees, has told him about his grandson "
    "Ellis, aged 13, who is in your care and whose contact with his brother has stopped. Mr Farrow asks that "
    "this be treated as a complaint on Ellis's behalf.",
])
def test_a_young_person_named_as_the_one_represented_needs_consent(text: str) -> None:
    assert decided(text) == ("needs_review", {"consent_required"})


@pytest.mark.parametrize("text", [
    # the adult is the one represented
    "I am a caseworker for Daniel Farrow MP. His constituent, Mrs Ann Rees, is a kinship carer for her "
    "grandson and her allowance has been stopped. We write on behalf of Mrs Rees.",
    # consent shown
    "We write on Kayla's behalf; she is 15 and her signed consent form is enclosed. Her social worker has not "
    "visited since March.",
])
def test_representing_an_adult_or_with_consent_needs_no_consent_check(text: str) -> None:
    assert "consent_required" not in decided(text)[1]


@pytest.mark.parametrize("text", [
    "Until last summer I was a foster carer for the council. I want to complain about how the fostering team "
    "handled an allegation against me.",
    "We stopped fostering in the spring after a row with our supervising social worker, and I want to "
    "complain about the way she spoke to us.",
    "I don't know the family the social worker was visiting and I'm not involved with them, but she blocked my "
    "garage for two hours on Monday and was rude when I asked her to move.",
    "We live next door to a foster home. On Saturday the foster carers' social worker swore at my husband over "
    "the parking. We want to complain about her.",
])
def test_no_clear_tie_to_the_child_is_standing_unclear(text: str) -> None:
    assert decided(text) == ("needs_review", {"standing_unclear"})


@pytest.mark.parametrize("text", [
    # a current foster carer, and a parent whose ex-partner's mother is named
    "I am a foster carer for the council and our supervising social worker has not visited for three months.",
    "On Friday the social worker let my son go home with my ex-partner's mother although I had said no. I am "
    "his mum and I want to complain.",
    # a parent who is involved
    "I'm the children's father and the social worker says I'm not involved with them any more, which is wrong. "
    "I want to complain about her.",
])
def test_carers_and_parents_complain_in_their_own_right(text: str) -> None:
    assert "standing_unclear" not in decided(text)[1]
