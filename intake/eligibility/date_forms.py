"""Date expressions and how each resolves to a span of days, against the day of receipt.

The regular expressions and resolvers behind intake.eligibility.dates.find_dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from intake.eligibility.calendar_math import Span, easter, month_span, months_before

__all__ = ["HOLIDAY", "MONTHS", "NUMBERS", "PATTERNS", "SEASON", "SEASONS", "Span", "easter", "month_span", "months_before"]

MONTHS = {name: i for i, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
           "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
PARTS = {"early": (1, 4), "the beginning of": (1, 3), "the start of": (1, 3), "mid": (5, 8),
         "late": (9, 12), "the end of": (9, 12)}

M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
Y = r"(?P<year>(?:19[5-9]|20\d)\d)\b"
NUM = r"(?P<n>\d{1,2}|a couple of|couple of|a few|several|" + "|".join(k for k in NUMBERS if " " not in k) + ")"
PART = r"(?:(?P<part>early|mid|late|the beginning of|the start of|the end of)[\s-]+)?"
SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"  # not "summer camp", "winter coat" (below): a kind of thing
AS_KIND = r"(?!\s+(?:camps?|fairs?|fetes?|uniforms?|clothes|coats?|clubs?|schemes?|activities|programmes?|concerts?|shows?|sales?|trips?|schools?|courses?|festivals?|fair|ball|discos?|residentials?)\b)"
HOLIDAY = r"(?P<holiday>christmas eve|christmas day|christmas|boxing day|new year'?s eve|new year'?s day|easter)"

Resolver = Callable[[re.Match[str], dt.date], "Span | None"]


def _day(year: int, month: int, day: int) -> Span | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


def _g(m: re.Match[str], name: str) -> str:
    return (m.groupdict().get(name) or "").lower()


def _month(m: re.Match[str]) -> int:
    return MONTHS[_g(m, "month")]


def _latest_year(received: dt.date, month: int, day: int = 1) -> int:
    return received.year if (month, day) <= (received.month, received.day) else received.year - 1


def _numeric(m: re.Match[str], r: dt.date) -> Span | None:
    year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
    return _day(year, int(m["mon"]), int(m["day"]))


def _day_month(m: re.Match[str], r: dt.date) -> Span | None:
    month, day, rel = _month(m), int(m["day"]), _g(m, "rel")
    year = int(m["year"]) if _g(m, "year") else r.year - 1 if "last" in rel else r.year if "this" in rel \
        else _latest_year(r, month, day)
    return _day(year, month, day)


def _day_only(m: re.Match[str], r: dt.date) -> Span | None:
    """"On Monday 11th": the latest month with that day, on or before receipt."""
    day, month, year = int(m["day"]), r.month, r.year
    for _ in range(3):
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) <= r:
            return _day(year, month, day)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _month_year(m: re.Match[str], r: dt.date) -> Span:
    month, rel = _month(m), _g(m, "rel")
    if _g(m, "year"):
        year = int(m["year"])
    elif rel:
        year = r.year - (2 if "before" in rel else 1 if "last" in rel else 0)
    elif _g(m, "prep") == "last":
        year = r.year if month < r.month else r.year - 1
    else:
        year = _latest_year(r, month)
    return month_span(year, month)


def _seasons(m: re.Match[str], r: dt.date) -> list[Span]:
    first, last = SEASONS[_g(m, "season").rstrip("s")]
    return [month_span(year, first, last=last) for year in range(r.year, r.year - 8, -1)]


def _season(m: re.Match[str], r: dt.date) -> Span:
    spans = _seasons(m, r) if _g(m, "season") != "fall" or _g(m, "rel") or _g(m, "year") else []  # "fallen"
    if _g(m, "year"):
        return next(s for s in spans if s[0].year == int(m["year"]))
    if _g(m, "rel") == "last":
        return next(s for s in spans if s[1] < r)
    return next(s for s in spans if s[0] <= r)  # "this summer", "in the summer"


def _season_ago(m: re.Match[str], r: dt.date) -> Span:
    n = _g(m, "n")
    back = 2 if not n else int(n) if n.isdigit() else NUMBERS[n]
    return [s for s in _seasons(m, r) if s[1] < r][back - 1]


def _holiday(m: re.Match[str], r: dt.date) -> Span | None:
    name = m["holiday"].lower().replace("'", "")
    def on(year: int) -> dt.date:
        if name == "easter":
            return easter(year)
        return {"new years day": dt.date(year, 1, 1), "new years eve": dt.date(year, 12, 31),
                "christmas eve": dt.date(year, 12, 24), "boxing day": dt.date(year, 12, 26)}.get(
                    name, dt.date(year, 12, 25))
    date = on(int(m["year"])) if _g(m, "year") else max(d for d in (on(r.year), on(r.year - 1)) if d <= r)
    return date, date


def _year(m: re.Match[str], r: dt.date) -> Span:
    first, last = PARTS.get(" ".join(_g(m, "part").split()), (1, 12))
    return month_span(int(m["year"]), first, last=last)


def _ago(m: re.Match[str], r: dt.date) -> Span:
    n = NUMBERS.get(" ".join(_g(m, "n").split()), 0) if not m["n"].isdigit() else int(m["n"])
    unit = _g(m, "unit").rstrip("s")
    months = n * (12 if unit == "year" else 1) + (6 if _g(m, "half") or _g(m, "half2") else 0)
    day = months_before(r, months) if unit in ("year", "month") else r - dt.timedelta(
        days=n * (7 if unit == "week" else 1))
    if _g(m, "more"):
        day -= dt.timedelta(days=1)
    return day, day


def _relative(m: re.Match[str], r: dt.date) -> Span:
    word = " ".join(m[0].lower().split())
    if word == "yesterday":
        return r - dt.timedelta(days=1), r - dt.timedelta(days=1)
    if word in ("today", "tonight", "this morning", "this afternoon", "this week", "this month"):
        return r, r
    if word == "the year before last":
        return month_span(r.year - 2, 1, last=12)
    if word.endswith("year"):
        return month_span(r.year - (1 if "last" in word else 0), 1, last=12)
    if word.endswith("month"):
        return month_span(months_before(r, 1).year, months_before(r, 1).month)
    return r - dt.timedelta(days=13), r - dt.timedelta(days=1)  # last week(end)


PREP = r"(?P<prep>in|since|during|until|till|by|before|after|between|of|on|early|mid|late|last)"
PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple((re.compile(p, re.IGNORECASE), f) for p, f in (
    (r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b", _numeric),
    (r"\b(?P<day>\d{1,2})[/.](?P<mon>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b", _numeric),
    (r"\b(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + M + r"(?:,?\s+" + Y
     + r")?(?P<rel>\s+(?:last|this)\s+year)?", _day_month),
    (r"\b" + M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + Y + ")?", _day_month),
    (r"\b" + PART + M + r"\s+(?:of\s+)?" + Y, _month_year),
    (r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\b", _day_only),
    (r"\b" + M + r"\s+(?P<rel>last year|this year|the year before last)\b", _month_year),
    (r"\b" + PREP + r"\s+" + M, _month_year),
    (r"\b(?:(?P<rel>last|this|the)\s+)?" + SEASON + r"\b" + AS_KIND + r"(?:\s+(?:of\s+)?" + Y + r")?", _season),
    (r"\bthe\s+" + SEASON + r"\s+before\s+last\b", _season_ago),
    (r"\b" + NUM + r"\s+" + SEASON + r"s\s+ago\b", _season_ago),
    (r"\b(?:last\s+)?" + HOLIDAY + r"(?:\s+" + Y + ")?", _holiday),
    (r"(?<![£$\d,.])\b" + PART + Y + r"(?!\s*(?:pounds|years))", _year),
    (r"\b(?P<more>over\s+|more\s+than\s+|about\s+|almost\s+|nearly\s+)?" + NUM
     + r"(?P<half>\s+and\s+a\s+half)?\s+(?P<unit>days?|weeks?|months?|years?)(?P<half2>\s+and\s+a\s+half)?\s+ago\b",
     _ago),
    (r"\byesterday\b|\btoday\b|\btonight\b|\bthis (?:morning|afternoon|week|month|year)\b"
     + r"|\bthe year before last\b|\blast (?:week|weekend|month|year)\b", _relative),
))
