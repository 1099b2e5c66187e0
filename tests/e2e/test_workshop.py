"""Workshop mode in Chromium: the projector page's QR code decodes to the address shown under it
(which is also its text alternative), a loopback address is called out with how to fix it, and a
reload of the projector tab keeps the room and its picture."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from cor.scoring import verdict
from cor.workshop import blurred
from cor.workshop_rooms import Rooms
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import app_server

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/cor-ready-shots")
SLOW = 60_000


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app, and the database file it keeps rooms in (so the test can act as phones)."""
    folder = tmp_path_factory.mktemp("workshop-server")
    database = str(folder / "cor-ready.sqlite3")
    with app_server(folder, {"COR_READY_DRAFT_DB": database}) as url:
        yield url, database


def decode_qr(page: Page) -> str:
    image = page.get_by_test_id("stImage").locator("img").first
    expect(image).to_be_visible(timeout=SLOW)
    shot = Image.open(io.BytesIO(image.screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert len(found) == 1, "exactly one QR code on the projector"
    return str(found[0].text)


def projector(browser: Browser) -> Page:
    page = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    page.set_default_timeout(SLOW)
    return page


def open_room(page: Page, url: str) -> tuple[str, str]:
    """The presenter opens a room; returns the attendees' address and the room code."""
    goto(page, url)  # the app's first run makes its pages known before any deep link
    goto(page, f"{url}/workshop")
    page.get_by_role("button", name="Open a workshop room").click()
    wait_idle(page)
    address = decode_qr(page)
    assert address.startswith(f"{url}/readiness?quick=1&room=")
    code = address.rsplit("=", 1)[1]
    expect(page.get_by_text(f"Room code: {code}")).to_be_visible(timeout=SLOW)
    return address, code


def test_the_qr_code_decodes_to_the_address_shown_and_read_out_under_it(
    browser: Browser, workshop_server: tuple[str, str]
) -> None:
    url, _ = workshop_server
    page = projector(browser)
    goto(page, f"{url}/?mode=workshop")
    expect(page.get_by_role("heading", name="COR workshop")).to_be_visible(timeout=SLOW)
    address = f"{url}/readiness?quick=1"
    assert decode_qr(page) == address
    expect(page.get_by_test_id("stCode").first).to_contain_text(address)
    expect(page.get_by_role("img", name=f"QR code for the quick-check address: {address}")).to_be_visible(
        timeout=SLOW
    )
    page.context.close()


def test_a_loopback_address_is_called_out_with_how_to_fix_it(
    browser: Browser, workshop_server: tuple[str, str]
) -> None:
    url, _ = workshop_server
    assert url.startswith("http://127.0.0.1:")  # as on a presenter's laptop opened at localhost
    page = projector(browser)
    goto(page, f"{url}/workshop")
    warning = page.get_by_test_id("stAlertContentWarning").filter(has_text="No phone can open this address")
    expect(warning).to_be_visible(timeout=SLOW)
    expect(warning).to_contain_text("the room's Wi-Fi")
    expect(warning).to_contain_text("--server.address 0.0.0.0")
    expect(warning).to_contain_text("COR_READY_PUBLIC_URL")
    page.context.close()


def test_a_reload_of_the_projector_keeps_the_room_and_its_picture(
    browser: Browser, workshop_server: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, database = workshop_server
    page = projector(browser)
    _, code = open_room(page, url)
    monkeypatch.setenv("COR_READY_DRAFT_DB", database)  # the phones' shares reach the same store
    rooms = Rooms()
    salt = rooms.salt(code)
    assert salt
    for n in range(5):
        result = verdict({"leadership": (9, 10), "hazard-assessment": (n, 10)})
        assert rooms.share(code, f"phone-{n:04d}", blurred(result, salt, f"phone-{n:04d}").model_dump())
    # no click on the presenter's screen: the picture refreshes by itself
    passing = page.get_by_test_id("stMetric").filter(has_text="Would pass today")
    expect(passing).to_contain_text("of 5", timeout=SLOW)
    shown = passing.get_by_test_id("stMetricValue").inner_text()

    page.reload()  # a laptop slept, a cable was swapped
    wait_idle(page)
    expect(page.get_by_text(f"Room code: {code}")).to_be_visible(timeout=SLOW)
    expect(page.get_by_test_id("stMetric").filter(has_text="Would pass today")).to_contain_text(shown)
    expect(page.get_by_role("button", name="Close the room…")).to_be_visible(timeout=SLOW)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "workshop-projector-1920.png"))

    page.get_by_role("button", name="Close the room…").click()
    wait_idle(page)
    assert rooms.status(code) == "open"  # it asks first
    page.get_by_role("button", name="Yes, close and delete").click()
    wait_idle(page)
    assert rooms.status(code) == "closed" and rooms.shares(code) == []
    expect(page.get_by_role("button", name="Open a workshop room")).to_be_visible(timeout=SLOW)
    page.context.close()


def test_the_phone_view_has_a_labelled_menu(browser: Browser, workshop_server: tuple[str, str]) -> None:
    url, _ = workshop_server
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    phone.set_default_timeout(SLOW)
    goto(phone, f"{url}/readiness?quick=1")
    menu = phone.get_by_role("button", name="Menu")
    expect(menu).to_be_visible(timeout=SLOW)
    menu.click()
    savings = phone.get_by_test_id("stPopoverBody").get_by_role("link", name="Savings")
    expect(savings).to_be_visible(timeout=SLOW)
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
    expect(page.get_by_role("link", name="Savings", exact=True).first).to_be_visible(timeout=SLOW)
