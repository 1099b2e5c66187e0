"""Benchmark: how long the Cycle planner takes to rerun after one real widget change.

A user changes the certifying partner (SafetyDriven <-> BCMSA) with a certification date and a
trained internal auditor entered; each timed rerun follows one such change. With ``--fresh`` the
change is a new auditor training date each time, so every rerun meets a schedule never seen
before (the chart cache cannot help). Prints the median,
lowest and highest of ``--runs`` reruns, after two warm-up changes.

Run from a project root:  .venv/bin/python bench/cycle_rerun.py [--root PATH] [--runs 30]
``--root`` times another checkout (e.g. the main branch, for a before/after figure).
Always exits 0: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest


def _type_date(at: AppTest, key: str, day: date, run: bool = True) -> None:
    """Dates are text fields now (date fields before): fill whichever the page has."""
    if any(getattr(w, "key", None) == key for w in at.text_input):
        at.text_input(key=key).input(day.isoformat())
    else:
        at.date_input(key=key).set_value(day)
    if run:
        at.run()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="change the auditor's training date each time (a schedule never seen before: no cache hit)",
    )
    args = parser.parse_args()
    root = Path(args.root).resolve()
    sys.path.insert(0, str(root))
    os.chdir(root)
    os.environ.setdefault(
        "COR_READY_DRAFT_DB", str(Path(tempfile.mkdtemp(prefix="cor-bench-")) / "d.sqlite3")
    )
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(root / "app.py"), default_timeout=60).run()
    at.session_state["today"] = date(2026, 11, 21)
    at.switch_page("app_pages/cycle.py").run()
    _type_date(at, "cy.certified", date(2025, 3, 14))
    at.checkbox(key="cy.auditor").check().run()
    _type_date(at, "cy.auditor_on", date(2024, 1, 10))
    partners = ["safetydriven", "bcmsa"]
    times = []
    for index in range(args.runs + 2):
        if args.fresh:
            _type_date(at, "cy.auditor_on", date(2024, 1, 10) + timedelta(days=index + 1), run=False)
        else:
            at.selectbox(key="cy.partner").set_value(partners[index % 2])
        start = time.perf_counter()
        at.run()
        elapsed = (time.perf_counter() - start) * 1000
        assert not at.exception, [e.value for e in at.exception]
        assert at.get("vega_lite_chart"), "the chart must be on the page"
        if index >= 2:
            times.append(elapsed)
    print(
        f"{root}: Cycle rerun after {'a new training date' if args.fresh else 'a partner change'}, "
        f"{len(times)} runs: median "
        f"{statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})"
    )


if __name__ == "__main__":
    main()
