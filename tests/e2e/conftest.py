"""Browser tests: the real app under `streamlit run`, driven in Debian's Chromium.

There is no skip here: if Chromium or the app cannot start, every browser test fails, so a CI
run without a browser is red, never silently green.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from devtools.app_server import CHROMIUM, CHROMIUM_ARGS, app_server


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    drafts = tmp_path_factory.mktemp("drafts") / "drafts.sqlite3"
    with app_server(tmp_path_factory.mktemp("server"), {"COR_READY_DRAFT_DB": str(drafts)}) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM}: run scripts/test.sh, which installs it")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    p = context.new_page()
    p.set_default_timeout(30_000)
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    yield p
    context.close()
    assert not errors, f"browser errors: {errors}"


# Watches the page's Streamlit session, numbering what happens in order (`event`):
# `sent` is the last script run the page asked for (a BackMsg whose first byte is the tag of its
# `rerun_script` field: 11, length-delimited, 0x5A); `done` and `early` are the server's last
# `script_finished` (ForwardMsg field 6) for a run that ended, or that stopped to run again
# (`st.rerun()` or a newer request: status FINISHED_EARLY_FOR_RERUN, 2). The app is idle when its
# `data-test-script-state` is `notRunning` and a run ended after the last one asked for and after
# the last early stop, and every element is drawn (Streamlit loads an element's code when first
# needed and shows a `stSkeleton` until then); an action that asks for no run (typing before
# Enter) leaves it idle at once.
WATCH_RUNS = """
(() => {
  if (window.__corRuns) return;
  // on a page already showing the app, its socket is older than this watch: nothing is counted
  const watching = document.querySelector("[data-testid='stApp']") === null;
  const runs = (window.__corRuns = { watching, event: 0, sent: 0, done: 0, early: 0 });
  const bytesOf = (data) => data instanceof ArrayBuffer ? new Uint8Array(data)
    : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  const finishedStatus = (bytes) => {  // the top-level field 6 (a varint), or -1
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { const value = varint(); if (field === 6) return value; }
      else if (wire === 2) { const length = varint(); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else return -1;
    }
    return -1;
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const bytes = bytesOf(data);
    if (runs.watching && bytes && bytes.length > 0 && bytes[0] === 0x5a) runs.sent = ++runs.event;
    return send.call(this, data);
  };
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (message) => {
        const bytes = bytesOf(message.data);
        const status = bytes ? finishedStatus(bytes) : -1;
        if (status === 2) runs.early = ++runs.event;
        else if (status >= 0) runs.done = ++runs.event;
      });
    }
  };
})()
"""
IDLE = """
() => {
  const app = document.querySelector("[data-testid='stApp']");
  const runs = window.__corRuns;
  return app !== null && app.getAttribute("data-test-script-state") === "notRunning"
    && runs.done > runs.sent && runs.done > runs.early
    && document.querySelector("[data-testid='stSkeleton']") === null;
}
"""


def watch_runs(page: Page) -> None:
    """Watch the page's script runs from its next document on (`WATCH_RUNS`)."""
    if page.evaluate("() => window.__corRuns === undefined"):
        page.add_init_script(WATCH_RUNS)
        page.evaluate(WATCH_RUNS)


def wait_idle(page: Page, shows: Locator | None = None) -> None:
    """Wait until every script run the page asked for has finished, then until ``shows`` is visible.

    No fixed sleep: the app's ``data-test-script-state`` and the session's messages are watched
    (`WATCH_RUNS`). A new document (`goto`, a reload) waits for its first run, which the page
    always asks for. On a page whose session is older than the watch (not opened with `goto`),
    the script state alone is waited on.
    """
    watch_runs(page)
    page.locator("[data-testid='stApp']").wait_for(state="attached")
    # Streamlit sends a widget's change from a setTimeout(0) batch, after the click has returned:
    # a timer queued now fires after it, so the change is sent (and counted) before the check.
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")
    if page.evaluate("() => !window.__corRuns.watching"):
        page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")
    else:
        page.wait_for_function(IDLE, timeout=30_000)
    if shows is not None:
        shows.wait_for(state="visible")


def person_pause(page: Page, milliseconds: int) -> None:
    """A person's pace between two actions (reading, then clicking): not a wait for the app."""
    page.wait_for_timeout(milliseconds)


def goto(page: Page, url: str) -> None:
    watch_runs(page)
    page.goto(url)
    wait_idle(page)
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").inner_text()
