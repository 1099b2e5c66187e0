"""Staff accounts: each consultant signs in as themselves, from a file the operator keeps.

A shared password proves nobody's identity: whoever knows it can type any name, including an
admin's. So password sign-in reads a staff file (``COR_READY_STAFF_FILE``, TOML), one table per
person, holding only a salted scrypt hash (``cor.passwords``) and whether they are an admin::

    [staff.alice]
    password_hash = "scrypt$16384$8$1$..."
    admin = true

    [staff.bob]
    password_hash = "scrypt$16384$8$1$..."

Names are compared in one normal form (``normal_name``: Unicode NFKC, case folded, runs of
spaces made one, ends trimmed), so "  ALICE " is alice and "Ａｌｉｃｅ" is too; the file may not
hold two names that are the same once normalised. A name has no ``@``: e-mail addresses are the
identities of OpenID Connect sign-in, and the two kinds never collide.

Add or change a person with ``python -m cor.staff add alice [--admin]`` (it asks for the password
twice and never prints it); ``remove`` and ``list`` do what they say. Nothing here imports
Streamlit; the page reads the file through ``load_staff`` (re-read when the file changes).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cor.passwords import HashFormatError, check_hash_format, hash_password, verify_password

STAFF_FILE_ENV = "COR_READY_STAFF_FILE"
NAME_MAX_CHARS = 64
#: Checked when a name is unknown, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


class StaffFileError(ValueError):
    """The staff file cannot be used; the message names the problem, never a hash or a path."""


@dataclass(frozen=True)
class StaffAccount:
    """One person who may sign in with a password: their normal name, hash and admin flag."""

    name: str
    password_hash: str
    admin: bool = False


def normal_name(raw: str) -> str:
    """The one form names are compared in: NFKC, case folded, single spaces, no spaces at the ends."""
    folded = unicodedata.normalize("NFKC", raw).casefold()
    return unicodedata.normalize("NFKC", " ".join(folded.split()))


def name_problem(name: str) -> str | None:
    """Why a (normal) name cannot be an account name, or None when it can."""
    if not name:
        return "a staff name cannot be empty"
    if len(name) > NAME_MAX_CHARS:
        return f"a staff name has at most {NAME_MAX_CHARS} characters"
    if "@" in name:
        return "a staff name has no @ (e-mail addresses are for sign-in with the organisation's account)"
    if any(unicodedata.category(char).startswith("C") for char in name):
        return "a staff name cannot hold control or invisible characters"
    return None


def _account(raw_name: str, table: object) -> StaffAccount:
    name = normal_name(raw_name)
    problem = name_problem(name)
    if problem:
        raise StaffFileError(f"the staff file has a bad name ({problem})")
    if not isinstance(table, dict):
        raise StaffFileError(f"staff.{name} must be a table with password_hash (and admin)")
    unknown = sorted(set(table) - {"password_hash", "admin"})
    if unknown:
        raise StaffFileError(f"staff.{name} has an unknown setting: {unknown[0]}")
    stored = table.get("password_hash")
    admin = table.get("admin", False)
    if not isinstance(stored, str) or not isinstance(admin, bool):
        raise StaffFileError(f"staff.{name} needs password_hash as text and admin as true or false")
    try:
        check_hash_format(stored)
    except HashFormatError as exc:
        raise StaffFileError(f"staff.{name}: {exc}") from None
    return StaffAccount(name=name, password_hash=stored.strip(), admin=admin)


def parse_staff(text: str) -> dict[str, StaffAccount]:
    """The accounts of a staff file's text, by normal name; StaffFileError says what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StaffFileError(f"the staff file is not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"staff"})
    if unknown:
        raise StaffFileError(f"the staff file has an unknown section: {unknown[0]}")
    tables = data.get("staff", {})
    if not isinstance(tables, dict):
        raise StaffFileError("staff must be a table of people ([staff.alice], [staff.bob], ...)")
    accounts: dict[str, StaffAccount] = {}
    for raw_name, table in tables.items():
        account = _account(raw_name, table)
        if account.name in accounts:
            raise StaffFileError(
                f"the staff file names {account.name!r} twice (case, spaces and letter forms aside)"
            )
        accounts[account.name] = account
    return accounts


_loaded: dict[str, tuple[tuple[int, int], dict[str, StaffAccount]]] = {}


