"""Dates in a complaint, resolved against the day the council received it.

Each expression becomes a span of days (earliest, latest): "14 March 2024" is one day,
"March last year" a month, "in 2019" a year, "two years ago" a day. A date without a year
is the latest such date on or before the day of receipt ("on 30 December", received on
2 January, is three days before). Spans starting after receipt are plans, not events, and
are dropped. "since ..." runs up to the day of receipt. Plain regular expressions: dateparser
finds fewer of these forms and costs milliseconds per message; this costs microseconds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

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
SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
HOLIDAY = r"(?P<holiday>christmas eve|christmas day|christmas|boxing day|new year'?s eve|new year'?s day|easter)"


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets in the text
    end: int
    earliest: dt.date
    latest: dt.date
    since: bool = False  # "since March": the matter runs on to the day of receipt
    year: int | None = None  # the year as written ("March 2023"), None when not written
    floating: bool = False  # a day or month with no year at all ("on 30 December")


Span = tuple[dt.date, dt.date]
Resolver = Callable[[re.Match[str], dt.date], "Span | None"]


def month_span(year: int, month: int, first: int = 1, last: int | None = None) -> Span:
    last = month if last is None else last
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, month, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier; 29 February falls back to the 28th."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


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
    spans = _seasons(m, r)
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
    (r"\b" + M + r"\s+(?P<rel>last year|this year|the year before last)\b", _month_year),
    (r"\b" + PREP + r"\s+" + M, _month_year),
    (r"\b(?:(?P<rel>last|this|the)\s+)?" + SEASON + r"(?:\s+(?:of\s+)?" + Y + r")?", _season),
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
SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
AGE_THEN = re.compile(r"\bwhen I was (?:only |just |about )?(\d{1,2})\b", re.IGNORECASE)
AGE_NOW = re.compile(r"\bI(?:'m| am) (?:now )?(\d{1,2})(?: years old)? now\b|\bI(?:'m| am) now (\d{1,2})\b", re.IGNORECASE)


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def find_dates(text: str, received: dt.date) -> list[DateMention]:
    """Every date expression in the text, the longest where two overlap; none after receipt."""
    candidates = [(m, resolve) for pattern, resolve in PATTERNS for m in pattern.finditer(text)]
    candidates.sort(key=lambda c: (-(c[0].end() - c[0].start()), c[0].start()))
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for match, resolve in candidates:
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        try:
            span = resolve(match, received)
        except (ValueError, KeyError, StopIteration, IndexError):
            span = None
        if span is None or span[0] > received:
            continue
        taken.append(match.span())
        since = bool(SINCE.search(text[max(0, match.start() - 12):match.start()])) or _g(match, "prep") == "since"
        year = int(match["year"]) if len(_g(match, "year")) == 4 else None
        floating = (resolve in (_day_month, _month_year, _holiday) and year is None and not _g(match, "rel")
                    and _g(match, "prep") != "last" and "last" not in match[0].lower())
        mentions.append(DateMention(match.start(), match.end(), span[0], min(span[1], received), since,
                                    year, floating))
    return sorted(mentions, key=lambda m: m.start) + _ages(text, received)


def anchor(mentions: list[DateMention], sentence_of: Callable[[int], int]) -> list[DateMention]:
    """A date with no year takes the year written beside it: "on Christmas Eve 2022 ... home for
    Christmas" is Christmas 2022, "between March and June 2023" starts in March 2023."""
    years: dict[int, int] = {}
    for mention in mentions:
        if mention.year is not None:
            sentence = sentence_of(mention.start)
            years[sentence] = min(years.get(sentence, mention.year), mention.year)
    result = []
    for mention in mentions:
        year = years.get(sentence_of(mention.start))
        if mention.floating and year is not None and year < mention.latest.year:
            back = 12 * (mention.latest.year - year)
            mention = DateMention(mention.start, mention.end, months_before(mention.earliest, back),
                                  months_before(mention.latest, back), mention.since, None, False)
        result.append(mention)
    return result


def _ages(text: str, received: dt.date) -> list[DateMention]:
    """"When I was 11 ... I'm 19 now": eight years before receipt."""
    now = AGE_NOW.search(text)
    if now is None:
        return []
    age_now = int(now[1] or now[2])
    found = []
    for then in AGE_THEN.finditer(text):
        years = age_now - int(then[1])
        if years > 0:
            day = months_before(received, 12 * years)
            found.append(DateMention(then.start(), then.end(), months_before(day, 12), day))
    return found
