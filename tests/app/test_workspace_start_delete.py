"""A new assessment for a client starts from the client record and says whom it is for; a client
or an assessment can be deleted from the workspace, only after a confirmation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cor.content import default_content
from cor.programs import recommend
from tests.app.test_workspace import add_client, frame_with, import_visit, quick_file, seen, signed_in
from tests.staff_accounts import use_staff_file


@pytest.fixture(autouse=True)
def staff(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_staff_file(monkeypatch, tmp_path)


def test_a_new_assessment_for_a_client_is_set_up_from_the_record_and_names_the_client() -> None:
    cu = default_content().units[0].code
    at = add_client(signed_in("dana"), "Harbour Builders Ltd", cus=cu)  # 24 workers
    at.session_state["answers"] = {"old-question": "yes"}  # something left from an earlier assessment
    next(b for b in at.button if b.label.startswith("Start a new assessment")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Would you pass a COR audit today?"
    assert "This assessment is for Harbour Builders Ltd (a workspace client)" in seen(
        at.info[0].value
    ).replace("*", "")
    state = at.session_state["readiness"]
    assert state.workers == 24
    assert state.program_id == recommend("BC", 24, default_content(), cu_code=cu).id  # the program by size
    assert at.session_state["cu_code"] == cu
    assert at.session_state["answers"] == {}


def test_deleting_a_client_asks_first_and_cancel_keeps_it() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    at.button(key="ws.delete_client").click().run()
    assert "Delete Harbour Builders Ltd with its 0 assessments and actions? This cannot be undone." in seen(
        at.warning[0].value
    )
    next(b for b in at.button if b.label == "Cancel").click().run()
    assert not at.warning and "Harbour Builders Ltd" in at.selectbox(key="ws.client").format_func(
        at.selectbox(key="ws.client").value
    )
    at.button(key="ws.delete_client").click().run()
    next(b for b in at.button if b.label == "Yes, delete").click().run()
    assert "Deleted Harbour Builders Ltd with its assessments and actions." in seen(at.success[0].value)
    assert at.selectbox(key="ws.client").options == ["+ New client"]


def test_deleting_one_assessment_asks_first() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(at, quick_file(best=3), date(2026, 3, 2), "First visit")
    import_visit(at, quick_file(best=12), date(2026, 9, 14), "Recorded by mistake")
    at.selectbox(key="ws.delete_pick").select_index(1).run()
    at.button(key="ws.delete_visit").click().run()
    assert "Delete the assessment of 14 Sep 2026? This cannot be undone." in seen(at.warning[0].value)
    next(b for b in at.button if b.label == "Yes, delete").click().run()
    assert list(frame_with(at, "Readiness")["Date"]) == ["2026-03-02"]
