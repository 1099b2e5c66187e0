"""Script reruns after one real widget change: each page against its generated bare page.

Both run under AppTest with one script cache kept between runs, as ``streamlit run`` does (AppTest
otherwise re-parses every script on every run, which measures Streamlit's parser, not the page).
Each timed rerun flips the scenario's widget, on the real page and on the bare page alike, and
the two alternate (A B A B) so background load hits both.
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


def keep_script_cache() -> None:
    """Make AppTest reuse one script cache across runs, as the server does."""
    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]
    runner_module.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]


def _checked(at: AppTest) -> AppTest:
    if at.exception:
        raise RuntimeError("; ".join(str(e.value) for e in at.exception))
    return at


def open_real(scenario: Scenario) -> AppTest:
    """The real page through app.py, seeded and driven into the scenario's state, then changed once."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    for key, value in scenario.seed().items():
        at.session_state[key] = value
    _checked(at.switch_page(f"app_pages/{scenario.page}.py").run())
    scenario.drive(at)
    scenario.change.apply(at, 0)
    return _checked(at.run())


def bare_values(change: Change, real: AppTest) -> Change:
    """The same change as the bare page sees it: choice widgets there hold their shown labels."""
    if change.kind not in ("radio", "selectbox"):
        return change
    widget: Any = getattr(real, change.kind)(key=change.key)
    shown = tuple(str(widget.format_func(value)) for value in change.values)
    return Change(change.kind, change.key, (shown[0], shown[1]))


def open_bare(scenario: Scenario, real: AppTest, directory: Path) -> tuple[AppTest, Change, list[str]]:
    """The bare page generated from ``real``'s tree, opened the same way; and its change."""
    unsupported = bare.generate(real._tree, scenario.page, directory)
    change = bare_values(scenario.change, real)
    at = AppTest.from_file(str(directory / "app.py"), default_timeout=120).run()
    _checked(at.switch_page(f"app_pages/{scenario.page}.py").run())
    change.apply(at, 0)
    _checked(at.run())
    return at, change, unsupported


def _timer(at: AppTest, change: Change) -> Any:
    def rerun(turn: int) -> float:
        change.apply(at, turn + 1)
        started = time.perf_counter()
        at.run()
        return time.perf_counter() - started

    return rerun


def measure(scenario: Scenario, directory: Path, runs: int, report: Report, label: str = "") -> None:
    """One row: the scenario's page against its bare page, generated into its own ``directory``
    (one per measurement: the kept script cache knows scripts by path)."""
    real = open_real(scenario)
    bare_at, bare_change, unsupported = open_bare(scenario, real, directory)
    for turn in range(3):  # warm-up: caches, first compilations
        _timer(real, scenario.change)(turn)
        _timer(bare_at, bare_change)(turn)
    result = interleave(_timer(real, scenario.change), _timer(bare_at, bare_change), runs)
    _checked(real)
    _checked(bare_at)
    real_types, bare_types = bare.element_types(real._tree), bare.element_types(bare_at._tree)
    same = real_types == bare_types
    report.add(
        Row(
            "Rerun (AppTest)",
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
    directory.mkdir(parents=True, exist_ok=True)
    os.environ["COR_READY_DRAFT_DB"] = str(directory / "drafts-empty.sqlite3")
    for number, scenario in enumerate(SCENARIOS):
        measure(scenario, directory / f"bare-{number}", runs, report)
    for count in draft_counts:
        store = directory / f"drafts-{count}.sqlite3"
        held = drafts.fill(store, count)
        os.environ["COR_READY_DRAFT_DB"] = str(store)
        label = f"{SCENARIOS[0].name}, store of {held:,} drafts"
        measure(SCENARIOS[0], directory / f"bare-drafts-{count}", runs, report, label)
