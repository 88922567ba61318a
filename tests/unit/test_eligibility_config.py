"""The rules file: the shipped default, the documented example, a council's own file, and bad files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from intake import config
from intake.eligibility.rules import DEFAULT_RULES_FILE, load_rules, parse_rules
from intake.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def default_data() -> dict:  # type: ignore[type-arg]
    return tomllib.loads(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))


def test_the_documented_example_is_the_shipped_default() -> None:
    example = tomllib.loads((ROOT / "config" / "eligibility.toml").read_text(encoding="utf-8"))
    assert example == default_data()


def test_the_default_loads_once_with_signposting_for_every_closing_code() -> None:
    rules = load_rules()
    assert rules is load_rules() and rules.months == 12
    assert set(rules.signposting) == {"time_limit", "court_decision", "already_completed"}
    assert {g.name for g in rules.groups} >= {"school", "nhs", "police", "housing", "adult_social_care"}
    assert all(g.signposting for g in rules.groups)


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.pop("court_decision"), "[court_decision]: missing section"),
    (lambda d: d["time_limit"].update(months="twelve"), "time_limit.months: must be a whole number"),
    (lambda d: d["standing"].update(consent="signed"), "standing.consent: must be a list of non-empty strings"),
    (lambda d: d["standing"].pop("unclear"), "standing.unclear: missing"),
    (lambda d: d["signposting"].pop("court_decision"), "signposting.court_decision: missing"),
    (lambda d: d["other_organisation"]["police"].pop("signposting"), "other_organisation.police.signposting"),
    (lambda d: d.update(extra={}), "[extra]: unknown section"),
    (lambda d: d["sentences"].update(typo=["x"]), "sentences.typo: unknown key"),
])
def test_a_bad_rules_file_is_refused_naming_the_file_and_the_problem(change, problem: str) -> None:  # type: ignore[no-untyped-def]
    data = default_data()
    change(data)
    with pytest.raises(ConfigError) as error:
        parse_rules(data, "council-rules.toml")
    assert any(p.startswith("eligibility rules file council-rules.toml: ") and problem in p
               for p in error.value.problems), error.value.problems


def test_every_problem_is_listed_at_once() -> None:
    data = default_data()
    data["time_limit"]["months"] = 0
    data["signposting"].pop("time_limit")
    with pytest.raises(ConfigError) as error:
        parse_rules(data, "x.toml")
    assert len(error.value.problems) == 2


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_rules(tmp_path / "missing.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[time_limit\nmonths = 12", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{broken}: not valid TOML"):
        load_rules(broken)


def test_settings_point_at_a_councils_own_file(tmp_path: Path) -> None:
    own = tmp_path / "rules.toml"
    own.write_text(DEFAULT_RULES_FILE.read_text(encoding="utf-8").replace("months = 12", "months = 18"),
                   encoding="utf-8")
    settings_file = tmp_path / "intake.toml"
    settings_file.write_text('[eligibility]\nrules_file = "rules.toml"\n', encoding="utf-8")
    settings = config.load(settings_file, environ={}, base_dir=tmp_path)
    assert settings.eligibility_rules_file == own
    assert load_rules(settings.eligibility_rules_file).months == 18
    assert config.load(environ={}, base_dir=tmp_path).eligibility_rules_file is None


def test_a_bad_rules_file_stops_the_settings_with_its_problems(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").write_text("version = 1\n", encoding="utf-8")
    settings_file = tmp_path / "intake.toml"
    settings_file.write_text('[eligibility]\nrules_file = "rules.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        config.load(settings_file, environ={}, base_dir=tmp_path)
    assert any(p.startswith(f"eligibility.rules_file: eligibility rules file {tmp_path / 'rules.toml'}: ")
               for p in error.value.problems)


def test_the_example_settings_name_the_key() -> None:
    example = tomllib.loads((ROOT / "config" / "intake.example.toml").read_text(encoding="utf-8"))
    assert example["eligibility"] == {"rules_file": ""}
