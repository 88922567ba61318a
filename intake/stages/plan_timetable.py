"""Write the statutory due dates that receiving this message starts, in working days."""

from __future__ import annotations

from intake.case_log import record_event
from intake.db.models import Deadline
from intake.item import Category, IntakeItem
from intake.pipeline import Context
from intake.stages import stage
from intake.timetable import Event, due_dates


@stage
def plan_timetable(item: IntakeItem, ctx: Context) -> None:
    session = ctx.session
    assert session is not None and item.case is not None
    received_on = item.received_at.astimezone(ctx.settings.tz).date()
    planned = due_dates(Event.complaint_received, received_on, ctx.calendar, ctx.settings.limits)
    if item.category is not Category.complaint:  # no statutory response clock, but a prompt thank-you
        planned = [d for d in planned if d.deadline == "acknowledgement"]
    item.due_dates = {d.deadline: d.due_date for d in planned}
    for due in planned:
        session.add(Deadline(case=item.case, deadline=due.deadline, event=due.event.value,
                             event_date=due.event_date, working_days=due.working_days,
                             due_date=due.due_date, calendar_version=due.calendar_version))
    record_event(session, item.case, ctx.clock(), "system", "timetable_planned",
                 deadlines={d.deadline: d.due_date.isoformat() for d in planned},
                 calendar_version=ctx.calendar.version)


STAGE = plan_timetable
