"""OAuth2 tokens for IMAP: from a command or a file, read again once when the server refuses one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from imapclient.exceptions import LoginError

from intake.config import MailboxOptions
from intake.endpoints import Endpoint, Secret
from intake.errors import ConfigError
from intake.sources.imap import ImapSource
from intake.sources.oauth2 import TokenProvider


def test_token_from_a_command_and_from_a_file(tmp_path: Path) -> None:
    assert TokenProvider(command=f"{sys.executable} -c \"print('tok-from-command')\"").token() == "tok-from-command"
    token_file = tmp_path / "token"
    token_file.write_text("tok-from-file\n")
    provider = TokenProvider(file=token_file)
    assert provider.token() == "tok-from-file"
    token_file.write_text("fresh-token\n")
    assert provider.token() == "tok-from-file"  # cached
    assert provider.token(refresh=True) == "fresh-token"


def test_a_failing_command_or_empty_token_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="exited 3"):
        TokenProvider(command=f"{sys.executable} -c \"import sys; sys.exit(3)\"").token()
    empty = tmp_path / "empty"
    empty.write_text("")
    with pytest.raises(ConfigError, match="empty token"):
        TokenProvider(file=empty).token()
    with pytest.raises(ConfigError):
        TokenProvider()


class FakeClient:
    """Refuses the first token, as a server does when it has expired."""

    def __init__(self) -> None:
        self.tokens: list[str] = []

    def oauth2_login(self, user: str, token: str) -> None:
        self.tokens.append(token)
        if len(self.tokens) == 1:
            raise LoginError("AUTHENTICATIONFAILED")


def test_an_expired_token_is_refreshed_once(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("old")
    endpoint = Endpoint(scheme="imap", host="imap.example.org", port=993, username="complaints@example.org",
                        auth="oauth2", password=None)
    source = ImapSource(endpoint, MailboxOptions(oauth2_token_file=token_file))
    token_file.write_text("new")  # the provider has not read it yet: it reads "new" first...
    source.tokens._token = "old"  # noqa: SLF001 - ...so start from a cached, expired token
    client: Any = FakeClient()
    source._login(client)  # noqa: SLF001
    assert client.tokens == ["old", "new"]


def test_a_password_endpoint_without_a_password_is_a_config_error() -> None:
    source = ImapSource(Endpoint(scheme="imap", host="h", port=993, username="u", password=None))
    with pytest.raises(ConfigError, match="INTAKE_MAILBOX_PASSWORD"):
        source._login(FakeClient())  # noqa: SLF001
    assert repr(Secret("x")) == "Secret('********')"
