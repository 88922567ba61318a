"""OAuth2 access tokens for IMAP (XOAUTH2), for Microsoft 365 and Gmail where passwords are off.

The token comes from a command the council configures (e.g. a script that asks
the identity provider with a client secret) or from a file another process keeps
fresh. It is cached until the server refuses it, then read again once.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from intake.errors import ConfigError


class TokenProvider:
    def __init__(self, command: str = "", file: Path | None = None, timeout: float = 30.0) -> None:
        if not command and file is None:
            raise ConfigError(["mailbox.oauth2_token_command or mailbox.oauth2_token_file: "
                               "one is needed for auth=oauth2"])
        self.command = command
        self.file = file
        self.timeout = timeout
        self._token: str | None = None

    def token(self, refresh: bool = False) -> str:
        if self._token is None or refresh:
            self._token = self._read()
        return self._token

    def _read(self) -> str:
        if self.command:
            try:
                result = subprocess.run(shlex.split(self.command), capture_output=True, text=True,
                                        timeout=self.timeout, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ConfigError([f"mailbox.oauth2_token_command: could not run it ({type(exc).__name__})"]) from None
            if result.returncode != 0:
                raise ConfigError([f"mailbox.oauth2_token_command: exited {result.returncode}"])
            token = result.stdout.strip()
        else:
            assert self.file is not None
            try:
                token = self.file.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError([f"mailbox.oauth2_token_file: cannot read it ({exc.strerror})"]) from None
        if not token:
            raise ConfigError(["mailbox.oauth2_token_command/file: gave an empty token"])
        return token
