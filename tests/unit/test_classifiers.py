"""The shipped classifiers: decision rules, the phrase net, and training that can be repeated."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifiers import corpus, safeguarding, store
from classifiers.category import SpacyCategoryClassifier, decide
from classifiers.registry import create, create_defaults
from classifiers.safeguarding import SafeguardingScreen, phrase_fires
from classifiers.training import train_all
from classifiers.young_person import YoungPersonSignal


def test_an_unsure_complaint_stays_a_complaint_with_its_low_confidence() -> None:
    assert decide({"complaint": 0.35, "suggestion": 0.6, "compliment": 0.05}, 0.3) == ("complaint", 0.35)
    assert decide({"complaint": 0.2, "suggestion": 0.7, "compliment": 0.1}, 0.3) == ("suggestion", 0.7)


@pytest.mark.parametrize("sentence", [
    "My stepdad hits me when mum is at work.", "i keep cutting myself and nobody knows",
    "She has been missing since Friday night.", "he made me carry drugs to another town, county lines",
    "I dont want to be alive anymore", "I'm scared to go home tonight.",
])
def test_the_phrase_net_catches_plain_disclosures(sentence: str) -> None:
    assert phrase_fires(sentence)


@pytest.mark.parametrize("sentence", [
    "This is an abuse of process by the local authority.", "Self-harm awareness week starts Monday.",
    "The social worker neglected to send the minutes.", "You hurt my feelings.",
])
def test_the_phrase_net_leaves_innocent_wording_alone(sentence: str) -> None:
    assert not phrase_fires(sentence)


def test_the_shipped_pipelines_load_and_say_which_model_decided() -> None:
    models = create_defaults()
    manifest = store.manifest()
    assert models["category"].model_version == manifest["category"]["version"]
    with pytest.raises(KeyError, match="unknown classifier"):
        create("category.keywords.v0")


def test_a_disclosure_is_flagged_with_the_sentence_that_disclosed_it() -> None:
    text = ("Complaint about contact\n\nThe contact centre keeps cancelling. Last week my daughter told me "
            "her mum's new boyfriend grabbed her by the neck and she has bruises. Please call me.")
    result = SafeguardingScreen().classify(text)
    assert result.label == "safeguarding"
    assert any("grabbed her by the neck" in sentence for sentence in result.evidence)


def test_an_ordinary_complaint_is_not_flagged() -> None:
    text = ("Missed visits\n\nThe social worker has missed three visits this month and did not ring to say. "
            "I would like a reply explaining why.")
    assert SafeguardingScreen().classify(text).label == "none"
    assert SpacyCategoryClassifier().classify(text).label == "complaint"


def test_a_stated_age_marks_a_young_writer_whatever_the_model_says() -> None:
    result = YoungPersonSignal().classify("hi im 14 and i want a new social worker")
    assert result.label == "young_person" and "im 14" in result.evidence[0]
    assert YoungPersonSignal().classify("I am 45 and writing about my son.").label == "adult"


def test_training_is_repeatable_with_a_seed(tmp_path: Path) -> None:
    messages = corpus.load(split="train")[:120]
    dev = corpus.load(split="dev")[:40]
    first = train_all(messages, dev, seed=7, models_dir=tmp_path / "a", epochs=2)
    second = train_all(messages, dev, seed=7, models_dir=tmp_path / "b", epochs=2)
    assert first.versions == second.versions and first.dev == second.dev
    text = "The social worker never calls back."
    scores = [SpacyCategoryClassifier(tmp_path / d).classify(text).scores for d in ("a", "b")]
    assert scores[0] == scores[1]
    assert (tmp_path / "a" / "safeguarding").is_dir() and (tmp_path / "a" / store.MANIFEST).exists()


def test_missing_models_say_how_to_get_them(tmp_path: Path) -> None:
    with pytest.raises(store.ModelMissing, match="intake train"):
        SpacyCategoryClassifier(tmp_path)


def test_the_risk_label_is_the_one_the_screen_reads() -> None:
    nlp = store.pipeline(safeguarding.NAME)
    assert safeguarding.RISK_LABEL in nlp.get_pipe("textcat_multilabel").labels
