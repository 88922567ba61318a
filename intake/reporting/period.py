"""The period a report covers: local dates, both ends included; councils report on the
financial year, 1 April to 31 March."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Period:
    """Local dates from `start` to `end`, both included."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        if not self.label:
            object.__setattr__(self, "label", f"{_long(self.start)} to {_long(self.end)}")

    def bounds(self, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        """[first instant, first instant after) in the council's time zone."""
        return (dt.datetime.combine(self.start, dt.time(), tzinfo=tz),
                dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=tz))

    def months(self) -> tuple[dt.date, ...]:
        """The first day of each calendar month the period touches, in order."""
        found, month = [], self.start.replace(day=1)
        while month <= self.end:
            found.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return tuple(found)


def financial_year(year_starting: int) -> Period:
    """1 April of `year_starting` to 31 March of the next year (2026 is "2026/27")."""
    return Period(dt.date(year_starting, 4, 1), dt.date(year_starting + 1, 3, 31),
                  f"{year_starting}/{(year_starting + 1) % 100:02d} (1 April {year_starting} to 31 March "
                  f"{year_starting + 1})")


def financial_year_of(day: dt.date) -> int:
    """The year a financial year containing `day` starts in."""
    return day.year if day.month >= 4 else day.year - 1


def _long(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
