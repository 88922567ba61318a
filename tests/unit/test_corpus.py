"""The labelled corpus: valid, split by id alone, and big and varied enough to train on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from classifiers import corpus
from classifiers.corpus import CorpusError


def test_the_corpus_is_valid_and_large_enough() -> None:
    messages = corpus.load()
    assert len(messages) >= 1000
    by_category = Counter(m.category for m in messages)
    assert min(by_category.values()) >= 150, by_category
    assert sum(m.safeguarding for m in messages) >= 150
    assert sum(m.young_person for m in messages) >= 150
    assert sum(m.hard for m in messages) >= 100


def test_every_split_has_every_category_and_disclosures() -> None:
    for split in corpus.SPLITS:
        messages = corpus.load(split=split)
        assert set(m.category for m in messages) == set(corpus.CATEGORIES), split
        assert sum(m.safeguarding for m in messages) >= 20, split


def test_the_split_depends_on_the_id_alone() -> None:
    assert corpus.split_of("cf-001") == corpus.split_of("cf-001")
    shares = Counter(corpus.split_of(f"x-{i}") for i in range(10000))
    assert 0.67 < shares["train"] / 10000 < 0.73 and 0.13 < shares["test"] / 10000 < 0.17


def test_no_two_messages_are_near_copies() -> None:
    """Not one template with names swapped: no two messages share half their five-word runs."""
    shingles = {}
    for m in corpus.load():
        words = m.text.lower().split()
        shingles[m.id] = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    holders: dict[str, list[str]] = {}
    for message_id, runs in shingles.items():
        for run in runs:
            holders.setdefault(run, []).append(message_id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        if len(ids) < 20:  # a stock phrase ("I am writing on behalf of") is not a copy
            shared.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    copies = [(a, b) for (a, b), n in shared.items() if n > 0.5 * min(len(shingles[a]), len(shingles[b]))]
    assert copies == []


@pytest.mark.parametrize("record, problem", [
    ({"id": "a", "text": "x", "category": "moan"}, "category 'moan'"),
    ({"id": "a", "category": "complaint"}, "missing or not text: text"),
    ({"id": "a", "text": "he hits me", "category": "complaint", "safeguarding": True,
      "safeguarding_evidence": ["she hits me"]}, "evidence is not in the text"),
    ({"id": "a", "text": "he hits me", "category": "complaint", "safeguarding": True}, "evidence list is empty"),
])
def test_a_bad_record_names_the_file_line_and_problem(tmp_path: Path, record: dict[str, object],
                                                      problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "fine", "category": "compliment"}) + "\n"
                    + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"bad.jsonl:2: .*{problem}"):
        corpus.read_jsonl(path)


def test_a_duplicate_id_across_files_is_refused(tmp_path: Path) -> None:
    line = json.dumps({"id": "same", "text": "fine", "category": "compliment"}) + "\n"
    (tmp_path / "a.jsonl").write_text(line, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(line, encoding="utf-8")
    with pytest.raises(CorpusError, match="appears twice"):
        corpus.load(sorted(tmp_path.glob("*.jsonl")))
