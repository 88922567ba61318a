"""One module per pipeline stage, named verb_object; each exposes STAGE."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from intake.item import IntakeItem
    from intake.pipeline import Context


@dataclass(frozen=True)
class FunctionStage:
    """A stage made from a plain function; its name is its module's name."""

    name: str
    func: Callable[[IntakeItem, Context], None]

    def run(self, item: IntakeItem, ctx: Context) -> None:
        self.func(item, ctx)


def stage(func: Callable[[IntakeItem, Context], None]) -> FunctionStage:
    return FunctionStage(func.__module__.rsplit(".", 1)[-1], func)
