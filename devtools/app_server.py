"""Start a Streamlit app with ``streamlit run`` on 127.0.0.1, and the Chromium that opens it.

The one app-server starter: the browser tests (``tests/e2e``) and the bench (``bench/``) both start
their servers here, the same way as the README's command (headless, no usage statistics, loopback
only, no file watcher).
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Debian's Chromium (scripts/test.sh installs it) and the flags every browser run starts it with.
CHROMIUM = os.environ.get("COR_READY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Server:
    url: str
    port: int
    pid: int

    def rss_mib(self) -> float:
        """Resident memory of the server process now, from /proc (Linux)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS for the server process")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far, from /proc (Linux)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(
    app: Path, env: dict[str, str], log: Path, *options: str, startup_seconds: float = 90
) -> Iterator[Server]:
    """Run ``streamlit run app`` (from the app's folder) headless on a free local port until the block ends.

    ``env`` is the server's whole environment; its output goes to ``log``. Raises RuntimeError with
    the log when the server exits or is not healthy within ``startup_seconds``.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", app.name,
        "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false", "--server.fileWatcherType=none", *options,
    ]  # fmt: skip
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=app.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield Server(url, port, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@contextmanager
def app_server(folder: Path, settings: dict[str, str], startup_seconds: float = 90) -> Iterator[str]:
    """Run COR Ready's ``app.py`` with ``settings`` added to the environment; yields its URL.

    The server's log is ``folder/streamlit.log``. A developer's own DATABASE_URL never reaches the
    server: only what the caller gives it.
    """
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"} | settings
    with serve(ROOT / "app.py", env, folder / "streamlit.log", startup_seconds=startup_seconds) as server:
        yield server.url
