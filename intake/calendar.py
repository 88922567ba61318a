"""England working days: no weekends, no England-and-Wales bank holidays, no council closure days.

Counting rule (domain.md): day 0 is the day of the event, day 1 the first working
day after it, and "within N working days" means by the end of day N. Bank
holidays come from the pinned `holidays` package (it has substitute and one-off
days, which workalendar misses); the council adds closure days and newly
proclaimed holidays in configuration, and `version` names the data so a stored
deadline can say which calendar produced it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Iterable

import holidays

ONE_DAY = dt.timedelta(days=1)


class WorkingCalendar:
    def __init__(self, closure_days: Iterable[dt.date] = (), extra_holidays: Iterable[dt.date] = (),
                 not_holidays: Iterable[dt.date] = ()) -> None:
        self._closures = frozenset(closure_days)
        self._extra = frozenset(extra_holidays)
        self._not = frozenset(not_holidays)
        self._bank: dict[int, dict[dt.date, str]] = {}
        local = ",".join(f"{tag}{d.isoformat()}" for tag, days in (("c", self._closures), ("e", self._extra),
                                                                   ("n", self._not)) for d in sorted(days))
        self.version = f"holidays-{holidays.__version__}+local-{hashlib.sha256(local.encode()).hexdigest()[:8]}"

    def _bank_holidays(self, year: int) -> dict[dt.date, str]:
        if year not in self._bank:
            found = dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())
            found.update({d: "Bank holiday (added in configuration)" for d in self._extra if d.year == year})
            for day in self._not:
                found.pop(day, None)
            self._bank[year] = found
        return self._bank[year]

    def non_working_reason(self, day: dt.date) -> str | None:
        """Why a day is not a working day, or None if it is one."""
        if day.weekday() >= 5:
            return "Weekend"
        name = self._bank_holidays(day.year).get(day)
        if name:
            return name
        if day in self._closures:
            return "Council closure day"
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.non_working_reason(day) is None

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The date of working day n counted from start (day 0, whatever kind of day it is)."""
        step = ONE_DAY if n >= 0 else -ONE_DAY
        day, remaining = start, abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days d with start < d <= end (negative when end is before start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += ONE_DAY
            count += self.is_working_day(day)
        return count

    def next_working_day(self, day: dt.date) -> dt.date:
        return self.add_working_days(day, 1)

    def holidays_between(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """Named non-working days (not weekends) from start to end inclusive."""
        found, day = [], start
        while day <= end:
            reason = self.non_working_reason(day)
            if reason and reason != "Weekend":
                found.append((day, reason))
            day += ONE_DAY
        return found
