"""Staff sign-in state that every app process shares, in the database: sessions and the back-off.

Behind a load balancer a browser can land on any process (and on another one after a failover),
so nothing about a sign-in may live in one process's memory:

- **Sessions.** A password sign-in starts a session row and hands the browser a signed, expiring
  cookie value (``sign``: the session id and its expiry, with an HMAC of both). Any process checks
  the signature and the expiry, then that the row still exists: signing out deletes the row, so a
  copied cookie is dead from then on. Only a hash of the session id is stored.
- **Device cookies.** A browser that signed in to an account gets a second signed value naming
  that account (no row). Its wrong attempts are then counted for that browser alone, so other
  people's failures never hold back a right password typed where it was typed before.
- **Back-off.** Wrong attempts are counted per key in ``signin_backoff`` (each key a hash: no
  name or address is stored in clear); after ``free`` wrong attempts each further one doubles the
  wait, from ``BASE_SECONDS`` up to ``CAP_SECONDS``. A count is forgotten ``FORGET_HOURS`` after its
  last failure.

The signing key is ``COR_READY_SESSION_SECRET`` when set (the same in every process), else one
made at random the first time and kept in the database, which every process shares anyway.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from cor.db import Database
from cor.passwords import Backoff
from cor.tables import app_secrets, signin_backoff, staff_sessions
from cor.workspace.models import UnavailableError
from cor.workspace.shared_store import SharedStore

SECRET_ENV = "COR_READY_SESSION_SECRET"
SECRET_MIN_CHARS = 32
SESSION_HOURS = 12
DEVICE_DAYS = 90
#: How long the browser keeps the session and the device cookie (their ``Max-Age``).
SESSION_SECONDS = SESSION_HOURS * 3600
DEVICE_SECONDS = DEVICE_DAYS * 86400
BASE_SECONDS = 2.0
CAP_SECONDS = 15 * 60.0
FORGET_HOURS = 24


@dataclass(frozen=True)
class Limit:
    """One kind of counter: how many wrong attempts are free before waits begin."""

    kind: str
    free: int


#: This account tried from this client address (the usual case: one person mistyping).
ACCOUNT_FROM_ADDRESS = Limit("account-address", free=5)
#: This account, from anywhere (someone guessing one person's password from many addresses).
ACCOUNT = Limit("account", free=10)
#: This client address, whatever account (someone trying many names).
ADDRESS = Limit("address", free=20)
#: A browser that signed in to this account before (its device cookie): its own tries only.
DEVICE = Limit("device", free=5)


def counters(name: str, address: str, device_id: str | None) -> list[tuple[Limit, str]]:
    """What a wrong attempt at ``name`` counts against. A browser that signed in as this person
    before (``device_id`` of its valid device cookie) counts only against itself, so other people's
    failures never hold back a right password there; any other browser counts against the account
    from its address, the account, and its address."""
    if device_id is not None:
        return [(DEVICE, device_id)]
    return [(ACCOUNT_FROM_ADDRESS, f"{name}\0{address}"), (ACCOUNT, name), (ADDRESS, address)]


def cleared_by_success(counted: Sequence[tuple[Limit, str]]) -> list[tuple[Limit, str]]:
    """What a right password clears: every counter but the address's, so one person signing in
    does not wipe the failures of someone trying many names from the same address."""
    return [(limit, value) for limit, value in counted if limit is not ADDRESS]


def retry_after(wait: float) -> int:
    """Whole seconds to tell a user to wait (rounded up, never 0 while any wait is left)."""
    return math.floor(wait) + 1


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def sign(key: bytes, payload: str, expires: int) -> str:
    """``payload.expires.mac``: cookie-safe when the payload is (ids here are base64url)."""
    mac = hmac.new(key, f"{payload}.{expires}".encode(), hashlib.sha256).digest()
    return f"{payload}.{expires}.{_b64(mac)}"


def unsign(key: bytes, value: str, now: float) -> str | None:
    """The payload of a value ``sign`` made with ``key`` that has not expired, else None."""
    payload, _, _mac = value.rpartition(".")
    payload, _, expires = payload.rpartition(".")
    if not payload or not expires.isdecimal() or len(value) > 512:
        return None
    if not hmac.compare_digest(sign(key, payload, int(expires)), value):
        return None
    return payload if int(expires) > now else None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def account_stamp(password_hash: str) -> str:
    """A short fingerprint of an account's password hash: a new password ends its sessions."""
    return _digest("stamp", password_hash)[:32]


