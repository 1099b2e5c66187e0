"""Cold start: a fresh Python process opening one page, against the same process opening a
hello-world app.

Each run is a new interpreter that builds an AppTest from ``app.py`` and opens the page (so every
import a page triggers is paid), then reports its wall time and peak resident memory. The baseline
is ``bench/minimal_app.py`` (a title, a line and eight radios) opened the same way: what any
Streamlit app costs. Runs alternate page, hello-world, page, hello-world.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.report import Report, Row, verdict
from bench.stats import ratio

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["home", "readiness", "savings", "cycle", "partners", "about", "workshop", "workspace"]
TIME_TARGET = 1.5
MEMORY_TARGET_MIB = 50.0

CHILD = """
import json, sys, time
started = time.perf_counter()
sys.path.insert(0, {root!r})
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=120).run()
if {page!r}:
    at.switch_page("app_pages/{page}.py").run()
assert not at.exception, [e.value for e in at.exception]
# VmHWM is this process's own peak (ru_maxrss would carry the parent's over from fork and exec)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": time.perf_counter() - started, "peak_mib": peak / 1024}}))
"""


def frame_only(directory: Path) -> Path:
    """A copy of app.py whose pages are empty: the frame alone."""
    pages = directory / "app_pages"
    pages.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "app.py", directory / "app.py")
    for page in (ROOT / "app_pages").glob("*.py"):  # every page the router names, measured or not
        (pages / page.name).write_text('"""Empty: the frame alone."""\n')
    return directory / "app.py"


def _fresh(app: Path, page: str, env: dict[str, str]) -> tuple[float, float]:
    code = CHILD.format(root=str(ROOT), app=str(app), page=page)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"cold start of {page} failed:\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, float(result["peak_mib"])


def run(directory: Path, runs: int, env: dict[str, str], report: Report) -> None:
    hello = ROOT / "bench" / "minimal_app.py"
    real = ROOT / "app.py"
    for page in PAGES:
        page_times: list[float] = []
        frame_times: list[float] = []
        page_peaks: list[float] = []
        frame_peaks: list[float] = []
        for turn in range(runs):
            order = [(real, page, page_times, page_peaks), (hello, "", frame_times, frame_peaks)]
            for app, name, times, peaks in order if turn % 2 == 0 else reversed(order):
                wall, peak = _fresh(app, name, env)
                times.append(wall)
                peaks.append(peak)
        timing = ratio(page_times, frame_times)
        report.add(
            Row(
                "Cold start",
                f"{page}: fresh process to first run",
                timing.measured.show("s", 1),
                timing.baseline.show("s", 1),
                timing.show(),
                f"<= {TIME_TARGET}x",
                verdict(timing.ratio, TIME_TARGET),
            )
        )
        memory = ratio(page_peaks, frame_peaks)
        added = memory.measured.median - memory.baseline.median
        report.add(
            Row(
                "Cold start",
                f"{page}: peak memory",
                f"{memory.measured.median:.0f} MiB",
                f"{memory.baseline.median:.0f} MiB",
                f"{memory.ratio:.2f}x (+{added:.0f} MiB)",
                f"<= +{MEMORY_TARGET_MIB:.0f} MiB",
                verdict(added, MEMORY_TARGET_MIB),
            )
        )
