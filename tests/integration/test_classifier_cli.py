"""`intake evaluate`, `intake analyse` and `intake correct` as scripts and staff use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from classifiers import corpus
from intake.corrections import training_messages
from intake.db.models import Case, CaseEvent, Correction
from intake.db.session import make_engine, session_factory
from tests.helpers import cli_env, deliver, intake, make_mail

ROOT = Path(__file__).resolve().parents[2]



@pytest.fixture
def env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return cli_env(tmp_path, database_url)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_test_split_holds_its_figures(env: dict[str, str], tmp_path: Path) -> None:
    """A regression gate on the held-out test split the training never saw.

    The issue's targets are macro-F1 >= 0.90, complaint recall >= 0.95, safeguarding
    recall 1.00 and precision >= 0.70. The shipped models give macro-F1 0.9155,
    complaint recall 0.958, safeguarding recall 1.00 and precision 0.754 on the 377
    messages. A higher complaint floor buys recall with macro-F1 (a dev goal of 0.975
    gave 0.970 and 0.8998), so the gate holds the targets themselves.
    """
    result = intake("evaluate", "--json", env=env, cwd=tmp_path)
    figures = json.loads(result.stdout)
    assert figures["messages"] == len(corpus.load(split="test"))
    assert figures["category_macro_f1"] >= 0.90, figures
    assert figures["category"]["complaint"]["recall"] >= 0.95, figures
    assert figures["safeguarding_recall"] == 1.0, figures["missed_disclosures"]
    assert figures["safeguarding_precision"] >= 0.70, figures
    printed = intake("evaluate", env=env, cwd=tmp_path).stdout
    assert "macro-F1" in printed and "confusion" in printed and "messages/second" in printed


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_evaluate_a_folder_of_labelled_eml_files(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "labelled"
    (folder / "complaint").mkdir(parents=True)
    (folder / "misc").mkdir()
    (folder / "complaint" / "1.eml").write_bytes(make_mail(
        "Our social worker has not visited for two months and nobody answers the phone. I want this put right."))
    (folder / "misc" / "2.eml").write_bytes(make_mail(
        "I'm 13 and my mums boyfriend hits me when shes at work. i dont want to go home.",
        subject="help", headers={"X-Intake-Category": "complaint", "X-Intake-Safeguarding": "yes",
                                 "X-Intake-Young-Person": "yes"}))
    figures = json.loads(intake("evaluate", "--json", str(folder), env=env, cwd=tmp_path).stdout)
    assert figures["messages"] == 2 and figures["safeguarding_recall"] == 1.0
    (folder / "misc" / "3.eml").write_bytes(make_mail("no label here"))
    unlabelled = intake("evaluate", str(folder), env=env, cwd=tmp_path, check=False)
    assert unlabelled.returncode == 2 and "X-Intake-Category" in unlabelled.stderr


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_analyse_reports_category_confidence_safeguarding_evidence_and_young_person(
        env: dict[str, str], tmp_path: Path) -> None:
    mail = tmp_path / "m.eml"
    mail.write_bytes(make_mail(
        "hi im 14 and in foster care. my social worker never comes to see me and i dont get my pocket money. "
        "also my foster carers son punches me when nobody is looking and i am scared to go home",
        subject="not happy"))
    [row] = [json.loads(line) for line in intake("analyse", "--json", str(mail), env=env, cwd=tmp_path).stdout.splitlines()]
    assert row["category"] == "complaint" and 0 < row["confidence"] <= 1
    assert row["category_model"].startswith("category.spacy")
    assert [c["category"] for c in row["categories"]][0] == "complaint" and len(row["categories"]) == 2
    assert row["safeguarding"] is True and any("punches me" in e for e in row["safeguarding_evidence"])
    assert row["young_person"] is True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_message_mostly_not_in_english_goes_to_a_person(env: dict[str, str], tmp_path: Path) -> None:
    mail = tmp_path / "m.eml"
    mail.write_bytes(make_mail(
        "Hello, I write in Polish, my English is not good.\n\n"
        "Piszę w sprawie mojej córki, która od miesiąca nie ma kontaktu z pracownikiem socjalnym. "
        "Nikt nie odpowiada na moje telefony ani wiadomości, a spotkanie zostało odwołane trzy razy.\n\nEwa",
        subject="córka"))
    english = tmp_path / "e.eml"
    english.write_bytes(make_mail("The social worker has missed three visits this month and did not ring to say why.",
                                  subject="visits"))
    rows = [json.loads(line) for line in intake("analyse", "--json", str(mail), str(english), env=env,
                                                cwd=tmp_path).stdout.splitlines()]
    assert rows[0]["not_english"] is True and rows[0]["category_review"] is True and rows[0]["confidence"] == 0.0
    assert any(e["code"] == "not_english" and e["evidence"].startswith("Piszę") for e in rows[0]["evidence"])
    assert rows[1]["not_english"] is False


def test_a_correction_changes_the_case_is_trailed_and_feeds_training(env: dict[str, str], tmp_path: Path,
                                                                     database_url: str) -> None:
    intake("init", env=env, cwd=tmp_path)
    deliver(tmp_path / "mailbox", make_mail(
        "It would be great if contact sessions could run on Saturdays for working parents.", subject="idea"))
    intake("poll", "--once", env=env, cwd=tmp_path)
    [case] = [json.loads(line) for line in intake("cases", "--json", env=env, cwd=tmp_path).stdout.splitlines()]
    reference = case["case_reference"]
    target = "complaint" if case["category"] != "complaint" else "suggestion"
    flip = "--no-safeguarding" if "safeguarding" in case["flags"] else "--safeguarding"
    sentence = "contact sessions could run on Saturdays"
    out = intake("correct", reference, "--category", target, flip, "--evidence", sentence, "--young-person",
                 "--by", "A. Officer", "--reason", "second reading", env=env, cwd=tmp_path).stdout
    assert json.loads(out) == {"case_reference": reference,
                               "corrected": ["category", "safeguarding", "young_person"]}
    again = intake("correct", reference, "--category", target, "--by", "A. Officer", "--reason", "x",
                   env=env, cwd=tmp_path).stdout
    assert json.loads(again)["corrected"] == []  # already so: nothing recorded twice

    engine = make_engine(database_url)
    with session_factory(engine)() as session:
        stored = session.scalars(select(Case)).one()
        assert stored.category == target and "young_person" in stored.flags and not stored.category_review
        rows = session.scalars(select(Correction).order_by(Correction.id)).all()
        flagged = flip == "--safeguarding"
        assert [(r.field, r.new_value, r.officer) for r in rows] == [
            ("category", target, "A. Officer"), ("safeguarding", "true" if flagged else "false", "A. Officer"),
            ("young_person", "true", "A. Officer")]
        assert rows[0].model.startswith("category.spacy")
        assert [e.action for e in session.scalars(select(CaseEvent))].count("corrected") == 3
        [labelled] = list(training_messages(session))
        assert labelled.category == target and labelled.young_person and "Saturdays" in labelled.text
        assert labelled.safeguarding is flagged
        assert labelled.safeguarding_evidence == ((sentence,) if flagged else ())
    engine.dispose()

    missing = intake("correct", "CSC-1999-0001", "--category", "complaint", "--by", "A", "--reason", "r",
                     env=env, cwd=tmp_path, check=False)
    assert missing.returncode == 2 and "no case" in missing.stderr
    nothing = intake("correct", reference, "--by", "A", "--reason", "r", env=env, cwd=tmp_path, check=False)
    assert nothing.returncode == 2 and "nothing to correct" in nothing.stderr


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_train_with_corrections_writes_a_working_pipeline_elsewhere(env: dict[str, str], tmp_path: Path) -> None:
    intake("init", env=env, cwd=tmp_path)
    out = tmp_path / "models"
    result = intake("train", "--with-corrections", "--epochs", "2", "--output", str(out), env=env, cwd=tmp_path)
    summary = json.loads(result.stdout)
    assert summary["counts"]["train"] > 500
    assert "adding 0 corrected cases" in result.stderr
    assert (out / "manifest.json").exists() and (out / "category" / "config.cfg").exists()


def test_of_the_demo_mail_only_the_disclosure_is_flagged() -> None:
    """Twelve messages the classifiers never trained on: one discloses risk; the rest must go through."""
    import datetime as dt

    from intake import config
    from intake.analysis import Analyser

    analyser = Analyser(config.load(None, environ={}, base_dir=ROOT))
    flagged = sorted(path.name for path in (ROOT / "intake" / "demo" / "mail").glob("*.eml")
                     if analyser.analyse(path.read_bytes(), dt.datetime.now(dt.timezone.utc))["safeguarding"])
    assert flagged == ["11-safeguarding-disclosure.eml"]
