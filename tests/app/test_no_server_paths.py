"""No message shows a server path: a missing or unreadable guide text is named
by its place in the content folder, never by where the server keeps it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import default_content
from tests.conftest import ROOT


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "private-server-folder" / "content"
    shutil.copytree(ROOT / "content", folder)
    monkeypatch.setenv("COR_READY_CONTENT_DIR", str(folder))
    default_content.cache_clear()
    yield folder
    default_content.cache_clear()


def page_text(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.error, *at.warning, *at.info]
    return " ".join(str(part.value) for part in parts).replace("\\", "")


def test_a_missing_guide_text_is_named_without_the_servers_path(content: Path) -> None:
    (content / "guide" / "what-is-cor.md").unlink()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    text = page_text(at)
    assert "guide/what-is-cor.md is missing" in text
    assert "private-server-folder" not in text and str(ROOT) not in text


def test_an_unreadable_guide_text_is_named_without_the_servers_path(content: Path) -> None:
    (content / "guide" / "what-is-cor.md").write_bytes(b"\xff\xfe not text")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    text = page_text(at)
    assert "guide/what-is-cor.md could not be read" in text
    assert "private-server-folder" not in text


@pytest.mark.parametrize("name", ["classification_units.csv", "programs.toml"])
def test_a_content_file_the_app_may_not_read_is_named_without_the_servers_path(
    content: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A file left readable by another user only stops the app with the file's
    name and what to do; the reason Python gives (with the absolute path) is not shown."""
    real_open = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    text = page_text(at)
    assert f"content/{name}" in text and "needs permission to read it" in text
    assert "private-server-folder" not in text
