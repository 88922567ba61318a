"""Calendar arithmetic the date forms share: a span of whole months, the same day some months before,
Easter Sunday. Kept apart from the patterns (date_forms.py) so each stays small.
"""

from __future__ import annotations

import calendar
import datetime as dt

Span = tuple[dt.date, dt.date]


def month_span(year: int, month: int, first: int = 1, last: int | None = None) -> Span:
    last = month if last is None else last
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, month, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier; 29 February falls back to the 28th."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


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
