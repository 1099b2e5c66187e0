"""Drafts behave the same on the SQLite file and on PostgreSQL: kept, merged, expired, purged."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import inspect

import cor.store
from cor.store import MAX_DRAFT_BYTES, StoreError, new_token, valid_token
from tests.conftest import Clock, Place

DAY = 86_400.0
DRAFT = {"answers": {"insp-schedule": "partly"}, "notes": {"insp-schedule": "Binder in the office"}}


def test_a_saved_draft_comes_back_unchanged(place: Place) -> None:
    store = place.draft_store(days=30)
    token = new_token()
    assert store.save(token, DRAFT) is True
    assert store.load(token) == DRAFT
    assert store.save(token, dict(DRAFT)) is False
    changed = {**DRAFT, "answers": {"insp-schedule": "yes"}}
    assert store.save(token, changed) is True
    assert store.load(token) == changed


def test_another_app_process_reads_the_draft(place: Place) -> None:
    token = new_token()
    place.draft_store(days=30).save(token, DRAFT)
    other = cor.store.DraftStore(days=30)
    other.database = place.database()
    assert other.load(token) == DRAFT


def test_drafts_of_two_tokens_are_kept_apart(place: Place) -> None:
    store = place.draft_store(days=30)
    first, second = new_token(), new_token()
    store.save(first, {"answers": {"q": "yes"}})
    store.save(second, {"answers": {"q": "no"}})
    assert store.load(first) == {"answers": {"q": "yes"}}
    assert store.load(second) == {"answers": {"q": "no"}}


def test_deleting_a_draft_forgets_it(place: Place) -> None:
    store = place.draft_store(days=30)
    token = new_token()
    store.save(token, DRAFT)
    store.delete(token)
    assert store.load(token) is None


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
def test_a_malformed_token_is_ignored_without_a_lookup_or_crash(place: Place, token: object) -> None:
    store = place.draft_store(days=30)
    store.save(new_token(), DRAFT)
    assert not valid_token(token)
    assert store.load(token) is None  # type: ignore[arg-type]  # a link can carry anything, not only a str


def test_an_unknown_well_formed_token_finds_nothing(place: Place) -> None:
    store = place.draft_store(days=30)
    store.save(new_token(), DRAFT)
    assert store.load(new_token()) is None


def test_saving_under_a_malformed_token_is_refused(place: Place) -> None:
    with pytest.raises(StoreError):
        place.draft_store(days=30).save("not-a-token", DRAFT)


def test_text_outside_ascii_is_kept(place: Place) -> None:
    store = place.draft_store(days=30)
    token = new_token()
    data = {"notes": {"q": "Réunion sécurité - 安全 - 👷"}}
    store.save(token, data)
    assert store.load(token) == data


def test_a_draft_expires_after_the_configured_days(place: Place) -> None:
    clock = Clock()
    store = place.draft_store(days=3, clock=clock)
    token = new_token()
    store.save(token, DRAFT)
    clock.now += 3 * DAY - 60
    assert store.load(token) == DRAFT
    clock.now += 120
    assert store.load(token) is None


def test_a_change_restarts_the_expiry_clock(place: Place) -> None:
    clock = Clock()
    store = place.draft_store(days=3, clock=clock)
    token = new_token()
    store.save(token, DRAFT)
    clock.now += 2 * DAY
    store.save(token, {**DRAFT, "quick": True})
    clock.now += 2 * DAY
    assert store.load(token) == {**DRAFT, "quick": True}


def test_saving_does_not_purge_other_drafts(place: Place) -> None:
    """The answer path touches one row: purging is somebody else's job."""
    clock = Clock()
    store = place.draft_store(days=1, clock=clock)
    store.save(new_token(), DRAFT)
    clock.now += 2 * DAY
    store.save(new_token(), DRAFT)
    store.update(new_token(), lambda stored: DRAFT)
    assert store.count() == 3


