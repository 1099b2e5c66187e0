"""The Readiness page keeps drafts through the store, on either database, even if the file goes."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cor.content import default_content
from tests.conftest import ROOT, Place

LARGE = default_content().bank.question_set("large")
BANK = default_content().bank


def first_option(question_index: int) -> tuple[str, str]:
    question = LARGE[question_index]
    return question.id, BANK.scale(question.scale).options[0].id


def open_readiness(token: str | None = None) -> AppTest:
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if token is not None:
        at.query_params["draft"] = token
    at.run()
    at.switch_page("app_pages/readiness.py").run()
    assert not at.exception, [error.value for error in at.exception]
    return at


def answer(at: AppTest, question_index: int) -> AppTest:
    question_id, option = first_option(question_index)
    at.radio(key=f"rd.q.{question_id}").set_value(option).run()
    assert not at.exception, [error.value for error in at.exception]
    return at


def token_of(at: AppTest) -> str:
    token = at.query_params["draft"]
    return token[0] if isinstance(token, list) else token


def no_store_trouble(at: AppTest) -> bool:
    return not any("Drafts cannot be kept" in caption.value for caption in at.caption)


def test_a_draft_survives_a_refresh_on_either_database(place: Place, monkeypatch: pytest.MonkeyPatch) -> None:
    if place.url:
        monkeypatch.setenv("DATABASE_URL", place.url)
    else:
        monkeypatch.setenv("COR_READY_DRAFT_DB", str(place.path))
    at = answer(open_readiness(), 0)
    assert no_store_trouble(at)
    again = open_readiness(token_of(at))
    question_id, option = first_option(0)
    assert again.radio(key=f"rd.q.{question_id}").value == option


def test_deleting_the_draft_file_while_the_app_runs_keeps_drafts_on(private_draft_store: Path) -> None:
    """The next answer recreates the file; no "drafts are off" note, nothing lost."""
    at = answer(open_readiness(), 0)
    assert private_draft_store.is_file()
    private_draft_store.unlink()
    answer(at, 1)
    assert no_store_trouble(at)
    assert private_draft_store.is_file()
    again = open_readiness(token_of(at))
    for index in (0, 1):
        question_id, option = first_option(index)
        assert again.radio(key=f"rd.q.{question_id}").value == option


def test_an_unusable_store_is_explained_without_the_servers_file_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note says drafts are off, never where the server keeps its files."""
    blocker = tmp_path / "private-server-folder"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(blocker / "drafts.sqlite3"))
    at = open_readiness()
    notes = [caption.value for caption in at.caption if "Drafts cannot be kept" in caption.value]
    assert notes
    assert not any("private-server-folder" in note or str(tmp_path) in note for note in notes)


def test_a_database_url_with_a_password_never_reaches_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "DATABASE_URL", "postgresql://staff:hunter2@/cor?host=/nonexistent-socket&connect_timeout=2"
    )
    at = open_readiness()
    page_text = " ".join(element.value for element in [*at.caption, *at.markdown, *at.error, *at.warning])
    assert "Drafts cannot be kept" in page_text
    assert "hunter2" not in page_text
    assert "nonexistent-socket" not in page_text