def load_staff(path: Path) -> dict[str, StaffAccount]:
    """The accounts in ``path``, read again whenever the file changes (an edit needs no restart)."""
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = _loaded.get(str(path))
        if cached and cached[0] == stamp:
            return cached[1]
        accounts = parse_staff(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StaffFileError(f"the staff file named by {STAFF_FILE_ENV} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StaffFileError(f"the staff file cannot be read ({type(exc).__name__})") from None
    _loaded[str(path)] = (stamp, accounts)
    return accounts


def authenticate(accounts: dict[str, StaffAccount], name: str, password: str) -> StaffAccount | None:
    """The account when ``password`` is its password, else None (an unknown name costs the same)."""
    account = accounts.get(normal_name(name))
    matches = verify_password(password, account.password_hash if account else _DUMMY_HASH)
    return account if account is not None and matches else None


def render_staff(accounts: dict[str, StaffAccount]) -> str:
    """The TOML text of a staff file (names sorted; JSON strings are valid TOML basic strings)."""
    lines = ["# COR Ready staff accounts: change them with python -m cor.staff add NAME [--admin]", ""]
    for name in sorted(accounts):
        account = accounts[name]
        key = name if re.fullmatch(r"[a-z0-9_-]+", name) else json.dumps(name)  # TOML bare key or quoted
        lines.append(f"[staff.{key}]")
        lines.append(f"password_hash = {json.dumps(account.password_hash)}")
        if account.admin:
            lines.append("admin = true")
        lines.append("")
    return "\n".join(lines)


def write_staff(path: Path, accounts: dict[str, StaffAccount]) -> None:
    """Replace the file at once (never half-written), readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(render_staff(accounts))
    os.replace(temporary, path)


def _existing(path: Path) -> dict[str, StaffAccount]:
    return load_staff(path) if path.exists() else {}


def add_account(path: Path, name: str, password: str, admin: bool | None = None) -> StaffAccount:
    """Add a person or change their password; ``admin`` None keeps an existing account's flag."""
    normal = normal_name(name)
    problem = name_problem(normal)
    if problem:
        raise StaffFileError(problem)
    accounts = dict(_existing(path))
    before = accounts.get(normal)
    keep_admin = before.admin if before else False
    account = StaffAccount(normal, hash_password(password), keep_admin if admin is None else admin)
    accounts[normal] = account
    write_staff(path, accounts)
    return account


def remove_account(path: Path, name: str) -> bool:
    """Take a person out of the file; False when they were not in it."""
    accounts = dict(_existing(path))
    if accounts.pop(normal_name(name), None) is None:
        return False
    write_staff(path, accounts)
    return True


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cor.staff", description="Manage COR Ready staff accounts."
    )
    parser.add_argument("--file", help=f"the staff file (default: ${STAFF_FILE_ENV})")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add a person, or change their password")
    add.add_argument("name")
    flag = add.add_mutually_exclusive_group()
    flag.add_argument("--admin", dest="admin", action="store_true", default=None, help="make them an admin")
    flag.add_argument("--no-admin", dest="admin", action="store_false", help="make them not an admin")
    remove = commands.add_parser("remove", help="take a person out")
    remove.add_argument("name")
    commands.add_parser("list", help="list the people and who is an admin")
    return parser


def _ask_password() -> str | None:
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        print("The two passwords differ; nothing was changed.", file=sys.stderr)
        return None
    return first


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    raw = args.file or os.environ.get(STAFF_FILE_ENV, "").strip()
    if not raw:
        print(f"Name the staff file with --file or {STAFF_FILE_ENV}.", file=sys.stderr)
        return 2
    path = Path(raw).expanduser()
    try:
        if args.command == "list":
            for account in _existing(path).values():
                print(account.name + (" (admin)" if account.admin else ""))
            return 0
        if args.command == "remove":
            found = remove_account(path, args.name)
            print(f"Removed {normal_name(args.name)}." if found else "No such person; nothing changed.")
            return 0 if found else 1
        password = _ask_password()
        if password is None:
            return 1
        account = add_account(path, args.name, password, args.admin)
    except (StaffFileError, ValueError) as exc:
        print(f"Nothing changed: {exc}.", file=sys.stderr)
        return 1
    print(f"Saved {account.name}" + (" (admin)." if account.admin else "."))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
