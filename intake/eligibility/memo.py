"""Answers worked out once per complaint.

Several rules ask the Analysis the same question ("which sentences give a reason for the delay?",
"is this a new matter?"): each was worked out again every time, three times a complaint or more.
A function of the Analysis alone is wrapped here and its answer kept in `analysis.memo`.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import TypeVar, cast

from intake.eligibility.matching import Analysis

T = TypeVar("T")


def memoised(function: Callable[[Analysis], T]) -> Callable[[Analysis], T]:
    """Work out a pure function of the Analysis once per complaint: several rules ask the same question.

    A set, list or dict comes back as a copy, so a caller that adds to its answer cannot change the next one's.
    """
    key = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def once(analysis: Analysis) -> T:
        if key not in analysis.memo:
            analysis.memo[key] = function(analysis)
        result = analysis.memo[key]
        return cast(T, copy.copy(result) if isinstance(result, (set, list, dict)) else result)
    return once
