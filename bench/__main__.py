"""COR Ready's bench: ``python -m bench`` prints one table and writes it to bench/results/<date>.md.

Every figure is a ratio against a baseline measured in the same run, taken alternately (A B A B):
reruns after a real widget change against bare pages generated from each page's own element tree;
first renders in Chromium against a minimal app; load over Streamlit's websocket protocol against
the bare Readiness page; cold starts against the frame alone; and the rules' throughput.
``--quick`` makes a shorter run (fewer repeats, a lighter crowd) for a first look.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import browser, coldstart, load, rerun, throughput  # noqa: E402
from bench.protocol import Load  # noqa: E402
from bench.report import Report  # noqa: E402

SECTIONS = ("rules", "rerun", "browser", "load", "cold")


@dataclass(frozen=True)
class Plan:
    """How many repeats each section makes."""

    reruns: int
    drafts: list[int]
    renders: int
    crowd: Load
    cold: int
    rounds: int  # load crowds per app, alternating
    cohort: int


FULL = Plan(
    reruns=40,
    drafts=[10_000, 100_000],
    renders=4,
    crowd=Load(sessions=50, answers=4),
    cold=3,
    cohort=10_000,
    rounds=2,
)
QUICK = Plan(
    reruns=12,
    drafts=[10_000, 100_000],
    renders=2,
    crowd=Load(sessions=50, answers=2),
    cold=1,
    cohort=10_000,
    rounds=1,
)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats: a first look in about 4 minutes")
    parser.add_argument(
        "--only", choices=SECTIONS, action="append", help="run only these sections (repeatable)"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results", help="folder for the Markdown table"
    )
    return parser.parse_args()


def _section(name: str, measure: Callable[[], None], report: Report) -> None:
    """Run one section; if it cannot finish, say so in the table's notes and go on with the rest."""
    try:
        measure()
    except Exception as exc:
        traceback.print_exc()
        report.note(f"The {name} section stopped before the end: {type(exc).__name__}: {str(exc)[:300]}")


def main() -> int:
    arguments = _arguments()
    plan = QUICK if arguments.quick else FULL
    chosen = arguments.only or list(SECTIONS)
    report = Report()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cor-bench-") as scratch:
        directory = Path(scratch)
        env = dict(os.environ, COR_READY_DRAFT_DB=str(directory / "served-drafts.sqlite3"))
        print(
            "| Section | Measurement | Measured | Baseline | Ratio / figure | Target | Verdict |", flush=True
        )
        sections: dict[str, Callable[[], None]] = {
            "rules": lambda: throughput.run(plan.cohort, report),
            "rerun": lambda: rerun.run(directory / "rerun", plan.reruns, plan.drafts, report),
            "browser": lambda: browser.run(directory / "browser", plan.renders, env, report),
            "load": lambda: load.run(directory / "load", plan.crowd, env, report, rounds=plan.rounds),
            "cold": lambda: coldstart.run(directory / "cold", plan.cold, env, report),
        }
        for name in SECTIONS:
            if name in chosen:
                _section(name, sections[name], report)
    minutes = (time.monotonic() - started) / 60
    report.note(
        f"{'Quick' if arguments.quick else 'Full'} run of {', '.join(chosen)} in {minutes:.1f} min on "
        f"{os.cpu_count()} cores (shared with other jobs); spreads are p10-p90, ratios' spreads are of "
        "interleaved pairs."
    )
    today = dt.datetime.now(dt.UTC).date().isoformat()
    path = arguments.out / f"{today}.md"
    report.write(path, f"COR Ready bench, {today}")
    print(f"\nWritten to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
