"""The message templates render the facts a family needs, in words they can read,
and fail loudly rather than send a gap; the bundled demo messages are valid mail.

Every name, address and number here is fictional (example.org domains, Ofcom's
01632 960xxx drama range), except the Ombudsman's published phone number.
"""

from __future__ import annotations

import copy
import datetime as dt
import email
import email.policy
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
import pytest

from intake.rendering import TEMPLATES_DIR, render

DEMO_MAIL = Path(__file__).resolve().parents[2] / "intake" / "demo" / "mail"
MAX_LINE = 78

ACKNOWLEDGEMENTS = ["complaint", "complaint_young_person", "compliment", "suggestion"]
COMPLAINTS = ["complaint", "complaint_young_person"]
ALERT = "notice/duty/safeguarding_alert.txt.j2"


def _council() -> dict[str, Any]:
    return {
        "name": "Northshire County Council",
        "team_name": "Children's Services Complaints Team",
        "team_email": "complaints@northshire.example.org",
        "team_phone": "01632 960000",
        "team_address": "Complaints Team\nCounty Hall\nNorthtown\nNT1 1AA",
        "website": "https://www.northshire.example.org/complaints",
        "privacy_notice_url": "https://www.northshire.example.org/privacy/complaints",
        "childrens_rights_officer": {"name": "Children's Rights and Participation Officer",
                                     "phone": "01632 960001",
                                     "email": "childrensrights@northshire.example.org"},
        "advocacy_service": {"name": "Northshire Young People's Advocacy",
                             "phone": "01632 960002", "website": "https://advocacy.example.org"},
        "ombudsman": {"name": "Local Government and Social Care Ombudsman",
                      "phone": "0300 061 0614", "website": "https://www.lgo.org.uk"},
        "safeguarding": {"front_door_phone": "01632 960100", "out_of_hours_phone": "01632 960199"},
    }


def ack_context(kind: str, greeting_name: str | None = "Sam Taylor") -> dict[str, Any]:
    category = "complaint" if kind.startswith("complaint") else kind
    ctx: dict[str, Any] = {
        "council": _council(),
        "case": {"reference": "CSC-2026-0042", "category": category,
                 "received_on": dt.date(2026, 12, 23), "greeting_name": greeting_name},
        "acknowledgement_days": 3,
    }
    if category == "complaint":
        ctx["stage1_due_date"] = dt.date(2027, 1, 13)
    return ctx


def alert_context() -> dict[str, Any]:
    return {
        "council": _council(),
        "case": {"reference": "CSC-2026-0077", "received_on": dt.date(2026, 12, 23)},
        "received_at": dt.datetime(2026, 12, 23, 16, 5, tzinfo=ZoneInfo("Europe/London")),
        "case_url": "http://localhost:8080/cases/CSC-2026-0077",
        "evidence": ["My foster carers partner hits me when she is at work.",
                     "I am scared to go home tonight and I finish school at 3.20, please "
                     "can someone come and talk to me before then because I do not know "
                     "what to do."],
    }


def ack(kind: str, fmt: str, greeting_name: str | None = "Sam Taylor", **overrides: Any) -> str:
    ctx = ack_context(kind, greeting_name)
    ctx.update(overrides)
    return render(f"email/acknowledgement/{kind}.{fmt}.j2", **ctx)


def long_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > MAX_LINE]


# --- every acknowledgement ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("kind", ACKNOWLEDGEMENTS)
@pytest.mark.parametrize("greeting_name", [None, "Sam Taylor"])
def test_every_acknowledgement_renders_the_reference_and_the_privacy_notice(
        kind: str, fmt: str, greeting_name: str | None) -> None:
    out = ack(kind, fmt, greeting_name)
    assert "CSC-2026-0042" in out
    assert "https://www.northshire.example.org/privacy/complaints" in out
    assert "complaints@northshire.example.org" in out
    assert "01632 960000" in out
    assert "999" in out
    assert "Northshire County Council" in out
    assert "None" not in out
    assert "Dear ," not in out and "Hello ," not in out
    if greeting_name:
        assert f"{'Hello' if kind == 'complaint_young_person' else 'Dear'} Sam Taylor," in out
    elif kind == "complaint_young_person":
        assert "Hello," in out
    else:
        assert "Dear Sir or Madam," in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("kind", COMPLAINTS)
