"""A real Dovecot 2.3 IMAP server on a loopback port, for tests and benchmarks.

Why a real server: the IMAP source depends on behaviour a fake gets wrong (UIDVALIDITY,
INTERNALDATE, MOVE, dropped connections, CRLF bodies). Each instance is self-contained:
its own dovecot.conf, runtime sockets, state, log and Maildir under ``base_dir``; it never
reads /etc/dovecot and never touches the system service.

Dovecot quirks this module absorbs:

* Dovecot will not serve mail as uid 0. Started as root, the mail processes run as
  ``nobody:nogroup``; because pytest's temporary root (/tmp/pytest-of-root) is mode 0700,
  ``nobody`` could not even reach the Maildir, so the mail processes are chrooted into
  ``base_dir/mail`` (chroot happens while still root) and the home directory is written
  as ``.../mail/./<user>``. The auth process, which reads the passwd-file, runs as root
  for the same reason. Started as an ordinary user, everything runs as that user and
  nothing is chrooted.
* Folders use the default Maildir++ layout: the hierarchy separator is ``.`` and the
  IMAP folder ``Processed`` is the directory ``Maildir/.Processed``; INBOX is ``Maildir``
  itself. ``folder_path()`` does this mapping.
* APPEND refuses NUL bytes and IMAP carries CRLF, so ``append()`` normalises both. On
  disk Dovecot stores LF line ends (``mail_save_crlf = no``) and converts back on FETCH.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import imapclient

DOVECOT_BINARY = shutil.which("dovecot", path="/usr/sbin:/usr/bin:/sbin:/bin") or "/usr/sbin/dovecot"
DOVEADM_BINARY = shutil.which("doveadm", path="/usr/bin:/usr/sbin:/bin:/sbin") or "/usr/bin/doveadm"
START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0
STOP_GRACE = 0.5
MAX_SOCKET_DIR = 80  # unix socket paths are limited to 108 bytes; Dovecot's names add ~25
SEPARATOR = "."  # Maildir++ hierarchy separator, as the server reports it in LIST


class DovecotError(RuntimeError):
    """The server did not start, stop or obey an admin command; carries the log tail."""


class DovecotServer:
    """One Dovecot IMAP server (plaintext, loopback only) with one user and one Maildir."""

    host = "127.0.0.1"

    def __init__(self, base_dir: Path, user: str = "complaints", password: str = "test-password") -> None:
        for value in (user, password):
            if not value or any(c in value for c in ":\n\r\0"):
                raise ValueError(f"unusable in a passwd-file: {value!r}")
        self.base_dir = Path(base_dir).resolve()
        self.user = user
        self.password = password
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._run_dir: Path | None = None
        self._own_run_dir = False

    # -- facts -----------------------------------------------------------------------

    @staticmethod
    def available() -> bool:
        """Whether Dovecot is installed, so callers can skip (or fail, in CI) up front."""
        return os.access(DOVECOT_BINARY, os.X_OK) and os.access(DOVEADM_BINARY, os.X_OK)

    @property
    def as_root(self) -> bool:
        return os.geteuid() == 0

    @property
    def mail_root(self) -> Path:
        """The directory holding every user's home (the chroot, when started as root)."""
        return self.base_dir / "mail"

    @property
    def home(self) -> Path:
        return self.mail_root / self.user

    @property
    def maildir(self) -> Path:
        """The user's Maildir as seen from outside the chroot (INBOX's cur/new/tmp)."""
        return self.home / "Maildir"

    @property
    def config_path(self) -> Path:
        return self.base_dir / "dovecot.conf"

    @property
    def log_path(self) -> Path:
        return self.base_dir / "dovecot.log"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def folder_path(self, folder: str) -> Path:
        """Where an IMAP folder lives on disk (Maildir++: ``A.B`` is ``Maildir/.A.B``)."""
        return self.maildir if folder.upper() == "INBOX" else self.maildir / f".{folder}"

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> DovecotServer:
        """Write the configuration and start; a port lost to a race is retried on a new one."""
        if self.running:
            return self
        self._prepare_dirs()
        keep_port = self.port != 0
        for attempt in range(3):
            if not keep_port:
                self.port = _free_port(self.host)
            self._run_dir = self._pick_run_dir()  # stop() after a failed try may remove it
            self._write_config()
            log_size = _size(self.log_path)
            try:
                self._launch()
                return self
            except DovecotError:
                lost_port = b"Address already in use" in _read_from(self.log_path, log_size)
                if keep_port or attempt == 2 or not lost_port:
                    raise
        return self

    def stop(self) -> None:
        """Stop the master and, through its process group, everything it spawned."""
        process, self._process = self._process, None
        if process is not None:
            _terminate_group(process)
        if self._own_run_dir and self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None

    def restart(self) -> None:
        """Stop and start again on the same port (clients must reconnect)."""
        self.stop()
        self.start()

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the server log and the master's stderr, for error messages."""
        parts = []
        for path in (self.log_path, self.base_dir / "dovecot.stderr"):
            with contextlib.suppress(OSError):
                text = path.read_text(errors="replace").splitlines()[-lines:]
                if text:
                    parts.append(f"--- {path.name} ---\n" + "\n".join(text))
        return "\n".join(parts) or "(no log output)"

    # -- mail ------------------------------------------------------------------------

    def client(self, timeout: float = 10.0) -> imapclient.IMAPClient:
        """A logged-in client; ``normalise_times`` is off so INTERNALDATE keeps its zone."""
        client = imapclient.IMAPClient(self.host, port=self.port, ssl=False, timeout=timeout)
        client.normalise_times = False
        try:
            client.login(self.user, self.password)
        except BaseException:
            with contextlib.suppress(Exception):
                client.shutdown()
            raise
        return client

    def append(self, raw: bytes, folder: str = "INBOX", internal_date: dt.datetime | None = None,
               flags: tuple[bytes, ...] = ()) -> None:
        """Deliver a message over IMAP; naive ``internal_date`` means local time (imapclient)."""
        with contextlib.closing(_Session(self.client())) as session:
            session.client.append(folder, normalise_message(raw), flags=flags, msg_time=internal_date)

    def append_many(self, messages: list[bytes], folder: str = "INBOX") -> None:
        """Deliver many messages over one IMAP session (a benchmark's thousands)."""
        with contextlib.closing(_Session(self.client())) as session:
            for raw in messages:
                session.client.append(folder, normalise_message(raw))

    def create_folder(self, name: str) -> None:
        with contextlib.closing(_Session(self.client())) as session:
            session.client.create_folder(name)

    def uidvalidity(self, folder: str = "INBOX") -> int:
        with contextlib.closing(_Session(self.client())) as session:
            return int(session.client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def kick(self) -> None:
        """Drop every IMAP connection of the user, as a server restart or network fault would."""
        self._doveadm("kick", self.user, ok_codes=(0, 68))  # 68 (EX_NOUSER): nobody was connected

    def reset_uidvalidity(self, folder: str = "INBOX") -> int:
        """Give the folder a new UIDVALIDITY, keeping its messages; returns the new value.

        Uses ``doveadm mailbox update`` rather than deleting dovecot-uidlist, because a
        regenerated list takes the current time as UIDVALIDITY and may repeat the old one
        within the same second. Clients with the folder selected are disconnected.
        """
        old = self.uidvalidity(folder)
        new = old + 1
        self._doveadm("mailbox", "update", "-u", self.user, "--uid-validity", str(new), folder)
        if self.uidvalidity(folder) != new:
            raise DovecotError(f"UIDVALIDITY of {folder} did not change from {old}\n{self.log_tail()}")
        return new

    # -- internals -------------------------------------------------------------------

    def _prepare_dirs(self) -> None:
        """Create the tree; the home and temp dir belong to the mail uid, which writes them."""
        uid, gid = self._mail_ids()
        for path in (self.base_dir, self.base_dir / "state", self.mail_root, self.home, self.mail_root / "tmp"):
            path.mkdir(parents=True, exist_ok=True)
        os.chown(self.home, uid, gid)
        os.chown(self.mail_root / "tmp", uid, gid)
        (self.mail_root / "tmp").chmod(0o1777)

    def _pick_run_dir(self) -> Path:
        """Dovecot's base_dir; a short private one under /tmp if base_dir is too deep for sockets."""
        if self._run_dir is not None:
            return self._run_dir
        run = self.base_dir / "run"
        if len(str(run)) <= MAX_SOCKET_DIR:
            run.mkdir(exist_ok=True)
            return run
        self._own_run_dir = True
        return Path(tempfile.mkdtemp(prefix="dovecot-"))

    def _mail_ids(self) -> tuple[int, int]:
        if self.as_root:
            return pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid
        return os.getuid(), os.getgid()

    def _write_config(self) -> None:
        assert self._run_dir is not None
        passwd = self.base_dir / "passwd"
        home = f"{self.mail_root}/./{self.user}" if self.as_root else str(self.home)
        passwd.write_text(f"{self.user}:{{PLAIN}}{self.password}::::{home}::\n")
        passwd.chmod(0o600)
        self.config_path.write_text(render_config(
            run_dir=self._run_dir, state_dir=self.base_dir / "state", log_path=self.log_path,
            passwd=passwd, mail_root=self.mail_root, port=self.port, as_root=self.as_root,
            mail_ids=self._mail_ids()))

    def _launch(self) -> None:
        """Run the master in the foreground, in its own session so stop() can kill the group."""
        stderr = (self.base_dir / "dovecot.stderr").open("ab")
        try:
            self._process = subprocess.Popen(
                [DOVECOT_BINARY, "-F", "-c", str(self.config_path)],
                stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr, start_new_session=True)
        finally:
            stderr.close()
        try:
            self._wait_until_listening()
        except BaseException:
            self.stop()
            raise

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise DovecotError(f"dovecot exited with {self._process.returncode} while starting "
                                   f"(port {self.port})\n{self.log_tail()}")
            if _greets(self.host, self.port):
                return
            time.sleep(0.05)
        raise DovecotError(f"dovecot did not accept IMAP on {self.host}:{self.port} within "
                           f"{START_TIMEOUT:.0f} s\n{self.log_tail()}")

    def _doveadm(self, *args: str, ok_codes: tuple[int, ...] = (0,)) -> str:
        result = subprocess.run([DOVEADM_BINARY, "-c", str(self.config_path), *args],
                                capture_output=True, text=True, timeout=30, check=False)
        if result.returncode not in ok_codes:
            raise DovecotError(f"doveadm {' '.join(args)} exited with {result.returncode}: "
                               f"{result.stderr.strip()}\n{self.log_tail()}")
        return result.stdout


class _Session:
    """A client that logs out on close, so helper calls leave no connection behind."""

    def __init__(self, client: imapclient.IMAPClient) -> None:
        self.client = client

    def close(self) -> None:
        try:
            self.client.logout()
        except Exception:  # noqa: BLE001 - the server may have dropped us already
            with contextlib.suppress(Exception):
                self.client.shutdown()


def normalise_message(raw: bytes) -> bytes:
    """CRLF line ends throughout and no NUL bytes: what IMAP APPEND accepts unchanged."""
    text = raw.replace(b"\0", b" ").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return text.replace(b"\n", b"\r\n")


def render_config(*, run_dir: Path, state_dir: Path, log_path: Path, passwd: Path, mail_root: Path,
                  port: int, as_root: bool, mail_ids: tuple[int, int]) -> str:
    """A complete Dovecot 2.3 configuration; nothing is included from /etc/dovecot."""
    uid, gid = mail_ids
    if as_root:
        # Chroot as root, then drop to nobody: nobody cannot traverse a 0700 pytest tmp dir.
        users = ("default_internal_user = dovecot\ndefault_login_user = dovenull\n"
                 f"mail_chroot =\nvalid_chroot_dirs = {mail_root}\nmail_temp_dir = /tmp\n")
        services = "service auth {\n  user = root\n}\n"
    else:
        me, group = pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name
        users = (f"default_internal_user = {me}\ndefault_internal_group = {group}\n"
                 f"default_login_user = {me}\n"
                 f"mail_temp_dir = {mail_root}/tmp\n")
        services = ("service imap-login {\n  chroot =\n}\nservice anvil {\n  chroot =\n}\n"
                    "service auth {\n  user = $default_internal_user\n}\n")
    return f"""# Written by tests/support/dovecot.py; a throwaway test server.
protocols = imap
listen = 127.0.0.1
base_dir = {run_dir}
state_dir = {state_dir}
instance_name = test-dovecot-{port}
log_path = {log_path}
info_log_path = {log_path}
auth_verbose = yes
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
{users}mail_uid = {uid}
mail_gid = {gid}
first_valid_uid = 1
first_valid_gid = 0
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
shutdown_clients = yes
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {passwd}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {passwd}
}}
namespace inbox {{
  inbox = yes
  separator = {SEPARATOR}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
{services}"""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _read_from(path: Path, offset: int) -> bytes:
    """What a log gained since ``offset``, so an old attempt's error is not read as new."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            return handle.read()
    except FileNotFoundError:
        return b""


def _free_port(host: str) -> int:
    """A port the kernel just handed out; Dovecot binds it a moment later (start() retries)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _greets(host: str, port: int) -> bool:
    """Whether the IMAP greeting arrives: a bound port alone does not prove login works."""
    try:
        with socket.create_connection((host, port), timeout=1.0) as sock:
            return sock.recv(64).startswith(b"* OK")
    except OSError:
        return False


def _terminate_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the whole group, then SIGKILL whatever is left after a short grace.

    Signalling only the master costs a fixed ~1.1 s (it waits for its children to go).
    Signalling the group stops everything in a few milliseconds, but now and then the
    master alone lingers for a second or more after its children are gone, so the grace
    is short: the mail processes have finished writing long before it ends.
    """
    pgid = process.pid  # start_new_session made the master its group leader
    _signal_group(pgid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_GRACE)
    _signal_group(pgid, signal.SIGKILL)
    process.wait(timeout=STOP_TIMEOUT)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)
