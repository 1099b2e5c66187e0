"""Servers for browser tests that need their own settings: a private app server (a staff
password, a database the test can also reach), the balancer's process of a tab, and a PostgreSQL
cluster of a test's own that the test may stop and start again (an outage)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from devtools.app_server import app_server
from tests.conftest import ROOT

__all__ = ["OwnPostgres", "app_server", "new_page", "own_postgres", "pin_to_process", "process_serving"]

#: The cookie scripts/serve.sh's HAProxy sets: ``p1``, ``p2``... names the process of a browser.
BALANCER_COOKIE = "cor_ready_process"
PG_SCRIPT = ROOT / "scripts" / "pg_test_cluster.sh"


def new_page(browser: Browser, width: int = 1280, height: int = 900, *, phone: bool = False) -> Page:
    """A page in a browser of its own (its own cookies), as another person's."""
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone)
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


def process_serving(page: Page) -> int:
    """The number of the app process the balancer keeps this browser on (1-based)."""
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    value = cookies.get(BALANCER_COOKIE, "")
    assert re.fullmatch(r"p\d+", value), cookies
    return int(value[1:])


def pin_to_process(context: BrowserContext, url: str, process: int) -> None:
    """Send this browser to app process ``process``, as the balancer's own cookie would."""
    context.add_cookies([{"name": BALANCER_COOKIE, "value": f"p{process}", "url": url}])


@dataclass
class OwnPostgres:
    """A throwaway PostgreSQL cluster of one test (scripts/pg_test_cluster.sh), stoppable."""

    folder: Path
    url: str

    def _pg_ctl(self, *args: str) -> None:
        data = self.folder / "data"
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
        command = [str(binaries[-1]), "-D", str(data), *args]
        if os.getuid() == 0:  # the cluster belongs to postgres then (see the script)
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        """The database goes away (a restart, a failover of the database server)."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        """The database is back, with everything it held."""
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' "
            "-c fsync=off -c full_page_writes=off"
        )
        self._pg_ctl("-l", str(self.folder / "server.log"), "-w", "-t", "60", "-o", options, "start")


@contextmanager
def own_postgres() -> Iterator[OwnPostgres]:
    """A cluster no other test uses, removed afterwards (whether running or stopped)."""
    started = subprocess.run([str(PG_SCRIPT), "start"], check=True, capture_output=True, text=True)
    folder, url = started.stdout.split()
    try:
        yield OwnPostgres(Path(folder), url)
    finally:
        subprocess.run([str(PG_SCRIPT), "stop", folder], check=False, capture_output=True)
