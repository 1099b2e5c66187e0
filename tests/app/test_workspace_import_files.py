"""The workspace's file import refuses a file built to hurt the reader with the file message, as
Readiness does (issue 17 item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_workspace import add_client, signed_in
from tests.staff_accounts import use_staff_file


@pytest.fixture(autouse=True)
def staff_configured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_staff_file(monkeypatch, tmp_path)


def test_a_file_nested_900_levels_deep_is_refused_with_the_file_message() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    levels = 900
    data = (
        b'{"format": "cor-ready-assessment", "version": 1, "answers": ' + b"[" * levels + b"]" * levels + b"}"
    )
    at.file_uploader(key="ws.upload").set_value(("assessment.json", data, "application/json")).run()
    next(b for b in at.button if b.label == "Add the file's assessment").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("damaged or not an assessment file" in e.value for e in at.error)
