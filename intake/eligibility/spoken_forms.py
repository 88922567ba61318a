"""Dates as people say them in passing: "last Saturday", "back in Feb 24", "Mother's Day last year",
"Halloween two years ago", "a year and a bit ago", "before Covid".

More patterns for intake.eligibility.dates.find_dates (date_forms.py holds the plain forms). Each resolves
against the day of receipt. Why here: a weekday or a day of the calendar everyone knows is how a story is
told, and a missed date leaves the matter undated (so in time) or dated by an older one (so out of time).
"""

from __future__ import annotations

import datetime as dt
import re

from intake.eligibility.date_forms import M, MONTHS, NUMBERS, Resolver, Span, _g, easter, month_span, months_before
from intake.eligibility.informal_forms import DAY_NAME, FIXED
from intake.eligibility.holiday_forms import YEARS_BACK, _count

WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                              "sunday"))}
WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# Days that move with Easter or fall on a set Sunday: Mothering Sunday (three weeks before Easter), Father's
# Day (the third Sunday of June), Shrove Tuesday, Good Friday, Easter Monday.
MOVABLE = (r"(?P<movable>mother'?s'? day|mothering sunday|father'?s'? day|pancake day|shrove tuesday|good friday|"
           r"easter monday)")
# Before Covid: the first lockdown began on 23 March 2020; "before" reaches back a year at most in the telling.
BEFORE_COVID: Span = (dt.date(2019, 1, 1), dt.date(2020, 3, 22))


def _weekday(m: re.Match[str], r: dt.date) -> Span:
    """"last Saturday", "on Tuesday": the latest such day before receipt (before it, for "last")."""
    back = (r.weekday() - WEEKDAYS[_g(m, "weekday")]) % 7
    if back == 0 and _g(m, "rel"):
        back = 7
    day = r - dt.timedelta(days=back)
    return day, day


def _month_two_digit_year(m: re.Match[str], r: dt.date) -> Span | None:
    """"back in Feb 24", "in Sept 23": a month and a two-digit year (not "on Feb 24", a day)."""
    year = 2000 + int(m["yy"])
    if not 10 <= int(m["yy"]) <= r.year % 100:
        return None
    return month_span(year, MONTHS[_g(m, "month")])


def movable_day(name: str, year: int) -> dt.date:
    name = name.lower().replace("'", "")
    if name.startswith("mother"):
        return easter(year) - dt.timedelta(days=21)
    if name.startswith("father"):
        june = dt.date(year, 6, 1)
        return june + dt.timedelta(days=(6 - june.weekday()) % 7 + 14)
    if name in ("pancake day", "shrove tuesday"):
        return easter(year) - dt.timedelta(days=47)
    return easter(year) + dt.timedelta(days=1 if name == "easter monday" else -2)


def _day_on(m: re.Match[str], year: int) -> dt.date:
    if _g(m, "movable"):
        return movable_day(_g(m, "movable"), year)
    name = " ".join(_g(m, "fixed").replace(".", "").split())
    name = "bonfire night" if name.startswith(("guy fawkes", "firework")) else name
    key = next(k for k in FIXED if k.replace("'", "") == name.replace("'", "").replace("hallowen", "halloween"))
    return dt.date(year, *FIXED[key])


def _named_day(m: re.Match[str], r: dt.date) -> Span:
    """"Mother's Day", "Good Friday 2024": that day in the year written, else the latest on or before receipt."""
    if _g(m, "year"):
        day = _day_on(m, int(m["year"]))
    else:
        day = max(d for d in (_day_on(m, r.year), _day_on(m, r.year - 1)) if d <= r)
    return day, day


def _named_day_years_back(m: re.Match[str], r: dt.date) -> Span:
    """"Halloween two years ago", "Mother's Day last year": that day in the year counted back."""
    day = _day_on(m, r.year - _count(m))
    return day, day


def _and_a_bit(m: re.Match[str], r: dt.date) -> Span:
    """"a year and a bit ago", "over a year and a bit back": a little more than the count (a month more)."""
    n = _g(m, "n")
    count = int(n) if n.isdigit() else NUMBERS.get(n, 1)
    months = count * (12 if _g(m, "unit").startswith("year") else 1) + 1
    day = months_before(r, months)
    return day, day


def _before_covid(m: re.Match[str], r: dt.date) -> Span:
    return BEFORE_COVID


FORMS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple((re.compile(p, re.IGNORECASE), f) for p, f in (
    (r"\b(?:(?P<rel>last|this\s+past)\s+|on\s+(?:the\s+)?)" + WEEKDAY + r"\b(?!\s+(?:the\s+)?\d)", _weekday),
    (r"\b(?:in|since|during|until|till|from|by|around|about)\s+" + M + r"\s+(?P<yy>\d{2})\b(?!\s*(?:st|nd|rd|th)\b)",
     _month_two_digit_year),
    (r"\b(?:at\s+|on\s+|over\s+|around\s+|about\s+)?(?:" + MOVABLE + "|" + DAY_NAME + r"),?\s+" + YEARS_BACK + r"\b",
     _named_day_years_back),
    (r"\b" + MOVABLE + r"(?:\s+(?P<year>(?:19[5-9]|20\d)\d)\b)?", _named_day),
    (r"\b(?:over\s+|about\s+|around\s+|nearly\s+)?(?P<n>\d{1,2}|a|an|one|two|three|four|five)\s+(?P<unit>years?|months?)"
     r"\s+and\s+a\s+bit\s+(?:ago|back)\b", _and_a_bit),
    (r"\b(?:before|pre-?)\s*(?:the\s+)?(?:covid(?:-?19)?|pandemic|(?:first\s+)?lockdown|coronavirus)\b", _before_covid),
))
