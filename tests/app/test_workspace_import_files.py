"""The workspace's file import refuses a file built to hurt the reader with the file message, as
Readiness does."""

from __future__ import annotations

import json
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


def test_a_file_planting_a_link_in_a_field_name_is_quoted_as_plain_text_and_cut_short() -> None:
    """The message quotes the file's own field name; it is shown as typed, with no
    link or formatting, and a name of any length is cut for the message."""
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    planted = "https://evil.example/login?" + "x" * 5000
    data = json.dumps({"format": "cor-ready-assessment", "version": 1, "notes": {planted: 5}}).encode()
    at.file_uploader(key="ws.upload").set_value(("assessment.json", data, "application/json")).run()
    next(b for b in at.button if b.label == "Add the file's assessment").click().run()
    message = next(e.value for e in at.error if "damaged" in e.value)
    assert "https://evil.example" not in message  # escaped and broken where a link would start
    assert "https://evil.example/login?" in message.replace("\\", "").replace("\u200b", "")
    assert len(message) < 400
