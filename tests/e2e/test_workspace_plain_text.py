"""What a consultant typed, or a file held, is shown in Chromium exactly as typed: no bold, no
working link, no remote image, no maths, no auto-link, in the saved banner, a field's error and
an import message. And the client form still shows what is stored after "All clients" and back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from cor.content import default_content
from tests.e2e.conftest import wait_idle
from tests.e2e.servers import app_server
from tests.e2e.test_workspace_sessions import add_client, new_page, open_new_client, sign_in
from tests.staff_accounts import write_people

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/cor-ready-shots")
HOSTILE = "**Bold** [link](http://evil.example/x) ![i](http://127.0.0.1:9/p.png) $x^2$ www.evil.example a@evil.example"


@pytest.fixture(scope="module")
def staff_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("plain-text")
    settings = {
        "COR_READY_DRAFT_DB": str(folder / "cor-ready.sqlite3"),
        "COR_READY_STAFF_FILE": str(write_people(folder / "staff.toml")),
    }
    with app_server(folder, settings) as url:
        yield url


@pytest.fixture
def dana(browser: Browser, staff_url: str) -> Iterator[Page]:
    page = new_page(browser)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    sign_in(page, staff_url, "dana")
    yield page
    page.context.close()
    assert not [url for url in requests if "evil" in url or ":9/" in url]  # nothing fetched


def assert_shown_as_typed(where: Locator, typed: str) -> None:
    """The text is there character for character, and nothing in it became markup."""
    shown = " ".join(where.inner_text().replace("\u200b", "").split())
    assert typed in shown, shown
    html = where.inner_html()
    for markup in ("<a ", "<img", "<strong", "<em", "katex", "<code"):
        assert markup not in html, (markup, html)


def test_a_hostile_organisation_is_plain_in_the_saved_banner_and_the_form(dana: Page) -> None:
    add_client(dana, HOSTILE[:200])
    assert_shown_as_typed(dana.get_by_test_id("stAlert").first, HOSTILE)
    SHOTS.mkdir(exist_ok=True)
    dana.screenshot(path=str(SHOTS / "workspace-hostile-name-1280.png"))


def test_a_hostile_cu_text_is_plain_in_its_field_error(dana: Page) -> None:
    open_new_client(dana)
    dana.get_by_label("Organisation").fill("Harbour Builders Ltd")
    dana.get_by_label("CU codes (comma-separated)").fill("**72** [x](http://evil.example)")
    dana.get_by_role("button", name="Add the client").click()
    wait_idle(dana)
    error = dana.get_by_test_id("stAlert").filter(has_text="is not a 6-digit CU code").first
    assert_shown_as_typed(error, "'**72** [x](http://evil.example)' is not a 6-digit CU code")


def test_a_file_s_hostile_program_id_is_plain_in_the_import_message(dana: Page, tmp_path: Path) -> None:
    add_client(dana, "Harbour Builders Ltd")
    question = default_content().bank.question_set("quick")[0]
    option = default_content().bank.scale(question.scale).options[0]
    data = {
        "format": "cor-ready-assessment",
        "version": 1,
        "saved_at": "2026-11-01T00:00:00",
        "jurisdiction": "BC",
        "program_id": "**evil** [x](http://evil.example) $y$",
        "quick": True,
        "answers": {question.id: option.id},
    }
    file = tmp_path / "hostile.json"
    file.write_text(json.dumps(data))
    dana.get_by_role("tab", name="Assessments").click()
    dana.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(file)
    wait_idle(dana)
    dana.get_by_role("button", name="Add the file's assessment").click()
    wait_idle(dana)
    banner = dana.get_by_test_id("stAlert").filter(has_text="Recorded the assessment").first
    assert_shown_as_typed(
        banner, "The file's program (**evil** [x](http://evil.example) $y$) is not known here"
    )


def test_the_client_form_shows_what_is_stored_after_all_clients_and_back(dana: Page) -> None:
    add_client(dana, "Cedar Scaffolding")
    dana.get_by_label("Contact (name, phone or e-mail)").fill("Sam Lee")
    dana.get_by_label("Notes").fill("Binder in the site trailer")
    dana.get_by_role("button", name="Save the client's details").click()
    wait_idle(dana)
    dana.get_by_text("All clients", exact=True).click()
    wait_idle(dana)
    dana.get_by_role("radio", name="Clients", exact=True).click()
    wait_idle(dana)
    SHOTS.mkdir(exist_ok=True)
    dana.screenshot(path=str(SHOTS / "workspace-back-from-all-clients-1280.png"), full_page=True)
    expect(dana.get_by_label("Organisation")).to_have_value("Cedar Scaffolding")
    expect(dana.get_by_label("Contact (name, phone or e-mail)")).to_have_value("Sam Lee")
    expect(dana.get_by_label("Notes")).to_have_value("Binder in the site trailer")
