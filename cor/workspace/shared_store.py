"""What every store of the shared database starts from: the database, a clock, and transactions
whose failures reach the page as ``UnavailableError`` (a message fit for a user)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from cor.db import Database, StoreError, shared_database
from cor.workspace.models import UnavailableError


class SharedStore:
    """A store in the database every app process shares. Safe to share between threads."""

    def __init__(self, db: Database | None = None, *, clock: Callable[[], float] = time.time) -> None:
        try:
            self.db = db if db is not None else shared_database()
        except StoreError as exc:
            raise UnavailableError(str(exc)) from exc
        self._clock = clock

    @contextmanager
    def _transaction(self, *, immediate: bool = False) -> Iterator[Connection]:
        """One transaction; a database that cannot be used is an ``UnavailableError``."""
        try:
            with self.db.begin(immediate=immediate) as conn:
                yield conn
        except StoreError as exc:
            raise UnavailableError(str(exc)) from exc
