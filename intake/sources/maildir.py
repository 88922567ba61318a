"""A local Maildir, read with Python's mailbox module: the embedded default source.

received_at is the file's modification time, which Maildir delivery sets to the
moment the message arrived; the sender's Date: header is never trusted for it.
Messages are never removed; stored ones are marked seen ("S"), as an IMAP client would.
"""

from __future__ import annotations

import datetime as dt
import mailbox
import os
from pathlib import Path
from typing import Iterable, Iterator

from intake.errors import SourceUnavailable
from intake.sources import KnownKeys, SourceMessage

BATCH = 500


class MaildirSource:
    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self.name = f"maildir:{path}"
        if not path.exists() and not create:
            raise SourceUnavailable(f"the Maildir {path} does not exist")
        try:
            if create:
                for sub in ("tmp", "new", "cur"):
                    (path / sub).mkdir(parents=True, exist_ok=True)
            self.box = mailbox.Maildir(str(path), factory=None, create=create)
        except OSError as exc:
            raise SourceUnavailable(f"cannot open the Maildir {path}: {exc.strerror}") from exc

    def moved_message_ids(self) -> set[str] | None:
        return None  # stored mail stays where it is

    def keys(self) -> set[str]:
        self.box._refresh()  # type: ignore[attr-defined]  # noqa: SLF001 - see deliveries since the last look
        return set(self.box.keys())

    def fetch_new(self, is_known: KnownKeys) -> Iterator[SourceMessage]:
        entries = []
        for key in self.keys():
            try:
                entries.append((os.stat(self._file(key)).st_mtime_ns, key))
            except FileNotFoundError:  # moved by another reader meanwhile; seen next poll
                continue
        entries.sort()
        for start in range(0, len(entries), BATCH):
            chunk = [key for _, key in entries[start:start + BATCH]]
            known = is_known(chunk)
            for key in chunk:
                if key not in known:
                    message = self._read(key)
                    if message is not None:
                        yield message

    def _file(self, key: str) -> str:
        # mailbox has no public "path of a key"; the file's mtime is received_at, so we need it.
        return os.path.join(self.box._path, self.box._lookup(key))  # type: ignore[attr-defined]  # noqa: SLF001

    def _read(self, key: str) -> SourceMessage | None:
        try:
            path = self._file(key)
            stat = os.stat(path)
            with open(path, "rb") as handle:
                raw = handle.read()
        except (FileNotFoundError, KeyError):
            return None
        received = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.timezone.utc)
        return SourceMessage(key, raw, received)

    def mark_stored(self, keys: Iterable[str]) -> None:
        for key in keys:
            try:
                path = self._file(key)
            except KeyError:
                continue
            subdir, name = os.path.split(os.path.relpath(path, self.box._path))  # noqa: SLF001
            info = name.split(self.box.colon, 1)[1] if self.box.colon in name else "2,"
            if subdir == "cur" and "S" in info.partition(",")[2]:
                continue
            flags = "".join(sorted(set(info.partition(",")[2]) | {"S"}))
            target = os.path.join(self.box._path, "cur", f"{key}{self.box.colon}2,{flags}")  # noqa: SLF001
            try:
                os.rename(path, target)  # a rename keeps the mtime, which is received_at
            except OSError:
                continue  # marking is a courtesy; the ledger is what prevents doubles
