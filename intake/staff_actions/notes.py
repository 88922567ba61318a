"""A staff note on a case: what a person learned or did that no other action records.

Kept in the append-only case trail, so a note can be added but never edited or lost.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from intake.case_log import record_event
from intake.casework import CaseworkRefused
from intake.db.models import Case, CaseEvent

MAX_NOTE_CHARACTERS = 10_000


def add_note(session: Session, case: Case, text: str, by: str, at: dt.datetime) -> CaseEvent:
    """Record the note as a `note_added` event; an empty note or no name is refused."""
    note = text.strip()
    problems = []
    if not note:
        problems.append("a note needs some text")
    if len(note) > MAX_NOTE_CHARACTERS:
        problems.append(f"a note may be at most {MAX_NOTE_CHARACTERS} characters (this one is {len(note)})")
    if not by.strip():
        problems.append("the name of the person adding the note is required")
    if problems:
        raise CaseworkRefused(f"{case.reference}: " + "; ".join(problems))
    return record_event(session, case, at, by.strip(), "note_added", text=note)
