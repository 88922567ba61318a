"""An IMAP mailbox, through imapclient: TLS by default, certificates verified.

A message's key is "UIDVALIDITY:UID", so a mailbox rebuilt by the server (a new
UIDVALIDITY) yields new keys, and content identity (intake.identity) stops the
same message being stored twice. received_at is the server's INTERNALDATE.
Mail is fetched with BODY.PEEK[] and only moved to the processed folder (or
flagged, where MOVE is missing) after the runner has committed it. Nothing is
ever deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import socket
import ssl
import time
from typing import Any, Iterable, Iterator

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from intake.config import MailboxOptions
from intake.endpoints import Endpoint
from intake.errors import ConfigError, SourceUnavailable
from intake.sources import KnownKeys, SourceMessage
from intake.sources.oauth2 import TokenProvider

log = logging.getLogger("intake.imap")

FETCH_BATCH = 200
STORED_FLAG = b"$IntakeStored"
TRANSIENT = (IMAPClientError, OSError, ssl.SSLError)


class ImapSource:
    def __init__(self, endpoint: Endpoint, options: MailboxOptions = MailboxOptions(), *,
                 ssl_context: ssl.SSLContext | None = None, timeout: float = 60.0,
                 connect_attempts: int = 3) -> None:
        self.endpoint = endpoint
        self.options = options
        self.name = f"imap:{endpoint.host}:{endpoint.port}/{endpoint.folder}"
        self.ssl_context = ssl_context or ssl.create_default_context(
            cafile=str(options.ca_file) if options.ca_file else None)
        self.timeout = timeout
        self.connect_attempts = connect_attempts
        self.tokens = (TokenProvider(options.oauth2_token_command, options.oauth2_token_file)
                       if endpoint.auth == "oauth2" else None)
        self._client: imapclient.IMAPClient | None = None
        self.uidvalidity: int | None = None
        self.capabilities: frozenset[bytes] = frozenset()

    # -- connection ----------------------------------------------------------------

    def connect(self) -> imapclient.IMAPClient:
        """Connect, with a short backoff for transient faults; a refused login is final."""
        if self._client is not None:
            return self._client
        delay = 1.0
        for attempt in range(1, self.connect_attempts + 1):
            try:
                self._client = self._open()
                return self._client
            except TRANSIENT as exc:
                if attempt == self.connect_attempts:
                    raise SourceUnavailable(
                        f"cannot reach the IMAP mailbox {self.endpoint.host}:{self.endpoint.port} "
                        f"after {attempt} attempts ({type(exc).__name__})") from None
                log.warning("imap_connect_retry attempt=%s error=%s", attempt, type(exc).__name__)
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    def _open(self) -> imapclient.IMAPClient:
        e = self.endpoint
        client = imapclient.IMAPClient(e.host, port=e.port, ssl=e.tls == "ssl",
                                       ssl_context=self.ssl_context, timeout=self.timeout)
        client.normalise_times = False  # keep the server's zone: INTERNALDATE is received_at
        try:
            if e.tls == "starttls":
                client.starttls(self.ssl_context)
            self._login(client)
            self.capabilities = frozenset(client.capabilities())
            self._select(client)
            if self.options.processed_folder and not client.folder_exists(self.options.processed_folder):
                client.create_folder(self.options.processed_folder)
        except BaseException:
            _quietly_logout(client)
            raise
        return client

    def _login(self, client: imapclient.IMAPClient) -> None:
        e = self.endpoint
        try:
            if self.tokens is not None:
                try:
                    client.oauth2_login(e.username, self.tokens.token())
                except LoginError:  # the token expired: fetch a fresh one, once
                    client.oauth2_login(e.username, self.tokens.token(refresh=True))
            else:
                if e.password is None:
                    raise ConfigError(["INTAKE_MAILBOX_PASSWORD: required for an imap:// mailbox"])
                client.login(e.username, e.password)
        except LoginError:
            raise ConfigError([f"INTAKE_MAILBOX_PASSWORD: the IMAP server {e.host} refused the login "
                               "(check the user and password or token; not retrying)"]) from None

    def _select(self, client: imapclient.IMAPClient) -> None:
        folder = self.endpoint.folder
        if not client.folder_exists(folder):
            raise ConfigError([f"INTAKE_MAILBOX_URL: the folder {folder!r} does not exist on "
                               f"{self.endpoint.host}"])
        status = client.select_folder(folder)
        uidvalidity = int(status[b"UIDVALIDITY"])
        if self.uidvalidity is not None and uidvalidity != self.uidvalidity:
            log.warning("imap_uidvalidity_changed folder_rescanned=yes")
        self.uidvalidity = uidvalidity

    def close(self) -> None:
        if self._client is not None:
            _quietly_logout(self._client)
            self._client = None

    # -- reading ---------------------------------------------------------------------

    def _search_all(self) -> list[int]:
        """Every UID in the folder now: NOOP first, so a long-lived session sees new arrivals."""
        client = self.connect()
        self._call(client.noop)
        return sorted(self._call(client.search, "ALL"))

    def keys(self) -> set[str]:
        return {self._key(uid) for uid in self._search_all()}

    def moved_message_ids(self) -> set[str] | None:
        """Message-IDs in the processed folder (lower case), to account for mail we moved there."""
        folder = self.options.processed_folder
        if not folder:
            return None
        client = self.connect()
        try:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            response = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
        except TRANSIENT as exc:
            self.close()
            raise SourceUnavailable(f"cannot read the processed folder ({type(exc).__name__})") from None
        finally:
            if self._client is not None:
                self._select(self._client)
        found = set()
        for data in response.values():
            header = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
            value = bytes(header).decode("latin-1").partition(":")[2]
            found.add(" ".join(value.split()).lower())
        return found

    def fetch_new(self, is_known: KnownKeys) -> Iterator[SourceMessage]:
        """Fetch what is not yet stored; one reconnect if the connection drops part-way."""
        try:
            yield from self._fetch_new(is_known)
        except SourceUnavailable:
            self.close()
            log.warning("imap_reconnecting after=connection_lost")
            yield from self._fetch_new(is_known)

    def _fetch_new(self, is_known: KnownKeys) -> Iterator[SourceMessage]:
        uids = self._search_all()
        client = self.connect()
        for start in range(0, len(uids), FETCH_BATCH):
            chunk = uids[start:start + FETCH_BATCH]
            known = is_known([self._key(uid) for uid in chunk])
            if known:  # stored earlier but not yet moved (a crash in between): finish the move
                self.mark_stored(known)
            wanted = [uid for uid in chunk if self._key(uid) not in known]
            if wanted:
                yield from self._fetch(client, wanted)

    def _fetch(self, client: imapclient.IMAPClient, uids: list[int]) -> Iterator[SourceMessage]:
        response: dict[int, dict[bytes, Any]] = self._call(client.fetch, uids, ["BODY.PEEK[]", "INTERNALDATE"])
        for uid in uids:
            data = response.get(uid)
            if not data or b"BODY[]" not in data:
                continue  # expunged meanwhile
            yield SourceMessage(self._key(uid), bytes(data[b"BODY[]"]), _aware(data.get(b"INTERNALDATE")))

    def _key(self, uid: int) -> str:
        return f"{self.uidvalidity}:{uid}"

    def _call(self, method: Any, *args: Any) -> Any:
        try:
            return method(*args)
        except TRANSIENT as exc:
            self.close()
            raise SourceUnavailable(f"the IMAP connection failed ({type(exc).__name__})") from None

    # -- after storing ---------------------------------------------------------------

    def mark_stored(self, keys: Iterable[str]) -> None:
        """Move stored mail to the processed folder (or flag it); a failure here loses nothing."""
        uids = [int(k.split(":", 1)[1]) for k in keys if k.startswith(f"{self.uidvalidity}:")]
        if not uids or self._client is None:
            return
        try:
            if self.options.processed_folder and b"MOVE" in self.capabilities:
                self._client.move(uids, self.options.processed_folder)
            else:
                self._client.add_flags(uids, [imapclient.SEEN, STORED_FLAG])
        except TRANSIENT as exc:
            log.warning("imap_mark_failed error=%s", type(exc).__name__)
            self.close()

    # -- waiting ---------------------------------------------------------------------

    def supports_idle(self) -> bool:
        self.connect()
        return b"IDLE" in self.capabilities

    def wait_for_mail(self, timeout: float) -> bool:
        """Block in IDLE until the server reports new mail (True) or the timeout passes (False)."""
        client = self.connect()
        try:
            client.idle()
            try:
                responses = client.idle_check(timeout=timeout)
            finally:
                client.idle_done()
        except TRANSIENT as exc:
            self.close()
            raise SourceUnavailable(f"IMAP IDLE failed ({type(exc).__name__})") from None
        return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)

    def interrupt(self) -> None:
        """End a wait_for_mail blocked in another thread, at once.

        Only the socket is shut: a LOGOUT sent from this thread would race the waiting
        thread for the server's reply and could hang until the socket timeout. The
        waiting thread sees the connection end and closes its client itself.
        """
        client = self._client
        if client is None:
            return
        with contextlib.suppress(OSError):  # already closed
            client.socket().shutdown(socket.SHUT_RDWR)


def _quietly_logout(client: imapclient.IMAPClient) -> None:
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - the connection may already be gone
        try:
            client.shutdown()
        except Exception:  # noqa: BLE001
            pass


def _aware(value: dt.datetime | None) -> dt.datetime:
    """INTERNALDATE as an aware UTC instant (a server that omits it gives the fetch time)."""
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)
