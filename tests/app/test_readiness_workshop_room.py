"""An attendee's quick check shares with the presenter's workshop room only with their consent.

The room is opened through the repository, as the presenter's page does, in the same database the
app uses in tests (``COR_READY_DRAFT_DB``, private to each test). The attendee opens the link the
projector shows, ``/readiness?quick=1&room=CODE``.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.scoring import score, verdict
from cor.workshop import summary_of
from cor.workspace.repository import Workspace
from tests.app.test_readiness import opt
from tests.conftest import ROOT

C = default_content()
BANK = C.bank
QUICK = BANK.question_set("quick")
RULE = C.jurisdiction("BC").pass_rule
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


def expected_summary(answers: dict[str, str]) -> dict[str, object]:
    """What the rules say this phone's anonymous summary is, from its answers alone."""
    card = score(BANK, QUICK, answers)
    return summary_of(verdict(card.points(), RULE)).model_dump(mode="json")


def answer(at: AppTest, question_index: int, credit: str) -> dict[str, str]:
    question = QUICK[question_index]
    at.radio(key=f"rd.q.{question.id}").set_value(opt(question, credit)).run()
    assert not at.exception, [e.value for e in at.exception]
    return {question.id: opt(question, credit)}


def test_nothing_is_shared_until_the_attendee_ticks_consent() -> None:
    rooms = Workspace()
    code = rooms.open_room()
    at = attendee(code)
    assert at.checkbox(key=CONSENT).value is False
    answer(at, 0, "1")
    assert rooms.room_answers(code) == []


def test_a_consenting_attendee_shares_one_summary_that_follows_their_answers_and_can_be_withdrawn() -> None:
    rooms = Workspace()
    code = rooms.open_room()
    at = attendee(code)
    at.checkbox(key=CONSENT).check().run()
    assert rooms.room_answers(code) == []  # no answer yet, nothing to share
    assert any("Answer at least one question" in c.value for c in at.caption)

    answers = answer(at, 0, "1")
    assert rooms.room_answers(code) == [expected_summary(answers)]
    assert any(f"Your result is shared with room {code}" in c.value for c in at.caption)

    answers |= answer(at, 1, "0")
    assert rooms.room_answers(code) == [expected_summary(answers)]  # replaced, never a second one

    at.checkbox(key=CONSENT).uncheck().run()
    assert not at.exception
    assert rooms.room_answers(code) == []
    assert rooms.room_is_open(code)


def test_a_closed_room_keeps_the_results_on_the_phone_and_says_so() -> None:
    rooms = Workspace()
    code = rooms.open_room()
    rooms.close_room(code)
    at = attendee(code)
    assert any(f"The workshop room {code} has closed" in c.value for c in at.caption)
    assert CONSENT not in [box.key for box in at.checkbox]


def test_without_a_room_in_the_link_there_is_no_consent_box() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["quick"] = "1"
    at.run()
    at.switch_page("app_pages/readiness.py").run()
    assert CONSENT not in [box.key for box in at.checkbox]
