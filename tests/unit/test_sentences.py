"""Sentences as the safeguarding screen sees them."""

from __future__ import annotations

from classifiers import sentences


def test_full_stops_and_line_breaks_end_sentences() -> None:
    text = "Hello. I am writing about my son!\nHe is 9\n\nThanks"
    assert sentences.split(text) == ["Hello.", "I am writing about my son!", "He is 9", "Thanks"]


def test_spans_point_into_the_original_text() -> None:
    text = "  First one.   Second one?  "
    assert [text[a:b] for a, b in sentences.spans(text)] == ["First one.", "Second one?"]


def test_a_long_run_without_stops_is_cut_into_overlapping_windows() -> None:
    words = [f"w{i}" for i in range(100)]
    parts = sentences.split(" ".join(words))
    assert all(len(p.split()) <= sentences.MAX_WORDS for p in parts)
    seen = {w for p in parts for w in p.split()}
    assert seen == set(words)
    # Any run of half a window appears whole in some window.
    assert any("w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 w46 w47 w48 w49" in p
               for p in parts)


def test_empty_text_has_no_sentences() -> None:
    assert sentences.split("") == [] and sentences.split(" \n \n") == []


def test_lines_a_mail_program_wrapped_are_joined_again() -> None:
    text = ("I want to make a formal complaint about the way my son's case is being\n"
            "handled by the team. Nobody calls back.\nthanks\nJo")
    assert sentences.split(text) == [
        "I want to make a formal complaint about the way my son's case is being\nhandled by the team.",
        "Nobody calls back.", "thanks", "Jo"]
    assert sentences.split("hi\nmy carer hits me\nplease help") == ["hi", "my carer hits me", "please help"]
