"""The embedded default transport: each outgoing message becomes an .eml file in a folder.

Files are named by outbox id and written atomically (temporary file, then
rename), so a retry after a crash overwrites the same file instead of adding a
second copy: this transport delivers exactly once.
"""

from __future__ import annotations

import os
import tempfile
from email.message import EmailMessage
from pathlib import Path

from intake.errors import OutboxError


class FolderTransport:
    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, message: EmailMessage, *, outbox_id: int) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            target = self.path / f"{outbox_id:08d}.eml"
            fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".tmp-", suffix=".eml")
            with os.fdopen(fd, "wb") as handle:
                handle.write(message.as_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise OutboxError(f"cannot write to the outbox folder {self.path}: {exc.strerror}") from exc
