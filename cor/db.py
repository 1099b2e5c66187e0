"""One database for the drafts and the workspace: an SQLite file by default, PostgreSQL on demand.

Zero setup is the default: an embedded SQLite file (``COR_READY_DRAFT_DB``, default
``~/.local/state/cor-ready/drafts.sqlite3``), created for the server's user only (file 0600,
a folder we create 0700). With ``DATABASE_URL`` set (``postgresql+psycopg://user:pass@host/db``;
``postgres://`` and ``postgresql://`` are read as psycopg 3) several app instances behind a load
balancer share one PostgreSQL database.

The schema is migrated to the newest revision (Alembic, ``cor/migrations``) the first time a
process uses the database, under a lock so that two processes starting at once migrate it once:
PostgreSQL takes an advisory lock inside the migration's transaction, SQLite a ``BEGIN IMMEDIATE``.
A database already at the newest revision is recognised with one query, without importing
Alembic (most of a cold start's imports otherwise).

The SQLite file is checked (one ``stat``) before every use: if somebody deleted or replaced it
while the server runs, the pool is dropped and the file recreated and migrated, instead of
writing into a deleted file or turning drafts off until a restart.

Errors reach users as ``StoreError`` in plain words; the file path, URL and password only go to
the server log.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

DB_ENV = "COR_READY_DRAFT_DB"
DATABASE_URL_ENV = "DATABASE_URL"
DEFAULT_PATH = Path("~/.local/state/cor-ready/drafts.sqlite3")
#: Any fixed number, the same in every process: the key of the migration lock on PostgreSQL.
_MIGRATION_LOCK_KEY = 7_446_011_212
_SQLITE_BUSY_SECONDS = 10
#: A refused connection to PostgreSQL is tried once more after this pause.
_RETRY_SECONDS = 0.5
#: Seconds to wait for PostgreSQL to accept a connection (unless the URL sets connect_timeout):
#: a server that went away must not hold a page for minutes.
_CONNECT_TIMEOUT_SECONDS = 5

log = logging.getLogger(__name__)


class StoreError(Exception):
    """The database cannot be used (unwritable place, corrupt file, server down, bad setting).

    The message is for users: it never holds a file path, a URL or a password.
    """


class ConfigError(StoreError):
    """The server's database setting is wrong: a malformed ``DATABASE_URL``, or a schema newer
    than this code (after a rollback). Waiting does not help; whoever runs the server must act,
    so the message says what is wrong (never the URL or its password)."""


def configured_path() -> Path:
    """The SQLite file from ``COR_READY_DRAFT_DB``, or the per-user default."""
    raw = os.environ.get(DB_ENV, "").strip()
    return Path(raw).expanduser() if raw else DEFAULT_PATH.expanduser()


def normalise_url(raw: str) -> str:
    """A PostgreSQL URL as SQLAlchemy's psycopg 3 dialect reads it (psycopg2 is not installed)."""
    url = raw.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def configured_url() -> str | None:
    """``DATABASE_URL`` when set (normalised), else None: the SQLite file is used."""
    raw = os.environ.get(DATABASE_URL_ENV, "").strip()
    return normalise_url(raw) if raw else None


