"""Draft store: an assessment in progress survives a browser refresh.

A Streamlit session dies with the browser tab, so a refresh mid-assessment would lose every
answer. The page keeps a draft in the app's database (``cor.db``: an SQLite file by default,
PostgreSQL when ``DATABASE_URL`` is set), keyed by an unguessable token that lives in the page's
URL. Whoever has the URL has the draft, and nobody can list drafts: the token is the only way in,
and it carries 192 random bits.

Only what the user typed is stored (answers, notes, action-plan edits, program choice), as JSON,
never uploaded files. Drafts expire a number of days after their last change. Expired drafts are
deleted by ``purge`` (on an index) or ``purge_due`` (the same, at most once an hour per process),
never on the answer path: ``save`` and ``update`` only touch their own row, on a pooled engine.

Configuration (all optional):

- ``DATABASE_URL``: a PostgreSQL database shared by every app instance.
- ``COR_READY_DRAFT_DB``: the SQLite file (default ``~/.local/state/cor-ready/drafts.sqlite3``);
  parent folders are created (0700), the file is 0600.
- ``COR_READY_DRAFT_DAYS``: days a draft is kept after its last change (default 30).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text

from cor.db import (
    DATABASE_URL_ENV,
    DB_ENV,
    DEFAULT_PATH,
    ConfigError,
    Database,
    StoreError,
    configured_path,
    shared_database,
)
from cor.tables import drafts

__all__ = [
    "DATABASE_URL_ENV",
    "DAYS_ENV",
    "DB_ENV",
    "DEFAULT_DAYS",
    "DEFAULT_PATH",
    "MAX_DRAFT_BYTES",
    "PURGE_INTERVAL_SECONDS",
    "DraftStore",
    "StoreError",
    "configured_days",
    "configured_path",
    "new_token",
    "valid_token",
]

DAYS_ENV = "COR_READY_DRAFT_DAYS"
DEFAULT_DAYS = 30
#: A draft bigger than this is refused: answers and notes of the whole bank fit in far less.
MAX_DRAFT_BYTES = 512 * 1024
#: ``purge_due`` deletes expired drafts at most this often per process and database.
PURGE_INTERVAL_SECONDS = 3600.0
#: Expired drafts deleted per transaction by ``purge``.
PURGE_BATCH = 2000

TOKEN_BYTES = 24
#: ``secrets.token_urlsafe(24)``: 32 characters of the URL-safe base64 alphabet.
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")

_last_purge: dict[str, float] = {}
_purge_lock = threading.Lock()


def new_token() -> str:
    """A fresh draft token, unguessable and safe in a URL."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def valid_token(token: object) -> bool:
    """True for a string shaped like a token we issue; anything else is ignored, not looked up."""
    return isinstance(token, str) and _TOKEN_RE.fullmatch(token) is not None


def configured_days() -> int:
    """Days a draft is kept, from ``COR_READY_DRAFT_DAYS`` (a whole number of at least 1)."""
    raw = os.environ.get(DAYS_ENV, "").strip()
    if not raw:
        return DEFAULT_DAYS
    try:
        days = int(raw)
    except ValueError:
        raise ConfigError(f"{DAYS_ENV} must be a whole number of days, not {raw!r}") from None
    if days < 1:
        raise ConfigError(f"{DAYS_ENV} must be at least 1 (got {days})")
    return days


