"""The protocol-level load as a bench section: Readiness against its bare page, each served by its
own ``streamlit run`` process.

Three figures, each against the bare page measured in the same run:

- **Server CPU per action**: one session answering back to back, the server's CPU time (user +
  system, /proc) divided by the answers. Each app runs in its own process, so each pays for its
  own heap (Streamlit's after-run garbage collection walks all of it), which AppTest, running both
  pages in the bench's one process, cannot show.
- **Person-paced load** (the main figure): people answering every 3-8 s, as phones in a workshop
  room do; p95 from an answer to the finished rerun.
- **Burst**: the same page with everyone answering about once a second.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from bench import bare
from bench.protocol import Load, LoadResult, cpu_per_action, crowd, warm
from bench.report import Report, Row, verdict
from bench.rerun import open_real
from bench.scenarios import Change, Scenario, as_opened
from bench.stats import percentile, ratio
from devtools.app_server import Server, serve

ROOT = Path(__file__).resolve().parents[1]
P95_TARGET_MS = 300.0
CPU_TARGET = 1.5
MIB_PER_SESSION_TARGET = 30.0
#: Disconnected sessions are kept this long (Streamlit's default is 120 s): "after" is read past it.
SESSION_TTL = 3
SETTLE = 8.0
SECTION = "Load (websocket protocol)"


#: Readiness as a newcomer opens it, nothing answered: what each simulated person sees first.
NEWCOMER = Scenario(
    "Readiness, new", "readiness", dict, as_opened, Change("switch_page", "", ("app_pages/readiness.py",) * 2)
)


def bare_readiness(directory: Path) -> Path:
    """The bare Readiness page generated from a newcomer's view of the real one."""
    bare.generate(open_real(NEWCOMER)._tree, "readiness", directory)
    return directory / "app.py"


def _cpu_rows(
    pairs: tuple[tuple[Server, LoadResult], ...], actions: int, rounds: int, report: Report
) -> None:
    real_cpu: list[float] = []
    bare_cpu: list[float] = []
    for turn in range(rounds):
        order = [(pairs[0][0], real_cpu), (pairs[1][0], bare_cpu)]
        for server, into in order if turn % 2 == 0 else reversed(order):
            into.append(cpu_per_action(server, actions, seed=turn))
    both = ratio(real_cpu, bare_cpu)
    report.add(
        Row(
            SECTION,
            f"Server CPU per answer on Readiness, served (one session, {actions} answers x {rounds})",
            both.measured.show(),
            both.baseline.show(),
            both.show(),
            f"<= {CPU_TARGET}x",
            verdict(both.ratio, CPU_TARGET),
        )
    )


def _latency_rows(
    name: str, load: Load, real: LoadResult, base: LoadResult, target: bool, report: Report
) -> None:
    for label, fraction in (("p50", 0.5), ("p95", 0.95)):
        mine = percentile(real.latencies, fraction) * 1000
        theirs = percentile(base.latencies, fraction) * 1000
        judged = target and label == "p95"
        report.add(
            Row(
                SECTION,
                f"{name}: Readiness answer to finished rerun, {label}; {load.describe()}",
                _ms(mine, load, real),
                _ms(theirs, load, base),
                f"{mine / theirs:.2f}x" if math.isfinite(mine / theirs) else "-",
                f"<= {P95_TARGET_MS:.0f} ms" if judged else "info",
                verdict(mine, P95_TARGET_MS) if judged else "info",
            )
        )


def _share_row(name: str, real: LoadResult, base: LoadResult, report: Report) -> None:
    """How busy each server was during its crowds: CPU seconds per wall second. A server near
    100% of one core is saturated (one process runs its scripts under one interpreter lock); one
    well below it while answers wait was not given the CPU by the machine."""

    def busy(result: LoadResult) -> str:
        answers = len(result.latencies) / result.wall_seconds if result.wall_seconds else 0.0
        share = result.cpu_seconds / result.wall_seconds if result.wall_seconds else 0.0
        return f"{share:.0%} of a core ({answers:.1f} answers/s)"

    report.add(
        Row(
            SECTION, f"{name}: server CPU busy during the crowds", busy(real), busy(base), "-", "info", "info"
        )
    )


