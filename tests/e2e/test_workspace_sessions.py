"""Staff sessions in Chromium, on two app processes sharing one database (as behind the load
balancer): two consultants in two browsers each see only their own clients; a reload keeps the
consultant signed in and on their client; the other process accepts the same sign-in; and after
"Sign out" a copy of the session cookie opens nothing on either process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import app_server
from tests.e2e.test_workspace import sign_in
from tests.staff_accounts import write_people

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/cor-ready-shots")


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("sessions")
    settings = {
        "COR_READY_DRAFT_DB": str(folder / "shared.sqlite3"),
        "COR_READY_STAFF_FILE": str(write_people(folder / "staff.toml")),
    }
    with ExitStack() as servers:
        first, second = (
            servers.enter_context(app_server(tmp_path_factory.mktemp(f"process-{n}"), settings))
            for n in (1, 2)
        )
        yield first, second


def new_page(browser: Browser) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(30_000)
    return page


def to_front(page: Page) -> None:
    """Bring the page to the front and wait until it is shown and has the focus: Chromium opens
    no dropdown in a page behind another one, and bringing it forward takes effect later."""
    page.bring_to_front()
    page.wait_for_function("() => document.visibilityState === 'visible' && document.hasFocus()")


def open_new_client(page: Page) -> None:
    """Choose "+ New client" in the client box (unless its form is open already)."""
    to_front(page)
    wait_idle(page)
    if page.get_by_role("button", name="Add the client").count():
        return
    open_client_list(page)
    page.get_by_role("option", name="+ New client").click()
    wait_idle(page)


def open_client_list(page: Page) -> None:
    """Open the client box's list (again, if a run finishing under the click redrew the box and
    closed it)."""
    for _ in range(3):
        page.get_by_role("combobox", name="Client").first.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            wait_idle(page)
    page.get_by_role("option").first.wait_for()


def add_client(page: Page, organisation: str) -> None:
    open_new_client(page)
    page.get_by_label("Organisation").fill(organisation)
    page.get_by_role("button", name="Add the client").click()
    wait_idle(page)
    expect(page.get_by_text(f"Saved {organisation}.")).to_be_visible()


def client_names(page: Page) -> list[str]:
    """The organisations in the client list, as the consultant sees them when opening it."""
    to_front(page)
    open_client_list(page)
    names = [name.strip() for name in page.get_by_role("option").all_inner_texts()]
    page.keyboard.press("Escape")
    return [name for name in names if name != "+ New client"]


def chosen_client(page: Page) -> str:
    """What the client box shows (its text, and the value of its search field)."""
    box = page.get_by_test_id("stSelectbox").filter(has_text="Client").first
    return str(
        box.evaluate(
            "el => el.innerText + ' ' + [...el.querySelectorAll('input')].map(i => i.value).join(' ')"
        )
    )


def test_two_consultants_a_reload_the_other_process_and_sign_out(
    browser: Browser, two_processes: tuple[str, str]
) -> None:
    first, second = two_processes
    dana, lee = new_page(browser), new_page(browser)
    sign_in(dana, first, "dana")
    sign_in(lee, second, "lee")
    add_client(dana, "Alpha Framing")
    add_client(dana, "Zulu Roofing")
    add_client(lee, "Lakeside Landscaping")
    assert client_names(dana) == ["Alpha Framing", "Zulu Roofing"]
    assert client_names(lee) == ["Lakeside Landscaping"]

    assert "Zulu Roofing" in chosen_client(dana)
    assert "client=" in dana.url and "Zulu" not in dana.url  # an opaque id, never the name
    dana.reload()
    wait_idle(dana)
    expect(dana.get_by_text("Signed in as dana")).to_be_visible()
    assert "Zulu Roofing" in chosen_client(dana)
    SHOTS.mkdir(exist_ok=True)
    dana.screenshot(path=str(SHOTS / "workspace-after-reload-1280.png"))

    on_second = dana.url.replace(first, second)  # the failover: the same browser, the other process
    goto(dana, on_second)
    expect(dana.get_by_text("Signed in as dana")).to_be_visible()
    assert "Zulu Roofing" in chosen_client(dana)

    copied = dana.context.cookies()
    assert any(cookie["name"] == "cor_staff" for cookie in copied)
    dana.get_by_role("button", name="Sign out").click()
    wait_idle(dana)
    expect(dana.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    dana.reload()
    wait_idle(dana)
    expect(dana.get_by_role("heading", name="Staff sign-in")).to_be_visible()

    thief = new_page(browser)
    # a copy of the cookie taken before sign-out
    thief.context.add_cookies(
        [
            {"name": c["name"], "value": c["value"], "domain": c["domain"], "path": c["path"]}
            for c in copied
            if "name" in c and "value" in c and "domain" in c and "path" in c
        ]
    )
    for url in (first, second):
        goto(thief, f"{url}/workspace")
        expect(thief.get_by_role("heading", name="Staff sign-in")).to_be_visible()
        assert "Zulu" not in thief.content() and "Signed in" not in thief.content()
    for page in (dana, lee, thief):
        page.context.close()
