"""Draft store: an assessment in progress survives a browser refresh.

A Streamlit session dies with the browser tab, so a refresh mid-assessment would lose every
answer. The page keeps a draft here, in an embedded SQLite file, keyed by an unguessable token
that lives in the page's URL. Whoever has the URL has the draft, and nobody can list drafts: the
token is the only way in, and it carries 192 random bits.

Only what the user typed is stored (answers, notes, action-plan edits, program choice), as JSON,
never uploaded files. Drafts expire a number of days after their last change and are purged on
the next save. Configuration (both optional):

- ``COR_READY_DRAFT_DB``: the SQLite file (default ``~/.local/state/cor-ready/drafts.sqlite3``);
  parent folders are created.
- ``COR_READY_DRAFT_DAYS``: days a draft is kept after its last change (default 30).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

DB_ENV = "COR_READY_DRAFT_DB"
DAYS_ENV = "COR_READY_DRAFT_DAYS"
DEFAULT_DAYS = 30
DEFAULT_PATH = Path("~/.local/state/cor-ready/drafts.sqlite3")
#: A draft bigger than this is refused: answers and notes of the whole bank fit in far less.
MAX_DRAFT_BYTES = 512 * 1024

TOKEN_BYTES = 24
#: ``secrets.token_urlsafe(24)``: 32 characters of the URL-safe base64 alphabet.
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    token TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    updated_at REAL NOT NULL
)
"""


class StoreError(Exception):
    """The draft store cannot be used (unwritable path, corrupt file, bad setting)."""


def new_token() -> str:
    """A fresh draft token, unguessable and safe in a URL."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def valid_token(token: object) -> bool:
    """True for a string shaped like a token we issue; anything else is ignored, not looked up."""
    return isinstance(token, str) and _TOKEN_RE.fullmatch(token) is not None


def configured_path() -> Path:
    """The draft file from ``COR_READY_DRAFT_DB``, or the per-user default."""
    raw = os.environ.get(DB_ENV, "").strip()
    return Path(raw).expanduser() if raw else DEFAULT_PATH.expanduser()


def configured_days() -> int:
    """Days a draft is kept, from ``COR_READY_DRAFT_DAYS`` (a whole number of at least 1)."""
    raw = os.environ.get(DAYS_ENV, "").strip()
    if not raw:
        return DEFAULT_DAYS
    try:
        days = int(raw)
    except ValueError:
        raise StoreError(f"{DAYS_ENV} must be a whole number of days, not {raw!r}") from None
    if days < 1:
        raise StoreError(f"{DAYS_ENV} must be at least 1 (got {days})")
    return days


class DraftStore:
    """Drafts by token in one SQLite file. Each call opens its own connection (thread-safe)."""

    def __init__(
        self,
        path: Path | str | None = None,
        days: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path).expanduser() if path is not None else configured_path()
        self.days = days if days is not None else configured_days()
        if self.days < 1:
            raise StoreError("drafts must be kept at least 1 day")
        self._clock = clock
        self._ready = False

    @classmethod
    def from_env(cls) -> DraftStore:
        return cls()

    @property
    def max_age_seconds(self) -> float:
        return self.days * 86_400.0

    @contextmanager
    def _connect(self, *, immediate: bool = False) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=5, isolation_level=None)) as conn:
                if not self._ready:
                    conn.execute(_SCHEMA)
                    conn.commit()
                    self._ready = True
                conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"the draft store at {self.path} cannot be used ({exc})") from exc

    def load(self, token: str) -> dict[str, Any] | None:
        """The draft saved under ``token``, or None when the token is malformed, unknown or expired."""
        if not valid_token(token):
            return None
        with self._connect() as conn:
            row = conn.execute("SELECT data, updated_at FROM drafts WHERE token = ?", (token,)).fetchone()
        if row is None or row[1] < self._clock() - self.max_age_seconds:
            return None
        try:
            data = json.loads(row[0])
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def save(self, token: str, data: Mapping[str, Any]) -> bool:
        """Store ``data`` under ``token``; returns False when it was already stored as is.

        Expired drafts of everyone are purged on the way, so the file does not grow forever.
        """
        if not valid_token(token):
            raise StoreError("refusing to save a draft under a malformed token")
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
            raise StoreError(f"the draft is larger than {MAX_DRAFT_BYTES // 1024} KB")
        now = self._clock()
        with self._connect() as conn:
            conn.execute("DELETE FROM drafts WHERE updated_at < ?", (now - self.max_age_seconds,))
            row = conn.execute("SELECT data FROM drafts WHERE token = ?", (token,)).fetchone()
            if row is not None and row[0] == text:
                return False
            conn.execute(
                "INSERT INTO drafts (token, data, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(token) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                (token, text, now),
            )
        return True

    def update(
        self, token: str, change: Callable[[dict[str, Any] | None], Mapping[str, Any]]
    ) -> dict[str, Any]:
        """Read-modify-write one draft atomically: ``change`` gets what is stored now (None when
        there is nothing, or it expired) and returns what to store. Two tabs saving at once are
        serialised here, so a merge done in ``change`` never works on a stale copy."""
        if not valid_token(token):
            raise StoreError("refusing to save a draft under a malformed token")
        now = self._clock()
        with self._connect(immediate=True) as conn:
            row = conn.execute("SELECT data, updated_at FROM drafts WHERE token = ?", (token,)).fetchone()
            stored: dict[str, Any] | None = None
            if row is not None and row[1] >= now - self.max_age_seconds:
                with contextlib.suppress(ValueError):
                    loaded = json.loads(row[0])
                    stored = loaded if isinstance(loaded, dict) else None
            data = dict(change(stored))
            text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
                raise StoreError(f"the draft is larger than {MAX_DRAFT_BYTES // 1024} KB")
            conn.execute(
                "INSERT INTO drafts (token, data, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(token) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                (token, text, now),
            )
        return data

    def delete(self, token: str) -> None:
        """Forget a draft (e.g. when the user starts over)."""
        if not valid_token(token):
            return
        with self._connect() as conn:
            conn.execute("DELETE FROM drafts WHERE token = ?", (token,))

    def purge(self) -> int:
        """Delete every expired draft; returns how many went."""
        with self._connect() as conn:
            cur = conn.execute(
                "DELETE FROM drafts WHERE updated_at < ?", (self._clock() - self.max_age_seconds,)
            )
            return cur.rowcount

    def count(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM drafts").fetchone()[0])
