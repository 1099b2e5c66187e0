"""Workshop mode in AppTest: the projector page, the attendees' address, the room picture as
(simulated) phones share, closing the room, and the reset between demos."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cor.scoring import verdict
from cor.workshop import summary_of
from cor.workspace.repository import Workspace
from tests.app.conftest import open_page
from tests.conftest import ROOT


def phone_result(lead: int, hazards: int) -> dict[str, object]:
    """What one attendee's phone shares: the summary of its quick-check verdict."""
    result = verdict({"leadership": (lead, 10), "hazard-assessment": (hazards, 10)})
    return summary_of(result).model_dump(mode="json")


def open_room(at: AppTest) -> str:
    next(b for b in at.button if b.label == "Open a workshop room").click().run()
    assert not at.exception, [e.value for e in at.exception]
    code = at.session_state["wk.room"]
    assert isinstance(code, str) and code
    return code


def test_a_workshop_link_opens_the_projector_page() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["mode"] = "workshop"
    at.run()
    assert not at.exception
    assert at.title[0].value == "COR workshop"


def test_the_switch_on_home_opens_workshop_mode(app: AppTest) -> None:
    at = open_page(app, "home")
    at.toggle(key="home.workshop").set_value(True).run()
    assert at.title[0].value == "COR workshop"


def test_the_page_gives_the_quick_check_address_to_copy(app: AppTest) -> None:
    at = open_page(app, "workshop")
    assert at.code[0].value.endswith("/readiness?quick=1")
    labels = [link.label for link in at.get("page_link")]
    assert "Quick check: 12 questions" in labels and "Savings estimator" in labels


def test_the_room_picture_updates_as_phones_share_and_closing_deletes_it(app: AppTest) -> None:
    at = open_page(app, "workshop")
    code = open_room(at)
    assert at.code[0].value.endswith(f"/readiness?quick=1&room={code}")
    phones = Workspace()
    phones.submit_room_answer(code, "phone-0001", phone_result(9, 9))
    phones.submit_room_answer(code, "phone-0002", phone_result(9, 3))
    at.run()
    assert "2 phones have shared a result" in at.info[0].value  # too few to show anyone's result
    phones.submit_room_answer(code, "phone-0003", phone_result(10, 4))
    phones.submit_room_answer(code, "phone-0002", phone_result(9, 2))  # a changed answer replaces, never adds
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Phones that shared": "3", "Would pass today": "1 of 3"}
    weakest = at.table[0].value
    assert list(weakest.index) == [
        "Hazard identification and risk assessment",
        "Management leadership and commitment",
    ]
    assert list(weakest["Phones below 50%"]) == [2, 0]  # two phones below the element floor on hazards
    next(b for b in at.button if b.label.startswith("Close the room")).click().run()
    assert not phones.room_is_open(code)
    assert phones.room_answers(code) == []
    assert "wk.room" not in at.session_state
    assert any(b.label == "Open a workshop room" for b in at.button)


def test_reset_between_demos_clears_answers_but_keeps_the_room(app: AppTest) -> None:
    at = open_page(app, "workshop")
    code = open_room(at)
    at.session_state["answers"] = {"lead-policy-signed": "yes"}
    at.session_state["sv.rows"] = [0]
    next(b for b in at.button if b.label == "Reset for the next demo").click().run()
    assert at.session_state["answers"] == {}
    assert "sv.rows" not in at.session_state
    assert at.session_state["wk.room"] == code
