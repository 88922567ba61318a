"""A source for unit tests: messages held in memory, with keys and arrival times."""

from __future__ import annotations

from typing import Iterable, Iterator

from intake.sources import KnownKeys, SourceMessage


class FakeSource:
    def __init__(self, messages: Iterable[SourceMessage] = (), name: str = "fake:test") -> None:
        self.name = name
        self.messages = list(messages)
        self.marked: list[str] = []

    def moved_message_ids(self) -> set[str] | None:
        return None  # stored mail stays where it is

    def keys(self) -> set[str]:
        return {m.source_key for m in self.messages}

    def fetch_new(self, is_known: KnownKeys) -> Iterator[SourceMessage]:
        known = is_known([m.source_key for m in self.messages])
        yield from (m for m in self.messages if m.source_key not in known)

    def mark_stored(self, keys: Iterable[str]) -> None:
        self.marked.extend(keys)
