"""The council's own details, as every letter, page and signpost shows them: names, numbers, addresses.

Defaults are a fictional council (Northshire) so a fresh install renders sensible
messages; a real council sets each in config/*.toml under [council].
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class Council:
    name: str = "Northshire County Council"
    team_name: str = "Children's Services Complaints Team"
    team_email: str = "complaints@northshire.example.org"
    team_phone: str = "01632 960000"
    team_address: str = "Complaints Team\nCounty Hall\nNorthtown\nNT1 1AA"
    website: str = "https://www.northshire.example.org/complaints"
    privacy_notice_url: str = "https://www.northshire.example.org/privacy/complaints"
    # The consent form a young person signs so a representative may complain for them.
    consent_form_url: str = "https://www.northshire.example.org/complaints/consent-form"
    childrens_rights_officer: Contact = Contact(
        "Children's Rights and Participation Officer", "01632 960001",
        "childrensrights@northshire.example.org")
    advocacy_service: Contact = Contact(
        "National Youth Advocacy Service", "0808 808 1001", "", "https://www.nyas.net")
    ombudsman: Contact = Contact(
        "Local Government and Social Care Ombudsman", "0300 061 0614", "",
        "https://www.lgo.org.uk")
    front_door_phone: str = "01632 960100"
    out_of_hours_phone: str = "01632 960199"

    def template_context(self) -> dict[str, Any]:
        """The `council` object every template receives."""
        def contact(c: Contact) -> dict[str, str]:
            return {"name": c.name, "phone": c.phone, "email": c.email, "website": c.website}
        return {
            "name": self.name, "team_name": self.team_name, "team_email": self.team_email,
            "team_phone": self.team_phone, "team_address": self.team_address,
            "website": self.website, "privacy_notice_url": self.privacy_notice_url,
            "consent_form_url": self.consent_form_url,
            "childrens_rights_officer": contact(self.childrens_rights_officer),
            "advocacy_service": contact(self.advocacy_service),
            "ombudsman": contact(self.ombudsman),
            "safeguarding": {"front_door_phone": self.front_door_phone,
                             "out_of_hours_phone": self.out_of_hours_phone},
        }


def parse_council(section: dict[str, Any], problems: list[str]) -> Council:
    council = Council()
    changes: dict[str, Any] = {}
    for key, value in section.items():
        current = getattr(council, key, None)
        if isinstance(current, Contact) and isinstance(value, dict):
            unknown = value.keys() - {f.name for f in fields(Contact)}
            if unknown:
                problems.append(f"council.{key}: unknown keys {', '.join(sorted(unknown))}")
                continue
            changes[key] = replace(current, **{k: str(v) for k, v in value.items()})
        elif isinstance(current, str) and isinstance(value, str):
            changes[key] = value
        else:
            problems.append(f"council.{key}: unknown key or wrong type")
    return replace(council, **changes)