def test_complaint_acknowledgements_give_date_advocacy_safety_and_ombudsman(kind: str, fmt: str) -> None:
    out = " ".join(ack(kind, fmt).split())
    apostrophe = "&#39;" if fmt == "html" else "'"
    assert "Wednesday 13 January 2027" in out
    assert "01632 960002" in out            # advocacy service
    assert f"Northshire Young People{apostrophe}s Advocacy" in out
    assert "01632 960001" in out            # children's rights officer
    assert "childrensrights@northshire.example.org" in out
    assert "0300 061 0614" in out           # the Ombudsman
    assert "Local Government and Social Care Ombudsman" in out
    assert "01632 960100" in out and "01632 960199" in out and "999" in out
    assert "free" in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_adult_complaint_states_stage_one_timescales_and_the_next_stages(fmt: str) -> None:
    out = " ".join(ack("complaint", fmt).split())
    assert "considered at Stage 1 of the children's social care complaints procedure" in out
    assert "within 10 working days" in out
    assert "20 working days" in out and "tell you why" in out
    assert "Wednesday 23 December 2026" in out   # received on
    assert "Stage 2" in out and "Stage 3" in out and "review panel" in out
    assert "https://www.lgo.org.uk" in out
    assert "complaints officer from the Children" in out
    assert "advocate" in out and "free of charge" in out
    assert "children's front door" in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_young_person_version_is_warm_and_says_they_will_not_get_in_trouble(fmt: str) -> None:
    out = " ".join(ack("complaint_young_person", fmt, "Jay").split())
    assert "Hello Jay," in out
    assert "Thank you for telling us" in out
    assert "someone on your side who helps you say what you want" in out
    assert "It is free." in out
    assert "You will not get in trouble for complaining." in out
    assert "In an emergency, call" in out
    # No procedure jargon aimed at an adult reader.
    assert "Dear Sir or Madam" not in out and "procedure" not in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_compliment_goes_to_the_team_and_suggestion_to_managers(fmt: str) -> None:
    compliment = " ".join(ack("compliment", fmt).split())
    suggestion = " ".join(ack("suggestion", fmt).split())
    assert "Thank you for your compliment" in compliment
    assert "pass your kind words on to the person or team" in compliment
    assert "Thank you for your suggestion" in suggestion
    assert "pass your suggestion to the managers" in suggestion
    for out in (compliment, suggestion):
        assert "Stage 1" not in out


# --- escaping --------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ACKNOWLEDGEMENTS)
def test_html_escapes_a_hostile_greeting_name(kind: str) -> None:
    out = ack(kind, "html", "<script>alert('x')</script>")
    assert "<script" not in out
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize("kind", ACKNOWLEDGEMENTS)
def test_text_is_not_html_escaped(kind: str) -> None:
    out = ack(kind, "txt", "Siobhan O'Neill")
    assert "O'Neill" in out
    assert "&#39;" not in out and "&amp;" not in out and "&lt;" not in out


def test_html_escapes_each_line_of_the_postal_address() -> None:
    council = _council()
    council["team_address"] = "Complaints & Feedback\nCounty Hall\n<Northtown>\nNT1 1AA\n"
    out = ack("complaint", "html", council=council)
    assert "Complaints &amp; Feedback<br>\nCounty Hall<br>\n&lt;Northtown&gt;<br>\nNT1 1AA" in out


@pytest.mark.parametrize("kind", ACKNOWLEDGEMENTS)
def test_html_is_a_self_contained_british_english_email(kind: str) -> None:
    out = ack(kind, "html")
    assert out.lstrip().startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in out
    assert "<img" not in out and "<script" not in out and "<link" not in out
    assert "</html>" in out


# --- missing variables fail loudly ---------------------------------------------------------

def _without(ctx: dict[str, Any], dotted: str) -> dict[str, Any]:
    ctx = copy.deepcopy(ctx)
    *parents, last = dotted.split(".")
    target = ctx
    for key in parents:
        target = target[key]
    del target[last]
    return ctx


