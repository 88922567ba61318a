"""Calendar arithmetic the date forms share: a span of whole months, the same day some months before,
Easter Sunday (python-dateutil's). Kept apart from the patterns (date_forms.py) so each stays small.
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.easter import EASTER_WESTERN
from dateutil.easter import easter as dateutil_easter

Span = tuple[dt.date, dt.date]


def month_span(year: int, month: int, last: int | None = None) -> Span:
    last = month if last is None else last
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, month, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier; 29 February falls back to the 28th."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def easter(year: int) -> dt.date:
    """Easter Sunday, Western (Gregorian) reckoning, as Mothering Sunday and Good Friday follow it."""
    day: dt.date = dateutil_easter(year, EASTER_WESTERN)
    return day