class SignIn(SharedStore):
    """Sessions and back-off in the shared database. Safe to share between threads."""

    def __init__(self, db: Database | None = None, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__(db, clock=clock)
        self._key: bytes | None = None

    # --- the signing key -------------------------------------------------------------------

    def key(self) -> bytes:
        """The configured secret, else the database's own (made once, by whichever process is first)."""
        if self._key is not None:
            return self._key
        configured = os.environ.get(SECRET_ENV, "").strip()
        if configured:
            if len(configured) < SECRET_MIN_CHARS:
                raise UnavailableError(f"{SECRET_ENV} needs at least {SECRET_MIN_CHARS} characters")
            self._key = configured.encode("utf-8")
            return self._key
        value = self._stored_key()
        if value is None:
            try:
                with self._transaction() as conn:
                    made = secrets.token_urlsafe(48)
                    conn.execute(
                        insert(app_secrets).values(name="session", value=made, created_at=self._clock())
                    )
            except UnavailableError as exc:
                if not _duplicate(exc):
                    raise
            value = self._stored_key()
        self._key = str(value).encode("utf-8")
        return self._key

    def _stored_key(self) -> str | None:
        with self._transaction() as conn:
            value = conn.execute(select(app_secrets.c.value).where(app_secrets.c.name == "session")).scalar()
        return None if value is None else str(value)

    # --- sessions --------------------------------------------------------------------------

    def start(self, user: str, stamp: str, hours: float = SESSION_HOURS) -> str:
        """A new session for ``user``; returns the cookie value. Expired sessions are purged here."""
        session_id = secrets.token_urlsafe(24)
        now = self._clock()
        expires = int(now + hours * 3600)
        with self._transaction() as conn:
            conn.execute(delete(staff_sessions).where(staff_sessions.c.expires_at <= now))
            conn.execute(
                insert(staff_sessions).values(
                    id_hash=_digest("session", session_id),
                    user_id=user,
                    stamp=stamp,
                    created_at=now,
                    expires_at=expires,
                )
            )
        return sign(self.key(), session_id, expires)

    def resume(self, cookie: str) -> tuple[str, str] | None:
        """``(user, stamp)`` of a live session, or None (forged, expired or signed out)."""
        now = self._clock()
        session_id = unsign(self.key(), cookie, now)
        if session_id is None:
            return None
        with self._transaction() as conn:
            row = conn.execute(
                select(staff_sessions.c.user_id, staff_sessions.c.stamp).where(
                    staff_sessions.c.id_hash == _digest("session", session_id),
                    staff_sessions.c.expires_at > now,
                )
            ).first()
        return (row.user_id, row.stamp) if row else None

    def end(self, cookie: str) -> None:
        """Sign out: the session's row goes, so its cookie is refused by every process."""
        session_id = unsign(self.key(), cookie, self._clock())
        if session_id is not None:
            with self._transaction() as conn:
                conn.execute(
                    delete(staff_sessions).where(staff_sessions.c.id_hash == _digest("session", session_id))
                )

    def device(self, user: str) -> str:
        """A device cookie value: this browser signed in as ``user`` (kept ``DEVICE_DAYS``)."""
        expires = int(self._clock() + DEVICE_SECONDS)
        return sign(self.key(), f"{_b64(user.encode('utf-8'))}~{secrets.token_urlsafe(12)}", expires)

    def device_id(self, cookie: str, user: str) -> str | None:
        """The id of a valid device cookie for ``user`` (None for another user, forged or expired)."""
        payload = unsign(self.key(), cookie, self._clock())
        if payload is None or "~" not in payload:
            return None
        owner, _, device_id = payload.partition("~")
        return device_id if hmac.compare_digest(owner, _b64(user.encode("utf-8"))) else None

    # --- back-off --------------------------------------------------------------------------

    def _rows(self, conn: Connection, keys: dict[str, Limit], lock: bool = False) -> dict[str, Backoff]:
        forget = self._clock() - FORGET_HOURS * 3600
        query = select(signin_backoff).where(signin_backoff.c.key.in_(list(keys)))
        rows = conn.execute(query.with_for_update() if lock else query).all()
        found = {
            key: Backoff(free=limit.free, base=BASE_SECONDS, cap=CAP_SECONDS) for key, limit in keys.items()
        }
        for row in rows:
            if row.updated_at >= forget:
                found[row.key].failures, found[row.key].not_before = row.failures, row.not_before
        return found

    @staticmethod
    def _keys(counters: Sequence[tuple[Limit, str]]) -> dict[str, Limit]:
        return {_digest("backoff", limit.kind, value): limit for limit, value in counters}

    def wait(self, counters: Sequence[tuple[Limit, str]]) -> float:
        """Seconds until another attempt is accepted on all these counters (0: go ahead)."""
        now = self._clock()
        with self._transaction() as conn:
            found = self._rows(conn, self._keys(counters))
        return max((backoff.wait(now) for backoff in found.values()), default=0.0)

    def failed(self, counters: Sequence[tuple[Limit, str]]) -> float:
        """Count a wrong attempt on every counter; returns the wait it now costs.

        Two processes counting a first failure at once both insert: the loser tries again, and
        then finds (and locks) the row the winner wrote."""
        try:
            return self._count_failure(self._keys(counters))
        except UnavailableError as exc:
            if not _duplicate(exc):
                raise
            return self._count_failure(self._keys(counters))

    def _count_failure(self, keys: dict[str, Limit]) -> float:
        now = self._clock()
        with self._transaction(immediate=True) as conn:
            found = self._rows(conn, keys, lock=True)
            query = select(signin_backoff.c.key).where(signin_backoff.c.key.in_(list(keys)))
            stored: set[str] = set(conn.execute(query).scalars())
            for key, backoff in found.items():
                backoff.failed(now)
                values = {"failures": backoff.failures, "not_before": backoff.not_before, "updated_at": now}
                if key in stored:
                    conn.execute(update(signin_backoff).where(signin_backoff.c.key == key).values(**values))
                else:
                    conn.execute(insert(signin_backoff).values(key=key, **values))
        return max(backoff.wait(now) for backoff in found.values())

    def succeeded(self, counters: Sequence[tuple[Limit, str]]) -> None:
        """A right password clears these counters (see ``cleared_by_success``)."""
        with self._transaction() as conn:
            conn.execute(delete(signin_backoff).where(signin_backoff.c.key.in_(list(self._keys(counters)))))


def _duplicate(exc: BaseException) -> bool:
    """True when a write failed only because another process wrote the same key first."""
    return isinstance(getattr(exc.__cause__, "__cause__", None), IntegrityError)
