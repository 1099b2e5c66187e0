"""Shared fixtures: a private draft store per test and fresh Streamlit caches."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def private_draft_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Drafts from one test never leak into another, or into the user's real store."""
    path = tmp_path / "drafts.sqlite3"
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(path))
    return path