def _encode(data: Mapping[str, Any]) -> str:
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    if len(encoded.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise StoreError(f"the draft is larger than {MAX_DRAFT_BYTES // 1024} KB")
    return encoded


def _decode(stored: str) -> dict[str, Any] | None:
    with contextlib.suppress(ValueError):
        data = json.loads(stored)
        return data if isinstance(data, dict) else None
    return None


# The answer path's statements, written once: plain SQL that SQLite (3.24+) and PostgreSQL both
# read, so no statement is rebuilt or recompiled on a save (saves stay near bare SQLite).
_LOAD = text("SELECT data, updated_at FROM drafts WHERE token = :token")
_LOAD_FOR_UPDATE = text("SELECT data, updated_at FROM drafts WHERE token = :token FOR UPDATE")
_STORED = text("SELECT data FROM drafts WHERE token = :token")
_WRITE = text(
    "INSERT INTO drafts (token, data, updated_at) VALUES (:token, :data, :now) "
    "ON CONFLICT (token) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at"
)
#: An expired placeholder row, so that ``FOR UPDATE`` has a row to lock for a new token.
_CLAIM = text("INSERT INTO drafts (token, data, updated_at) VALUES (:token, '{}', -1) ON CONFLICT DO NOTHING")
_DELETE = text("DELETE FROM drafts WHERE token = :token")


class DraftStore:
    """Drafts by token in the app's database, on one pooled engine per database (thread-safe).

    ``path`` picks an SQLite file, ``url`` a PostgreSQL database; with neither, the process's
    configuration decides (``DATABASE_URL``, else ``COR_READY_DRAFT_DB``).
    """

    def __init__(
        self,
        path: Path | str | None = None,
        days: int | None = None,
        clock: Callable[[], float] = time.time,
        *,
        url: str | None = None,
    ) -> None:
        self.days = days if days is not None else configured_days()
        if self.days < 1:
            raise StoreError("drafts must be kept at least 1 day")
        self.database: Database = shared_database(url, sqlite_path=path)
        self.path: Path | None = self.database.sqlite_path
        self._clock = clock

    @property
    def max_age_seconds(self) -> float:
        return self.days * 86_400.0

    def _fresh(self, updated_at: float, now: float) -> bool:
        return updated_at >= now - self.max_age_seconds

    def load(self, token: str) -> dict[str, Any] | None:
        """The draft saved under ``token``, or None when the token is malformed, unknown or expired."""
        if not valid_token(token):
            return None
        with self.database.begin() as conn:
            row = conn.execute(_LOAD, {"token": token}).first()
        if row is None or not self._fresh(row.updated_at, self._clock()):
            return None
        return _decode(row.data)

    def save(self, token: str, data: Mapping[str, Any]) -> bool:
        """Store ``data`` under ``token``; returns False when it was already stored as is."""
        if not valid_token(token):
            raise StoreError("refusing to save a draft under a malformed token")
        encoded = _encode(data)
        now = self._clock()
        with self.database.begin() as conn:
            stored = conn.execute(_STORED, {"token": token}).scalar()
            if stored == encoded:
                return False
            conn.execute(_WRITE, {"token": token, "data": encoded, "now": now})
        return True

    def update(
        self, token: str, change: Callable[[dict[str, Any] | None], Mapping[str, Any]]
    ) -> dict[str, Any]:
        """Read-modify-write one draft atomically: ``change`` gets what is stored now (None when
        there is nothing, or it expired) and returns what to store. Two tabs (or two app
        processes) saving at once are serialised here - ``BEGIN IMMEDIATE`` on SQLite,
        ``SELECT ... FOR UPDATE`` on PostgreSQL - so a merge done in ``change`` never works on a
        stale copy."""
        if not valid_token(token):
            raise StoreError("refusing to save a draft under a malformed token")
        now = self._clock()
        with self.database.begin(immediate=True) as conn:
            conn.execute(_CLAIM, {"token": token})
            locking = _LOAD_FOR_UPDATE if conn.dialect.name == "postgresql" else _LOAD
            row = conn.execute(locking, {"token": token}).one()
            stored = _decode(row.data) if self._fresh(row.updated_at, now) else None
            data = dict(change(stored))
            conn.execute(_WRITE, {"token": token, "data": _encode(data), "now": now})
        return data

    def delete(self, token: str) -> None:
        """Forget a draft (e.g. when the user starts over)."""
        if not valid_token(token):
            return
        with self.database.begin() as conn:
            conn.execute(_DELETE, {"token": token})

    def purge(self) -> int:
        """Delete every expired draft now, on the ``updated_at`` index; returns how many went.

        SQLite has one write lock for the whole file, so there the drafts go in batches of
        ``PURGE_BATCH``, one short transaction each, and an answer never waits long behind a
        big purge. PostgreSQL locks rows, not the table: one statement is best there.
        """
        cutoff = self._clock() - self.max_age_seconds
        expired = drafts.c.updated_at < cutoff
        if self.database.kind == "postgresql":
            with self.database.begin() as conn:
                return conn.execute(delete(drafts).where(expired)).rowcount
        total = 0
        while True:
            batch = select(drafts.c.token).where(expired).limit(PURGE_BATCH)
            with self.database.begin() as conn:
                gone = conn.execute(delete(drafts).where(drafts.c.token.in_(batch))).rowcount
            total += gone
            if gone < PURGE_BATCH:
                return total

    def purge_due(self) -> int:
        """``purge`` at most once per ``PURGE_INTERVAL_SECONDS`` in this process (0 when skipped).

        Meant for a session's start, never for the answer path; it also finds an unusable store
        early, since the first call of each process does reach the database.
        """
        now = time.monotonic()
        with _purge_lock:
            last = _last_purge.get(self.database.url)
            if last is not None and now - last < PURGE_INTERVAL_SECONDS:
                return 0
            _last_purge[self.database.url] = now
        return self.purge()

    def count(self) -> int:
        """How many drafts are stored, expired ones included (for tests and the benchmark)."""
        with self.database.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(drafts)).scalar_one())
