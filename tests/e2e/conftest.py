"""Browser tests: the real app under `streamlit run`, driven in Debian's Chromium.

There is no skip here: if Chromium or the app cannot start, every browser test fails, so a CI
run without a browser is red, never silently green.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ROOT

CHROMIUM = os.environ.get("COR_READY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def app_server(folder: Path, settings: dict[str, str], startup_seconds: float = 90) -> Iterator[str]:
    """Run ``streamlit run app.py`` with ``settings`` added to the environment; yields its URL.

    The one way every browser test starts the app, so each server is started the same way as the
    README's command (headless, no usage statistics, loopback only).
    """
    port = _free_port()
    # a developer's own DATABASE_URL never reaches a test server: only what the test gives it
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"} | settings
    log = folder / "streamlit.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless=true",
                f"--server.port={port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup_seconds
    try:
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(15)


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


def wait_idle(page: Page) -> None:
    """Wait until the app has finished its script run (Streamlit marks the app element)."""
    page.locator("[data-testid='stApp']").wait_for(state="attached")
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=30_000
    )
    page.wait_for_timeout(200)


def goto(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").inner_text()
