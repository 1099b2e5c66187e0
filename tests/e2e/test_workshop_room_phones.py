"""Workshop mode end to end in Chromium, with real phones (each its own browser, 390 px): the
projector shows nothing until five phones have shared; a second tab of one browser is still one
phone; and the differencing attack (share from every phone but one with known
answers, subtract your own part) finds nothing on the projector to subtract.

Every wait is on what the page shows (or the app's script state), with generous timeouts: the
machine running this may be slow and busy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from cor.content import default_content
from cor.workshop import room_picture, shares_from
from cor.workshop_rooms import Rooms
from tests.e2e.conftest import goto, person_pause, wait_idle
from tests.e2e.test_workshop import SHOTS, SLOW, open_room, projector, workshop_server  # noqa: F401

pytestmark = pytest.mark.e2e

BANK = default_content().bank
QUICK = BANK.question_set("quick")
FIRST = QUICK[0]
NAMES = {e.id: e.name for e in BANK.elements}
CONSENT = "Add my result to the room's picture"
A_PERSONS_PAUSE_MS = 800  # reading the question before tapping; the sync itself is state-based


@pytest.fixture
def browsers(browser: Browser) -> Iterator[list[BrowserContext]]:
    """Five phones, each its own browser (so its own cookies), failing on any page error."""
    contexts = [browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True) for _ in range(5)]
    errors: list[str] = []
    for context in contexts:
        context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(str(error))))
    yield contexts
    for context in contexts:
        context.close()
    assert not errors, f"browser errors on a phone: {errors}"


def join(context: BrowserContext, address: str, shot: str = "") -> Page:
    """A phone opens the room's link; the room banner and its consent box are on its first screen."""
    phone = context.new_page()
    phone.set_default_timeout(SLOW)
    goto(phone, address)
    expect(phone.get_by_role("heading", name="Would you pass a COR audit today?")).to_be_visible(timeout=SLOW)
    consent = phone.get_by_role("checkbox", name=re.compile(re.escape(CONSENT)))
    box = consent.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, "the consent box is on the first screen"
    if shot:
        SHOTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(SHOTS / shot))
    person_pause(phone, A_PERSONS_PAUSE_MS)
    phone.get_by_text(CONSENT).click()
    wait_idle(phone)
    expect(phone.get_by_role("checkbox", name=re.compile(re.escape(CONSENT)))).to_be_checked(timeout=SLOW)
    # the box reruns on its own (a fragment) and says what happens next, under itself
    expect(phone.get_by_text("Answer at least one question and your result joins")).to_be_visible()
    return phone


def answer_first(phone: Page, option: int, code: str) -> None:
    label = BANK.scale(FIRST.scale).options[option].label
    person_pause(phone, A_PERSONS_PAUSE_MS)
    group = phone.get_by_role("radiogroup", name=f"Q1. {FIRST.text}")
    group.get_by_text(label, exact=True).click()
    wait_idle(phone)
    expect(group.get_by_role("radio", name=label, exact=True)).to_be_checked(timeout=SLOW)
    expect(phone.get_by_text(f"Your result is shared with room {code}")).to_be_visible(timeout=SLOW)


def test_five_phones_before_anything_shows_and_the_differencing_attack_finds_nothing(
    browser: Browser,
    workshop_server: tuple[str, str],  # noqa: F811
    browsers: list[BrowserContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, database = workshop_server
    presenter = projector(browser)
    address, code = open_room(presenter, url)
    monkeypatch.setenv("COR_READY_DRAFT_DB", database)  # read the same store the app writes
    options = BANK.scale(FIRST.scale).options
    lowest = next(n for n, o in enumerate(options) if o.credit is not None and o.credit == 0)  # "No"
    attacker, victim = browsers[:4], browsers[4]

    first = join(attacker[0], address, shot="workshop-phone-first-screen-390.png")
    answer_first(first, lowest, code)
    again = join(attacker[0], address)  # a second tab of the same browser: still one phone
    answer_first(again, lowest, code)
    expect(presenter.get_by_text("1 phone has shared a result")).to_be_visible(timeout=SLOW)
    for context in attacker[1:]:
        answer_first(join(context, address), lowest, code)
    expect(presenter.get_by_text("4 phones have shared a result")).to_be_visible(timeout=SLOW)
    expect(presenter.get_by_test_id("stMetric")).to_have_count(
        0, timeout=SLOW
    )  # four is not enough to show anything

    answer_first(join(victim, address), 0, code)  # the victim answers "Yes"
    passing = presenter.get_by_test_id("stMetric").filter(has_text="Would pass today")
    expect(passing).to_contain_text("of 5", timeout=SLOW)
    SHOTS.mkdir(exist_ok=True)
    presenter.screenshot(path=str(SHOTS / "workshop-projector-five-phones-1920.png"))

    # The attack: read every figure on the projector and subtract the four known phones.
    shown = presenter.get_by_test_id("stMain").inner_text()
    scores = set(re.findall(r"\d+(?:\.\d+)?%", shown)) - {"50%"}
    assert not scores, f"a score on the projector could be differenced: {scores}"  # no "3 x average - own"
    stored = Rooms().shares(code)
    assert len(stored) == 5 and all(set(share) == {"passed", "below"} for share in stored)
    picture = room_picture(shares_from(stored), NAMES)
    expect(passing).to_contain_text(
        f"about {picture.would_pass} of 5", timeout=SLOW
    )  # only estimates of blurred yes/no
    presenter.context.close()
