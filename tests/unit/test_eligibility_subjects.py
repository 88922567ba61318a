"""Who the complaint is about, in forms the fifth round added (made-up sentences, none from a labelled set).

- having a social worker is a status, not an actor ("because we have a social worker");
- in a clause that complains about another body named first, a social worker named after it (as the one who
  backed the writer, or wrote a letter) does not take the complaint words;
- "she isn't the problem" sets aside whoever the pronoun stands for;
- another council's children's services: named with "where we lived before", a place moved from, "our
  previous council", and that council's own staff ("their social worker");
- "the children's disability team" is ours even in a sentence about adult services.

Each with near-misses that must not close the door.
"""

from __future__ import annotations

import pytest

from tests.helpers import decided


@pytest.mark.parametrize("text", [
    # a status: having a social worker, in another body's complaint
    ("The dentist refused to see my daughter last week and the receptionist was sneering because we have a "
     "social worker. I want to complain about the dental practice receptionist and the dentist."),
    ("Our son's got a social worker, but she isn't the problem. The academy has put him in isolation every day "
     "this month. I'd like to complain about the academy."),
    # the social worker named after the body, as the one who backed the writer
    ("The paediatric clinic cancelled Ruby's appointment four times, despite a letter from her social worker "
     "asking them to hurry. I want to make a complaint about the clinic."),
    ("The police officer shouted at my foster son in front of his friends, even though his social worker was "
     "there to explain. How do I complain about that officer?"),
])
def test_another_body_complained_of_beside_a_social_worker_closes_the_door(text: str) -> None:
    assert decided(text) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    # the social worker is the subject of the complaining clause, the body named after
    ("My social worker refused to come to the hospital with me and the nurses had to ring her. I want to "
     "complain about the hospital and about her."),
    # a social worker one has, then complained about by a pronoun
    "We have a social worker, but she has not visited since March and never returns calls.",
    "I've got a social worker who keeps cancelling our visits at the last minute.",
    # a school in passing, the social worker the subject
    ("The social worker told the school about my private medical history without asking me. The school were "
     "fine about it. I want to complain about the social worker."),
])
def test_children_s_social_care_still_complained_of_stays_in(text: str) -> None:
    assert decided(text)[0] != "ineligible"  # a person may be asked about a mixed one, never turned away


@pytest.mark.parametrize("text", [
    ("My complaint is about Westhollow City Council's children's services, where we lived before: their social "
     "worker lost our son's life story work when she closed the case in April."),
    ("We moved here from Farrowdale in the spring. Before we moved, Farrowdale Council's fostering team stopped "
     "our allowance without a word. Who do I complain to about Farrowdale?"),
    ("I want to complain about our previous council's social worker, who closed our child in need plan in "
     "March without telling us."),
])
def test_another_council_s_children_s_services_is_another_organisation(text: str) -> None:
    assert decided(text) == ("ineligible", {"other_organisation"})


@pytest.mark.parametrize("text", [
    # moved here, and this council's social worker complained of
    ("We moved here from Farrowdale in January. Your social worker has not visited once since we arrived and "
     "my son's plan has lapsed."),
    # a council named in full with no sign it is another one: the council written to
    "Brackenford Borough Council's social worker shouted at my daughter at the contact centre last week.",
    # the old council praised, this one complained of
    ("Our previous council's social worker was brilliant. Since we moved in February nobody here has been "
     "allocated to us and the child protection plan has not been reviewed."),
])
def test_this_council_after_a_move_stays_in(text: str) -> None:
    decision, codes = decided(text)
    assert decision != "ineligible" and "other_organisation" not in codes


@pytest.mark.parametrize("text", [
    ("My daughter is 17 and autistic. The children's disability team promised a transition plan to adult "
     "social care by May and has done nothing. This complaint is about the children's team."),
    ("The children with disabilities team never passed my son's file to adult services before his 18th, "
     "so adult services have nothing. My complaint is about the children's side, not adults."),
])
def test_the_children_s_team_is_ours_beside_adult_services(text: str) -> None:
    decision, codes = decided(text)
    assert decision != "ineligible" and "not_childrens_social_care" not in codes


def test_adult_services_complained_of_still_goes_elsewhere() -> None:
    text = ("My son is 19 now. His adult social worker cut his day centre place to one day without a review. "
            "This complaint is about adult services.")
    assert decided(text)[1] == {"not_childrens_social_care"}


# Ninth round (made-up sentences, none from a labelled set): a body or service cleared in so many words, a
# complaint said not to be about it, told something, ruled out as not involved, quoted, or joined to a place
# by "and"; an EHCP spelt out, a bin in any colour, an independent fostering agency.

@pytest.mark.parametrize("text", [
    "We rent from the council and the repairs team is fine. The problem is the social worker, who on Tuesday "
    "rang my landlord and told him about our case. The housing officer hasn't done anything wrong.",
    "The school has been wonderful, so please don't take this as a complaint about the school. It is about our "
    "social worker, who missed the child protection conference.",
    "Last week the social worker emailed my son's headteacher that he was being taken into care, which was "
    "untrue. I want to complain about the social worker.",
    "My daughter, 15, has been placed 50 miles from her friends and her school, and her social worker ignores "
    "her calls. I am her mum.",
])
def test_bodies_named_beside_the_social_worker_complained_of_stay_in(text: str) -> None:
    assert decided(text) == ("eligible", set())


@pytest.mark.parametrize(("text", "code"), [
    ("I want to complain about two officers at Dunmore police station who pushed my son over on 2 May. Nobody "
     "from children's services was involved.", "other_organisation"),
    ("The PCSOs laughed at my daughter and called her \"a care home kid\". I am complaining about the police "
     "officers. The social worker had nothing to do with it.", "other_organisation"),
    ("I foster through Greenway Fostering, an independent fostering agency. On 3 May the agency decision maker "
     "ended our approval and we think the agency's decision is wrong.", "other_organisation"),
    ("My grandson's education, health and care plan has not been finalised after eight months. I want to "
     "complain about the delay.", "not_childrens_social_care"),
    ("Our black bin has been missed four weeks running. The crew never stop at our house.",
     "not_childrens_social_care"),
])
def test_another_body_or_service_complained_of_closes_the_door(text: str, code: str) -> None:
    decision, codes = decided(text)
    assert decision == "ineligible" and code in codes


@pytest.mark.parametrize("text", [
    # children's social care said not to come, and a quoted phrase with a service word in it: still complained of
    "Nobody from children's services came to the meeting on 2 May, although the social worker promised. I am "
    "the mum and I want to complain.",
    "The social worker called my son \"a care home case\" in front of his friends on 2 May. I am his mum.",
])
def test_near_misses_stay_with_childrens_social_care(text: str) -> None:
    assert decided(text) == ("eligible", set())
