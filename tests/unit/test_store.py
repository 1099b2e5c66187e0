"""The draft store's tokens and settings. What it keeps, merges, expires and purges is tested on
SQLite and PostgreSQL alike in tests/store/test_drafts.py (the file itself: tests/store/test_sqlite_file.py)."""

from __future__ import annotations

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

DRAFT = {"answers": {"insp-schedule": "partly"}, "notes": {"insp-schedule": "Binder in the office"}}


def test_tokens_are_unguessable_url_safe_and_unique() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for t in tokens:
        assert valid_token(t)
        assert len(t) == 32  # 24 random bytes in URL-safe base64


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
