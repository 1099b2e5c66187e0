"""Workshop mode end to end in Chromium, with real phones: the presenter opens a room, two
390 px phones open the quick-check link it shows, tick consent and answer at a person's pace, and
the presenter's screen counts them without a click; a phone that unticks is taken out again.

Every wait is on what the page shows (or the app's script state), with generous timeouts: the
machine running this may be slow and busy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from cor.content import default_content
from cor.workspace.repository import Workspace
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.test_workshop import SHOTS, decode_qr, projector, workshop_server  # noqa: F401

pytestmark = pytest.mark.e2e

BANK = default_content().bank
QUICK = BANK.question_set("quick")
FIRST_ELEMENT = next(e.id for e in BANK.elements if any(q.element == e.id for q in QUICK))
FIRST_QUESTIONS = [q for q in QUICK if q.element == FIRST_ELEMENT]
CONSENT = "Add my result to the workshop's combined picture"
A_PERSONS_PAUSE_MS = 1_500  # reading the question before tapping; the sync itself is state-based
SLOW = 60_000


@pytest.fixture
def phones(browser: Browser) -> Iterator[list[Page]]:
    """Two phones, each its own browser (so its own session), failing on any page error."""
    contexts = [browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True) for _ in range(2)]
    errors: list[str] = []
    pages = []
    for context in contexts:
        page = context.new_page()
        page.set_default_timeout(SLOW)
        page.on("pageerror", lambda error: errors.append(str(error)))
        pages.append(page)
    yield pages
    for context in contexts:
        context.close()
    assert not errors, f"browser errors on a phone: {errors}"


def join(phone: Page, address: str) -> None:
    goto(phone, address)
    expect(phone.get_by_role("heading", name="Would you pass a COR audit today?")).to_be_visible(timeout=SLOW)
    phone.wait_for_timeout(A_PERSONS_PAUSE_MS)
    phone.get_by_text(CONSENT).click()
    wait_idle(phone)
    expect(phone.get_by_role("checkbox", name=re.compile(re.escape(CONSENT)))).to_be_checked(timeout=SLOW)
    expect(phone.get_by_text("Answer at least one question and your result joins")).to_be_visible(
        timeout=SLOW
    )


def answer(phone: Page, number: int, option: int, code: str) -> None:
    question = FIRST_QUESTIONS[number - 1]
    label = BANK.scale(question.scale).options[option].label
    phone.wait_for_timeout(A_PERSONS_PAUSE_MS)
    group = phone.get_by_role("radiogroup", name=f"Q{number}. {question.text}")
    group.get_by_text(label, exact=True).click()
    wait_idle(phone)
    expect(group.get_by_role("radio", name=label, exact=True)).to_be_checked(timeout=SLOW)
    expect(phone.get_by_text(f"Your result is shared with room {code}")).to_be_visible(timeout=SLOW)


def test_two_phones_join_the_room_and_the_presenter_sees_the_count(
    browser: Browser,
    workshop_server: tuple[str, str],  # noqa: F811
    phones: list[Page],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, database = workshop_server
    presenter = projector(browser)
    presenter.set_default_timeout(SLOW)
    goto(presenter, url)  # the app's first run makes its pages known before any deep link
    goto(presenter, f"{url}/workshop")
    presenter.get_by_role("button", name="Open a workshop room").click()
    wait_idle(presenter)
    address = decode_qr(presenter)
    assert address.startswith(f"{url}/readiness?quick=1&room=")
    code = address.rsplit("=", 1)[1]
    expect(presenter.get_by_text(f"Room code: {code}")).to_be_visible(timeout=SLOW)

    first, second = phones
    join(first, address)
    answer(first, 1, 0, code)
    join(second, address)
    answer(second, 1, 1, code)
    answer(second, 2, 0, code)
    SHOTS.mkdir(exist_ok=True)
    first.get_by_text(CONSENT).scroll_into_view_if_needed()
    first.screenshot(path=str(SHOTS / "workshop-phone-shared-390.png"))

    # no click on the presenter's screen: the room picture refreshes by itself
    expect(presenter.get_by_text("2 phones have shared a result")).to_be_visible(timeout=SLOW)
    monkeypatch.setenv("COR_READY_DRAFT_DB", database)  # read the same store the app writes
    assert len(Workspace().room_answers(code)) == 2
    presenter.screenshot(path=str(SHOTS / "workshop-room-two-phones-1920.png"))

    first.wait_for_timeout(A_PERSONS_PAUSE_MS)
    first.get_by_text(CONSENT).click()
    wait_idle(first)
    expect(first.get_by_role("checkbox", name=re.compile(re.escape(CONSENT)))).not_to_be_checked(timeout=SLOW)
    expect(presenter.get_by_text("1 phone has shared a result")).to_be_visible(timeout=SLOW)
    assert len(Workspace().room_answers(code)) == 1

    presenter.get_by_role("button", name="Close the room (deletes every shared result)").click()
    wait_idle(presenter)
    assert Workspace().room_answers(code) == []
    presenter.context.close()
