"""The workspace in Chromium: a consultant signs in, adds a client, records two assessments,
compares them and downloads the client PDF; an anonymous browser sees no client data."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from cor.assessment import Assessment
from cor.content import default_content
from cor.exports.assessment_file import dump
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import app_server
from tests.staff_accounts import PASSWORD, write_people

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/cor-ready-shots")


@pytest.fixture(scope="module")
def staff_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the staff server keeps its database and its log."""
    return tmp_path_factory.mktemp("staff-server")


@pytest.fixture(scope="module")
def staff_url(staff_folder: Path) -> Iterator[str]:
    folder = staff_folder
    settings = {
        "COR_READY_DRAFT_DB": str(folder / "cor-ready.sqlite3"),
        "COR_READY_STAFF_FILE": str(write_people(folder / "staff.toml")),
    }
    with app_server(folder, settings) as url:
        yield url


def assessment_file(folder: Path, name: str, best: int) -> Path:
    bank = default_content().bank
    answers = {}
    for n, question in enumerate(bank.question_set("quick")):
        options = [o for o in bank.scale(question.scale).options if o.credit is not None]
        pick = max if n < best else min
        answers[question.id] = pick(options, key=lambda o: o.credit or 0).id
    data = dump(
        Assessment(jurisdiction="BC", program_id="bc-large", quick=True, answers=answers),
        datetime(2026, 11, 1),
    )
    path = folder / name
    path.write_bytes(data)
    return path


def sign_in(page: Page, url: str, user: str) -> None:
    goto(page, f"{url}/workspace")
    page.get_by_label("Staff name").fill(user)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wait_idle(page)
    expect(page.get_by_text(f"Signed in as {user}")).to_be_visible()


def record_visit(page: Page, file: Path, label: str) -> None:
    page.get_by_role("tab", name="Assessments").click()
    field = page.get_by_label("Label (optional)")
    field.fill(label)
    field.press("Enter")
    wait_idle(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(file)
    wait_idle(page)
    page.get_by_role("button", name="Add the file's assessment").click()
    wait_idle(page)
    expect(page.get_by_text("Recorded the assessment").first).to_be_visible()


def test_a_consultant_records_two_visits_compares_them_and_gets_the_client_pdf(
    browser: Browser, staff_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, staff_url, "dana")
    page.get_by_label("Organisation").fill("Harbour Builders Ltd")
    page.get_by_label("CU codes (comma-separated)").fill("721024")
    page.get_by_role("button", name="Add the client").click()
    wait_idle(page)
    expect(page.get_by_text("Saved Harbour Builders Ltd.")).to_be_visible()

    record_visit(page, assessment_file(tmp_path, "march.json", best=3), "First visit")
    record_visit(page, assessment_file(tmp_path, "september.json", best=12), "Follow-up")

    page.get_by_role("tab", name="Progress").click()
    wait_idle(page)
    metric = page.get_by_test_id("stMetric").first
    expect(metric).to_contain_text("100%")
    expect(metric).to_contain_text("percentage points since")
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "workspace-progress-1280.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the client report (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "Harbour Builders Ltd" in text
    assert "Change since the last visit" in text and "Answers at the visit" in text
    assert "harbour" not in download.value.suggested_filename.lower()  # no client name in file names

    page.get_by_role("tab", name="Action plan").click()
    page.screenshot(path=str(SHOTS / "workspace-actions-1280.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    wait_idle(page)
    page.screenshot(path=str(SHOTS / "workspace-actions-390.png"))
    page.get_by_role("tab", name="Progress").click()
    page.screenshot(path=str(SHOTS / "workspace-progress-390.png"))

    page.get_by_text("All clients", exact=True).click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Readiness of 1 client (latest assessment)")).to_be_visible()
    page.screenshot(path=str(SHOTS / "workspace-cohort-390.png"))
    context.close()


def test_an_anonymous_browser_sees_no_client_data(
    browser: Browser, staff_url: str, staff_folder: Path
) -> None:
    consultant = browser.new_context().new_page()
    consultant.set_default_timeout(30_000)
    sign_in(consultant, staff_url, "lee")
    consultant.get_by_label("Organisation").fill("Secret Sawmill Co")
    consultant.get_by_role("button", name="Add the client").click()
    wait_idle(consultant)
    expect(consultant.get_by_text("Saved Secret Sawmill Co.")).to_be_visible()
    assert "Secret" not in consultant.url

    stranger = browser.new_context().new_page()
    stranger.set_default_timeout(30_000)
    goto(stranger, f"{staff_url}/workspace")
    expect(stranger.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    assert "Secret Sawmill" not in stranger.content()
    goto(stranger, staff_url)
    expect(stranger.get_by_role("link", name="Workspace", exact=True)).to_have_count(0)
    stranger.context.close()
    consultant.context.close()
    assert "Secret Sawmill" not in (staff_folder / "streamlit.log").read_text()  # nor in the server log
