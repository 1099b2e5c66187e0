"""The embedded SQLite file: private to the server's user, recreated when deleted, upgraded in place."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from cor.store import DraftStore, StoreError, new_token

DRAFT = {"answers": {"insp-schedule": "partly"}}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_file_is_created_for_the_servers_user_only(tmp_path: Path) -> None:
    """No other account on the server can read the drafts."""
    path = tmp_path / "state" / "cor-ready" / "drafts.sqlite3"
    DraftStore(path, days=30).save(new_token(), DRAFT)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_the_file_is_private_even_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "open" / "drafts.sqlite3"
        DraftStore(path, days=30).save(new_token(), DRAFT)
    finally:
        os.umask(old)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_a_world_readable_file_from_an_older_version_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    sqlite3.connect(path).close()
    os.chmod(path, 0o644)
    DraftStore(path, days=30).count()
    assert mode(path) == 0o600


def test_an_existing_shared_folder_is_left_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    DraftStore(folder / "drafts.sqlite3", days=30).count()
    assert mode(folder) == 0o755


def test_deleting_the_file_while_the_server_runs_does_not_turn_drafts_off(tmp_path: Path) -> None:
    """The store notices the file went, recreates it, and saves go on."""
    path = tmp_path / "drafts.sqlite3"
    store = DraftStore(path, days=30)
    first = new_token()
    store.save(first, DRAFT)
    path.unlink()
    second = new_token()
    assert store.save(second, DRAFT) is True
    assert path.is_file()
    assert mode(path) == 0o600
    assert DraftStore(path, days=30).load(second) == DRAFT
    assert store.load(first) is None


def test_a_replaced_file_is_read_not_the_deleted_one(tmp_path: Path) -> None:
    """A file swapped under the server (restored from a backup, say) is the one used from then on."""
    path = tmp_path / "drafts.sqlite3"
    store = DraftStore(path, days=30)
    token = new_token()
    store.save(token, DRAFT)
    path.unlink()
    sqlite3.connect(path).close()
    assert store.load(token) is None
    store.save(token, {"answers": {}})
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT data FROM drafts").fetchall() == [('{"answers":{}}',)]


def test_a_corrupt_file_is_an_error_without_the_path(tmp_path: Path) -> None:
    path = tmp_path / "secret-place" / "d.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as caught:
        DraftStore(path, days=30).load(new_token())
    assert "secret-place" not in str(caught.value)
    assert str(tmp_path) not in str(caught.value)


def test_an_unusable_folder_is_an_error_without_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        DraftStore(blocker / "drafts.sqlite3", days=30).save(new_token(), DRAFT)
    assert "a-file" not in str(caught.value)


def test_a_store_that_failed_works_once_the_problem_is_gone(tmp_path: Path) -> None:
    blocker = tmp_path / "later"
    blocker.write_text("not a folder yet")
    store = DraftStore(blocker / "drafts.sqlite3", days=30)
    with pytest.raises(StoreError):
        store.count()
    blocker.unlink()
    token = new_token()
    store.save(token, DRAFT)
    assert store.load(token) == DRAFT


def test_a_database_made_by_the_previous_store_is_upgraded_with_every_draft(tmp_path: Path) -> None:
    """The pre-Alembic store made this table itself; its drafts survive the migration."""
    path = tmp_path / "drafts.sqlite3"
    tokens = [new_token() for _ in range(5)]
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS drafts (token TEXT PRIMARY KEY, data TEXT NOT NULL, "
            "updated_at REAL NOT NULL)"
        )
        for number, token in enumerate(tokens):
            conn.execute(
                "INSERT INTO drafts VALUES (?, ?, ?)",
                (token, f'{{"answers":{{"q{number}":"yes"}},"notes":{{"q":"é"}}}}', 4_000_000_000.0),
            )
    store = DraftStore(path, days=30, clock=lambda: 4_000_000_000.0)
    for number, token in enumerate(tokens):
        assert store.load(token) == {"answers": {f"q{number}": "yes"}, "notes": {"q": "é"}}
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert {"drafts", "clients", "client_actions", "workshop_rooms"} <= tables
    assert version == ("0004_workshop",)
    store.update(tokens[0], lambda stored: {**(stored or {}), "quick": True})
    assert store.load(tokens[0]) == {"answers": {"q0": "yes"}, "notes": {"q": "é"}, "quick": True}


def test_deleting_the_whole_folder_while_the_server_runs_recreates_it_private(tmp_path: Path) -> None:
    path = tmp_path / "state" / "drafts.sqlite3"
    store = DraftStore(path, days=30)
    store.save(new_token(), DRAFT)
    shutil.rmtree(path.parent)
    token = new_token()
    store.save(token, DRAFT)
    assert store.load(token) == DRAFT
    assert (mode(path.parent), mode(path)) == (0o700, 0o600)
