"""Proves the real Dovecot test server: what goes in over APPEND comes back byte for byte,
and the fault injections (kick, new UIDVALIDITY) do what the IMAP source's tests rely on.

Each test gets its own server (a start costs well under 0.2 s), so the destructive ones
cannot disturb the others.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path
from typing import Any, Iterator

import imapclient
import pytest
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from tests.support.dovecot import DovecotServer, normalise_message
from tests.support.dovecot_fixture import dovecot_server, require_dovecot

require_dovecot(module_level=True)

UTC = dt.timezone.utc
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))

MESSAGES: list[tuple[bytes, dt.datetime]] = [
    (b"From: a@example.org\r\nTo: complaints@example.gov.uk\r\nSubject: crlf\r\n"
     b"Message-ID: <crlf@example.org>\r\n\r\nLine one.\r\nLine two.\r\n",
     dt.datetime(2026, 1, 5, 9, 30, 0, tzinfo=UTC)),
    (b"From: b@example.org\nTo: complaints@example.gov.uk\nSubject: lf only\n"
     b"Message-ID: <lf@example.org>\n\nUnix line ends.\nSecond line.\n",
     dt.datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC)),  # the hour before BST starts
    (b"From: c@example.org\r\nTo: complaints@example.gov.uk\r\nSubject: 8bit\r\n"
     b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
     b"Content-Transfer-Encoding: 8bit\r\n\r\nCaf\xc3\xa9 \xe2\x82\xac5 \xe2\x80\x94 na\xc3\xafve\r\n",
     dt.datetime(2026, 7, 1, 17, 0, 1, tzinfo=PLUS_ONE)),
]


@pytest.fixture
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DovecotServer]:
    yield from dovecot_server(tmp_path_factory)


@pytest.fixture
def imap(server: DovecotServer) -> Iterator[imapclient.IMAPClient]:
    client = server.client()
    yield client
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - some tests kill the connection on purpose
        client.shutdown()


def _fetch_all(client: imapclient.IMAPClient, folder: str) -> list[dict[bytes, Any]]:
    client.select_folder(folder, readonly=True)
    uids = sorted(client.search("ALL"))
    response = client.fetch(uids, ["BODY.PEEK[]", "INTERNALDATE"]) if uids else {}
    return [response[uid] for uid in uids]


def test_server_listens_on_loopback(server: DovecotServer) -> None:
    assert server.host == "127.0.0.1" and server.port > 0 and server.running
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        assert sock.recv(256).startswith(b"* OK")


def test_appended_messages_come_back_unchanged(server: DovecotServer, imap: imapclient.IMAPClient) -> None:
    for raw, when in MESSAGES:
        server.append(raw, internal_date=when)

    fetched = _fetch_all(imap, "INBOX")

    assert len(fetched) == len(MESSAGES)
    for (raw, when), data in zip(MESSAGES, fetched):
        body = bytes(data[b"BODY[]"])
        assert body == normalise_message(raw)
        assert body.replace(b"\r\n", b"\n") == raw.replace(b"\r\n", b"\n")
        assert data[b"INTERNALDATE"] == when  # aware datetimes: equal instants


def test_messages_land_in_the_maildir_with_lf_line_ends(server: DovecotServer) -> None:
    server.append(MESSAGES[0][0])

    files = list((server.maildir / "new").iterdir()) + list((server.maildir / "cur").iterdir())

    # Dovecot stores LF (mail_save_crlf = no) and gives CRLF back over IMAP.
    assert [f.read_bytes() for f in files] == [MESSAGES[0][0].replace(b"\r\n", b"\n")]


def test_nul_bytes_are_replaced_so_append_succeeds(server: DovecotServer, imap: imapclient.IMAPClient) -> None:
    server.append(b"Subject: nul\n\nbefore\0after\n")

    (data,) = _fetch_all(imap, "INBOX")

    assert bytes(data[b"BODY[]"]) == b"Subject: nul\r\n\r\nbefore after\r\n"


def test_kick_drops_an_open_connection(server: DovecotServer, imap: imapclient.IMAPClient) -> None:
    imap.select_folder("INBOX")

    server.kick()

    with pytest.raises((IMAPClientAbortError, OSError)):
        imap.noop()
    with server.client() as fresh:
        assert fresh.select_folder("INBOX")[b"EXISTS"] == 0


def test_kick_without_connections_is_harmless(server: DovecotServer) -> None:
    server.kick()
    server.kick()


def test_reset_uidvalidity_keeps_the_messages(server: DovecotServer) -> None:
    for raw, when in MESSAGES:
        server.append(raw, internal_date=when)
    with server.client() as before:
        status = before.select_folder("INBOX")
        bodies = [d[b"BODY[]"] for d in _fetch_all(before, "INBOX")]

    new = server.reset_uidvalidity()

    with server.client() as after:
        changed = after.select_folder("INBOX")
        assert int(changed[b"UIDVALIDITY"]) == new != int(status[b"UIDVALIDITY"])
        assert changed[b"EXISTS"] == status[b"EXISTS"] == len(MESSAGES)
        assert [d[b"BODY[]"] for d in _fetch_all(after, "INBOX")] == bodies


def test_reset_uidvalidity_disconnects_a_client_that_had_the_folder_open(
        server: DovecotServer, imap: imapclient.IMAPClient) -> None:
    server.append(MESSAGES[0][0])
    imap.select_folder("INBOX")

    server.reset_uidvalidity()

    with pytest.raises((IMAPClientError, OSError)):
        imap.search("ALL")


def test_created_folder_can_be_selected_and_sits_in_the_maildir(
        server: DovecotServer, imap: imapclient.IMAPClient) -> None:
    server.create_folder("Processed")
    server.append(MESSAGES[0][0], folder="Processed")

    status = imap.select_folder("Processed")

    assert status[b"EXISTS"] == 1
    assert imap.folder_exists("Processed")
    assert (server.folder_path("Processed") / "cur").is_dir()  # Maildir++: Maildir/.Processed


def test_folder_hierarchy_uses_a_dot_separator(server: DovecotServer, imap: imapclient.IMAPClient) -> None:
    server.create_folder("Archive.2026")

    assert imap.namespace().personal[0][1] == "."
    assert imap.folder_exists("Archive.2026")
    assert server.folder_path("Archive.2026").is_dir()
    with pytest.raises(IMAPClientError):
        imap.create_folder("Archive/2026")  # Maildir++ refuses '/' in names


def test_wrong_password_is_refused(server: DovecotServer) -> None:
    client = imapclient.IMAPClient(server.host, port=server.port, ssl=False, timeout=10)
    try:
        with pytest.raises(LoginError):
            client.login(server.user, "not-the-password")
    finally:
        client.shutdown()


def test_selecting_a_missing_folder_raises(imap: imapclient.IMAPClient) -> None:
    with pytest.raises(IMAPClientError):
        imap.select_folder("No such folder")


def test_restart_keeps_port_and_mail(server: DovecotServer) -> None:
    server.append(MESSAGES[0][0])
    port = server.port

    server.restart()

    assert server.port == port
    with server.client() as client:
        assert client.select_folder("INBOX")[b"EXISTS"] == 1


def test_stop_ends_every_process_and_frees_the_port(tmp_path: Path) -> None:
    server = DovecotServer(tmp_path / "dovecot").start()
    with server.client() as client:  # an imap child process exists now
        client.select_folder("INBOX")
        master = server._process
        assert master is not None

        server.stop()

    assert not server.running
    assert _group_members(master.pid) == []
    with pytest.raises(OSError):
        socket.create_connection((server.host, server.port), timeout=2).close()


def _group_members(pgid: int) -> list[int]:
    """Live processes in the group, zombies excluded (they hold no resources)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z" and int(entry.name) != os.getpid():
            members.append(int(entry.name))
    return members
