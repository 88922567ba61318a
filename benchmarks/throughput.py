"""End-to-end intake throughput: mailbox → stored, analysed, logged cases with acknowledgements queued.

    python -m benchmarks.throughput --source imap --database sqlite --messages 2000

For an IMAP source it starts a local Dovecot (as the tests do), appends the
messages, first measures the raw rate of fetching them with imapclient alone,
then runs one `intake poll` over them. For PostgreSQL it makes a fresh database
on 127.0.0.1:5432. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import mailbox
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from benchmarks.messages import generate
from intake import config
from intake.db.session import make_engine, upgrade
from intake.runner import PollReport, Runner
from intake.services import source_for

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def database_url(kind: str, workdir: Path) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'intake.db'}", None
    name = f"intake_bench_{uuid.uuid4().hex[:8]}"
    with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", name


def drop_database(name: str | None) -> None:
    if name:
        with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def raw_imap_rate(server: object, count: int) -> float:
    """Messages per second fetching everything with imapclient alone (the ceiling)."""
    client = server.client()  # type: ignore[attr-defined]
    started = time.perf_counter()
    client.select_folder("INBOX", readonly=True)
    uids = client.search("ALL")
    for start in range(0, len(uids), 200):
        client.fetch(uids[start:start + 200], ["BODY.PEEK[]", "INTERNALDATE"])
    elapsed = time.perf_counter() - started
    client.logout()
    return count / elapsed


def run(source_kind: str, database: str, count: int) -> dict[str, object]:
    messages = generate(count)
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as tmp:
        workdir = Path(tmp)
        url, pg_name = database_url(database, workdir)
        server = None
        try:
            env = {"INTAKE_DATABASE_URL": url, "INTAKE_OUTBOUND_URL": f"folder://{workdir / 'outbox'}"}
            result: dict[str, object] = {"source": source_kind, "database": database, "messages": count}
            if source_kind == "imap":
                sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
                from tests.support.dovecot import DovecotServer

                server = DovecotServer(workdir / "dovecot")
                server.start()
                server.append_many(messages)
                env.update(INTAKE_MAILBOX_URL=f"imap://{server.user}@{server.host}:{server.port}/INBOX?tls=none",
                           INTAKE_MAILBOX_PASSWORD=server.password)
                result["raw_imap_fetch_per_second"] = round(raw_imap_rate(server, count))
            else:
                box = mailbox.Maildir(str(workdir / "mailbox"), create=True)
                for raw in messages:
                    box.add(raw)
                env["INTAKE_MAILBOX_URL"] = f"maildir://{workdir / 'mailbox'}"
            settings = config.load(environ=env, base_dir=workdir)
            engine = make_engine(settings.database_url)
            upgrade(engine)
            runner = Runner(settings, engine)
            report = PollReport()
            started = time.perf_counter()
            runner.store_new(source_for(settings), report)
            stored_at = time.perf_counter()
            runner.process_pending(report)
            elapsed = time.perf_counter() - started
            result["store_seconds"] = round(stored_at - started, 2)
            engine.dispose()
            result.update(seconds=round(elapsed, 2), messages_per_second=round(count / elapsed),
                          outcomes=dict(report.outcomes), stored=report.stored, copies=report.copies,
                          peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
            return result
        finally:
            if server is not None:
                server.stop()
            drop_database(pg_name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", choices=["imap", "maildir"], default="imap")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    print(json.dumps(run(args.source, args.database, args.messages)))


if __name__ == "__main__":
    main()
