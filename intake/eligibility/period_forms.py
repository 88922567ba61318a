"""Named periods and school terms: "the year of the lockdowns", "during the pandemic", "the autumn term of
2023", "the 2022/23 school year", "last school year", and "that summer" / "that year", "the following spring",
"a year later", which refer back to the date written before them.

More patterns for intake.eligibility.dates.find_dates (date_forms.py holds the plain forms,
holiday_forms.py holidays counted back). Each resolves against the day of receipt.
"""

from __future__ import annotations

import datetime as dt
import re

from intake.eligibility.date_forms import NUMBERS, SEASON, SEASONS, Resolver, Span, _g, month_span, months_before

# England's lockdowns: the first began on 23 March 2020, the last restrictions ended on 19 July 2021.
PANDEMIC: Span = (dt.date(2020, 3, 23), dt.date(2021, 7, 19))
TERMS = {"autumn": (9, 12), "christmas": (9, 12), "spring": (1, 4), "easter": (1, 4), "summer": (4, 7)}
TERM = r"(?P<term>autumn|christmas|spring|easter|summer)\s+term"
YEAR = r"(?P<year>(?:19[5-9]|20\d)\d)\b"
# "that summer", "that same year", "the same winter": the season or year of the date written before.
THAT = re.compile(r"^(?:that|the\s+same|that\s+same)\s", re.IGNORECASE)


# "the following spring", "the next year", "the year after", "two years later": counted on from the date before.
FOLLOWING = re.compile(r"^(?:the\s+(?:following|next)\s|the\s+year\s+after\b|\w+(?:\s+\w+)?\s+years?\s+later\b)",
                       re.IGNORECASE)
LATER = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|a couple of)\s+years?\s+later\b"


def _pandemic(m: re.Match[str], r: dt.date) -> Span:
    return PANDEMIC


def _term(m: re.Match[str], r: dt.date) -> Span | None:
    first, last = TERMS[_g(m, "term")]
    if _g(m, "year"):
        return month_span(int(m["year"]), first, last=last)
    spans = [month_span(y, first, last=last) for y in range(r.year, r.year - 3, -1)]
    ended = _g(m, "rel") == "last"  # "last autumn term": the latest one over; "the autumn term": the latest begun
    return next(s for s in spans if (s[1] < r if ended else s[0] <= r))


def school_year_start(r: dt.date) -> int:
    return r.year if r.month >= 9 else r.year - 1


def _school_year(m: re.Match[str], r: dt.date) -> Span | None:
    rel = " ".join(_g(m, "rel").split())
    first = int(m["year"]) if _g(m, "year") else school_year_start(r) - (0 if rel == "this" else 1)
    return dt.date(first, 9, 1), dt.date(first + 1, 7, 31)


def _that(m: re.Match[str], r: dt.date) -> Span | None:
    """Resolved for now as the latest such season or year; dates.find_dates moves it to the year before."""
    first, last = SEASONS.get(_g(m, "season"), (1, 12))
    return month_span(r.year - 1, first, last=last)


def _following(m: re.Match[str], r: dt.date) -> Span:
    """Receipt day for now: "the following spring" means nothing alone, so dates.find_dates replaces it
    with `after(the date written before it)`, and drops it when no date comes before."""
    return r, r


def after(before: Span, text: str) -> Span:
    """"the following spring" after a date beginning on `previous`: the first spring to begin after it;
    "the following year": the year after; "the following month": the month after; "a year later": the date
    before, a year on."""
    said, previous = " ".join(text.lower().split()), before[0]
    season = next((s for s in SEASONS if re.search(rf"\b{s}\b", said)), None)
    if season is not None:
        first, last = SEASONS[season]
        year = previous.year if (first, 1) > (previous.month, previous.day) else previous.year + 1
        return month_span(year, first, last=last)
    if said.endswith("month"):
        day = months_before(previous, -1)
        return month_span(day.year, day.month)
    later = re.search(LATER, said)
    if later is None:
        return month_span(previous.year + 1, 1, last=12)
    n = int(later["n"]) if later["n"].isdigit() else NUMBERS[later["n"]]
    return months_before(before[0], -12 * n), months_before(before[1], -12 * n)


def in_year(span: Span, text: str, year: int) -> Span:
    """"that summer" after a date in `year`: that year's summer ("that year": the whole year)."""
    season = next((s for s in SEASONS if re.search(rf"\b{s}\b", text, re.IGNORECASE)), None)
    if season is None:
        return month_span(year, 1, last=12)
    first, last = SEASONS[season]
    return month_span(year, first, last=last)


FORMS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple((re.compile(p, re.IGNORECASE), f) for p, f in (
    (r"\b(?:the\s+)?(?:(?:year|time|months?)\s+of\s+(?:the\s+)?)?(?:first\s+|second\s+|third\s+|last\s+)?"
     r"(?:covid(?:-19)?\s+|coronavirus\s+)?(?:lockdowns?|pandemic)\b|\b(?:during|in)\s+covid(?:-19)?\b", _pandemic),
    (r"\b(?:(?P<rel>last|this|the)\s+)?" + TERM + r"(?:\s+(?:of\s+|in\s+)?" + YEAR + ")?", _term),
    (r"\b(?:the\s+)?(?P<year>20\d\d)\s*[/-]\s*(?:20)?\d\d\s+(?:school|academic)\s+year\b", _school_year),
    (r"\b(?P<rel>last|this|the\s+previous|the\s+last)\s+(?:school|academic)\s+year(?!\s+(?:\d|before))\b", _school_year),
    (r"\b(?:that|the\s+same|that\s+same)\s+(?:" + SEASON + r"\b|year\b)", _that),
    (r"\bthe\s+(?:following|next)\s+(?:" + SEASON + r"|year|month)\b|\bthe\s+year\s+after\b(?!\s+(?:next|that|this))|\b"
     + LATER, _following),
))


# "later that year", "the rest of that year", "by the end of that year": a time after the date referred back to.
LATER_IN = re.compile(r"\b(?:later|rest|end|remainder|throughout|whole|all|of)\s+(?:of\s+)?$", re.IGNORECASE)


def clipped(text: str, said: str, start: int, antecedent: Span, antecedent_end: int, span: Span) -> Span:
    """"On 28 February 2026 she wrote that I had refused all training that year": "that year" in the sentence of
    the date it refers back to is the time around that date, no later event; "later that year" still is one."""
    if (not said.lower().endswith("year") or re.search(r"[.!?\n]", text[antecedent_end:start])
            or LATER_IN.search(text[max(0, start - 25):start])):
        return span
    return span[0], min(span[1], antecedent[1])
