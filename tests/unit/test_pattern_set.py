"""The pattern set finds exactly what each pattern's own finditer finds, in the same order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.pattern_set import PatternSet
from classifiers.pattern_starts import prefixes
from intake.eligibility.dates import DATE_PATTERNS

SETS = Path(__file__).resolve().parents[1] / "eligibility"


def _plain(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, tuple[int, int], str]]:
    return [(i, m.span(), m.group()) for i, p in enumerate(patterns) for m in p.finditer(text)]


def _filed(found: PatternSet, text: str) -> list[tuple[int, tuple[int, int], str]]:
    return [(i, m.span(), m.group()) for i, m in found.finditer(text)]


@pytest.mark.parametrize("pattern, length, expected", [
    (r"\d{1,2}(?:st|nd|rd|th)", 1, set("0123456789")),  # \d as 0-9 where the text is ASCII
    (r"(?:March|Mar)\b", 3, {"mar"}),  # lower case, to be compared with the text lowered
    (r"[A-C]x", 2, {"ax", "bx", "cx"}),
])
def test_starts_for_ascii_text_read_digits_and_fold_case(pattern: str, length: int, expected: set[str]) -> None:
    assert prefixes(pattern, length, ascii_text=True) == expected
    assert prefixes(r"\d+ years", 2) == set()  # without the caller's promise \d could be any digit


def test_the_date_patterns_are_filed_and_found_as_finditer_finds_them_in_every_labelled_complaint() -> None:
    found = PatternSet(DATE_PATTERNS)
    assert not found._plain  # noqa: SLF001 - every shipped date shape is filed by how it begins
    texts = [json.loads(line)["text"] for path in sorted(SETS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 2000
    for text in texts + [t.upper() for t in texts[:200]]:
        assert _filed(found, text) == _plain(DATE_PATTERNS, text)


ODD = ["Ｍarch 2024", "ſeptember", "\u0663 years ago", "KELVIN \u212a", "İstanbul", "naïve", "–", "£12", "'22"]
WORDS = ["two", "years", "ago", "last", "March", "2023", "the", "3rd", "of", "in", "since", "a", "couple", "back",
         "summer", "Christmas", "Sept", "/", "14/03/2025", "early", "year", "9", "month", "MAR", ",", ".", *ODD]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from([" ", "", "\n", "  "]), max_size=40))
def test_any_arrangement_of_date_words_is_found_as_finditer_finds_it(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    assert _filed(PatternSet(DATE_PATTERNS), text) == _plain(DATE_PATTERNS, text)


@pytest.mark.parametrize("patterns, text", [
    ([r"x*"], "axxb"),  # can match nothing: kept to its own finditer
    ([r"(?m)^to"], "to\nto"),  # an inline flag the analysis does not follow
    ([r"-\d+", r"\bab"], "a-12 ab-3"),  # one begins at no word boundary, one does
    ([r"ab", r"abc", r"b"], "abcabc"),  # overlapping matches of different patterns all stand
    ([r"(?i)straße"], "STRASSE Straße"),
])
def test_patterns_the_set_cannot_file_or_that_overlap_keep_finditers_answer(patterns: list[str], text: str) -> None:
    compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
    assert _filed(PatternSet(compiled), text) == _plain(compiled, text)
