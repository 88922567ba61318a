"""Dates in a complaint, resolved against the day the council received it.

Each expression becomes a span of days (earliest, latest): "14 March 2024" is one day,
"March last year" a month, "in 2019" a year, "two years ago" a day. A date without a year
is the latest such date on or before the day of receipt ("on 30 December", received on
2 January, is three days before). Spans starting after receipt are plans, not events, and
are dropped. "since ..." runs up to the day of receipt. Plain regular expressions: dateparser
finds fewer of these forms and costs milliseconds per message; this costs microseconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from classifiers.pattern_set import PatternSet
from intake.eligibility.ages import ages
from intake.eligibility import (informal_forms, period_forms, season_names, spoken_forms, story_forms, story_order,
                               year_labels)
from intake.eligibility.holiday_forms import FORMS
from intake.eligibility.date_forms import NUMBERS, PATTERNS, Span, _day_month, _g, _holiday, _month_year, easter, months_before

__all__ = ["NUMBERS", "DateMention", "Span", "anchor", "easter", "find_dates", "months_before"]

LAW = re.compile(r"\b(?:Act|Regulations|Rules|Measure)\s*(?:of\s+)?$")
HOLIDAY_NAME = re.compile(r"christmas\s+eve|christmas|easter|new\s+year'?s\s+eve|new\s+year|boxing\s+day|"
                          r"mother'?s'?\s+day|mothering\s+sunday|father'?s'?\s+day|hallowe'?en|bonfire\s+night",
                          re.IGNORECASE)
SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# "Since she was placed in 2023 she's had her hair cut twice": a date in a clause that opens with "since" (at
# the start of a sentence or clause) is where a run of events starts, not the matter's latest event.
SINCE_CLAUSE = re.compile(r"(?:^|[.!?,;:\n]|\band|\bbut)\s*(?:ever\s+)?since\s+(?:[\w']+\s+){1,5}?"
                          r"(?:in|on|at|during|around)\s+(?:the\s+)?$", re.IGNORECASE)

# "When I was in year 9 they made me sleep in the conservatory all winter": a season with no year of its own, in the
# sentence of a date told before it, is in that date's year (not the latest such season before receipt).
BARE_SEASON = re.compile(r"(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)

# Every date shape, each found on its own; the set tries each only where its matches can begin.
_SHAPES = PATTERNS + FORMS + period_forms.FORMS + informal_forms.FORMS + spoken_forms.FORMS
DATE_PATTERNS = [pattern for pattern, _ in _SHAPES]
RESOLVERS = [resolve for _, resolve in _SHAPES]
DATE_SHAPES = PatternSet(DATE_PATTERNS)


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets in the text
    end: int
    earliest: dt.date
    latest: dt.date
    since: bool = False  # "since March": the matter runs on to the day of receipt
    year: int | None = None  # the year as written ("March 2023"), None when not written
    floating: bool = False  # a day or month with no year at all ("on 30 December")


def find_dates(text: str, received: dt.date) -> list[DateMention]:
    """Every date expression in the text, the longest where two overlap; none after receipt."""
    candidates = [(match, RESOLVERS[i]) for i, match in DATE_SHAPES.finditer(text)]
    candidates.sort(key=lambda c: (-(c[0].end() - c[0].start()), c[0].start()))
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for match, resolve in candidates:
        if any(match.start() < end and start < match.end() for start, end in taken) or LAW.search(text[:match.start()]):
            continue  # "the Children Act 1989" names a law, not a date
        if season_names.a_name(text, match.start(), match.end()):
            continue  # "a young person, Summer (15)": a name
        try:
            span = resolve(match, received)
        except (ValueError, KeyError, StopIteration, IndexError):
            span = None
        if span is None or span[0] > received:
            continue
        taken.append(match.span())
        since = (bool(SINCE.search(text[max(0, match.start() - 12):match.start()])) or _g(match, "prep") == "since"
                 or bool(SINCE_CLAUSE.search(text[max(0, match.start() - 60):match.start()])))
        year = int(match["year"]) if len(_g(match, "year")) == 4 else None
        floating = (resolve in (_day_month, _month_year, _holiday, informal_forms._fixed_day, spoken_forms._named_day)
                    and year is None
                    and not _g(match, "rel") and not _g(match, "yy")
                    and _g(match, "prep") != "last" and "last" not in match[0].lower())
        mentions.append(DateMention(match.start(), match.end(), span[0], min(span[1], received), since,
                                    year, floating))
    mentions += [DateMention(*span) for span in ages(text, received)]  # "in Year 9 ... the following year"
    return _refer_back(text, story_forms.joined_years(text, sorted(mentions, key=lambda m: m.start)))


def _refer_back(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"that summer" takes the year of the date before it, "the following spring" comes after it; "christmas day" (or "Christmas Eve") after "two
    christmases ago" is in that same Christmas."""
    result: list[DateMention] = []
    later = mentions  # "the Christmas contact ... On Christmas Eve 2024": told before it is dated, the same one
    for i, mention in enumerate(mentions):
        said = text[mention.start:mention.end]
        if result and (period_forms.THAT.match(said) or (BARE_SEASON.fullmatch(said) is not None
                                                          and not re.search(r"[.!?\n]", text[result[-1].end:mention.start]))):
            year, before = result[-1].latest.year, result[-1]
            span = period_forms.in_year((mention.earliest, mention.latest), said, year)
            span = period_forms.clipped(text, said, mention.start, (before.earliest, before.latest), before.end, span)
            mention = DateMention(mention.start, mention.end, *span, mention.since, year)
        elif period_forms.FOLLOWING.match(said):
            if not result:
                continue  # "the following spring" after no date: it cannot be dated
            earliest, latest = period_forms.after((result[-1].earliest, result[-1].latest), said)
            mention = DateMention(mention.start, mention.end, min(earliest, mention.latest), min(latest, mention.latest),
                                  mention.since, None)
        elif mention.floating and (same := _same_holiday(text, said, result)
                                          or _same_holiday(text, said, later[:i:-1])) is not None:
            back = 12 * max(0, mention.latest.year - same.latest.year)
            mention = DateMention(mention.start, mention.end, months_before(mention.earliest, back),
                                  months_before(mention.latest, back), mention.since, same.latest.year)
        result.append(mention)
    return result


def _same_holiday(text: str, said: str, before: list[DateMention]) -> DateMention | None:
    name = _holiday_name(said)
    return next((m for m in reversed(before) if name and not m.floating
                 and _holiday_name(text[m.start:m.end]) == name), None)


def _holiday_name(said: str) -> str:
    """"Christmas Eve", "Boxing Day", "two Christmases ago" -> "christmas": one season, one year."""
    found = HOLIDAY_NAME.search(said)
    return "" if not found else "christmas" if found[0].lower().startswith(("christmas", "boxing")) else found[0][:3].lower()


def anchor(mentions: list[DateMention], sentence_of: Callable[[int], int], text: str = "") -> list[DateMention]:
    """A date with no year takes the year written beside it: "on Christmas Eve 2022 ... home for
    Christmas" is Christmas 2022, "between March and June 2023" starts in March 2023 (not "the 2019 case")."""
    years: dict[int, int] = {}
    for mention in mentions:  # "looked after since 2019 ... the review on 1 March": a run's start dates nothing else
        if mention.year is not None and not mention.since and not year_labels.labels_a_thing(text, mention.start, mention.end):
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
    return story_order.in_order(result, text)  # "Last Christmas ... and then on 30 December 2025 ..."