def safe_url(url: str) -> str:
    """The URL for a log line: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database URL)"


def describe(exc: BaseException) -> str:
    """An error for the server log: what failed and where, never the values of the row.

    PostgreSQL's own message can quote the failing row (a client's name), so for a statement it
    refused only the SQLSTATE and the table, column and constraint names are logged. Connection
    failures and SQLite's messages hold no user data and are logged as they are.
    """
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate:
        diag = getattr(orig, "diag", None)
        names = [
            f"{name}={getattr(diag, name)}"
            for name in ("table_name", "column_name", "constraint_name")
            if getattr(diag, name, None)
        ]
        return f"{type(exc).__name__} (SQLSTATE {sqlstate}{', ' if names else ''}{', '.join(names)})"
    return f"{type(exc).__name__}: {orig if orig is not None else exc}"


class Database:
    """A pooled engine with its schema migrated; for SQLite, also the file's lifecycle.

    Pass ``url`` for a server database or ``sqlite_path`` for a file; with neither, the process's
    configuration decides (``DATABASE_URL``, else ``COR_READY_DRAFT_DB``).
    """

    def __init__(self, url: str | None = None, *, sqlite_path: Path | str | None = None) -> None:
        if url is None and sqlite_path is None:
            url = configured_url()
            if url is None:
                sqlite_path = configured_path()
        self.sqlite_path = Path(sqlite_path).expanduser() if sqlite_path is not None else None
        self.url = f"sqlite+pysqlite:///{self.sqlite_path}" if self.sqlite_path else normalise_url(url or "")
        if self.sqlite_path is None:
            _check_server_url(self.url)
        self._engine: Engine | None = None
        self._file_key: tuple[int, int] | None = None
        self._lock = threading.Lock()

    @property
    def kind(self) -> Literal["sqlite", "postgresql"]:
        return "sqlite" if self.sqlite_path is not None else "postgresql"

    def __repr__(self) -> str:
        return f"Database({self.kind})"

    @contextmanager
    def begin(self, *, immediate: bool = False) -> Iterator[Connection]:
        """One transaction, committed when the block ends, rolled back when it raises.

        ``immediate`` takes SQLite's write lock at the start (``BEGIN IMMEDIATE``), so a
        read-modify-write never works on a copy another writer is changing; on PostgreSQL use
        ``SELECT ... FOR UPDATE`` inside the block instead.
        """
        try:
            engine = self.engine()
            with _connect(engine) as conn:
                if immediate:
                    conn = conn.execution_options(cor_immediate=True)
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            log.warning("database error on %s: %s", self._where(), describe(exc))
            # in words: an exception's class name means nothing to the person at the page
            trouble = "is not answering" if isinstance(exc, OperationalError) else "cannot be used"
            raise StoreError(f"the {self._what()} {trouble} right now") from exc

    def engine(self) -> Engine:
        """The pooled engine, created (and the schema migrated) on first use or after the file went."""
        engine = self._engine
        if engine is not None and self._file_unchanged():
            return engine
        with self._lock:
            if self._engine is not None and self._file_unchanged():
                return self._engine
            if self._engine is not None:
                log.warning("the SQLite file %s was deleted or replaced; recreating it", self._where())
                self._engine.dispose()
                self._engine = None
            self._engine = self._open()
            return self._engine

    def _file_unchanged(self) -> bool:
        """True for a server database, or an SQLite file that is still the one we opened."""
        return self.sqlite_path is None or self._sqlite_file_key() == self._file_key

    def dispose(self) -> None:
        """Close every pooled connection (tests, shutdown)."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def _what(self) -> str:
        return "database" if self.kind == "postgresql" else "draft store"

    def _where(self) -> str:
        return str(self.sqlite_path) if self.sqlite_path is not None else safe_url(self.url)

    def _sqlite_file_key(self) -> tuple[int, int] | None:
        assert self.sqlite_path is not None
        try:
            stat = os.stat(self.sqlite_path)
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino)

    def _open(self) -> Engine:
        """Create the file (SQLite), the engine, and migrate; any failure is a StoreError."""
        try:
            if self.sqlite_path is not None:
                _create_private_file(self.sqlite_path)
            engine = _make_engine(self.url, sqlite=self.sqlite_path is not None)
            try:
                migrate(engine)
            except BaseException:
                engine.dispose()
                raise
        except ConfigError:
            raise
        except (OSError, SQLAlchemyError) as exc:
            log.warning("cannot open %s: %s", self._where(), describe(exc))
            raise StoreError(f"the {self._what()} cannot be opened ({type(exc).__name__})") from exc
        if self.sqlite_path is not None:
            self._file_key = self._sqlite_file_key()
        log.info("database ready: %s", self._where())
        return engine


def _connect(engine: Engine) -> Connection:
    """A pooled connection, tried once more after a short pause when the server refused it: a
    database restarting (or failing over) comes back within a second or two. The pool's pre-ping
    has already replaced connections the restart broke."""
    try:
        return engine.connect()
    except OperationalError:
        if engine.dialect.name != "postgresql":
            raise
        time.sleep(_RETRY_SECONDS)
        return engine.connect()


def _check_server_url(url: str) -> None:
    """A ``ConfigError`` naming what is wrong with a server URL, before any connection is tried.

    SQLAlchemy reads the port lazily, so ``postgresql://u:p@localhost:abc/db`` or an IPv6 host
    without its closing bracket would otherwise fail later with a bare ``ValueError`` on every page.
    """
    if not url.startswith("postgresql"):
        log.error("unsupported database URL %s", safe_url(url))
        raise ConfigError(f"{DATABASE_URL_ENV} must be a PostgreSQL URL (postgresql+psycopg://...)")
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - parsing the port is the check
    except (ArgumentError, ValueError):
        log.error("%s cannot be read (the value is not logged: it may hold a password)", DATABASE_URL_ENV)
        raise ConfigError(
            f"{DATABASE_URL_ENV} is not a readable database address: check the port (a number) and "
            "the brackets around an IPv6 host, e.g. postgresql://USER:PASSWORD@[::1]:5432/DBNAME"
        ) from None


