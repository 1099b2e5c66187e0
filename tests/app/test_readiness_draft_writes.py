"""Issue 19: the Readiness page stores its draft at most once per run, and not at all when
nothing changed (each save is a database commit; two per run were 19% of a Results rerun).
The merge with another tab is covered by test_readiness.py (two tabs on one draft)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from cor.store import DraftStore
from tests.app.test_readiness import LARGE, fresh_session, opt, readiness, token_of


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The token of every draft save, in order."""
    seen: list[str] = []
    original = DraftStore.update

    def counted(self: DraftStore, token: str, change: Any) -> dict[str, Any]:
        seen.append(token)
        return original(self, token, change)

    monkeypatch.setattr(DraftStore, "update", counted)
    yield seen


def test_an_answer_and_a_new_worker_count_in_one_run_are_stored_in_one_save(
    app: AppTest, writes: list[str]
) -> None:
    at = readiness(app)
    first, second = LARGE[0], LARGE[1]
    at.radio(key=f"rd.q.{first.id}").set_value(opt(first, "1")).run()
    writes.clear()
    at.radio(key=f"rd.q.{second.id}").set_value(opt(second, "0"))
    at.text_input(key="rd.workers").input("40")
    at.run()
    assert not at.exception
    assert writes == [token_of(at)]
    stored = fresh_session(token_of(at))
    assert stored.session_state["answers"] == {first.id: opt(first, "1"), second.id: opt(second, "0")}
    assert stored.text_input(key="rd.workers").value == "40"


def test_a_run_that_changes_nothing_stores_nothing(app: AppTest, writes: list[str]) -> None:
    at = readiness(app)
    at.radio(key=f"rd.q.{LARGE[0].id}").set_value(opt(LARGE[0], "1")).run()
    writes.clear()
    at.run()
    at.run()
    assert not at.exception
    assert writes == []
