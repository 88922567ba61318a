"""The eligibility rules as data: phrase lists and signposting, read from a TOML file.

The package ships `default_rules.toml`; a council points `[eligibility] rules_file` at its
own copy (config/eligibility.toml is the documented example). A bad file is refused with
every problem listed, each naming the file, so the service never starts on half a rule set.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.errors import ConfigError

DEFAULT_RULES_FILE = Path(__file__).with_name("default_rules.toml")

# section -> phrase lists it must have (every one a list of non-empty strings).
LISTS: dict[str, tuple[str, ...]] = {
    "time_limit": ("ongoing", "good_reason", "not_event", "event_words"),
    "standing": ("young_person", "care_leaver", "parent", "foster_carer", "special_guardian", "adopter",
                 "kinship_carer", "representative", "adult_represented", "young_person_words", "consent",
                 "unclear", "relative", "professional", "no_standing"),
    "court_decision": ("court", "decision", "challenge", "complaint", "not_decision"),
    "already_completed": ("phrases", "request", "new_matter", "stage_3", "done"),
    "childrens_social_care": ("actors", "places", "council"),
    "sentences": ("negative", "positive", "not_about", "context"),
}
GROUP_KINDS = ("other_organisation", "not_childrens_social_care")
SIGNPOSTED = ("time_limit", "court_decision", "already_completed")
ROLES = ("young_person", "care_leaver", "parent", "foster_carer", "special_guardian", "adopter",
         "kinship_carer")


@dataclass(frozen=True)
class Group:
    """A body (school, NHS, police...) or a council service with its own complaints route."""

    kind: str
    name: str
    phrases: tuple[str, ...]
    signposting: str
    covers_social_workers: bool = False


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per file
class EligibilityRules:
    source: str
    months: int
    lists: dict[str, tuple[str, ...]] = field(repr=False)
    groups: tuple[Group, ...] = field(repr=False)
    signposting: dict[str, str] = field(repr=False)

    def phrases(self, key: str) -> tuple[str, ...]:
        """A phrase list by its dotted name, such as "time_limit.ongoing"."""
        return self.lists[key]

    def group(self, kind: str, name: str) -> Group:
        return next(g for g in self.groups if g.kind == kind and g.name == name)


@functools.cache
def load_rules(path: Path | None = None) -> EligibilityRules:
    """Read and check a rules file (the shipped default when None); once per file per process."""
    source = Path(path) if path is not None else DEFAULT_RULES_FILE
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([f"eligibility rules file {source}: does not exist"]) from None
    except OSError as exc:
        raise ConfigError([f"eligibility rules file {source}: cannot be read ({exc.strerror})"]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError([f"eligibility rules file {source}: not valid TOML: {exc}"]) from None
    return parse_rules(data, str(source))


def parse_rules(data: dict[str, Any], source: str) -> EligibilityRules:
    problems: list[str] = []
    known = {"version", "signposting", *LISTS, *GROUP_KINDS}
    problems += [f"[{name}]: unknown section (known: {', '.join(sorted(known))})"
                 for name in sorted(data.keys() - known)]
    if data.get("version", 1) != 1:
        problems.append(f"version: only version 1 is understood, got {data.get('version')!r}")
    lists: dict[str, tuple[str, ...]] = {}
    for section, keys in LISTS.items():
        table = _table(data, section, problems)
        extra = {"months"} if section == "time_limit" else set()
        problems += [f"{section}.{key}: unknown key" for key in sorted(table.keys() - set(keys) - extra)]
        for key in keys:
            lists[f"{section}.{key}"] = _phrases(table.get(key), f"{section}.{key}", problems)
    months = _table(data, "time_limit", problems).get("months", 12)
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 120:
        problems.append(f"time_limit.months: must be a whole number of months from 1 to 120, got {months!r}")
        months = 12
    groups = tuple(g for kind in GROUP_KINDS for g in _groups(data, kind, problems))
    signposting = _signposting(_table(data, "signposting", problems), problems)
    if problems:
        raise ConfigError([f"eligibility rules file {source}: {p}" for p in problems])
    return EligibilityRules(source, months, lists, groups, signposting)


def _table(data: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(name)
    if value is None:
        problems.append(f"[{name}]: missing section")
        return {}
    if not isinstance(value, dict):
        problems.append(f"[{name}]: must be a table")
        return {}
    return value


def _phrases(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        problems.append(f"{where}: missing (a list of phrases)")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: must be a list of non-empty strings")
        return ()
    return tuple(dict.fromkeys(" ".join(v.lower().split()) for v in value))


def _groups(data: dict[str, Any], kind: str, problems: list[str]) -> list[Group]:
    table = _table(data, kind, problems)
    if data.get(kind) is not None and not table:
        problems.append(f"[{kind}]: needs at least one [{kind}.NAME] table")
    groups = []
    for name, value in table.items():
        where = f"{kind}.{name}"
        if not isinstance(value, dict):
            problems.append(f"[{where}]: must be a table with phrases and signposting")
            continue
        problems += [f"{where}.{key}: unknown key" for key in
                     sorted(value.keys() - {"phrases", "signposting", "covers_social_workers"})]
        text = value.get("signposting")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.signposting: must be the text the reply gives")
            text = ""
        covers = value.get("covers_social_workers", False)
        if not isinstance(covers, bool):
            problems.append(f"{where}.covers_social_workers: must be true or false")
            covers = False
        groups.append(Group(kind, name, _phrases(value.get("phrases"), f"{where}.phrases", problems),
                            text.strip(), covers))
    return groups


def _signposting(table: dict[str, Any], problems: list[str]) -> dict[str, str]:
    problems += [f"signposting.{key}: unknown key (known: {', '.join(SIGNPOSTED)})"
                 for key in sorted(table.keys() - set(SIGNPOSTED))]
    result = {}
    for code in SIGNPOSTED:
        text = table.get(code)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"signposting.{code}: missing (the text the reply gives)")
        else:
            result[code] = text.strip()
    return result
