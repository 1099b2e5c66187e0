"""Accessibility, measured with axe-core in Chromium: every page (the workshop and the workspace
included, with a room open and signed in) and every Readiness view, at a desktop width and a
phone width, has no serious or critical violation in the app's own markup; and every chart has a
table or a text equivalent next to it.

axe-core comes from the npm registry at install time (scripts/test.sh puts it in .cache/axe); it
is injected into the page by Playwright, never downloaded while the tests run. A violation counts
as the app's own when it is in the page's main area (what the pages render); violations in
Streamlit's own frame (header, toolbar, navigation) are listed in the test output, not failed on,
since the app cannot change that markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from cor.passwords import hash_password
from tests.conftest import ROOT
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import app_server

pytestmark = pytest.mark.e2e

AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 390}
PAGES = {
    "Home": "",
    "Readiness": "readiness",
    "Savings": "savings",
    "Cycle planner": "cycle",
    "Partner guide": "partners",
    "About the numbers": "about",
    "Workshop": "workshop",
    "Workspace (signed out)": "workspace",
}
#: Every page of app.py's navigation is in PAGES (a new page cannot slip past the check).
PAGE_FILES = {
    "Home": "home",
    "Readiness": "readiness",
    "Savings": "savings",
    "Cycle planner": "cycle",
    "Partner guide": "partners",
    "About the numbers": "about",
    "Workshop": "workshop",
    "Workspace (signed out)": "workspace",
}
STAFF_PASSWORD = "correct horse battery staple"
#: The four views as the switcher names them (short, so they fit one row on a 390 px phone).
READINESS_VIEWS = ["Answer", "Results", "Plan", "Save"]
BLOCKING = {"serious", "critical"}

#: Runs axe on the document and sorts each offending node: the app's own (inside the main area
#: the pages render into) or Streamlit's own frame.
RUN_AXE = """
async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const main = document.querySelector('[data-testid="stMain"]');
  return result.violations.flatMap(v => v.nodes.map(n => {
    const inFrame = n.target.length > 1;
    const node = inFrame ? null : document.querySelector(n.target[0]);
    return {rule: v.id, impact: v.impact || '', target: n.target.join(' >> '),
            html: n.html.slice(0, 160), own: !!(main && node && main.contains(node))};
  }));
}
"""


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    target: str
    html: str
    own: bool

    def __str__(self) -> str:
        return f"{self.impact} {self.rule} at {self.target}: {self.html}"


def axe_findings(page: Page) -> list[Finding]:
    if not AXE.exists():
        raise RuntimeError(f"axe-core is not installed at {AXE}: run scripts/test.sh, which installs it")
    page.add_script_tag(path=str(AXE))
    return [Finding(**found) for found in page.evaluate(RUN_AXE)]


def assert_no_blocking_violation(page: Page, where: str) -> None:
    findings = [f for f in axe_findings(page) if f.impact in BLOCKING]
    streamlit_own = [f for f in findings if not f.own]
    if streamlit_own:  # reported, not failed: Streamlit's frame is not the app's markup
        print(f"\n[axe] {where}: Streamlit's own markup:\n  " + "\n  ".join(map(str, streamlit_own)))
    own = [f for f in findings if f.own]
    assert not own, f"{where}: serious or critical axe violations in the app's markup:\n" + "\n".join(
        map(str, own)
    )


@pytest.fixture(params=list(WIDTHS))
def sized_page(request: pytest.FixtureRequest, browser: Browser, app_url: str) -> Page:
    """A page at one of the two widths; the app opened once at home (so deep links are known)."""
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    request.addfinalizer(context.close)
    page = context.new_page()
    page.set_default_timeout(30_000)
    goto(page, app_url)
    return page


@pytest.mark.parametrize("title", list(PAGES))
def test_every_page_has_no_serious_violation_in_its_own_markup(
    sized_page: Page, app_url: str, title: str
) -> None:
    goto(sized_page, f"{app_url}/{PAGES[title]}")
    expect(sized_page.locator("h1").first).to_be_visible()
    assert_no_blocking_violation(sized_page, f"{title} at {sized_page.viewport_size}")


def test_every_page_of_the_navigation_is_checked() -> None:
    registered = set(re.findall(r'st\.Page\(\s*"app_pages/(\w+)\.py"', (ROOT / "app.py").read_text()))
    assert registered == set(PAGE_FILES.values())
    assert set(PAGE_FILES) == set(PAGES)


def test_the_workshop_with_a_room_open_has_no_serious_violation(sized_page: Page, app_url: str) -> None:
    goto(sized_page, f"{app_url}/workshop")
    sized_page.get_by_role("button", name="Open a workshop room").click()
    wait_idle(sized_page)
    expect(sized_page.get_by_text("The room so far")).to_be_visible(timeout=60_000)
    assert_no_blocking_violation(sized_page, f"Workshop with a room at {sized_page.viewport_size}")
    address = sized_page.get_by_test_id("stCode").first.inner_text().strip()
    goto(sized_page, address.replace("http://localhost:8501", app_url))
    expect(sized_page.get_by_text("Add my result to the room's picture")).to_be_visible(timeout=60_000)
    assert_no_blocking_violation(sized_page, f"Quick check in a room at {sized_page.viewport_size}")


@pytest.fixture(scope="module")
def staff_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with staff sign-in on, so the signed-in workspace is checked too."""
    folder: Path = tmp_path_factory.mktemp("a11y-staff")
    settings = {
        "COR_READY_DRAFT_DB": str(folder / "cor-ready.sqlite3"),
        "COR_READY_STAFF_PASSWORD_HASH": hash_password(STAFF_PASSWORD),
    }
    with app_server(folder, settings) as url:
        yield url


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_workspace_signed_in_has_no_serious_violation(
    browser: Browser, staff_url: str, width: str
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    goto(page, staff_url)
    goto(page, f"{staff_url}/workspace")
    assert_no_blocking_violation(page, f"Workspace sign-in at {page.viewport_size}")
    page.get_by_label("User name").fill("anna@example.org")
    page.get_by_label("Staff password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wait_idle(page)
    expect(page.get_by_text("Signed in as anna@example.org")).to_be_visible(timeout=60_000)
    assert_no_blocking_violation(page, f"Workspace signed in at {page.viewport_size}")
    context.close()


def open_answered_quick_check(page: Page, app_url: str) -> None:
    """The workshop quick check with three questions answered, so every view has something to show."""
    goto(page, f"{app_url}/readiness?quick=1")
    for _ in range(6):
        questions = page.get_by_role("radiogroup", name=re.compile(r"^Q\d+\. "))
        open_ones = [q for q in questions.all() if q.get_by_role("radio", checked=True).count() == 0]
        if page.get_by_text(re.compile(r"^3 of \d+ questions answered$")).count():
            break
        if open_ones:
            open_ones[0].get_by_role("radio").first.click(force=True)
        else:
            page.get_by_role("button", name="Next element").click()
        wait_idle(page)
    expect(page.get_by_text(re.compile(r"^3 of \d+ questions answered$"))).to_be_visible()


def show_view(page: Page, name: str) -> None:
    page.get_by_role("radio", name=name, exact=True).click()
    wait_idle(page)


@pytest.mark.parametrize("view", READINESS_VIEWS)
def test_every_readiness_view_has_no_serious_violation_in_its_own_markup(
    sized_page: Page, app_url: str, view: str
) -> None:
    open_answered_quick_check(sized_page, app_url)
    show_view(sized_page, view)
    assert_no_blocking_violation(sized_page, f"Readiness {view} at {sized_page.viewport_size}")


# --- charts: each one has a table or a text equivalent ------------------------------------------

CHART = "[data-testid='stVegaLiteChart']"
#: For each chart, whether a table follows it in its own block (within the next three elements),
#: and any text equivalent the chart carries itself (Vega's description / aria-label).
CHART_EQUIVALENTS = """
(selector) => [...document.querySelectorAll(selector)].map(chart => {
  const box = chart.closest('[data-testid="stElementContainer"]') || chart;
  const next = [];
  let sibling = box.nextElementSibling;
  while (sibling && next.length < 3) { next.push(sibling); sibling = sibling.nextElementSibling; }
  const table = next.some(el => el.querySelector('[data-testid="stTable"], [data-testid="stDataFrame"]'));
  const labelled = [...chart.querySelectorAll('[aria-label], [aria-roledescription]')]
    .map(el => el.getAttribute('aria-label') || '').filter(text => text.trim().length > 20);
  return {table, text: labelled[0] || ''};
})
"""


def chart_equivalents(page: Page) -> list[dict[str, object]]:
    page.locator(CHART).first.wait_for(state="visible")
    wait_idle(page)
    page.locator("[data-testid='stTable'], [data-testid='stDataFrame']").first.wait_for(state="visible")
    return list(page.evaluate(CHART_EQUIVALENTS, CHART))


def _type_date(page: Page, label: str, day: date) -> None:
    """The planner's dates are text fields read year first; Enter applies one."""
    field = page.get_by_role("textbox", name=label)
    field.fill(day.isoformat())
    field.press("Enter")
    wait_idle(page)


def test_the_readiness_chart_has_a_table_equivalent(page: Page, app_url: str) -> None:
    open_answered_quick_check(page, app_url)
    show_view(page, "Results")
    charts = chart_equivalents(page)
    assert charts and all(chart["table"] for chart in charts), charts


def test_the_savings_chart_has_a_table_equivalent(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/savings")
    for label, text in (("Assessable payroll", "11000000"), ("Base rate", "4.54")):
        field = page.get_by_label(label, exact=True)
        field.fill(text)
        field.press("Enter")
        wait_idle(page)
    charts = chart_equivalents(page)
    assert charts and all(chart["table"] for chart in charts), charts


def test_the_cycle_timeline_has_a_table_equivalent(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/cycle")
    _type_date(page, "Certification audit completed on", date(date.today().year - 1, 3, 14))
    partner = page.get_by_role("combobox", name="Certifying partner")  # as tests/e2e/test_cycle.py
    partner.click()
    partner.fill("SafetyDriven")
    page.keyboard.press("Enter")
    wait_idle(page)
    charts = chart_equivalents(page)
    assert charts and all(chart["table"] for chart in charts), charts
