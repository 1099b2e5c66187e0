"""Benchmark: a rerun of the real Readiness page vs a bare page with the same widgets.

The bar (issue 3): with every question of the large-employer set answered, a rerun of the
Readiness page takes no more than 1.5x the rerun of bench/bare_readiness.py, which renders the
same widgets without any of COR Ready's logic. Reruns happen after every click, so this is what
a user feels while answering.

Run from the project root:  .venv/bin/python bench/readiness_rerun.py [--runs 30]

Prints the median rerun time of both (after warm-up) and their ratio, measured twice:

- as AppTest runs scripts: it builds a new script cache on every run, so each run re-parses the
  entrypoint and the page script (Streamlit's "magic" AST pass costs about 1 ms per 10 lines);
- with one script cache kept between runs, as `streamlit run` does: only the work a user waits
  for after a click remains.

Then the Results view (for information) and the peak traced memory of a few reruns of each.
Always exits 0: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "COR_READY_DRAFT_DB", str(Path(tempfile.mkdtemp(prefix="cor-bench-")) / "drafts.sqlite3")
)

import streamlit.testing.v1.app_test as app_test_module  # noqa: E402
import streamlit.testing.v1.local_script_runner as runner_module  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from cor.content import default_content  # noqa: E402

LIMIT = 1.5


def every_answer() -> dict[str, str]:
    """One applicable answer per question of the large set, mixing full and partial credit."""
    bank = default_content().bank
    out = {}
    for i, q in enumerate(bank.question_set("large")):
        credited = [o for o in bank.scale(q.scale).options if o.credit is not None]
        out[q.id] = credited[i % len(credited)].id
    return out


def real_app(answers: dict[str, str], view: str = "Answer") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.session_state["answers"] = dict(answers)
    at.switch_page("app_pages/readiness.py").run()
    if view != "Answer":
        at.segmented_control(key="rd.view").set_value(view).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def bare_app(answers: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "bench" / "bare_readiness.py"), default_timeout=60)
    at.session_state["answers"] = dict(answers)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun_times(at: AppTest, runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        at.run()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    assert not at.exception, [e.value for e in at.exception]
    return times


def peak_memory(at: AppTest, runs: int = 3) -> int:
    """Peak bytes traced during a few reruns (after warm-up, so caches are already filled)."""
    at.run()
    tracemalloc.start()
    tracemalloc.reset_peak()
    for _ in range(runs):
        at.run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def keep_script_cache(keep: bool) -> None:
    """Make AppTest reuse one script cache across runs (as the server does), or restore its default."""
    shared = ScriptCache()
    factory = (lambda: shared) if keep else ScriptCache
    app_test_module.ScriptCache = factory  # type: ignore[assignment,misc]
    runner_module.ScriptCache = factory  # type: ignore[assignment,misc]


def compare(answers: dict[str, str], runs: int) -> tuple[float, float]:
    """Median rerun (ms) of the real page and of the bare page.

    Reruns alternate one by one (real, bare, real, ...) so that load from other processes on the
    machine hits both pages alike.
    """
    real, bare = real_app(answers), bare_app(answers)
    for at in (real, bare):
        rerun_times(at, 0)  # warm-up
    real_t: list[float] = []
    bare_t: list[float] = []
    for _ in range(runs):
        real_t += rerun_times(real, 1, warmup=0)
        bare_t += rerun_times(bare, 1, warmup=0)
    return statistics.median(real_t) * 1000, statistics.median(bare_t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=60, help="timed reruns of each page (default 60)")
    args = ap.parse_args()
    answers = every_answer()
    print(
        f"Answers: {len(answers)} (the whole large-employer set), view 'Answer', {args.runs} timed reruns each"
    )
    worst = 0.0
    for keep, title in (
        (False, "As AppTest runs it (scripts re-parsed every run)"),
        (True, "With the script cache kept, as `streamlit run` does"),
    ):
        keep_script_cache(keep)
        real_ms, bare_ms = compare(answers, args.runs)
        ratio = real_ms / bare_ms
        worst = max(worst, ratio)
        print(f"\n{title}")
        print(f"  Readiness page rerun (median): {real_ms:7.1f} ms")
        print(f"  Bare page rerun (median):      {bare_ms:7.1f} ms")
        print(f"  Ratio: {ratio:.2f}x (limit {LIMIT}x)")
    print(f"\nWorst ratio {worst:.2f}x -> {'OK' if worst <= LIMIT else 'TOO SLOW'} (limit {LIMIT}x)")
    results_ms = statistics.median(rerun_times(real_app(answers, "Results"), max(5, args.runs // 3))) * 1000
    print(f"Results view rerun (median, for information; chart and table): {results_ms:.1f} ms")
    real_peak, bare_peak = peak_memory(real_app(answers)), peak_memory(bare_app(answers))
    print(
        f"Peak traced memory over 3 reruns: readiness {real_peak / 1024:.0f} KiB, bare {bare_peak / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
