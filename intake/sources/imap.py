"""An IMAP mailbox, through imapclient: TLS by default, certificates verified.

A message's key is "UIDVALIDITY:UID", so a mailbox rebuilt by the server (a new
UIDVALIDITY) yields new keys, and content identity (intake.identity) stops the
same message being stored twice. received_at is the server's INTERNALDATE.
Mail is fetched with BODY.PEEK[] (nothing is marked read until it is stored)
and never deleted.
"""

from __future__ import annotations

import datetime as dt
import ssl
from typing import Any, Iterable, Iterator

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from intake.config import Endpoint
from intake.errors import ConfigError, SourceUnavailable
from intake.sources import KnownKeys, SourceMessage

FETCH_BATCH = 200


class ImapSource:
    def __init__(self, endpoint: Endpoint, ssl_context: ssl.SSLContext | None = None,
                 timeout: float = 60.0) -> None:
        self.endpoint = endpoint
        self.name = f"imap:{endpoint.username}@{endpoint.host}:{endpoint.port}/{endpoint.folder}"
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.timeout = timeout
        self._client: imapclient.IMAPClient | None = None
        self.uidvalidity: int | None = None

    def _connect(self) -> imapclient.IMAPClient:
        if self._client is not None:
            return self._client
        e = self.endpoint
        try:
            client = imapclient.IMAPClient(e.host, port=e.port, ssl=e.tls == "ssl",
                                           ssl_context=self.ssl_context, timeout=self.timeout)
            client.normalise_times = False  # keep the server's zone: INTERNALDATE is received_at
            if e.tls == "starttls":
                client.starttls(self.ssl_context)
            if e.password is None:
                raise ConfigError(["INTAKE_MAILBOX_PASSWORD: required for an imap:// mailbox"])
            if e.auth == "oauth2":
                client.oauth2_login(e.username, e.password)
            else:
                client.login(e.username, e.password)
            status = client.select_folder(e.folder, readonly=False)
        except LoginError:
            raise ConfigError([f"INTAKE_MAILBOX_PASSWORD: the IMAP server refused the login "
                               f"for the mailbox user on {e.host}"]) from None
        except (IMAPClientError, OSError, ssl.SSLError) as exc:
            raise SourceUnavailable(f"cannot open the IMAP mailbox {e.host}:{e.port}/{e.folder} "
                                    f"({type(exc).__name__}: {exc})") from None
        self.uidvalidity = int(status[b"UIDVALIDITY"])
        self._client = client
        return client

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.logout()
            except Exception:  # noqa: BLE001 - closing a dead connection
                pass
            self._client = None

    def keys(self) -> set[str]:
        client = self._connect()
        return {f"{self.uidvalidity}:{uid}" for uid in self._search(client)}

    def _search(self, client: imapclient.IMAPClient) -> list[int]:
        try:
            return sorted(client.search("ALL"))
        except (IMAPClientError, OSError) as exc:
            self.close()
            raise SourceUnavailable(f"the IMAP search failed ({type(exc).__name__})") from None

    def fetch_new(self, is_known: KnownKeys) -> Iterator[SourceMessage]:
        client = self._connect()
        uids = self._search(client)
        for start in range(0, len(uids), FETCH_BATCH):
            chunk = uids[start:start + FETCH_BATCH]
            keys = {uid: f"{self.uidvalidity}:{uid}" for uid in chunk}
            known = is_known(list(keys.values()))
            wanted = [uid for uid in chunk if keys[uid] not in known]
            if wanted:
                yield from self._fetch(client, wanted, keys)

    def _fetch(self, client: imapclient.IMAPClient, uids: list[int],
               keys: dict[int, str]) -> Iterator[SourceMessage]:
        try:
            response: dict[int, dict[bytes, Any]] = client.fetch(uids, ["BODY.PEEK[]", "INTERNALDATE"])
        except (IMAPClientError, OSError) as exc:
            self.close()
            raise SourceUnavailable(f"the IMAP fetch failed ({type(exc).__name__})") from None
        for uid in uids:
            data = response.get(uid)
            if not data or b"BODY[]" not in data:
                continue  # expunged meanwhile
            yield SourceMessage(keys[uid], bytes(data[b"BODY[]"]), _aware(data.get(b"INTERNALDATE")))

    def mark_stored(self, keys: Iterable[str]) -> None:
        uids = [int(k.split(":", 1)[1]) for k in keys if k.startswith(f"{self.uidvalidity}:")]
        if not uids or self._client is None:
            return
        try:
            self._client.add_flags(uids, [imapclient.SEEN])
        except (IMAPClientError, OSError):
            self.close()  # marking is a courtesy; the ledger is what prevents doubles


def _aware(value: dt.datetime | None) -> dt.datetime:
    """INTERNALDATE as an aware UTC instant (a server that omits it gives the fetch time)."""
    if value is None:
        return dt.datetime.now(dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)
