"""Pytest plumbing for DovecotServer: skip where Dovecot is missing, fail in CI.

Kept apart from dovecot.py so a benchmark can use the server without importing pytest,
and kept as plain functions so conftest.py chooses the fixture's name and scope.
"""

from __future__ import annotations

import os
from typing import Any, Iterator

import pytest

from tests.support.dovecot import DOVECOT_BINARY, DovecotServer

INSTALL_HINT = "apt-get install --no-install-recommends dovecot-imapd"


def require_dovecot(*, module_level: bool = False) -> None:
    """Skip without Dovecot, except under CI, which must run the IMAP tests and so fails."""
    if DovecotServer.available():
        return
    reason = f"Dovecot is not installed ({DOVECOT_BINARY} missing; {INSTALL_HINT})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the Dovecot IMAP tests", pytrace=False)
    pytest.skip(reason, allow_module_level=module_level)


def dovecot_server(tmp_path_factory: pytest.TempPathFactory, **options: Any) -> Iterator[DovecotServer]:
    """A started server in a fresh temporary directory, stopped afterwards; wrap it in a fixture.

    ``options`` go to DovecotServer (user, password).
    """
    require_dovecot()
    with DovecotServer(tmp_path_factory.mktemp("dovecot"), **options) as server:
        yield server
