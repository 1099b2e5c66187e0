"""Workshop mode in AppTest: the projector page, the attendees' address, the room kept across a
reload by the presenter's key (and never by the code alone), the picture as (simulated) phones
share, closing with a confirmation, and the reset between demos."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from cor.scoring import verdict
from cor.workshop import blurred
from cor.workshop_rooms import Rooms
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT


def phone_share(phone: str, salt: str, lead: int, hazards: int) -> dict[str, object]:
    """What one attendee's phone shares: the blurred share of its quick-check verdict."""
    result = verdict({"leadership": (lead, 10), "hazard-assessment": (hazards, 10)})
    return blurred(result, salt, phone).model_dump(mode="json")


def open_room(at: AppTest) -> dict[str, str]:
    next(b for b in at.button if b.label == "Open a workshop room").click().run()
    assert not at.exception, [e.value for e in at.exception]
    held = at.session_state["wk.room"]
    assert held["code"] and held["key"]
    return dict(held)


def button(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]


def reload_at(query: dict[str, str]) -> AppTest:
    """A reloaded tab: a new session with only what the address holds."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page("app_pages/workshop.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


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


def test_the_page_gives_the_quick_check_address_and_says_what_is_kept(app: AppTest) -> None:
    at = open_page(app, "workshop")
    assert at.code[0].value.endswith("/readiness?quick=1")
    labels = [link.label for link in elements(at, "page_link")]
    assert "Quick check: 12 questions" in labels and "Savings estimator" in labels
    intro = " ".join(m.value for m in at.markdown)
    assert "stay on your phone" not in intro
    assert "private draft for 30 days" in intro


def test_the_presenters_address_keeps_the_room_across_a_reload(app: AppTest) -> None:
    at = open_page(app, "workshop")
    held = open_room(at)
    assert at.query_params["room"] == held["code"] and at.query_params["key"] == held["key"]
    reloaded = reload_at({"room": held["code"], "key": held["key"]})
    assert reloaded.session_state["wk.room"] == held
    assert reloaded.code[0].value.endswith(f"/readiness?quick=1&room={held['code']}")
    assert any(b.label == "Close the room…" for b in reloaded.button)


def test_the_code_alone_cannot_take_the_room_over(app: AppTest) -> None:
    at = open_page(app, "workshop")
    held = open_room(at)
    for address in ({"room": held["code"]}, {"room": held["code"], "key": "a-guess-at-the-key-123"}):
        visitor = reload_at(address)
        assert "wk.room" not in visitor.session_state
        assert any("only the presenter's own address" in w.value for w in visitor.warning)
        assert not any(b.label.startswith("Close the room") for b in visitor.button)
    assert Rooms().status(held["code"]) == "open"


def test_the_picture_appears_at_five_phones_and_closing_asks_first_then_deletes(app: AppTest) -> None:
    at = open_page(app, "workshop")
    code = open_room(at)["code"]
    rooms = Rooms()
    salt = rooms.salt(code)
    assert salt
    for n in range(4):
        rooms.share(code, f"phone-000{n}", phone_share(f"phone-000{n}", salt, 9, 3))
    at.run()
    assert "4 phones have shared a result" in at.info[0].value
    assert not at.metric
    rooms.share(code, "phone-0004", phone_share("phone-0004", salt, 9, 3))
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Phones that shared"] == "5"
    assert metrics["Would pass today"].startswith("about ") and metrics["Would pass today"].endswith(" of 5")

    button(at, "Close the room…")
    assert rooms.status(code) == "open"  # not yet: it asks first
    assert any(f"Close room {code} now?" in w.value for w in at.warning)
    button(at, "Keep it open")
    assert rooms.status(code) == "open"
    button(at, "Close the room…")
    button(at, "Yes, close and delete")
    assert rooms.status(code) == "closed" and rooms.shares(code) == []
    assert "wk.room" not in at.session_state and "room" not in at.query_params
    assert any(b.label == "Open a workshop room" for b in at.button)


def test_reset_between_demos_clears_answers_but_keeps_the_room(app: AppTest) -> None:
    at = open_page(app, "workshop")
    held = open_room(at)
    at.session_state["answers"] = {"lead-policy-signed": "yes"}
    at.session_state["sv.rows"] = [0]
    button(at, "Reset for the next demo")
    assert at.session_state["answers"] == {}
    assert "sv.rows" not in at.session_state
    assert at.session_state["wk.room"] == held


def test_a_hosted_public_address_goes_in_the_qr_code_without_a_loopback_warning(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COR_READY_PUBLIC_URL", "https://cor.example.org/")
    at = open_page(app, "workshop")
    assert at.code[0].value == "https://cor.example.org/readiness?quick=1"
    assert not [w for w in at.warning if "No phone can open this address" in w.value]


def test_on_localhost_the_page_says_no_phone_can_reach_it_and_how_to_fix_it(app: AppTest) -> None:
    at = open_page(app, "workshop")
    assert at.code[0].value.startswith("http://localhost:")
    warning = next(w.value for w in at.warning if "No phone can open this address" in w.value)
    assert "room's Wi-Fi" in warning and "COR_READY_PUBLIC_URL" in warning


def test_a_public_address_that_is_not_a_web_address_is_refused_and_said(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COR_READY_PUBLIC_URL", "cor.example.org")
    at = open_page(app, "workshop")
    assert "is not an http(s) address" in at.error[0].value
    assert at.code[0].value.startswith("http://localhost:")


def test_what_the_page_says_is_kept_follows_the_drafts_real_lifetime(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COR_READY_DRAFT_DAYS", "7")
    at = open_page(app, "workshop")
    intro = " ".join(m.value for m in at.markdown)
    assert "private draft for 7 days" in intro and "30 days" not in intro
