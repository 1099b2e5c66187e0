"""Time to first render in Chromium, and from a click to the updated answer count, against a minimal app.

Both apps are served with ``streamlit run`` the same way and opened in Debian's Chromium with the
e2e tests' flags. A first render is timed from navigation start in a fresh browser context (no
cache, no session) until the page's title is visible and the script has finished; the runs
alternate COR Ready page, minimal app, page, minimal app. The click is on a question's answer on
Readiness (quick check) and ends when the "N of M questions answered" line shows the new count;
the baseline is the same click on the minimal app's radios.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.report import Report, Row, verdict
from bench.stats import ratio
from devtools.app_server import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.3
PAGES = {"Home": "", "Readiness": "readiness", "Savings": "savings", "Cycle planner": "cycle",
         "Partner guide": "partners", "About the numbers": "about", "Workshop": "workshop"}  # fmt: skip
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _settled(page: Page) -> None:
    page.locator("h1").first.wait_for(state="visible", timeout=60_000)
    page.locator(DONE).wait_for(state="attached", timeout=60_000)


def first_render(browser: Browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        _settled(page)
        return time.perf_counter() - started
    finally:
        context.close()


def _answered_count(page: Page) -> int:
    text = page.get_by_text(re.compile(r"^\d+ of \d+ questions answered$")).first.inner_text()
    return int(text.split()[0])


def _timed_answer(page: Page, option: Locator) -> float:
    """Click one answer; seconds until the answered count moves on."""
    before = _answered_count(page)
    moved = page.get_by_text(re.compile(rf"^{before + 1} of \d+ questions answered$")).first
    started = time.perf_counter()
    option.click(force=True)
    try:
        moved.wait_for(timeout=20_000)
    except PlaywrightTimeout:  # the click landed while the page was redrawn: once more
        option.click(force=True)
        moved.wait_for(timeout=30_000)
    elapsed = time.perf_counter() - started
    page.locator(DONE).wait_for(state="attached")
    return elapsed


def click_times(browser: Browser, url: str, clicks: int) -> list[float]:
    """Answer questions one by one; time each click until the answered count moves on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        _settled(page)
        page.get_by_role("radiogroup", name=re.compile(r"^Q\d+\. ")).first.wait_for(timeout=60_000)
        page.locator(DONE).wait_for(state="attached")
        times: list[float] = []
        questions = page.get_by_role("radiogroup", name=re.compile(r"^Q\d+\. "))
        while len(times) < clicks:
            unanswered = questions.filter(has_not=page.locator("input:checked"))
            if unanswered.count() == 0:
                following = page.get_by_role("button", name="Next element")
                if following.count() == 0 or following.is_disabled():
                    break
                following.click()
                try:
                    unanswered.first.wait_for(timeout=20_000)
                except PlaywrightTimeout:  # the click landed while the page was redrawn: once more
                    following.click()
                    unanswered.first.wait_for(timeout=30_000)
                page.locator(DONE).wait_for(state="attached")
                continue
            times.append(_timed_answer(page, unanswered.first.get_by_role("radio").first))
        return times
    finally:
        context.close()


def run(directory: Path, runs: int, env: dict[str, str], report: Report) -> None:
    with (
        serve(ROOT / "app.py", env, directory / "app.log") as app,
        serve(ROOT / "bench" / "minimal_app.py", env, directory / "minimal.log") as minimal,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            if runs == 0:
                return
            for url in (app.url, minimal.url):  # a first visit teaches the server its pages
                first_render(browser, url)
            for title, path in PAGES.items():
                page_times: list[float] = []
                minimal_times: list[float] = []
                for turn in range(runs):
                    pair = [(f"{app.url}/{path}", page_times), (minimal.url, minimal_times)]
                    for target, times in pair if turn % 2 == 0 else reversed(pair):
                        times.append(first_render(browser, target))
                result = ratio(page_times, minimal_times)
                report.add(
                    Row(
                        "First render (Chromium)",
                        title,
                        result.measured.show(),
                        result.baseline.show(),
                        result.show(),
                        f"<= {TARGET}x",
                        verdict(result.ratio, TARGET),
                    )
                )
            real_clicks = click_times(browser, f"{app.url}/readiness?quick=1", 8)
            minimal_clicks = click_times(browser, minimal.url, 8)
            result = ratio(real_clicks, minimal_clicks)
            report.add(
                Row(
                    "Click to updated count (Chromium)",
                    "Readiness quick check: answer a question",
                    result.measured.show(),
                    result.baseline.show(),
                    result.show(),
                    "info",
                    "info",
                )
            )
        finally:
            browser.close()