REQUIRED_EVERYWHERE = [
    "council", "case", "case.reference", "case.greeting_name", "case.received_on",
    "council.name", "council.team_name", "council.team_email", "council.team_phone",
    "council.privacy_notice_url", "council.safeguarding",
    "council.safeguarding.front_door_phone", "council.safeguarding.out_of_hours_phone",
]
REQUIRED_FOR_COMPLAINTS = [
    "stage1_due_date", "council.advocacy_service", "council.advocacy_service.phone",
    "council.childrens_rights_officer", "council.childrens_rights_officer.phone",
    "council.ombudsman", "council.ombudsman.phone", "council.ombudsman.name",
]


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("kind, key", (
    [(kind, key) for kind in ACKNOWLEDGEMENTS for key in REQUIRED_EVERYWHERE]
    + [(kind, key) for kind in COMPLAINTS for key in REQUIRED_FOR_COMPLAINTS]
    + [("complaint", "council.team_address"), ("complaint", "council.website"),
       ("compliment", "council.team_address"), ("suggestion", "council.website")]
))
def test_a_missing_variable_raises_instead_of_leaving_a_gap(kind: str, fmt: str, key: str) -> None:
    ctx = _without(ack_context(kind), key)
    with pytest.raises(jinja2.UndefinedError):
        render(f"email/acknowledgement/{kind}.{fmt}.j2", **ctx)


@pytest.mark.parametrize("key", [key for key in (
    "case", "case.reference", "received_at", "case_url", "evidence",
    "council", "council.name", "council.safeguarding.front_door_phone")])
def test_the_alert_raises_on_a_missing_variable(key: str) -> None:
    with pytest.raises(jinja2.UndefinedError):
        render(ALERT, **_without(alert_context(), key))


# --- plain text stays readable -----------------------------------------------------------------

@pytest.mark.parametrize("kind", ACKNOWLEDGEMENTS)
@pytest.mark.parametrize("greeting_name", [None, "Sam Taylor"])
def test_no_text_line_is_longer_than_78_characters(kind: str, greeting_name: str | None) -> None:
    out = ack(kind, "txt", greeting_name)
    assert long_lines(out) == []
    assert "\n\n\n" not in out                   # no stray gaps from template tags
    assert not any(line != line.rstrip() for line in out.splitlines())


@pytest.mark.parametrize("kind", ACKNOWLEDGEMENTS)
def test_long_configured_names_are_wrapped_not_overflowing(kind: str) -> None:
    council = _council()
    council["name"] = "The Royal Borough of Northshire and Westfield Metropolitan County Council"
    council["team_name"] = "Children and Young People's Services Complaints and Representations Team"
    council["ombudsman"]["name"] = "Local Government and Social Care Ombudsman for England and Wales"
    assert long_lines(ack(kind, "txt", council=council)) == []