def _create_private_file(path: Path) -> None:
    """The SQLite file and its folder, readable by the server's user only.

    A folder we create is 0700; a folder that already exists (say ``/tmp``) is left as it is.
    The file is created 0600, and an older world-readable file of ours is tightened to 0600.
    """
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.fstat(fd).st_uid == os.getuid():
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _make_engine(url: str, *, sqlite: bool) -> Engine:
    """A pooled engine. ``hide_parameters``: an error logged never carries a draft token or a
    client's name, only the statement's shape."""
    if not sqlite:
        options = {} if "connect_timeout" in url else {"connect_timeout": _CONNECT_TIMEOUT_SECONDS}
        return create_engine(
            url, pool_pre_ping=True, pool_size=5, max_overflow=10, hide_parameters=True, connect_args=options
        )
    engine = create_engine(url, connect_args={"timeout": _SQLITE_BUSY_SECONDS}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _driver_autocommit(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN; take control so BEGIN is explicit.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("cor_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def head_revisions(folder: Path = MIGRATIONS / "versions") -> frozenset[str]:
    """The newest revision(s) of the migration scripts, read from their ``revision`` and
    ``down_revision`` lines without importing Alembic (a test checks Alembic agrees)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in folder.glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text("utf-8")):
            found = _QUOTED.findall(value)
            (revisions if name == "revision" else parents).update(found)
    return frozenset(revisions - parents)


def _stored_revisions(engine: Engine) -> frozenset[str] | None:
    """The revision(s) the database is at, or None when it has none yet (or cannot say)."""
    try:
        with engine.connect() as conn, conn.begin():
            rows: list[str] = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()  # type: ignore[assignment]
    except SQLAlchemyError:  # no table yet: a new database
        return None
    return frozenset(rows)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, once even when two processes start together.

    A database already at the newest revision is recognised with one query and Alembic is not
    imported at all (importing it was half of every cold start, issue 19); anything else (a new
    database, an older or a newer schema) goes through Alembic under the migration lock."""
    heads = head_revisions()
    if heads and _stored_revisions(engine) == heads:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        conn = conn.execution_options(cor_immediate=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            _refuse_a_newer_schema(conn, config)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def _refuse_a_newer_schema(conn: Connection, config: Any) -> None:
    """A ``ConfigError`` when the database holds a revision this code does not know: a newer
    version of the app migrated it (then the app was rolled back). Nothing is changed then."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    unknown = sorted(set(MigrationContext.configure(conn).get_current_heads()) - known)
    if unknown:
        log.error(
            "the database schema is at revision %s, which this version does not know", ", ".join(unknown)
        )
        raise ConfigError(
            "the database was set up by a newer version of COR Ready than this one (schema "
            f"revision {', '.join(unknown)}): run the newer version again, or restore a backup "
            "taken before the upgrade"
        )


_shared: dict[str, Database] = {}
_shared_lock = threading.Lock()


def shared_database(url: str | None = None, *, sqlite_path: Path | str | None = None) -> Database:
    """One ``Database`` per place in this process, so every session shares one pool."""
    probe = Database(url, sqlite_path=sqlite_path)
    with _shared_lock:
        return _shared.setdefault(probe.url, probe)


def dispose_shared() -> None:
    """Close and forget every shared database of this process (between tests, at shutdown)."""
    with _shared_lock:
        databases = list(_shared.values())
        _shared.clear()
    for database in databases:
        database.dispose()


def prepare() -> Database:
    """Open this process's database and migrate it now (call once at app start-up).

    Raises ``StoreError`` (in words fit for a user) when it cannot be used; the app can still
    run without drafts or the workspace.
    """
    database = shared_database()
    database.engine()
    return database


def main(argv: list[str]) -> int:
    """``python -m cor.db``: open and migrate the configured database, or say what is wrong;
    ``python -m cor.db purge``: also delete the expired drafts now (for a daily timer).

    ``scripts/serve.sh`` runs the first before starting the app, so a wrong setting is reported
    at start-up (the app still starts: the pages that need no database keep working).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        database = prepare()
        print(f"COR Ready: the {database.kind} database is ready.")
        if argv[:1] == ["purge"]:
            from cor.store import DraftStore

            print(f"COR Ready: {DraftStore().purge()} expired draft(s) deleted.")
    except StoreError as exc:
        print(f"COR Ready: the database cannot be used: {exc}. Drafts, the workspace and rooms are off.")
        return 1
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
