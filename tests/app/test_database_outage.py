"""The database goes away and comes back: the open tab saves again, with everything it holds.

Once, one failed save turned drafts off for the tab for good (and dropped the draft's
link), so answers given while the database was away, and after it came back, were lost on reopen.
An unwritable SQLite folder, then fixed, stands in for any outage: the page code cannot tell the
two apart (both are a ``StoreError`` that may pass).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.store import DraftStore
from tests.app.conftest import open_page
from tests.conftest import ROOT

BANK = default_content().bank
FIRST = [q for q in BANK.question_set("large") if q.element == BANK.elements[0].id][:4]


def _answer(at: AppTest, number: int) -> AppTest:
    question = FIRST[number - 1]
    at.radio(key=f"rd.q.{question.id}").set_value(BANK.scale(question.scale).options[0].id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _caption(at: AppTest) -> str:
    return " ".join(caption.value for caption in at.caption)


def test_answers_given_while_the_store_is_away_are_saved_when_it_is_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "state"
    path = folder / "drafts.sqlite3"
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(path))
    at = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "readiness")
    _answer(at, 1)
    token = at.query_params["draft"]
    assert DraftStore(path).load(token) is not None

    # The store goes away: a file where its folder should be (an unwritable place).
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()
    folder.write_text("in the way")
    _answer(at, 2)
    _answer(at, 3)
    assert "the database is not answering" in _caption(at)
    assert at.query_params["draft"] == token  # the link still names the same draft

    folder.unlink()  # back
    _answer(at, 4)
    assert "The database is back: everything on this page is saved again." in _caption(at)
    stored = DraftStore(path).load(token)
    assert stored is not None
    assert set(stored["answers"]) == {question.id for question in FIRST}

    reopened = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    reopened.query_params["draft"] = token
    reopened = open_page(reopened.run(), "readiness")
    assert reopened.session_state["answers"] == stored["answers"]


def test_a_link_opened_while_the_store_is_away_keeps_its_draft_and_merges_it_when_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    saved_in = tmp_path / "saved"
    store = DraftStore(saved_in / "drafts.sqlite3", days=30)
    token = "T" * 32
    first, second = FIRST[0], FIRST[1]
    store.save(token, {"answers": {first.id: BANK.scale(first.scale).options[0].id}})
    store.database.dispose()
    folder = tmp_path / "state"
    folder.write_text("in the way")  # the store is away when the link is opened
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(folder / "drafts.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["draft"] = token
    at = open_page(at.run(), "readiness")
    assert "the database is not answering" in _caption(at)
    assert at.query_params["draft"] == token
    _answer(at, 2)

    folder.unlink()
    saved_in.rename(folder)  # back, with the draft saved before
    _answer(at, 3)
    assert "The database is back" in _caption(at)
    expected = {first.id, second.id, FIRST[2].id}
    stored = DraftStore(folder / "drafts.sqlite3").load(token)
    assert stored is not None and set(stored["answers"]) == expected
    at.run()  # the stored answer shows on the page too
    assert set(at.session_state["answers"]) == expected


UNREACHABLE = "postgresql://staff:hunter2@/cor?host=/nonexistent-socket-folder&connect_timeout=1"


def test_a_phone_in_a_workshop_room_gets_a_plain_message_while_the_database_is_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["quick"] = "1"
    at.query_params["room"] = "ABCD2345"
    at = open_page(at.run(), "readiness")
    assert any("Workshop rooms cannot be used right now" in w.value for w in at.warning)
    quick = BANK.question_set("quick")[0]
    at.radio(key=f"rd.q.{quick.id}").set_value(BANK.scale(quick.scale).options[0].id).run()
    assert not at.exception  # the quick check goes on
    assert at.session_state["answers"] == {quick.id: BANK.scale(quick.scale).options[0].id}
    assert "hunter2" not in " ".join(w.value for w in at.warning)


def test_the_presenter_gets_a_plain_message_while_the_database_is_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.query_params["room"] = "ABCD2345"  # a room opened before the database went away
    at.query_params["key"] = "k" * 32
    at = open_page(at, "workshop")
    assert any("Workshop rooms cannot be used right now" in e.value for e in at.error)
