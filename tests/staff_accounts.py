"""Staff accounts for tests: a staff file (``COR_READY_STAFF_FILE``) with a few people.

Every test person has the same password (one scrypt hash, made once): the tests are about who is
signed in, not about telling passwords apart; ``boss`` is the admin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cor.passwords import hash_password
from cor.staff import StaffAccount, write_staff

PASSWORD = "correct horse battery staple"
HASH = hash_password(PASSWORD)
PEOPLE = ("dana", "lee", "sam", "boss")
ADMINS = ("boss",)


def write_people(path: Path, people: tuple[str, ...] = PEOPLE, admins: tuple[str, ...] = ADMINS) -> Path:
    write_staff(path, {name: StaffAccount(name, HASH, name in admins) for name in people})
    return path


def use_staff_file(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Point the app at a fresh staff file in ``folder``; no retired or OIDC settings leak in."""
    path = write_people(folder / "staff.toml")
    monkeypatch.setenv("COR_READY_STAFF_FILE", str(path))
    for name in ("COR_READY_STAFF_PASSWORD_HASH", "COR_READY_ADMINS", "COR_READY_STAFF_EMAILS"):
        monkeypatch.delenv(name, raising=False)
    return path
