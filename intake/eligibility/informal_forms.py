"""Dates written informally: "Sept '24", "summer '23", "a year and a half back", "eighteen months or so ago",
"Bonfire Night 2024", "the week after Halloween", "two school years ago", "last year in April".

More patterns for intake.eligibility.dates.find_dates (date_forms.py holds the plain forms). People write a
year with an apostrophe, count back with "back" as well as "ago", hedge a count ("or so", "-odd"), and date
things by the fixed days of the calendar everyone knows; each resolves against the day of receipt, and a
fixed day without a year is the latest one on or before it, as a plain date is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from intake.eligibility.date_forms import (HOLIDAY, M, MONTHS, NUMBERS, SEASON, SEASONS, Resolver, Span, _g,
                                           _month_year, month_span, months_before)
from intake.eligibility.holiday_forms import _on
from intake.eligibility.period_forms import school_year_start

COUNTS = {**NUMBERS, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "nineteen": 19, "thirty": 30, "twenty-four": 24, "twenty four": 24}
COUNT = r"(?P<n>\d{1,2}|a couple of|couple of|a few|twenty[- ]four|" + "|".join(
    sorted((k for k in COUNTS if " " not in k and "-" not in k), key=len, reverse=True)) + ")"
SHORT_YEAR = r"\s*['\u2019](?P<yy>\d{2})\b"  # "'24", "’23"
# Fixed days of the calendar (month, day); Christmas, Easter and New Year are date_forms.HOLIDAY.
FIXED = {"bonfire night": (11, 5), "guy fawkes night": (11, 5), "fireworks night": (11, 5), "halloween": (10, 31),
         "hallowe'en": (10, 31), "valentine's day": (2, 14), "valentines day": (2, 14), "st patrick's day": (3, 17),
         "burns night": (1, 25), "midsummer's day": (6, 24), "new year's day": (1, 1), "new year's eve": (12, 31)}
DAY_NAME = r"(?P<fixed>bonfire night|guy fawkes(?: night)?|fireworks? night|hallowe'?en|valentine'?s day|" \
           r"st\.? patrick'?s day|burns night|midsummer'?s day)"
# "the week after Bonfire Night", "a few days before Christmas": a short step from a known day.
# "the Tuesday after Easter 2025", "the Friday before Christmas": a named weekday is one day, the first such after
# (or the last such before) the known day.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STEP = r"(?P<step>day|few days|couple of days|weekend|week|fortnight|month|" + "|".join(WEEKDAYS) + ")"
SHIFT = r"(?:(?:the|a)\s+" + STEP + r"\s+(?P<way>after|before)\s+)?"
STEPS = {"day": 1, "few days": 4, "couple of days": 2, "weekend": 7, "week": 7, "fortnight": 14, "month": 31}


def _short_year(m: re.Match[str]) -> int:
    return 2000 + int(m["yy"]) if int(m["yy"]) < 70 else 1900 + int(m["yy"])


def _month_short(m: re.Match[str], r: dt.date) -> Span:
    return month_span(_short_year(m), MONTHS[_g(m, "month")])


def _season_short(m: re.Match[str], r: dt.date) -> Span:
    first, last = SEASONS[_g(m, "season")]
    return month_span(_short_year(m), first, last=last)


def _fixed_day(m: re.Match[str], r: dt.date) -> Span | None:
    """Bonfire Night, Halloween ... or a holiday, with a step before or after it ("the week after")."""
    name = " ".join(_g(m, "fixed").replace(".", "").split()) or " ".join(_g(m, "holiday").split())
    if name.startswith("guy fawkes") or name.startswith("firework"):
        name = "bonfire night"
    name = {"halloween": "halloween", "hallowe'en": "halloween"}.get(name, name)
    key = next((k for k in FIXED if k.replace("'", "") == name.replace("'", "")), None)

    def on(year: int) -> dt.date:
        return dt.date(year, *FIXED[key]) if key else _on(name, year)
    year = int(m["year"]) if _g(m, "year") else _short_year(m) if _g(m, "yy") else None
    day = on(year) if year else max(d for d in (on(r.year), on(r.year - 1)) if d <= r)
    said = " ".join(_g(m, "step").lower().split())
    if said in WEEKDAYS or said == "day":  # "the day before", "the Tuesday after": one day, not a stretch
        return (_step_to(day, said, _g(m, "way") == "before"),) * 2
    step = STEPS.get(said, 0)
    if _g(m, "way") == "before":
        return day - dt.timedelta(days=step), day
    return day, day + dt.timedelta(days=step)


def _step_to(day: dt.date, step: str, before: bool) -> dt.date:
    """The day before or after `day`, or the first named weekday after it (the last before it)."""
    weekday = WEEKDAYS.index(step) if step in WEEKDAYS else (day.weekday() + (-1 if before else 1)) % 7
    gap = (day.weekday() - weekday - 1) % 7 + 1 if before else (weekday - day.weekday() - 1) % 7 + 1
    return day - dt.timedelta(days=gap) if before else day + dt.timedelta(days=gap)


def _back(m: re.Match[str], r: dt.date) -> Span:
    """"a year and a half back", "eighteen months or so ago", "two-odd years ago": that far before receipt."""
    said = " ".join(_g(m, "n").replace("-", " ").split())
    n = int(said) if said.isdigit() else COUNTS.get(said, COUNTS.get(said.replace(" ", "-"), 0))
    unit = _g(m, "unit").rstrip("s")
    months = n * (12 if unit == "year" else 1) + (6 if _g(m, "half") or _g(m, "half2") else 0)
    if unit in ("year", "month"):
        day = months_before(r, months)
    else:
        day = r - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return day, day


def _year_then_day(m: re.Match[str], r: dt.date) -> Span:
    """"Last year on the 27th Feb": the year said first, then the day in it (not the latest 27 February)."""
    year = r.year - (2 if "before" in m["rel"].lower() else 1)
    day = dt.date(year, MONTHS[m["month"].lower().rstrip(".")[:3]], 1)
    day = day.replace(day=min(int(m["day"]), calendar.monthrange(year, day.month)[1]))
    return day, day


def _school_years_ago(m: re.Match[str], r: dt.date) -> Span:
    """"two school years ago": the school year (September to July) that many before the one now running."""
    said = _g(m, "n")
    first = school_year_start(r) - (int(said) if said.isdigit() else COUNTS[said])
    return dt.date(first, 9, 1), dt.date(first + 1, 7, 31)


Y = r"(?:\s+(?P<year>(?:19[5-9]|20\d)\d)\b|" + SHORT_YEAR + ")?"
FORMS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple((re.compile(p, re.IGNORECASE), f) for p, f in (
    (r"\b" + M + SHORT_YEAR, _month_short),
    (r"\b(?P<rel>last\s+year|the\s+year\s+before\s+last)\s+(?:in|during|around|at\s+the\s+end\s+of)\s+" + M, _month_year),
    (r"\b(?P<rel>last\s+year|the\s+year\s+before\s+last),?\s+on\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
     r"(?:\s+of)?\s+" + M, _year_then_day),
    (r"\b" + SEASON + r"(?:\s+of)?" + SHORT_YEAR, _season_short),
    (r"\b" + SHIFT + DAY_NAME + Y, _fixed_day),
    (r"\b(?:the|a)\s+" + STEP + r"\s+(?P<way>after|before)\s+" + HOLIDAY + Y, _fixed_day),
    (r"\b" + HOLIDAY + SHORT_YEAR, _fixed_day),
    (r"\b(?:over\s+|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?" + COUNT + r"(?:[- ]odd)?"
     r"(?P<half>\s+and\s+a\s+half)?\s+(?P<unit>days?|weeks?|months?|years?)(?P<half2>\s+and\s+a\s+half)?"
     r"(?:\s+or\s+so|\s+or\s+thereabouts|\s+or\s+more|\s+ish|-ish)?\s+(?:back|ago)\b", _back),
    (r"\b" + COUNT + r"\s+(?:school|academic)\s+years\s+ago\b", _school_years_ago),
))
