"""Recording assessments: the same file twice is recognised (the visit is not counted twice), and
a file whose CU code or worker count differs from the client record is flagged before it is
recorded, then recorded only when the consultant says so."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Element

from cor.assessment import Assessment
from cor.exports.assessment_file import dump
from tests.app.test_workspace import add_client, frame_with, import_visit, quick_file, signed_in
from tests.staff_accounts import use_staff_file


@pytest.fixture(autouse=True)
def staff(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_staff_file(monkeypatch, tmp_path)


def visits(at: AppTest) -> int:
    return len(frame_with(at, "Readiness"))


def shown(items: Iterable[Element]) -> list[str]:
    return [str(item.value).replace("\\", "").replace("\u200b", "") for item in items]


def test_the_same_file_added_twice_is_recorded_once() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    data = quick_file(best=6)
    import_visit(at, data, date(2026, 3, 2), "First visit")
    assert visits(at) == 1
    import_visit(at, data, date(2026, 3, 9), "Again by mistake")
    assert any("already recorded for this client (the visit of" in e for e in shown(at.error))
    assert visits(at) == 1


def employer_file(cu: str, workers: int) -> bytes:
    """A quick check that says which employer it is for (CU code and worker count)."""
    saved = json.loads(quick_file(best=4))
    assessment = Assessment(
        jurisdiction="BC",
        program_id="bc-large",
        quick=True,
        answers=saved["answers"],
        cu_code=cu,
        workers=workers,
    )
    return dump(assessment, datetime(2026, 11, 1))


def test_a_file_for_another_cu_or_size_is_flagged_and_recorded_only_when_confirmed() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd", cus="721027")  # 24 workers
    import_visit(at, employer_file("766011", 150), date(2026, 3, 2), "Whose is this?")
    warning = shown(at.warning)[0]
    assert "its CU code is 766011, and the client's are 721027" in warning
    assert "it is for 150 workers, and the client has 24 workers" in warning
    assert "Nothing is recorded yet" in warning
    assert not any("Readiness" in frame.value.columns for frame in at.dataframe)  # no visit yet
    at.button(key="ws.import_anyway").click().run()
    assert visits(at) == 1
    assert any("Recorded the assessment" in s for s in shown(at.success))


def test_a_file_that_matches_the_client_is_recorded_without_a_question() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd", cus="721027")
    import_visit(at, employer_file("721027", 24), date(2026, 3, 2), "First visit")
    assert not at.warning and visits(at) == 1