def test_text_template_sources_are_wrapped() -> None:
    for path in sorted(TEMPLATES_DIR.rglob("*.txt.j2")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert len(line) <= 80, f"{path.relative_to(TEMPLATES_DIR)}:{number} is too long"


# --- the duty manager's safeguarding alert ----------------------------------------------------

def test_safeguarding_alert_has_reference_time_link_and_evidence() -> None:
    out = render(ALERT, **alert_context())
    flat = " ".join(out.split())
    assert "CSC-2026-0077" in out
    assert "Wednesday 23 December 2026 at 16:05" in out
    assert "http://localhost:8080/cases/CSC-2026-0077" in out
    assert "My foster carers partner hits me when she is at work." in flat
    assert "what to do." in flat and "I am scared to go home tonight" in flat
    assert "No acknowledgement has been sent; a person must look at this now" in flat
    assert "01632 960100" in out and "999" in out
    assert long_lines(out) == []


def test_safeguarding_alert_carries_no_personal_details_even_if_given_them() -> None:
    ctx = alert_context()
    ctx["case"].update(greeting_name="Kez Marlowe", complainant_name="Kez Marlowe",
                       complainant_email="kez.m.2010@example.net")
    out = render(ALERT, **ctx)
    assert "Kez" not in out and "example.net" not in out
    assert "@" not in out.replace("@northshire.example.org", "")


def test_safeguarding_alert_with_no_evidence_still_says_to_read_the_message() -> None:
    out = render(ALERT, **{**alert_context(), "evidence": []})
    assert "Read the whole message" in out
    assert "a person must look at this now" in out


# --- the demo mailbox ---------------------------------------------------------------------------

def _demo_files() -> list[Path]:
    return sorted(DEMO_MAIL.glob("*.eml"))


def _demo(prefix: str) -> email.message.EmailMessage:
    [path] = [p for p in _demo_files() if p.name.startswith(prefix)]
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_there_are_twelve_demo_messages() -> None:
    assert len(_demo_files()) == 12


@pytest.mark.parametrize("path", _demo_files(), ids=lambda p: p.name)
def test_each_demo_message_parses_with_a_message_id(path: Path) -> None:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert not msg.defects, msg.defects
    message_id = msg["Message-ID"]
    assert message_id and message_id.startswith("<") and message_id.endswith(">")
    assert re.search(r"@([\w-]+\.)*example\.(org|com|net)>$", message_id), message_id
    assert msg["To"] == "complaints@northshire.example.org"
    assert msg["From"] and msg["Subject"] and msg["MIME-Version"] == "1.0"
    assert isinstance(msg["Date"].datetime, dt.datetime)
    assert msg.get_content_type()
    assert msg.get_body(preferencelist=("plain", "html")) is not None


def test_demo_message_ids_are_unique() -> None:
    ids = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Message-ID"]
           for p in _demo_files()]
    assert len(set(ids)) == len(ids)


def test_demo_messages_cover_the_automated_and_reply_cases() -> None:
    assert _demo("03").get_content_type() == "text/html"
    assert _demo("06")["Auto-Submitted"] == "auto-replied"
    newsletter = _demo("07")
    assert newsletter["List-Unsubscribe"] and newsletter["Precedence"] == "bulk"
    bounce = _demo("08")
    assert bounce.get_content_type() == "multipart/report"
    assert bounce.get_param("report-type") == "delivery-status"
    assert "MAILER-DAEMON" in bounce["From"]
    assert "message/delivery-status" in [part.get_content_type() for part in bounce.walk()]
    advocate = _demo("10")
    assert advocate.get_content_type() == "multipart/alternative"
    assert {p.get_content_type() for p in advocate.iter_parts()} == {"text/plain", "text/html"}
    reply = _demo("12")
    assert reply["In-Reply-To"]
    assert reply["Subject"] == "Re: CSC-2026-0001: we have received your complaint"
    assert "\n>" in reply.get_content()


# --- replies a person decides to send: the ineligible reply and the request for consent --------

CLOSING_CODES = ["time_limit", "court_decision", "other_organisation", "already_completed",
                 "not_childrens_social_care"]
SIGNPOSTING = ["Complaints about a school go to its own complaints procedure: ask the school office.",
               "Adult social care has its own statutory complaints procedure: 01632 960200."]


def reply_context(greeting_name: str | None = "Sam Taylor", **overrides: Any) -> dict[str, Any]:
    council = _council()
    council["consent_form_url"] = "https://www.northshire.example.org/complaints/consent-form"
    ctx: dict[str, Any] = {
        "council": council,
        "case": {"reference": "CSC-2026-0042", "category": "complaint",
                 "received_on": dt.date(2026, 12, 23), "greeting_name": greeting_name},
        "reasons": ["other_organisation"], "signposting": SIGNPOSTING[:1],
        "young_person_name": "Jamie",
    }
    ctx.update(overrides)
    return ctx


REPLIES = ["email/ineligible/complaint", "email/ineligible/complaint_young_person",
           "email/consent/request", "email/consent/young_person"]
LETTERS = ["letter/acknowledgement/complaint", "letter/acknowledgement/complaint_young_person",
           "letter/acknowledgement/compliment", "letter/acknowledgement/suggestion",
           "letter/ineligible/complaint", "letter/ineligible/complaint_young_person",
           "letter/consent/request", "letter/consent/young_person", "letter/consent/form"]
