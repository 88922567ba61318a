"""The engine: one tuple lists the whole flow, `run` walks it.

    parse → detect_automated → thread → classify → screen_safeguarding
          → check_eligibility → log_case → plan_timetable → acknowledge

The raw message is stored by the runner before this runs, so a fault in any
stage still leaves the mail. A stage that decides the message goes no further
raises a PipelineStop; only `run` catches those.
"""

from __future__ import annotations

import datetime as dt
import importlib
from functools import cache
from dataclasses import dataclass
from typing import Callable, Protocol

from sqlalchemy.orm import Session

from intake.calendar import WorkingCalendar
from intake.config import Settings
from intake.errors import Hold, NoReply, PipelineStop, Quarantine
from intake.item import IntakeItem

STAGES = ("parse", "detect_automated", "thread", "classify", "screen_safeguarding",
          "check_eligibility", "log_case", "plan_timetable", "acknowledge")

# What `intake analyse` runs: every stage that only looks, none that writes.
ANALYSIS_STAGES = STAGES[:6]


@dataclass
class Context:
    """The services a stage may use; stages read no globals."""

    settings: Settings
    calendar: WorkingCalendar
    clock: Callable[[], dt.datetime]
    classifiers: dict[str, object]
    session: Session | None = None


class Stage(Protocol):
    name: str

    def run(self, item: IntakeItem, ctx: Context) -> None: ...


@cache
def load_stage(name: str) -> Stage:
    """Resolved once per process: the pipeline runs this for every stage of every message."""
    return importlib.import_module(f"intake.stages.{name}").STAGE  # type: ignore[no-any-return]


def run(item: IntakeItem, ctx: Context, stages: tuple[str, ...] = STAGES) -> str:
    """Run the stages in order; return how the message ended (an inbound message state)."""
    try:
        for name in stages:
            load_stage(name).run(item, ctx)
    except NoReply as stop:
        return _ended(item, "automated", stop)
    except Hold as stop:
        return _ended(item, item.outcome or "held", stop)
    except Quarantine as stop:
        return _ended(item, "quarantined", stop)
    except PipelineStop as stop:  # an unknown kind of stop still ends cleanly
        return _ended(item, "held", stop)
    return item.outcome or "processed"


def _ended(item: IntakeItem, state: str, stop: PipelineStop) -> str:
    item.outcome = state
    item.stop_reason = stop.reason
    return state
