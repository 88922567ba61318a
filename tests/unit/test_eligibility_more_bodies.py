"""Round 13: more names people give another body or council service, and the writer's own illness beside the NHS."""

from __future__ import annotations

import pytest

from tests.helpers import decided


@pytest.mark.parametrize(("text", "code"), [
    ("The paramedics were rude to my foster son and refused to take him in.", "other_organisation"),
    ("The locum at the practice refused to prescribe my daughter's inhaler.", "other_organisation"),
    ("A PCSO shouted at my son in the park and took his bike.", "other_organisation"),
    ("The psychiatric ward discharged my daughter with no plan.", "other_organisation"),
    ("The dental practice refused to register my foster children.", "other_organisation"),
    ("The community nurse never came to change my daughter's dressing.", "other_organisation"),
    ("The school bus driver left my son at the side of the road.", "not_childrens_social_care"),
    ("The council's bereavement services lost my mum's paperwork.", "not_childrens_social_care"),
    ("The trading standards team ignored my report about a dodgy car seat.", "not_childrens_social_care"),
    ("The registrar refused to register my baby's birth with my name on it.", "not_childrens_social_care"),
])
def test_another_body_or_service_in_other_words(text: str, code: str) -> None:
    decision, codes = decided(text, rules_only=True)
    assert decision == "ineligible" and code in codes


@pytest.mark.parametrize("text", [
    "The paramedics were brilliant but the social worker never came to the hospital.",
    "The duty social worker told the pharmacy to stop my methadone without asking me.",
    "My daughter's psychiatric ward team asked the social worker to visit and she never did.",
    "The registrar was lovely. The social worker refused to sign the form so I could register my son's birth.",
])
def test_those_bodies_named_beside_childrens_social_care_stay_eligible(text: str) -> None:
    assert decided(text, "2025-09-01") == ("eligible", set())


def test_the_writers_own_stay_on_a_ward_is_a_reason_for_the_delay_not_a_complaint() -> None:
    text = ("I was on a psychiatric ward for three months, which is why this is late. The social worker stopped my "
            "contact in March 2024.")
    assert decided(text, "2025-09-01", rules_only=True) == ("needs_review", {"time_limit_good_reason"})
