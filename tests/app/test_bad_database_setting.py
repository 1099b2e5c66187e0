"""A wrong database setting is a message, not a dead app.

A malformed ``DATABASE_URL`` or a database whose schema is newer than the code (after a rollback)
used to turn every page into the generic error. Now the pages that need no database work, and
Readiness says what is wrong (never the URL or its password) while answering still works.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from streamlit.testing.v1 import AppTest

from cor.db import Database
from tests.app.conftest import open_page
from tests.conftest import ROOT

BAD_URLS = ["postgresql://staff:hunter2@localhost:abc/cor", "postgresql://staff:hunter2@[::1/cor"]


def _page_text(at: AppTest) -> str:
    return " ".join(
        element.value for kind in ("caption", "markdown", "error", "warning") for element in getattr(at, kind)
    )


def _started() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_malformed_database_url_leaves_the_tools_working_and_readiness_says_what_is_wrong(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    at = _started()
    for page in ("savings", "cycle", "partners", "about", "workshop"):
        open_page(at, page)
    at = open_page(at, "readiness")
    shown = _page_text(at)
    assert "Drafts cannot be kept on this server" in shown
    assert "DATABASE_URL is not a readable database address" in shown
    assert "hunter2" not in shown and "staff" not in shown
    question = next(key for key in at.session_state if isinstance(key, str) and key.startswith("rd.q."))
    assert question  # the questions are drawn: answering works without drafts
    radio = at.radio(key=question)
    radio.set_value(radio.options[0]).run()
    assert not at.exception


def test_a_schema_newer_than_the_code_is_named_and_left_untouched(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "newer.sqlite3"
    Database(sqlite_path=path).engine().dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(path))
    at = open_page(_started(), "readiness")
    shown = _page_text(at)
    assert "set up by a newer version of COR Ready" in shown
    assert "0099_from_the_future" in shown
    assert str(tmp_path) not in shown
    with engine.begin() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099_from_the_future"
        )
    engine.dispose()
