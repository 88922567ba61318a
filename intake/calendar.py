"""England working days: no weekends, no England bank holidays, no council closure days.

Counting rule (domain.md): day 0 is the day of the event, day 1 the first working
day after it, and "within N working days" means by the end of day N. Bank holidays
come from the pinned `holidays` package (it has substitute and one-off days, which
workalendar misses); the council adds closure days and newly proclaimed holidays in
configuration, and `version` names the data so a stored deadline can say which
calendar produced it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from importlib.metadata import version
from typing import Iterable, NoReturn

import holidays

HOLIDAYS_VERSION = version("holidays")

ONE_DAY = dt.timedelta(days=1)
CLOSURE = "Council closure day"
PROCLAIMED = "Bank holiday (added in configuration)"


def _dates(values: Iterable[dt.date], name: str) -> frozenset[dt.date]:
    """Plain dates only: a datetime never equals a date, so it would silently match nothing."""
    found = frozenset(values)
    for value in found:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise TypeError(f"{name} must hold datetime.date values, got {value!r}")
    return found


def _check(day: dt.date) -> None:
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise TypeError(f"expected a datetime.date, got {day!r}")


class WorkingCalendar:
    """England working days plus the council's local changes; immutable, so safe to share."""

    __slots__ = ("_closures", "_extra", "_not", "_years", "_version")
    _closures: frozenset[dt.date]
    _extra: frozenset[dt.date]
    _not: frozenset[dt.date]
    _years: dict[int, dict[dt.date, str]]
    _version: str

    def __init__(self, closure_days: Iterable[dt.date] = (), extra_holidays: Iterable[dt.date] = (),
                 not_holidays: Iterable[dt.date] = ()) -> None:
        closures, extra = _dates(closure_days, "closure_days"), _dates(extra_holidays, "extra_holidays")
        cancelled = _dates(not_holidays, "not_holidays")
        if clash := sorted(extra & cancelled):
            raise ValueError(f"dates in both extra_holidays and not_holidays: {[d.isoformat() for d in clash]}")
        local = ",".join(f"{tag}{d.isoformat()}" for tag, days in (("c", closures), ("e", extra), ("n", cancelled))
                         for d in sorted(days))
        digest = hashlib.sha256(local.encode()).hexdigest()[:8]
        for slot, value in (("_closures", closures), ("_extra", extra), ("_not", cancelled),
                            ("_years", {}), ("_version", f"holidays-{HOLIDAYS_VERSION}+local-{digest}")):
            object.__setattr__(self, slot, value)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"WorkingCalendar is immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[type[WorkingCalendar], tuple[frozenset[dt.date], ...]]:
        """Rebuild through __init__ (pickle and copy), since attributes cannot be set."""
        return (WorkingCalendar, (self._closures, self._extra, self._not))

    def __repr__(self) -> str:
        return f"WorkingCalendar(version={self._version!r})"

    @property
    def version(self) -> str:
        """Library version plus a hash of the local dates: changes exactly when deadlines could."""
        return self._version

    def _year(self, year: int) -> dict[dt.date, str]:
        """Named non-working days of one year, built on first use (the library is slow per call)."""
        named = self._years.get(year)
        if named is None:
            named = {d: CLOSURE for d in self._closures if d.year == year}
            library = holidays.country_holidays("GB", subdiv="ENG", years=year)
            named.update((d, name) for d, name in library.items() if d not in self._not)
            named.update((d, PROCLAIMED) for d in self._extra if d.year == year)
            self._years[year] = named
        return named

    def is_working_day(self, day: dt.date) -> bool:
        """Not a weekend, bank holiday or closure day (not_holidays never makes a weekend work)."""
        _check(day)
        return day.weekday() < 5 and day not in self._year(day.year)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The date of working day n, counting start as day 0 whatever kind of day it is."""
        _check(start)
        step = ONE_DAY if n >= 0 else -ONE_DAY
        day, remaining, year, named = start, abs(n), start.year, self._year(start.year)
        while remaining:
            day += step
            if day.year != year:
                year, named = day.year, self._year(day.year)
            if day.weekday() < 5 and day not in named:
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days d with start < d <= end; negative when end is before start."""
        _check(start)
        _check(end)
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += ONE_DAY
            count += self.is_working_day(day)
        return count

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day` (day 1 of a clock started on it)."""
        return self.add_working_days(day, 1)

    def holidays_between(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """Named weekday non-working days, start to end inclusive: the days that moved a deadline.

        A holiday falling on a Saturday or Sunday is left out (the weekend already
        excluded it; its weekday substitute is listed instead).
        """
        _check(start)
        _check(end)
        found, day = [], start
        while day <= end:
            name = self._year(day.year).get(day)
            if name is not None and day.weekday() < 5:
                found.append((day, name))
            day += ONE_DAY
        return found
