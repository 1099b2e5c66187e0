"""Signed-in staff record the Readiness assessment on screen for one of their clients, from the
Save view; the Workspace page then lists it for that client. Anyone not signed in sees no panel.

Sign-in is the hashed staff password, configured as tests/app/test_workspace.py does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import default_content
from tests.app.conftest import elements, open_page
from tests.app.test_readiness import all_best, opt, readiness, show
from tests.app.test_workspace import PASSWORD, add_client, frame_with, seen
from tests.conftest import ROOT
from tests.staff_accounts import use_staff_file

C = default_content()
BANK = C.bank
LARGE = BANK.question_set("large")
PANEL = "**Workspace: save this assessment for a client**"
CLIENT = "Harbour Builders Ltd"


@pytest.fixture(autouse=True)
def staff_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_staff_file(monkeypatch, tmp_path)


def signed_in(app: AppTest, user: str) -> AppTest:
    at = open_page(app, "workspace")
    at.text_input(key="auth.user").input(user)
    at.text_input(key="auth.password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def answer_three(at: AppTest) -> dict[str, str]:
    """Two questions of the first element fully met, one with nothing in place."""
    first = [q for q in LARGE if q.element == BANK.elements[0].id][:3]
    given = {}
    for question, credit in zip(first, ("1", "1", "0"), strict=True):
        given[question.id] = opt(question, credit)
        at.radio(key=f"rd.q.{question.id}").set_value(given[question.id]).run()
        assert not at.exception, [e.value for e in at.exception]
    return given


def panel_shown(at: AppTest) -> bool:
    return any(m.value == PANEL for m in at.markdown)


def test_staff_save_the_assessment_for_a_client_and_the_workspace_lists_it(app: AppTest) -> None:
    at = add_client(signed_in(app, "dana"), CLIENT)
    open_page(at, "readiness")
    answer_three(at)
    show(at, "Save and reports")
    assert panel_shown(at)
    chosen = at.selectbox(key="ws.save_client")
    assert chosen.format_func(chosen.value) == CLIENT
    at.date_input(key="ws.save_date").set_value(date(2026, 11, 2))
    at.text_input(key="ws.save_label").input("Site walk")
    at.button(key="ws.save_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert f"Saved for {CLIENT}." in [seen(s.value) for s in at.success]

    open_page(at, "workspace")
    visits = frame_with(at, "Readiness")
    assert list(visits["Date"]) == ["2026-11-02"]
    assert list(visits["Label"]) == ["Site walk"]
    assert list(visits["Answered"]) == [f"3 of {len(LARGE)}"]
    actions = frame_with(at, "Status")
    assert len(actions) == 1  # the one question with nothing in place became the client's action
    assert set(actions["Status"]) == {"Open"}


def test_signed_in_staff_with_nothing_answered_get_no_panel(app: AppTest) -> None:
    at = add_client(signed_in(app, "dana"), CLIENT)
    show(open_page(at, "readiness"), "Save and reports")
    assert not panel_shown(at)


def test_an_anonymous_visitor_sees_no_save_to_client_panel(app: AppTest) -> None:
    staff = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    add_client(signed_in(staff, "dana"), CLIENT)  # a client exists, in another session
    at = show(readiness(app, all_best()), "Save and reports")
    assert "Download PDF report" in [b.label for b in elements(at, "download_button")]
    assert not panel_shown(at)
    with pytest.raises(KeyError):
        at.button(key="ws.save_button")
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.text])
    assert "Workspace" not in shown and CLIENT not in shown
