"""Where messages come from. One interface: ``fetch_new(is_known)`` yields raw messages
with the time the council received them; ``name`` identifies the mailbox in the ledger.

maildir.py is the embedded default; imap.py serves real mailboxes; fake.py feeds tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Protocol


@dataclass(frozen=True)
class SourceMessage:
    source_key: str
    raw: bytes
    received_at: dt.datetime


KnownKeys = Callable[[list[str]], set[str]]


class Source(Protocol):
    name: str

    def fetch_new(self, is_known: KnownKeys) -> Iterator[SourceMessage]:
        """Yield every message whose key `is_known` does not report, in arrival order."""

    def mark_stored(self, keys: Iterable[str]) -> None:
        """Tell the mailbox these are safely stored (a processed folder or a flag); never delete."""

    def keys(self) -> set[str]:
        """Every key in the mailbox now, for reconciliation."""

    def moved_message_ids(self) -> set[str] | None:
        """Message-IDs in the folder stored mail is moved to, or None where nothing is moved."""
