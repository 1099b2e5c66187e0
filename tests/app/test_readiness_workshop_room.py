"""An attendee's quick check in a workshop room: the banner and consent box at the top, in plain
words; nothing shared until the attendee ticks the box; one blurred share that follows their
answers and can be withdrawn; a closed room and a code that never existed each said as they are.

The room is opened through cor.workshop_rooms, as the presenter's page does, in the same database
the app uses in tests (``COR_READY_DRAFT_DB``, private to each test). The attendee opens the link
the projector shows, ``/readiness?quick=1&room=CODE``.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.workshop_rooms import Rooms
from tests.app.test_readiness import opt
from tests.conftest import ROOT

C = default_content()
QUICK = C.bank.question_set("quick")
CONSENT = "wk.consent"


def attendee(code: str) -> AppTest:
    """A phone that opened the quick-check link with the room code, as the QR code gives it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["quick"] = "1"
    at.query_params["room"] = code
    at.run()
    at.switch_page("app_pages/readiness.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.toggle(key="rd.quick").value is True
    return at


def answer(at: AppTest, question_index: int, credit: str) -> None:
    question = QUICK[question_index]
    at.radio(key=f"rd.q.{question.id}").set_value(opt(question, credit)).run()
    assert not at.exception, [e.value for e in at.exception]


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_banner_and_consent_box_come_first_and_say_what_is_shared_and_kept() -> None:
    code = Rooms().open_room().code
    at = attendee(code)
    banner = " ".join(m.value for m in at.markdown)
    assert f"Workshop room {code}" in banner
    assert "Never your answers, notes or name" in banner
    assert "private draft for 30 days" in banner
    assert "6 hours" in banner
    assert at.checkbox(key=CONSENT).value is False
    # above everything else the page asks: the program box and the quick-check switch follow it
    order = [node.key for node in at.main if getattr(node, "key", None) in {CONSENT, "rd.quick"}]
    assert order[0] == CONSENT


def test_nothing_is_shared_until_the_attendee_ticks_consent() -> None:
    code = Rooms().open_room().code
    at = attendee(code)
    answer(at, 0, "1")
    assert Rooms().shares(code) == []


def test_a_consenting_attendee_shares_one_blurred_result_that_follows_answers_and_can_be_withdrawn() -> None:
    rooms = Rooms()
    code = rooms.open_room().code
    at = attendee(code)
    at.checkbox(key=CONSENT).check().run()
    assert rooms.shares(code) == []  # no answer yet, nothing to share
    assert "Answer at least one question" in captions(at)

    answer(at, 0, "1")
    shared = rooms.shares(code)
    assert len(shared) == 1 and set(shared[0]) == {"passed", "below"}
    assert all(isinstance(value, bool) for value in shared[0]["below"].values())
    assert f"Your result is shared with room {code}" in captions(at)

    answer(at, 1, "0")
    assert len(rooms.shares(code)) == 1  # replaced, never a second one

    at.checkbox(key=CONSENT).uncheck().run()
    assert not at.exception
    assert rooms.shares(code) == []
    assert rooms.status(code) == "open"


def test_a_closed_room_says_it_has_closed_and_what_is_still_kept() -> None:
    rooms = Rooms()
    opened = rooms.open_room()
    rooms.close(opened.code, opened.key)
    at = attendee(opened.code)
    said = " ".join(i.value for i in at.info)
    assert f"Workshop room {opened.code} has closed" in said
    assert "private draft for 30 days" in said
    assert CONSENT not in [box.key for box in at.checkbox]


def test_a_code_never_opened_says_no_such_room_not_closed() -> None:
    at = attendee("ABCDEFGH")
    said = " ".join(w.value for w in at.warning)
    assert "There is no workshop room with the code ABCDEFGH" in said
    assert "closed" not in said
    assert CONSENT not in [box.key for box in at.checkbox]


def test_without_a_room_in_the_link_there_is_no_consent_box() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["quick"] = "1"
    at.run()
    at.switch_page("app_pages/readiness.py").run()
    assert CONSENT not in [box.key for box in at.checkbox]
