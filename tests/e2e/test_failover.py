"""A process dies mid-session behind the balancer, and nothing is lost.

``scripts/serve.sh --processes 2`` runs two Streamlit processes behind HAProxy on a throwaway
PostgreSQL database, exactly as an association would deploy it. A person answers in Chromium; the
process serving their tab is killed with SIGKILL (no goodbye, as when a machine runs out of memory);
the person answers again at once. The balancer sends the reconnecting tab to the other process,
which must keep the answer just sent (the one in flight when the process died) and every answer
stored before it.

The same kill with a signed-in consultant saving a client is in test_failover_workspace.py, a
workshop room spread over both processes in test_failover_workshop.py, and PostgreSQL stopped and
started under use in test_failover_database.py.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from cor.content import default_content
from cor.store import DraftStore
from tests.conftest import ROOT, Place
from tests.e2e.conftest import goto, wait_idle

pytestmark = pytest.mark.e2e

BANK = default_content().bank
FIRST = [q for q in BANK.question_set("large") if q.element == BANK.elements[0].id][:4]
CHOICES = {q.id: BANK.scale(q.scale).options[i % 3] for i, q in enumerate(FIRST)}
TOTAL = len(BANK.question_set("large"))
COOKIE = "cor_ready_process"
LOOPBACK = ("--address", "127.0.0.1")


@dataclass
class Balanced:
    """The balancer's address and the loopback port of each app process behind it."""

    url: str
    ports: list[int]
    log: Path

    def pid_of(self, process: int) -> int:
        """The pid of app process number ``process`` (1-based), found by its port."""
        wanted = f"--server.port={self.ports[process - 1]}".encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"streamlit" in b" ".join(argv) and wanted in argv:
                return int(entry.name)
        raise AssertionError(f"no app process {process} running:\n{self.log.read_text()}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(folder: Path, settings: dict[str, str], processes: int = 2) -> Iterator[Balanced]:
    """``scripts/serve.sh`` in the foreground as an operator runs it; SIGTERM stops it afterwards."""
    port = _free_port()
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"} | settings
    env["COR_READY_SKIP_INSTALL"] = "1"  # scripts/test.sh has installed everything already
    log = folder / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                str(ROOT / "scripts" / "serve.sh"),
                "--processes",
                str(processes),
                "--port",
                str(port),
                *LOOPBACK,
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        ports = _wait_until_serving(proc, url, log)
        yield Balanced(url, ports, log)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


def _wait_until_serving(proc: subprocess.Popen[bytes], url: str, log: Path) -> list[int]:
    deadline = time.monotonic() + 120
    while True:
        found = re.search(r"process\(es\) on 127\.0\.0\.1 ports ([\d ]+),", log.read_text())
        if found:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    return [int(port) for port in found.group(1).split()]
            except OSError:
                pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"serve.sh did not start:\n{log.read_text()}")
        time.sleep(0.3)


@pytest.fixture
def balanced(postgres_place: Place, tmp_path: Path) -> Iterator[Balanced]:
    assert postgres_place.url is not None
    # Each process would have its own SQLite file if DATABASE_URL were ignored: nothing shared then.
    settings = {
        "DATABASE_URL": postgres_place.url,
        "COR_READY_DRAFT_DB": str(tmp_path / "not-shared.sqlite3"),
    }
    with serve(tmp_path, settings) as found:
        yield found


def _answer(page: Page, number: int) -> None:
    question = FIRST[number - 1]
    group = page.get_by_role("radiogroup", name=f"Q{number}. {question.text}")
    group.get_by_text(CHOICES[question.id].label, exact=True).click()


def _expect_answered(page: Page, numbers: range) -> None:
    for number in numbers:
        question = FIRST[number - 1]
        group = page.get_by_role("radiogroup", name=f"Q{number}. {question.text}")
        # A busy machine reconnects slowly: wait on what a user sees, never on a fixed delay.
        expect(group.get_by_role("radio", name=CHOICES[question.id].label, exact=True)).to_be_checked(
            timeout=60_000
        )


def _process_serving(page: Page) -> int:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert re.fullmatch(r"p\d", cookies.get(COOKIE, "")), cookies
    return int(cookies[COOKIE][1:])


def test_killing_the_process_of_a_tab_keeps_the_answer_in_flight_and_every_stored_answer(
    page: Page, balanced: Balanced, postgres_place: Place
) -> None:
    goto(page, balanced.url)
    page.get_by_role("link", name="Readiness").first.click()
    wait_idle(page)
    for number in (1, 2):
        _answer(page, number)
        wait_idle(page)
    _expect_answered(page, range(1, 3))
    found = re.search(r"[?&]draft=([A-Za-z0-9_-]{32})", page.url)
    assert found, page.url
    token = found.group(1)
    store = DraftStore(url=postgres_place.url, days=30)
    stored = store.load(token)
    assert stored is not None and len(stored["answers"]) == 2

    serving = _process_serving(page)
    os.kill(balanced.pid_of(serving), signal.SIGKILL)
    _answer(page, 3)  # at once: the answer is in flight while the tab finds the other process
    _expect_answered(page, range(1, 4))
    expect(page.get_by_text(f"3 of {TOTAL} questions answered")).to_be_visible(timeout=60_000)
    wait_idle(page)
    _answer(page, 4)
    wait_idle(page)
    _expect_answered(page, range(1, 5))
    assert _process_serving(page) != serving

    stored = store.load(token)
    assert stored is not None
    assert stored["answers"] == {question.id: CHOICES[question.id].id for question in FIRST}
    # A reload (on whichever process) shows all four answers: they are in the database.
    goto(page, page.url)
    _expect_answered(page, range(1, 5))
    expect(page.get_by_text(f"4 of {TOTAL} questions answered")).to_be_visible()
