"""Precision, recall, F1 and the confusion matrix, worked by hand."""

from __future__ import annotations

import pytest

from classifiers import metrics


def test_scores_match_a_hand_worked_example() -> None:
    gold = ["a", "a", "a", "b", "b", "c"]
    predicted = ["a", "a", "b", "b", "c", "c"]
    report = metrics.score(gold, predicted, ("a", "b", "c"))
    assert report.confusion["a"] == {"a": 2, "b": 1, "c": 0}
    assert report.per_class["a"].precision == 1.0 and report.per_class["a"].recall == pytest.approx(2 / 3)
    assert report.per_class["b"].f1 == pytest.approx(0.5)
    assert report.per_class["c"].precision == 0.5 and report.per_class["c"].recall == 1.0
    assert report.macro_f1 == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert report.accuracy == pytest.approx(4 / 6)


def test_a_class_never_predicted_scores_zero_not_an_error() -> None:
    report = metrics.binary([True, False], [False, False], "risk")
    assert report.per_class["risk"].precision == 0.0 and report.per_class["risk"].recall == 0.0


def test_the_printed_report_has_every_class_and_the_matrix() -> None:
    text = metrics.format_report("category", metrics.score(["x", "y"], ["x", "x"], ("x", "y")))
    assert "macro-F1" in text and "confusion" in text and text.count("\ny ") >= 2
