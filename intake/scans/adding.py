"""A posted letter in, from the command line or the web upload form: stored raw first, then read.

The same file added twice is one letter. Its received date is the post room's stamp
when given, else the date written on it if recent, else when the file was made.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from intake.db.models import InboundMessage, utcnow
from intake.errors import UnparseableMessage
from intake.runner import Runner
from intake.scans.message import letter_received_at, read_fields
from intake.scans.reading import read_scan
from intake.storing import letter_identity, store_letter


def add_letter(runner: Runner, raw: bytes, *, stamped: dt.datetime | None,
               file_time: dt.datetime) -> tuple[int, bool]:
    """(inbound id, whether it is new); a new letter is processed at once (OcrUnavailable if it cannot be)."""
    known = stored_id(runner, raw)
    if known is not None:
        return known, False
    received_at = _received_at(runner, raw, stamped, file_time)
    inbound_id, new = store_letter(runner.sessions, raw, received_at, utcnow())
    if new:
        runner.process_one(inbound_id)
    return inbound_id, new


def stored_id(runner: Runner, raw: bytes) -> int | None:
    """The letter's record if this very file was added before (then it is not read again)."""
    with runner.sessions() as session:
        return session.scalar(select(InboundMessage.id).where(InboundMessage.identity == letter_identity(raw)))


def _received_at(runner: Runner, raw: bytes, stamped: dt.datetime | None, file_time: dt.datetime) -> dt.datetime:
    """Reads the letter once for its date (OcrUnavailable: raised before anything is stored)."""
    if stamped is not None:
        return stamped
    try:
        written = read_fields(read_scan(raw), runner.settings).written_on
    except UnparseableMessage:
        written = None  # stored all the same; the parse stage quarantines it with the reason
    return letter_received_at(written, None, file_time, runner.settings)
