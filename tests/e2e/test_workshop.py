"""Workshop mode in Chromium: the projector page's QR code decodes to the quick-check address,
and the room picture updates on the presenter's screen as phones share."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from cor.scoring import verdict
from cor.workshop import summary_of
from cor.workspace.repository import Workspace
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import app_server

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/cor-ready-shots")


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app, and the database file it keeps rooms in (so the test can act as phones)."""
    folder = tmp_path_factory.mktemp("workshop-server")
    database = str(folder / "cor-ready.sqlite3")
    with app_server(folder, {"COR_READY_DRAFT_DB": database}) as url:
        yield url, database


def decode_qr(page: Page) -> str:
    image = page.get_by_test_id("stImage").locator("img").first
    expect(image).to_be_visible()
    shot = Image.open(io.BytesIO(image.screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert len(found) == 1, "exactly one QR code on the projector"
    return str(found[0].text)


def projector(browser: Browser) -> Page:
    page = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    page.set_default_timeout(30_000)
    return page


def test_the_qr_code_decodes_to_the_quick_check_address(
    browser: Browser, workshop_server: tuple[str, str]
) -> None:
    url, _ = workshop_server
    page = projector(browser)
    goto(page, f"{url}/?mode=workshop")
    expect(page.get_by_role("heading", name="COR workshop")).to_be_visible()
    assert decode_qr(page) == f"{url}/readiness?quick=1"
    expect(page.get_by_test_id("stCode").first).to_contain_text(f"{url}/readiness?quick=1")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "workshop-projector-1920.png"))
    page.context.close()


def test_the_room_picture_updates_as_phones_share(
    browser: Browser, workshop_server: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, database = workshop_server
    page = projector(browser)
    goto(page, f"{url}/workshop")
    page.get_by_role("button", name="Open a workshop room").click()
    wait_idle(page)
    address = decode_qr(page)
    assert address.startswith(f"{url}/readiness?quick=1&room=")
    code = address.rsplit("=", 1)[1]
    expect(page.get_by_text(f"Room code: {code}")).to_be_visible()

    monkeypatch.setenv("COR_READY_DRAFT_DB", database)  # the phones' answers reach the same store
    phones = Workspace()
    for n, (lead, hazards) in enumerate([(9, 9), (9, 3), (10, 4)]):
        result = verdict({"leadership": (lead, 10), "hazard-assessment": (hazards, 10)})
        assert phones.submit_room_answer(code, f"phone-{n:04d}", summary_of(result).model_dump(mode="json"))
    # no click on the presenter's screen: the picture refreshes by itself
    expect(page.get_by_test_id("stMetric").filter(has_text="Would pass today")).to_contain_text(
        "1 of 3", timeout=20_000
    )
    page.screenshot(path=str(SHOTS / "workshop-room-1920.png"))

    page.get_by_role("button", name="Close the room (deletes every shared result)").click()
    wait_idle(page)
    assert phones.room_answers(code) == [] and not phones.room_is_open(code)
    expect(page.get_by_role("button", name="Open a workshop room")).to_be_visible()
    page.context.close()


def test_the_phone_view_has_a_labelled_menu(browser: Browser, workshop_server: tuple[str, str]) -> None:
    url, _ = workshop_server
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    phone.set_default_timeout(30_000)
    goto(phone, f"{url}/readiness?quick=1")
    menu = phone.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / "phone-quick-check-390.png"))
    menu.click()
    savings = phone.get_by_test_id("stPopoverBody").get_by_role("link", name="Savings")
    expect(savings).to_be_visible()
    phone.screenshot(path=str(SHOTS / "phone-menu-open-390.png"))
    savings.click()
    wait_idle(phone)
    expect(phone.get_by_role("heading", level=1)).to_contain_text("What would COR save you?")
    phone.context.close()


def test_the_menu_is_hidden_on_a_desktop_where_the_top_navigation_shows(
    page: Page, workshop_server: tuple[str, str]
) -> None:
    url, _ = workshop_server
    goto(page, url)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Savings", exact=True).first).to_be_visible()