VARIANTS = [
    {"reasons": [], "signposting": []},
    {"reasons": CLOSING_CODES, "signposting": SIGNPOSTING},
    {"reasons": ["time_limit"], "signposting": SIGNPOSTING[:1], "young_person_name": None},
]


def render_any(name: str, fmt: str, greeting_name: str | None = "Sam Taylor", **overrides: Any) -> str:
    ctx = reply_context(greeting_name, **overrides)
    if name.startswith("letter/acknowledgement/"):
        kind = name.rsplit("/", 1)[1]
        ctx = {**ack_context(kind, greeting_name), **{k: v for k, v in ctx.items() if k != "case"}}
        ctx["case"]["category"] = "complaint" if kind.startswith("complaint") else kind
    return render(f"{name}.{fmt}.j2", **ctx)


def test_every_template_file_is_covered_by_these_tests() -> None:
    names = {str(p.relative_to(TEMPLATES_DIR)).split(".")[0] for p in TEMPLATES_DIR.rglob("*.j2")
             if "_partials" not in p.parts and p.relative_to(TEMPLATES_DIR).parts[0] in ("email", "letter")}
    covered = set(REPLIES) | set(LETTERS) | {f"email/acknowledgement/{k}" for k in ACKNOWLEDGEMENTS}
    assert names <= covered, names - covered


@pytest.mark.parametrize("variant", VARIANTS, ids=["no-codes", "every-code", "no-young-person-name"])
@pytest.mark.parametrize("greeting_name", [None, "Sam Taylor"])
@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("name", REPLIES)
def test_every_reply_renders_in_every_variant(name: str, fmt: str, greeting_name: str | None,
                                              variant: dict[str, Any]) -> None:
    out = render_any(name, fmt, greeting_name, **variant)
    assert "CSC-2026-0042" in out and "Northshire County Council" in out
    assert "None" not in out and "Dear ," not in out and "Hello ," not in out
    assert "999" in out
    if fmt == "txt":
        assert long_lines(out) == [] and "\n\n\n" not in out
        assert not any(line != line.rstrip() for line in out.splitlines())
    else:
        assert "<script" not in out


@pytest.mark.parametrize("variant", VARIANTS, ids=["no-codes", "every-code", "no-young-person-name"])
@pytest.mark.parametrize("greeting_name", [None, "Sam Taylor"])
@pytest.mark.parametrize("name", LETTERS)
def test_every_letter_body_renders_in_every_variant(name: str, greeting_name: str | None,
                                                    variant: dict[str, Any]) -> None:
    out = render_any(name, "txt", greeting_name, **variant)
    assert "None" not in out and "Dear ," not in out and "Hello ," not in out
    assert "CSC-2026-0042" in out
    assert long_lines(out) == []
    assert "reply to this email" not in out.lower()  # a letter writer has no email to reply to
    if name.startswith("letter/acknowledgement/complaint") and name.endswith("complaint"):
        assert ("Yours sincerely," if greeting_name else "Yours faithfully,") in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("kind", ["complaint", "complaint_young_person"])
