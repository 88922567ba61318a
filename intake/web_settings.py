"""Where the staff web app listens and how its session cookie is kept: the `[web]` section.

The signing key comes from INTAKE_WEB_SECRET_KEY (or the file named by
INTAKE_WEB_SECRET_KEY_FILE). Without one, the embedded default keeps a random key
in a file beside the case log, readable by its owner only, so sessions survive
a restart on a machine with no set-up.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class WebSettings:
    host: str = "127.0.0.1"
    port: int = 8080
    # Off only for plain-HTTP development on a machine other than localhost.
    secure_cookies: bool = True
    session_hours: int = 8
    # Serve the web app from `intake run` too (beside the poller).
    serve_with_run: bool = True
    secret_key: str = dataclasses.field(default="", repr=False)
    secret_key_path: Path | None = None

    def signing_key(self) -> str:
        if self.secret_key:
            return self.secret_key
        assert self.secret_key_path is not None
        return _kept_key(self.secret_key_path)


def _kept_key(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker wrote it first: use theirs
            return path.read_text(encoding="ascii").strip()
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key)
        return key


def parse_web(section: dict[str, Any], env: Mapping[str, str], var_dir: Path, problems: list[str]) -> WebSettings:
    """Every problem is added to `problems`, each naming its key."""
    known = {"host", "port", "secure_cookies", "session_hours", "serve_with_run"}
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key not in known:
            problems.append(f"web.{key}: unknown key (known: {', '.join(sorted(known))})")
        elif key == "host":
            if not isinstance(value, str) or not value.strip():
                problems.append(f"web.host: must be a host name or address, got {value!r}")
            else:
                values[key] = value.strip()
        elif key in ("port", "session_hours"):
            top = 65535 if key == "port" else 24 * 14
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
                problems.append(f"web.{key}: must be a whole number from 1 to {top}, got {value!r}")
            else:
                values[key] = value
        elif not isinstance(value, bool):
            problems.append(f"web.{key}: must be true or false, got {value!r}")
        else:
            values[key] = value
    key = env.get("INTAKE_WEB_SECRET_KEY", "")
    key_file = env.get("INTAKE_WEB_SECRET_KEY_FILE", "")
    if not key and key_file:
        try:
            key = Path(key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            problems.append(f"INTAKE_WEB_SECRET_KEY_FILE: cannot read {key_file}: {exc.strerror}")
    if key and len(key) < 32:
        problems.append("INTAKE_WEB_SECRET_KEY: too short; use at least 32 random characters "
                        "(python -c 'import secrets; print(secrets.token_urlsafe(48))')")
    return WebSettings(**values, secret_key=key, secret_key_path=var_dir / "web_secret_key")
