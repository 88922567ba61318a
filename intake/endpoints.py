"""Where mail comes from and goes to: the mailbox and outbound URLs, and the secrets beside them.

A URL names the place (maildir:// or imap://, folder:// or smtp://) and how to talk to
it (tls=, auth=); its password never travels in the URL but in an environment variable
or a file named by one, so config files and logs can be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping
from urllib.parse import parse_qs, unquote, urlsplit

TLS_MODES = ("ssl", "starttls", "none")


class Secret(str):
    """A string that never shows itself in a repr, a log line or a traceback."""

    def __repr__(self) -> str:
        return "Secret('********')"


@dataclass(frozen=True)
class Endpoint:
    """A parsed mailbox or outbound URL."""

    scheme: str
    path: Path | None = None
    host: str = ""
    port: int = 0
    username: str = ""
    folder: str = "INBOX"
    tls: str = "ssl"
    auth: str = "password"
    password: Secret | None = field(default=None, repr=False)

    def describe(self) -> str:
        """A safe description for logs: no password, no username."""
        if self.path is not None:
            return f"{self.scheme}://{self.path}"
        return f"{self.scheme}://{self.host}:{self.port}/{self.folder} tls={self.tls}"


def secret_from_env(env: Mapping[str, str], name: str, problems: list[str]) -> Secret | None:
    """A secret from NAME, or from the file named by NAME_FILE (Docker/systemd style)."""
    if env.get(name):
        return Secret(env[name])
    file_name = env.get(f"{name}_FILE")
    if file_name:
        try:
            return Secret(Path(file_name).read_text(encoding="utf-8").strip())
        except OSError as exc:
            problems.append(f"{name}_FILE: cannot read {file_name}: {exc.strerror}")
    return None


def _local_path(url_path: str, netloc: str, base: Path) -> Path:
    raw = unquote(netloc + url_path) if netloc else unquote(url_path)
    path = Path(raw)
    return path if path.is_absolute() else (base / path)


def parse_mailbox_url(url: str, password: Secret | None, base: Path,
                      problems: list[str]) -> Endpoint:
    return _parse_url("INTAKE_MAILBOX_URL", url, password, base, problems,
                      local="maildir", remote="imap", default_ports={"ssl": 993, "starttls": 143, "none": 143})


def parse_outbound_url(url: str, password: Secret | None, base: Path,
                       problems: list[str]) -> Endpoint:
    return _parse_url("INTAKE_OUTBOUND_URL", url, password, base, problems,
                      local="folder", remote="smtp", default_ports={"ssl": 465, "starttls": 587, "none": 25})


def _parse_url(key: str, url: str, password: Secret | None, base: Path, problems: list[str],
               *, local: str, remote: str, default_ports: dict[str, int]) -> Endpoint:
    parts = urlsplit(str(url))
    if parts.scheme == local:
        return Endpoint(scheme=local, path=_local_path(parts.path, parts.netloc, base))
    if parts.scheme != remote:
        problems.append(f"{key}: scheme must be {local}:// or {remote}://, got {parts.scheme or 'none'!r}")
        return Endpoint(scheme=local, path=base)
    if parts.password:
        problems.append(f"{key}: the URL contains a password; put it in {key.replace('_URL', '_PASSWORD')} "
                        f"or a file named by {key.replace('_URL', '_PASSWORD_FILE')} instead")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    tls = query.get("tls", "ssl")
    if tls not in TLS_MODES:
        problems.append(f"{key}: tls must be one of {', '.join(TLS_MODES)}, got {tls!r}")
        tls = "ssl"
    auth = query.get("auth", "password")
    if auth not in ("password", "oauth2"):
        problems.append(f"{key}: auth must be password or oauth2, got {auth!r}")
    if not parts.hostname:
        problems.append(f"{key}: a host is required, as in {remote}://user@host:port")
    try:
        port = parts.port or default_ports[tls]
    except ValueError:
        problems.append(f"{key}: the port is not a number")
        port = default_ports[tls]
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    return Endpoint(scheme=remote, host=parts.hostname or "", port=port,
                    username=unquote(parts.username or ""), folder=folder, tls=tls,
                    auth=auth, password=password)
