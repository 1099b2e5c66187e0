"""Workshop rooms in the shared database: opened by a presenter, reopened only with their key.

Contract (the workshop page and the quick check rely on it):

- ``open_room()`` gives the room's short code (read off the projector by attendees) and the
  presenter's secret key (only in the presenter's own address). The database keeps a hash of the
  key, never the key. ``reopen(code, key)`` is how a reloaded projector tab gets its room back;
  the code alone never does, so an attendee who knows it cannot take the room over or close it.
- ``close(code, key)`` deletes every share at once and keeps a tombstone (code and times only)
  for ``TOMBSTONE_DAYS``, so a phone that comes late is told "this room has closed", while a
  code that was never opened is "no such room" (``status``).
- A room not closed by its presenter closes itself ``ROOM_HOURS`` after it was opened; its shares
  are deleted when anyone next asks for its status or opens a room (and are never shown after).
- ``share`` stores (or replaces) one phone's blurred result (see cor.workshop), at most
  ``MAX_PHONES`` phones a room; ``withdraw`` takes it out; ``shares`` lists them, without ids.
- Every failure is a ``RoomError`` with a message fit for a user (no path, URL or password).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Row, and_, delete, insert, select, update

from cor.db import Database, StoreError, shared_database
from cor.tables import workshop_answers, workshop_rooms

ROOM_HOURS = 6
TOMBSTONE_DAYS = 7
MAX_PHONES = 500
MAX_SHARE_BYTES = 4 * 1024
CODE_LENGTH = 8
#: No 0/O, 1/I/L: a code read off a projector is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RoomStatus = Literal["open", "closed", "unknown"]


class RoomError(Exception):
    """A room operation that could not be done, with a message fit for the user."""


@dataclass(frozen=True)
class OpenedRoom:
    code: str
    #: The presenter's secret: reopens and closes the room. Shown nowhere but their address.
    key: str


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def code_shape(code: object) -> bool:
    return isinstance(code, str) and len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code)


class Rooms:
    """Workshop rooms of every presenter, in one database shared by every app process."""

    def __init__(self, db: Database | None = None, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock

    @contextmanager
    def _transaction(self, *, immediate: bool = False) -> Iterator[Connection]:
        try:
            db = self._db if self._db is not None else shared_database()
            with db.begin(immediate=immediate) as conn:
                yield conn
        except StoreError as exc:
            raise RoomError("Workshop rooms cannot be used right now; try again in a minute.") from exc

    def _row(self, conn: Connection, code: str) -> Row[Any] | None:
        return conn.execute(select(workshop_rooms).where(workshop_rooms.c.code == code)).first()

    def _is_open(self, row: Row[Any] | None) -> bool:
        return (
            row is not None
            and row.closed_at is None
            and row.opened_at >= self._clock() - ROOM_HOURS * 3600.0
            and row.salt is not None
        )

    def _purge(self, conn: Connection) -> None:
        """Rooms past their hours become closed (shares deleted); old tombstones go entirely."""
        now = self._clock()
        expired = and_(
            workshop_rooms.c.closed_at.is_(None), workshop_rooms.c.opened_at < now - ROOM_HOURS * 3600.0
        )
        conn.execute(
            update(workshop_rooms).where(expired).values(closed_at=now, salt=None, presenter_hash=None)
        )
        closed = select(workshop_rooms.c.code).where(workshop_rooms.c.closed_at.is_not(None))
        conn.execute(delete(workshop_answers).where(workshop_answers.c.room_code.in_(closed)))
        conn.execute(
            delete(workshop_rooms).where(workshop_rooms.c.closed_at < now - TOMBSTONE_DAYS * 86400.0)
        )

    def open_room(self) -> OpenedRoom:
        """A new room: its code for the attendees and the presenter's key."""
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        key = secrets.token_urlsafe(18)
        with self._transaction() as conn:
            self._purge(conn)
            conn.execute(
                insert(workshop_rooms).values(
                    code=code, opened_at=self._clock(), presenter_hash=_hash(key), salt=secrets.token_hex(16)
                )
            )
        return OpenedRoom(code=code, key=key)

    def _presenter(self, conn: Connection, code: str, key: str) -> bool:
        if not (code_shape(code) and isinstance(key, str) and 16 <= len(key) <= 64):
            return False
        row = self._row(conn, code)
        if row is None or not self._is_open(row):
            return False
        return hmac.compare_digest(str(row.presenter_hash), _hash(key))

    def reopen(self, code: str, key: str) -> bool:
        """True when ``key`` is the presenter's key of this open room."""
        with self._transaction() as conn:
            return self._presenter(conn, code, key)

    def status(self, code: str) -> RoomStatus:
        """ "open", "closed" (by its presenter, or past its hours) or "unknown" (never opened)."""
        if not code_shape(code):
            return "unknown"
        with self._transaction() as conn:
            row = self._row(conn, code)
        if row is None:
            return "unknown"
        if self._is_open(row):
            return "open"
        if row.closed_at is None:  # past its hours: its shares go now, not at the next room
            with self._transaction() as conn:
                self._purge(conn)
        return "closed"

    def close(self, code: str, key: str) -> bool:
        """Delete every share of the room and close it; False when the key is not its presenter's."""
        with self._transaction(immediate=True) as conn:
            if not self._presenter(conn, code, key):
                return False
            conn.execute(delete(workshop_answers).where(workshop_answers.c.room_code == code))
            conn.execute(
                update(workshop_rooms)
                .where(workshop_rooms.c.code == code)
                .values(closed_at=self._clock(), salt=None, presenter_hash=None)
            )
        return True

    def salt(self, code: str) -> str | None:
        """The open room's secret salt (server side only: it blurs shares), or None."""
        if not code_shape(code):
            return None
        with self._transaction() as conn:
            row = self._row(conn, code)
        return str(row.salt) if row is not None and self._is_open(row) else None

    def share(self, code: str, phone: str, share: dict[str, Any]) -> bool:
        """Store (or replace) one phone's share; False when the room is not open or is full."""
        if not code_shape(code) or not 8 <= len(phone) <= 64:
            return False
        text = json.dumps(share, sort_keys=True)
        if len(text) > MAX_SHARE_BYTES:
            raise RoomError("This result is too large to share with the room.")
        mine = (workshop_answers.c.room_code == code, workshop_answers.c.participant == phone)
        with self._transaction(immediate=True) as conn:
            if not self._is_open(self._row(conn, code)):
                return False
            if conn.execute(delete(workshop_answers).where(*mine)).rowcount == 0:
                given = conn.execute(
                    select(workshop_answers.c.participant).where(workshop_answers.c.room_code == code)
                ).all()
                if len(given) >= MAX_PHONES:
                    return False
            conn.execute(
                insert(workshop_answers).values(
                    room_code=code, participant=phone, summary=text, updated_at=self._clock()
                )
            )
        return True

    def withdraw(self, code: str, phone: str) -> None:
        """Take one phone's share out of the room (its owner unticked the box)."""
        with self._transaction() as conn:
            conn.execute(
                delete(workshop_answers).where(
                    workshop_answers.c.room_code == code, workshop_answers.c.participant == phone
                )
            )

    def shares(self, code: str) -> list[dict[str, Any]]:
        """Every share in the open room (no phone ids); [] for a closed or unknown room."""
        if not code_shape(code):
            return []
        with self._transaction() as conn:
            if not self._is_open(self._row(conn, code)):
                return []
            rows = conn.execute(
                select(workshop_answers.c.summary)
                .where(workshop_answers.c.room_code == code)
                .order_by(workshop_answers.c.updated_at)
            ).all()
        return [json.loads(row.summary) for row in rows]


__all__ = ["MAX_PHONES", "ROOM_HOURS", "TOMBSTONE_DAYS", "OpenedRoom", "RoomError", "RoomStatus", "Rooms"]