def _ms(value: float, load: Load, result: LoadResult) -> str:
    """Milliseconds, or how many answers waited past the client's time-out (a saturated server)."""
    if math.isfinite(value):
        return f"{value:.0f} ms"
    lost = sum(1 for latency in result.latencies if not math.isfinite(latency))
    return f"> {load.timeout:.0f} s ({lost} waits timed out)"


def _memory_rows(load: Load, real: LoadResult, base: LoadResult, report: Report) -> None:
    for label, result in (("Readiness", real), ("bare page", base)):
        per_session = (result.rss_peak - result.rss_before) / load.sessions
        report.add(
            Row(
                "Load memory",
                f"{label}: server RSS before / peak / after",
                f"{result.rss_before:.0f} / {result.rss_peak:.0f} / {result.rss_after:.0f} MiB",
                "-",
                f"{per_session:.2f} MiB a session; after is +{result.rss_after - result.rss_before:.0f} MiB",
                f"<= {MIB_PER_SESSION_TARGET:.0f} MiB a session",
                verdict(per_session, MIB_PER_SESSION_TARGET),
            )
        )


def _crowds(pairs: tuple[tuple[Server, LoadResult], ...], load: Load, rounds: int) -> None:
    for _ in range(rounds):
        for server, result in pairs:
            crowd(server, load, result)
            time.sleep(SETTLE)


def run(
    directory: Path,
    paced: Load,
    burst: Load,
    env: dict[str, str],
    report: Report,
    rounds: int = 2,
    cpu_actions: int = 30,
    options: tuple[str, ...] = (),
) -> None:
    """Both servers up; CPU per action, then person-paced and burst crowds alternating Readiness,
    bare, Readiness, bare (``rounds`` each). ``options`` go to both servers (e.g. a runner setting)."""
    bare_app = bare_readiness(directory / "load-bare")
    bare_env = dict(env, PYTHONPATH=str(ROOT))  # the copied frame imports ui/ from the project
    flags = (f"--server.disconnectedSessionTTL={SESSION_TTL}", *options)
    real, base = LoadResult(), LoadResult()
    real_burst, base_burst = LoadResult(), LoadResult()
    with (
        serve(ROOT / "app.py", env, directory / "load-app.log", *flags) as real_server,
        serve(bare_app, bare_env, directory / "load-bare.log", *flags) as bare_server,
    ):
        pairs = ((real_server, real), (bare_server, base))
        for server, result in pairs:
            result.rss_before = warm(server, SETTLE)
        _cpu_rows(pairs, cpu_actions, max(rounds, 2) * 2, report)
        _crowds(pairs, paced, rounds)
        for server, result in pairs:
            result.rss_after = server.rss_mib()
        _crowds(((real_server, real_burst), (bare_server, base_burst)), burst, rounds)
    for name, result in (("Readiness", real), ("the bare page", base)):
        if not result.latencies:
            raise RuntimeError(f"no answer could be timed on {name}: see the server log in {directory}")
    _latency_rows("Person-paced", paced, real, base, True, report)
    _share_row("Person-paced", real, base, report)
    _latency_rows("Burst", burst, real_burst, base_burst, False, report)
    _share_row("Burst", real_burst, base_burst, report)
    _memory_rows(paced, real, base, report)
    report.note(
        f"Load: {len(real.latencies)} person-paced and {len(real_burst.latencies)} burst answers timed on "
        f"Readiness, {len(base.latencies)} and {len(base_burst.latencies)} on the bare page; every rerun "
        "named the page's own script hash and drew its questions; sessions dropped "
        f"{SESSION_TTL} s after closing (server.disconnectedSessionTTL), 'after' read {SETTLE:.0f} s after "
        f"the last person-paced crowd closed; crowds alternate Readiness, bare ({rounds} each)"
        + (f"; server options: {' '.join(options)}" if options else "")
        + "."
    )
