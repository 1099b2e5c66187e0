"""COR Ready's bench: ``python -m bench`` prints one table and writes it to bench/results/<date>.md.

Every figure is a ratio against a baseline measured in the same run, taken alternately (A B A B):
reruns after a real widget change (a fresh value each time) against bare pages generated from each
page's own element tree; first renders in Chromium against a minimal app; server CPU per action
and load over Streamlit's websocket protocol against the bare Readiness page, each served by its
own process; cold starts against the frame alone; and the rules' throughput. ``--quick`` makes a
shorter run (fewer repeats, a lighter crowd) for a first look. The soak (memory over a long
person-paced run) runs only when asked: ``--only soak --soak-minutes 30``. The summary in
bench/README.md is rewritten from the table of a full run.
"""

from __future__ import annotations

import argparse
import dataclasses
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

from bench import browser, coldstart, load, rerun, soak, summary, throughput  # noqa: E402
from bench.protocol import Load  # noqa: E402
from bench.report import Report  # noqa: E402

SECTIONS = ("rules", "rerun", "browser", "load", "cold", "soak")
DEFAULT_SECTIONS = SECTIONS[:-1]  # the soak is long: only when asked for
BURST = (0.7, 1.3)  # seconds between answers in the burst crowd


@dataclass(frozen=True)
class Plan:
    """How many repeats each section makes."""

    reruns: int
    drafts: list[int]
    renders: int
    paced: Load  # the main load figure: people answering every 3-8 s
    burst: Load  # everyone answering about once a second
    cold: int
    rounds: int  # load crowds per app, alternating
    cohort: int
    soak: Load


FULL = Plan(
    reruns=40,
    drafts=[10_000, 100_000],
    renders=4,
    paced=Load(sessions=100, answers=6, arrival=20.0),
    burst=Load(sessions=50, answers=4, pause=BURST),
    cold=3,
    cohort=10_000,
    rounds=2,
    soak=Load(sessions=50, answers=12, arrival=30.0),
)
QUICK = Plan(
    reruns=12,
    drafts=[10_000, 100_000],
    renders=2,
    paced=Load(sessions=100, answers=3, arrival=20.0),
    burst=Load(sessions=50, answers=2, pause=BURST),
    cold=1,
    cohort=10_000,
    rounds=1,
    soak=Load(sessions=50, answers=12, arrival=30.0),
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
    parser.add_argument("--name", help="file name of the table (default: today's date)")
    parser.add_argument(
        "--soak-minutes", type=float, default=30.0, help="length of the soak section (default 30)"
    )
    parser.add_argument(
        "--soak-seats", type=int, default=20, help="people answering at once on each soak server (default 20)"
    )
    parser.add_argument(
        "--server-option",
        action="append",
        default=[],
        help="a `streamlit run` option for the load section's servers, e.g. --runner.postScriptGC=false",
    )
    parser.add_argument("--no-summary", action="store_true", help="leave bench/README.md's summary as it is")
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
    chosen = arguments.only or list(DEFAULT_SECTIONS)
    report = Report()
    started = time.monotonic()
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="cor-bench-") as scratch:
        directory = Path(scratch)
        env = dict(os.environ, COR_READY_DRAFT_DB=str(directory / "served-drafts.sqlite3"))
        env.pop("DATABASE_URL", None)  # a developer's database is never the bench's
        os.environ.pop("DATABASE_URL", None)
        # the pages opened in this process (bare page generation) use a scratch store too, never
        # the per-user default file another checkout may have migrated
        os.environ["COR_READY_DRAFT_DB"] = str(directory / "bench-drafts.sqlite3")
        print(
            "| Section | Measurement | Measured | Baseline | Ratio / figure | Target | Verdict |", flush=True
        )
        sections: dict[str, Callable[[], None]] = {
            "rules": lambda: throughput.run(plan.cohort, report),
            "rerun": lambda: rerun.run(directory / "rerun", plan.reruns, plan.drafts, report),
            "browser": lambda: browser.run(directory / "browser", plan.renders, env, report),
            "load": lambda: load.run(
                directory / "load",
                plan.paced,
                plan.burst,
                env,
                report,
                rounds=plan.rounds,
                options=tuple(arguments.server_option),
            ),
            "cold": lambda: coldstart.run(directory / "cold", plan.cold, env, report),
            "soak": lambda: soak.run(
                directory / "soak",
                dataclasses.replace(plan.soak, sessions=arguments.soak_seats),
                arguments.soak_minutes,
                env,
                report,
            ),
        }
        for name in SECTIONS:
            if name in chosen:
                _section(name, sections[name], report)
    minutes = (time.monotonic() - started) / 60
    report.note(
        f"{'Quick' if arguments.quick else 'Full'} run of {', '.join(chosen)} in {minutes:.1f} min on "
        f"{os.cpu_count()} cores (shared with other jobs; load average at the start {load_before}, "
        f"at the end {_load_average()}); spreads are p10-p90, ratios' spreads are of interleaved pairs."
    )
    today = dt.datetime.now(dt.UTC).date().isoformat()
    path = arguments.out / f"{arguments.name or today}.md"
    report.write(path, f"COR Ready bench, {today}")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"\nWritten to {shown}")
    if not arguments.no_summary and not arguments.quick and set(chosen) >= set(DEFAULT_SECTIONS):
        link = path.relative_to(ROOT / "bench") if path.is_relative_to(ROOT / "bench") else path
        summary.rewrite(ROOT / "bench" / "README.md", report, str(link))
    return 0


def _load_average() -> str:
    """The machine's 1-, 5- and 15-minute load averages, as ``uptime`` shows them."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
