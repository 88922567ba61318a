"""Holidays, seasons and birthdays counted back in years: "around Easter two years ago", "Christmas last year",
"two Christmases ago", "the Easter before last", "the summer two years ago", "three birthdays ago".

More patterns for intake.eligibility.dates.find_dates (date_forms.py holds the plain forms). Each
resolves against the day of receipt: "two Christmases ago" is the second Christmas before it,
"Easter two years ago" is Easter in the year two before receipt.
"""

from __future__ import annotations

import datetime as dt
import re

from intake.eligibility.date_forms import (HOLIDAY, NUM, NUMBERS, SEASON, SEASONS, Resolver, Span, _g, easter,
                                           month_span, months_before)

YEARS_BACK = (r"(?P<back>(?P<n>\d{1,2}|a couple of|couple of|" + "|".join(k for k in NUMBERS if " " not in k)
              + r")\s+years?\s+ago|last\s+year|the\s+year\s+before\s+last)")
PLURAL = r"(?P<holiday>christmas|easter)(?:es|s)"


def _count(m: re.Match[str]) -> int:
    back = " ".join(_g(m, "back").split())
    if back == "last year":
        return 1
    if back == "the year before last":
        return 2
    n = " ".join(_g(m, "n").split())
    return int(n) if n.isdigit() else NUMBERS[n]


def _on(name: str, year: int) -> dt.date:
    name = name.lower().replace("'", "")
    if name == "easter":
        return easter(year)
    return {"new years day": dt.date(year, 1, 1), "new years eve": dt.date(year, 12, 31),
            "christmas eve": dt.date(year, 12, 24), "boxing day": dt.date(year, 12, 26)}.get(name, dt.date(year, 12, 25))


def _holiday_years_back(m: re.Match[str], r: dt.date) -> Span:
    day = _on(m["holiday"], r.year - _count(m))
    return day, day


def _holidays_ago(m: re.Match[str], r: dt.date) -> Span:
    """"two Christmases ago", "the Christmas before last": the nth such day before receipt."""
    n = 2 if not _g(m, "n") else int(_g(m, "n")) if _g(m, "n").isdigit() else NUMBERS[_g(m, "n")]
    days = [d for d in (_on(m["holiday"], year) for year in range(r.year, r.year - 30, -1)) if d < r]
    return days[n - 1], days[n - 1]


def _birthdays_ago(m: re.Match[str], r: dt.date) -> Span:
    """"three birthdays ago", "the birthday before last": the nth birthday before receipt, whose day is not
    said, lies in the year that ended (n - 1) years before receipt."""
    n = 2 if not _g(m, "n") else int(_g(m, "n")) if _g(m, "n").isdigit() else NUMBERS[_g(m, "n")]
    return months_before(r, 12 * n) + dt.timedelta(days=1), months_before(r, 12 * (n - 1))


def _season_years_back(m: re.Match[str], r: dt.date) -> Span:
    first, last = SEASONS[_g(m, "season")]
    return month_span(r.year - _count(m), first, last=last)


FORMS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple((re.compile(p, re.IGNORECASE), f) for p, f in (
    (r"\b(?:at\s+|over\s+|around\s+|about\s+)?" + HOLIDAY + r",?\s+" + YEARS_BACK + r"\b", _holiday_years_back),
    (r"\b" + NUM + r"\s+" + PLURAL + r"\s+ago\b", _holidays_ago),
    (r"\bthe\s+" + HOLIDAY + r"\s+before\s+last\b", _holidays_ago),
    (r"\b" + NUM + r"\s+birthdays\s+ago\b|\bthe\s+birthday\s+before\s+last\b", _birthdays_ago),
    (r"\b(?:in\s+)?(?:the\s+)?" + SEASON + r",?\s+" + YEARS_BACK + r"\b", _season_years_back),
))
