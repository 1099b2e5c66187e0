"""Script reruns after one real widget change: each page against its generated bare page.

Each rerun is timed as the CPU time of the script's own thread (see ``count_script_cpu``): on this
shared machine wall time mostly measures the wait for a core. Both run under AppTest with one
script cache kept between runs, as ``streamlit run`` does (AppTest
otherwise re-parses every script on every run, which measures Streamlit's parser, not the page).
Each timed rerun gives the scenario's widget a fresh value (one not seen before in the run), on the
real page and on the bare page alike; the "cache hit" rows flip it between two values instead. The
two pages alternate (A B A B) so background load hits both.

AppTest runs both pages in this one process, so both pay the same after-run garbage collection
(a cost that grows with the heap, and the real app's heap is the bigger): the served figure, each
app in its own process, is the load section's server CPU per action.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import streamlit.testing.v1.app_test as app_test_module
import streamlit.testing.v1.local_script_runner as runner_module
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from bench import bare, drafts
from bench.report import Report, Row, verdict
from bench.scenarios import SCENARIOS, Change, Scenario
from bench.stats import interleave

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5


#: CPU seconds the script thread spent in its last run (see :func:`count_script_cpu`).
LAST_RUN_CPU: list[float] = [0.0]


def count_script_cpu() -> None:
    """Record the CPU time of each script run, in the script's own thread (``time.thread_time``).

    On a shared machine a rerun's wall time is mostly how long the thread waited for a core (the
    load average here reaches 20-40 on 2 cores); its CPU time is what the page costs, and with
    one session on a quiet server it is what the user waits for."""
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.ScriptRunner._run_script
    if getattr(original, "counts_cpu", False):
        return

    def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            LAST_RUN_CPU[0] = time.thread_time() - started

    timed.counts_cpu = True  # type: ignore[attr-defined]  # marks the patch, so it is applied once
    script_runner.ScriptRunner._run_script = timed  # type: ignore[method-assign]  # the timing patch


def keep_script_cache() -> None:
    """Make AppTest reuse one script cache across runs, as the server does."""
    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # type: ignore[misc,assignment]  # a factory in place of the class it imports
    runner_module.ScriptCache = lambda: shared  # type: ignore[misc,assignment]  # a factory in place of the class it imports


def _checked(at: AppTest) -> AppTest:
    if at.exception:
        raise RuntimeError("; ".join(str(e.value) for e in at.exception))
    return at


#: Pages whose flip between two values is also timed, as the "cache hit" row: what their chart
#: caches are worth when a user goes back and forth.
CACHE_HIT = ("Readiness, Results", "Savings, 3 CUs", "Cycle, date + partner")


def open_real(scenario: Scenario) -> AppTest:
    """The real page through app.py, seeded and driven into the scenario's state, then changed once."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    for key, value in scenario.seed().items():
        at.session_state[key] = value
    _checked(at.switch_page(f"app_pages/{scenario.page}.py").run())
    scenario.drive(at)
    _checked(at)
    scenario.change.apply(at, 0, fresh=False)
    return _checked(at.run())


def bare_values(change: Change, real: AppTest) -> Change:
    """The same change as the bare page sees it: choice widgets there hold their shown labels
    (looked up once per key and value on the real page, outside the timed rerun)."""
    if change.kind not in ("radio", "selectbox"):
        return Change(change.kind, change.key, change.values, change.fresh)
    shown: dict[tuple[str, Any], str] = {}

    def label(key: str, value: Any) -> str:
        if (key, value) not in shown:
            widget: Any = getattr(real, change.kind)(key=key)
            shown[key, value] = str(widget.format_func(value))
        return shown[key, value]

    def fresh(turn: int) -> tuple[str, Any]:
        assert change.fresh is not None
        key, value = change.fresh(turn)
        return key, label(key, value)

    values = (label(change.key, change.values[0]), label(change.key, change.values[1]))
    return Change(change.kind, change.key, values, fresh if change.fresh else None)


def open_bare(scenario: Scenario, real: AppTest, directory: Path) -> tuple[AppTest, Change, list[str]]:
    """The bare page generated from ``real``'s tree, opened the same way; and its change."""
    unsupported = bare.generate(real._tree, scenario.page, directory)
    change = bare_values(scenario.change, real)
    at = AppTest.from_file(str(directory / "app.py"), default_timeout=120).run()
    _checked(at.switch_page(f"app_pages/{scenario.page}.py").run())
    change.apply(at, 0, fresh=False, real=False)
    _checked(at.run())
    return at, change, unsupported


def _timer(at: AppTest, change: Change, fresh: bool, real: bool) -> Any:
    def rerun(turn: int) -> float:
        change.apply(at, turn + 1, fresh=fresh, real=real)
        at.run()
        return LAST_RUN_CPU[0]

    return rerun


def measure(
    scenario: Scenario, directory: Path, runs: int, report: Report, label: str = "", fresh: bool = True
) -> None:
    """One row: the scenario's page against its bare page, generated into its own ``directory``
    (one per measurement: the kept script cache knows scripts by path). ``fresh``: a new value
    every rerun; otherwise the flip between two values (the "cache hit" row)."""
    real = open_real(scenario)
    bare_at, bare_change, unsupported = open_bare(scenario, real, directory)
    turns = iter(range(10**6))  # warm-up and timed turns share one count: no value comes twice
    mine, theirs = _timer(real, scenario.change, fresh, True), _timer(bare_at, bare_change, fresh, False)
    for _ in range(3):  # warm-up: caches, first compilations
        turn = next(turns)
        mine(turn)
        theirs(turn)
    offset = next(turns)
    result = interleave(lambda t: mine(offset + t), lambda t: theirs(offset + t), runs)
    _checked(real)
    _checked(bare_at)
    real_types, bare_types = bare.element_types(real._tree), bare.element_types(bare_at._tree)
    same = real_types == bare_types
    report.add(
        Row(
            "Rerun (AppTest, script CPU)",
            label or scenario.name,
            result.measured.show(),
            result.baseline.show(),
            result.show(),
            f"<= {TARGET}x",
            verdict(result.ratio, TARGET),
        )
    )
    if unsupported or not same:
        report.note(
            f"{scenario.name}: bare page differs (unsupported: {sorted(set(unsupported))}, "
            f"{len(real_types)} elements on the page, {len(bare_types)} on the bare one)"
        )


def run(directory: Path, runs: int, draft_counts: list[int], report: Report) -> None:
    keep_script_cache()
    count_script_cpu()
    directory.mkdir(parents=True, exist_ok=True)
    os.environ["COR_READY_DRAFT_DB"] = str(directory / "drafts-empty.sqlite3")
    for number, scenario in enumerate(SCENARIOS):
        measure(scenario, directory / f"bare-{number}", runs, report)
        if scenario.name in CACHE_HIT:
            label = f"{scenario.name} (cache hit: flips between two values)"
            measure(scenario, directory / f"bare-{number}-hit", runs, report, label, fresh=False)
    for count in draft_counts:
        store = directory / f"drafts-{count}.sqlite3"
        held = drafts.fill(store, count)
        os.environ["COR_READY_DRAFT_DB"] = str(store)
        label = f"{SCENARIOS[0].name}, store of {held:,} drafts"
        measure(SCENARIOS[0], directory / f"bare-drafts-{count}", runs, report, label)
