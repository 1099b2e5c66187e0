"""Staff password hashes and the back-off that slows down guessing.

The workspace holds client data, so a password sign-in must resist guessing: the password is
stored only as a salted scrypt hash (the standard library's memory-hard function, no extra
dependency), and every wrong attempt doubles the wait before the next one is accepted. Both are
pure: the caller passes the clock, so tests never sleep.

Each staff member's hash lives in the staff file (``cor.staff``); ``python -m cor.staff add NAME``
asks for the password twice and writes it there.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

#: scrypt cost (n = 2**14, r = 8, p = 1: about 16 MB and a few tens of milliseconds per check).
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
PREFIX = "scrypt"
MIN_PASSWORD_CHARS = 12


class HashFormatError(ValueError):
    """The configured hash is not one this module made (said without repeating the hash)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=256 * 1024 * 1024
    )


def hash_password(password: str, salt: bytes | None = None) -> str:
    """A self-describing hash: ``scrypt$n$r$p$salt$key`` (base64, no padding)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"a staff password needs at least {MIN_PASSWORD_CHARS} characters")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"{PREFIX}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def check_hash_format(stored: str) -> tuple[bytes, bytes, int, int, int]:
    """The parts of a stored hash, or HashFormatError naming what is wrong."""
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != PREFIX:
        raise HashFormatError("the staff password hash is not in the form scrypt$n$r$p$salt$key")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except ValueError as exc:
        raise HashFormatError("the staff password hash has a damaged number or salt") from exc
    if n < 2**10 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16 or len(salt) < 8 or not key:
        raise HashFormatError("the staff password hash has cost settings out of range")
    return salt, key, n, r, p


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (compared in constant time)."""
    salt, key, n, r, p = check_hash_format(stored)
    candidate = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(key), maxmem=256 * 1024 * 1024
    )
    return hmac.compare_digest(candidate, key)


@dataclass
class Backoff:
    """Exponential back-off after wrong attempts.

    ``free`` wrong attempts cost nothing; each further one doubles the wait (``base`` seconds
    first), up to ``cap``. A right attempt resets the count. Times are plain seconds from the
    caller's monotonic clock.
    """

    free: int = 3
    base: float = 2.0
    cap: float = 15 * 60.0
    failures: int = 0
    not_before: float = field(default=0.0)

    def wait(self, now: float) -> float:
        """Seconds until another attempt is accepted (0 when it may go ahead)."""
        return max(0.0, self.not_before - now)

    def failed(self, now: float) -> None:
        self.failures += 1
        over = self.failures - self.free
        if over > 0:
            self.not_before = now + min(self.cap, self.base * 2 ** (over - 1))

    def succeeded(self) -> None:
        self.failures = 0
        self.not_before = 0.0


__all__ = [
    "MIN_PASSWORD_CHARS",
    "Backoff",
    "HashFormatError",
    "check_hash_format",
    "hash_password",
    "verify_password",
]