def test_the_ineligible_reply_gives_each_reason_and_the_signposting(kind: str, fmt: str) -> None:
    out = " ".join(render_any(f"email/ineligible/{kind}", fmt, reasons=CLOSING_CODES,
                              signposting=SIGNPOSTING).split())
    out = out.replace("&#39;", "'")
    assert "ask the school office" in out and "01632 960200" in out
    if kind == "complaint":
        assert "cannot consider it under the children's social care complaints procedure" in out
        assert "more than 12 months" in out and "decision made by a court" in out
        assert "all three stages" in out and "Local Government and Social Care Ombudsman" in out
    else:
        assert "Hello Sam Taylor," in out and "You will not get in trouble for asking." in out
        assert "more than a year ago" in out
        assert "procedure" not in out.replace(SIGNPOSTING[0], "").replace(SIGNPOSTING[1], "")
    assert "advocate" in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_the_ineligible_reply_without_signposting_offers_help_to_find_the_right_place(fmt: str) -> None:
    out = " ".join(render_any("email/ineligible/complaint", fmt, reasons=[], signposting=[]).split())
    assert "outside what the children's social care complaints procedure can consider" in out.replace("&#39;", "'")
    assert "help you find the right place" in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_an_unknown_reason_code_fails_loudly(fmt: str) -> None:
    with pytest.raises(jinja2.UndefinedError):
        render_any("email/ineligible/complaint", fmt, reasons=["made_up"])


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("young_person_name", [None, "Jamie"])
def test_the_consent_request_says_what_from_whom_how_and_that_it_is_on_hold(
        fmt: str, young_person_name: str | None) -> None:
    out = " ".join(render_any("email/consent/request", fmt, young_person_name=young_person_name).split())
    out = out.replace("&#39;", "'")
    who = young_person_name or "the young person"
    assert f"{who} agrees to you making this complaint" in out or f"{who}'s agreement" in out
    assert "written, signed consent" in out                       # what, for someone 18 or over
    assert "not you" in out                                        # from whom
    assert "replies to this email" in out and "consent-form" in out  # how
    assert "on hold" in out and "will not start looking into it" in out
    assert "It is your choice." in out                             # the note to pass on
    assert "Dear Sam Taylor," in out


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_the_note_for_the_young_person_is_short_and_plain(fmt: str) -> None:
    out = render_any("email/consent/young_person", fmt)
    flat = " ".join(out.split())
    assert "Hello Jamie," in flat and "You will not get in trouble" in flat and "It is free." in flat
    assert "procedure" not in flat and "consent" not in flat  # words a child knows
    if fmt == "txt":
        assert len(out.split()) < 200


def test_the_consent_letter_carries_the_note_and_the_form_on_pages_of_their_own() -> None:
    out = render_any("letter/consent/request", "txt")
    assert out.count("\f") == 2
    letter, note, form = out.split("\f")
    assert "signs the consent form with this letter" in " ".join(letter.split())
    assert "sign the form on the next page" in note
    assert "Signed:" in form and "County Hall" in form


REPLY_REQUIRED = ["council", "case", "case.reference", "case.greeting_name",
                  "council.name", "council.team_name", "council.team_email", "council.team_phone",
                  "council.safeguarding.front_door_phone", "council.advocacy_service.phone",
                  "council.childrens_rights_officer.phone"]
REPLY_SPECIFIC = {
    "email/ineligible/complaint": ["reasons", "signposting", "council.ombudsman.phone", "case.received_on",
                                   "council.privacy_notice_url", "council.team_address"],
    "email/ineligible/complaint_young_person": ["reasons", "signposting", "council.privacy_notice_url"],
    "email/consent/request": ["young_person_name", "council.consent_form_url", "council.team_address",
                              "case.received_on"],
    "email/consent/young_person": ["young_person_name"],
}


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("name, key", [(n, k) for n in REPLIES for k in REPLY_REQUIRED + REPLY_SPECIFIC[n]
                                       if not (n == "email/consent/young_person" and k == "case.greeting_name")])
def test_a_missing_variable_in_a_reply_raises(name: str, key: str, fmt: str) -> None:
    with pytest.raises(jinja2.UndefinedError):
        render(f"{name}.{fmt}.j2", **_without(reply_context(), key))


@pytest.mark.parametrize("name", LETTERS)
@pytest.mark.parametrize("key", ["council", "case", "case.reference", "council.team_phone", "council.name"])
def test_a_missing_variable_in_a_letter_raises(name: str, key: str) -> None:
    ctx = reply_context()
    if name.startswith("letter/acknowledgement/"):
        kind = name.rsplit("/", 1)[1]
        ctx = {**ack_context(kind), "young_person_name": None}
    with pytest.raises(jinja2.UndefinedError):
        render(f"{name}.txt.j2", **_without(ctx, key))


@pytest.mark.parametrize("name", [n for n in REPLIES if n != "email/consent/young_person"])
def test_replies_escape_a_hostile_name_in_html(name: str) -> None:
    out = render_any(name, "html", "<script>alert('x')</script>", young_person_name="<b>Jo</b>")
    assert "<script" not in out and "<b>Jo" not in out
