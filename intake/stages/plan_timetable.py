"""Write the statutory due dates that receiving this message starts, in working days."""

from __future__ import annotations

from intake.case_log import plan_received
from intake.item import Category, IntakeItem
from intake.pipeline import Context
from intake.stages import stage


@stage
def plan_timetable(item: IntakeItem, ctx: Context) -> None:
    session = ctx.session
    assert session is not None and item.case is not None
    received_on = item.received_at.astimezone(ctx.settings.tz).date()
    # A compliment or suggestion: no statutory response clock, but a prompt thank-you.
    item.due_dates = plan_received(session, item.case, received_on,
                                   complaint=item.category is Category.complaint,
                                   calendar=ctx.calendar, limits=ctx.settings.limits, at=ctx.clock())


STAGE = plan_timetable
