"""The draft store keeps an assessment across a browser refresh, privately, and not forever."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cor.store import (
    DAYS_ENV,
    DB_ENV,
    DEFAULT_DAYS,
    DraftStore,
    StoreError,
    configured_days,
    configured_path,
    new_token,
    valid_token,
)
from tests.conftest import Clock

DAY = 86_400.0
DRAFT = {"answers": {"insp-schedule": "partly"}, "notes": {"insp-schedule": "Binder in the office"}}


def test_a_draft_survives_a_new_store_object_as_after_a_server_restart(tmp_path: Path) -> None:
    token = new_token()
    DraftStore(tmp_path / "d.sqlite3", days=30).save(token, DRAFT)
    assert DraftStore(tmp_path / "d.sqlite3", days=30).load(token) == DRAFT


def test_saving_the_same_draft_again_writes_nothing(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.sqlite3", days=30)
    token = new_token()
    store.save(token, DRAFT)
    assert store.save(token, dict(DRAFT)) is False
    changed = {**DRAFT, "answers": {"insp-schedule": "yes"}}
    assert store.save(token, changed) is True
    assert store.load(token) == changed


def test_drafts_of_two_tokens_are_kept_apart(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.sqlite3", days=30)
    a, b = new_token(), new_token()
    store.save(a, {"answers": {"q": "yes"}})
    store.save(b, {"answers": {"q": "no"}})
    assert store.load(a) == {"answers": {"q": "yes"}}
    assert store.load(b) == {"answers": {"q": "no"}}


def test_a_draft_expires_after_the_configured_days_since_its_last_change(tmp_path: Path) -> None:
    clock = Clock()
    store = DraftStore(tmp_path / "d.sqlite3", days=3, clock=clock)
    token = new_token()
    store.save(token, DRAFT)
    clock.now += 3 * DAY - 60
    assert store.load(token) == DRAFT
    clock.now += 120
    assert store.load(token) is None


def test_a_change_restarts_the_expiry_clock(tmp_path: Path) -> None:
    clock = Clock()
    store = DraftStore(tmp_path / "d.sqlite3", days=3, clock=clock)
    token = new_token()
    store.save(token, DRAFT)
    clock.now += 2 * DAY
    store.save(token, {**DRAFT, "quick": True})
    clock.now += 2 * DAY
    assert store.load(token) == {**DRAFT, "quick": True}


def test_saving_leaves_expired_drafts_for_the_purge(tmp_path: Path) -> None:
    """Issue 13: the answer path writes one row; expired drafts go in ``purge``, on an index."""
    clock = Clock()
    store = DraftStore(tmp_path / "d.sqlite3", days=1, clock=clock)
    old, fresh = new_token(), new_token()
    store.save(old, DRAFT)
    clock.now += 2 * DAY
    store.save(fresh, DRAFT)
    assert store.count() == 2
    assert store.purge() == 1
    with sqlite3.connect(tmp_path / "d.sqlite3") as conn:
        tokens = [row[0] for row in conn.execute("SELECT token FROM drafts")]
        plan = " ".join(
            str(row) for row in conn.execute("EXPLAIN QUERY PLAN DELETE FROM drafts WHERE updated_at < 1")
        )
    assert tokens == [fresh]
    assert "ix_drafts_updated_at" in plan


def test_purge_reports_how_many_drafts_went(tmp_path: Path) -> None:
    clock = Clock()
    store = DraftStore(tmp_path / "d.sqlite3", days=1, clock=clock)
    for _ in range(3):
        store.save(new_token(), DRAFT)
    clock.now += 2 * DAY
    assert store.purge() == 3
    assert store.count() == 0


@pytest.mark.parametrize(
    "token",
    [
        "",
        "short",
        "x" * 31,
        "x" * 33,
        "' OR 1=1 --xxxxxxxxxxxxxxxxxxxxxx",  # 32 characters, but not the token alphabet
        "../../../../etc/passwd-xxxxxxxxx",
        None,
        12345,
    ],
)
def test_a_malformed_token_is_ignored_without_a_lookup_or_crash(tmp_path: Path, token: object) -> None:
    store = DraftStore(tmp_path / "d.sqlite3", days=30)
    store.save(new_token(), DRAFT)
    assert not valid_token(token)
    assert store.load(token) is None  # type: ignore[arg-type]


def test_an_unknown_well_formed_token_finds_nothing(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.sqlite3", days=30)
    store.save(new_token(), DRAFT)
    assert store.load(new_token()) is None


def test_saving_under_a_malformed_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        DraftStore(tmp_path / "d.sqlite3", days=30).save("not-a-token", DRAFT)


def test_tokens_are_unguessable_url_safe_and_unique() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for t in tokens:
        assert valid_token(t)
        assert len(t) == 32  # 24 random bytes in URL-safe base64


def test_deleting_a_draft_forgets_it(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.sqlite3", days=30)
    token = new_token()
    store.save(token, DRAFT)
    store.delete(token)
    assert store.load(token) is None


def test_the_path_comes_from_the_environment_and_parent_folders_are_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deep" / "er" / "drafts.sqlite3"
    monkeypatch.setenv(DB_ENV, str(target))
    assert configured_path() == target
    store = DraftStore()
    store.save(new_token(), DRAFT)
    assert target.is_file()


def test_without_configuration_the_path_is_per_user_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    assert configured_path() == Path.home() / ".local/state/cor-ready/drafts.sqlite3"


def test_the_expiry_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DAYS_ENV, raising=False)
    assert configured_days() == DEFAULT_DAYS == 30
    monkeypatch.setenv(DAYS_ENV, "7")
    assert configured_days() == 7
    assert DraftStore().days == 7


@pytest.mark.parametrize("value", ["0", "-3", "soon", "1.5"])
def test_a_bad_expiry_setting_is_reported_by_name(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(DAYS_ENV, value)
    with pytest.raises(StoreError, match=DAYS_ENV):
        configured_days()


def test_an_unusable_path_raises_a_store_error_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = DraftStore(blocker / "drafts.sqlite3", days=30)
    with pytest.raises(StoreError):
        store.save(new_token(), DRAFT)


def test_a_corrupt_database_file_raises_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        DraftStore(path, days=30).load(new_token())
