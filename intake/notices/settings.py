"""Who is told, how early and when: the `[notices]` section of the configuration."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NoticeSettings:
    team_manager: str = "team.manager@northshire.example.org"
    senior_manager: str = "senior.manager@northshire.example.org"
    # A reminder to the case officer this many working days before each due date.
    reminder_working_days: int = 2
    # The senior manager is told when a deadline is this many working days overdue.
    senior_after_working_days: int = 3
    # A case with no officer this many working days after it arrived goes to the team manager.
    unassigned_after_working_days: int = 1
    working_hours_start: dt.time = dt.time(9, 0)
    working_hours_end: dt.time = dt.time(17, 0)
    digest_time: dt.time = dt.time(8, 30)

    def in_working_hours(self, moment: dt.time) -> bool:
        return self.working_hours_start <= moment < self.working_hours_end


def parse_notices(section: dict[str, Any], problems: list[str]) -> NoticeSettings:
    """Every problem is added to `problems`, each naming its key; the defaults fill the rest."""
    known = {f.name for f in dataclasses.fields(NoticeSettings)}
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key not in known:
            problems.append(f"notices.{key}: unknown key (known: {', '.join(sorted(known))})")
        elif key in ("team_manager", "senior_manager"):
            if not isinstance(value, str) or "@" not in value or any(c in value for c in "\r\n"):
                problems.append(f"notices.{key}: must be one email address, got {value!r}")
            else:
                values[key] = value.strip()
        elif key.endswith("working_days"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                problems.append(f"notices.{key}: must be a whole number of working days of at least 1, got {value!r}")
            else:
                values[key] = value
        else:
            try:
                values[key] = dt.time.fromisoformat(str(value))
            except ValueError:
                problems.append(f"notices.{key}: must be a time like 09:00, got {value!r}")
    notices = NoticeSettings(**values)
    if notices.working_hours_start >= notices.working_hours_end:
        problems.append("notices.working_hours_start: must be before working_hours_end")
    return notices
