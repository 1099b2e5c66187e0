"""Resuming Readiness from a file: whatever the file holds, the page explains it under the uploader
and keeps what is on screen."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from cor.assessment import Assessment
from cor.content import default_content
from cor.exports.assessment_file import dump
from cor.store import DraftStore, new_token
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT

C = default_content()
LARGE = C.bank.question_set("large")
Q1 = LARGE[0]


def best(question: Any) -> str:
    options = [o for o in C.bank.scale(question.scale).options if o.credit is not None]
    return max(options, key=lambda o: o.credit or 0).id


def on_save_view(app: AppTest, answers: dict[str, str] | None = None) -> AppTest:
    app.session_state["answers"] = dict(answers or {})
    at = open_page(app, "readiness")
    at.segmented_control(key="rd.view").set_value("Save and reports").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, data: bytes) -> AppTest:
    at.file_uploader[0].set_value(("assessment.json", data, "application/json")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    """What the alerts say, as a reader sees them (escapes and link breakers are not seen)."""
    alerts = [*at.error, *at.warning, *at.success, *at.caption]
    return " ".join(str(a.value) for a in alerts).replace("\\", "").replace("\u200b", "")


def test_a_file_nested_900_levels_deep_is_refused_and_the_answers_stay(app: AppTest) -> None:
    mine = {Q1.id: best(Q1)}
    at = on_save_view(app, mine)
    levels = 900
    upload(
        at,
        b'{"format": "cor-ready-assessment", "version": 1, "answers": '
        + b"[" * levels
        + b"]" * levels
        + b"}",
    )
    assert "damaged or not an assessment file" in at.error[0].value
    assert at.session_state["answers"] == mine


def test_a_note_of_1100_emoji_saved_by_the_page_is_resumed(app: AppTest) -> None:
    note = "👍🏽" * 1100
    upload(on_save_view(app), dump(Assessment(answers={Q1.id: best(Q1)}, notes={Q1.id: note})))
    assert not at_errors(app)
    assert app.session_state["notes"] == {Q1.id: note}


def at_errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


# --- messages a person understands ---------------------------------------------------


def test_a_file_with_no_answers_is_refused_rather_than_replacing_answers_with_none(app: AppTest) -> None:
    mine = {Q1.id: best(Q1)}
    at = upload(
        on_save_view(app, mine), json.dumps({"format": "cor-ready-assessment", "version": 1}).encode()
    )
    assert "nothing COR Ready can use. It holds no answers, notes or plan edits." in shown(at)
    assert "replaces the" not in shown(at)
    assert at.session_state["answers"] == mine


def test_a_file_with_notes_but_no_answers_says_so_before_replacing(app: AppTest) -> None:
    at = on_save_view(app, {Q1.id: best(Q1)})
    upload(at, dump(Assessment(notes={Q1.id: "binder on shelf 2"})))
    assert "This file has no answers and 1 note. Loading it replaces the 1 answer on screen" in shown(at)


def test_with_nothing_entered_no_empty_file_is_offered(app: AppTest) -> None:
    at = on_save_view(app)
    assert "Download assessment file (JSON)" not in [b.label for b in elements(at, "download_button")]
    assert "Answer a question or write a note first" in shown(at)


def test_a_draft_from_another_version_is_not_called_expired() -> None:
    token = new_token()
    DraftStore().save(token, {"answers": {Q1.id: best(Q1)}, "answers_v3": {}})  # a field this version lacks
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["draft"] = token
    at = open_page(at.run(), "readiness")
    assert "made by another version of COR Ready" in shown(at)
    assert "expired" not in shown(at)