def test_purge_deletes_only_expired_drafts_and_says_how_many(place: Place) -> None:
    clock = Clock()
    store = place.draft_store(days=1, clock=clock)
    for _ in range(3):
        store.save(new_token(), DRAFT)
    clock.now += 2 * DAY
    fresh = new_token()
    store.save(fresh, DRAFT)
    assert store.purge() == 3
    assert store.count() == 1
    assert store.load(fresh) == DRAFT


def test_purge_due_runs_at_most_once_an_hour_per_process(
    place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    store = place.draft_store(days=1, clock=clock)
    monotonic = Clock(5_000.0)
    monkeypatch.setattr("cor.store.time.monotonic", monotonic)
    monkeypatch.setattr(cor.store, "_last_purge", {})
    store.save(new_token(), DRAFT)
    clock.now += 2 * DAY
    assert store.purge_due() == 1
    store.save(new_token(), DRAFT)
    clock.now += 2 * DAY
    monotonic.now += 3_599
    assert store.purge_due() == 0
    assert store.count() == 1
    monotonic.now += 2
    assert store.purge_due() == 1


def test_expiry_is_on_an_index(place: Place) -> None:
    store = place.draft_store(days=30)
    store.count()
    indexes = inspect(store.database.engine()).get_indexes("drafts")
    assert [index["column_names"] for index in indexes] == [["updated_at"]]


def test_update_passes_the_stored_draft_and_keeps_what_change_returns(place: Place) -> None:
    store = place.draft_store(days=30)
    token = new_token()
    seen: list[Any] = []

    def add_answer(stored: dict[str, Any] | None) -> dict[str, Any]:
        seen.append(stored)
        return {"answers": {**(stored or {}).get("answers", {}), f"q{len(seen)}": "yes"}}

    store.update(token, add_answer)
    store.update(token, add_answer)
    assert seen == [None, {"answers": {"q1": "yes"}}]
    assert store.load(token) == {"answers": {"q1": "yes", "q2": "yes"}}


def test_update_sees_an_expired_draft_as_nothing(place: Place) -> None:
    clock = Clock()
    store = place.draft_store(days=1, clock=clock)
    token = new_token()
    store.save(token, DRAFT)
    clock.now += 2 * DAY
    assert store.update(token, lambda stored: {"was": stored}) == {"was": None}


def test_a_failed_change_stores_nothing(place: Place) -> None:
    store = place.draft_store(days=30)
    token = new_token()
    store.save(token, DRAFT)
    with pytest.raises(StoreError, match="larger"):
        store.update(token, lambda stored: {"notes": {"q": "x" * (MAX_DRAFT_BYTES + 1)}})
    assert store.load(token) == DRAFT
    fresh = new_token()
    with pytest.raises(ZeroDivisionError):
        store.update(fresh, lambda stored: {"n": 1 / 0})
    assert store.load(fresh) is None
    assert store.count() == 1


def test_concurrent_updates_from_two_processes_lose_no_answer(place: Place) -> None:
    """Eight writers on two engines add one answer each, four times: all 32 answers are kept."""
    token = new_token()
    stores = [place.draft_store(days=30), place.draft_store(days=30)]
    stores[1].database = place.database()
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        store = stores[number % 2]
        for round_ in range(4):
            key = f"q{number}-{round_}"

            def add(stored: dict[str, Any] | None, key: str = key) -> dict[str, Any]:
                return {**(stored or {}), key: "yes"}

            try:
                store.update(token, add)
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(stores[0].load(token) or {}) == 32


def test_an_oversized_draft_is_refused(place: Place) -> None:
    with pytest.raises(StoreError, match="larger"):
        place.draft_store(days=30).save(new_token(), {"notes": {"q": "x" * 600_000}})


def test_purge_deletes_in_batches_until_every_expired_draft_is_gone(
    place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cor.store, "PURGE_BATCH", 4)
    clock = Clock()
    store = place.draft_store(days=1, clock=clock)
    for _ in range(10):
        store.save(new_token(), DRAFT)
    clock.now += 2 * DAY
    kept = new_token()
    store.save(kept, DRAFT)
    assert store.purge() == 10
    assert store.count() == 1
    assert store.load(kept) == DRAFT
