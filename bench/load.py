"""The protocol-level load as a bench section: Readiness against its bare page, same crowd."""

from __future__ import annotations

import time
from pathlib import Path

from bench import bare
from bench.protocol import Load, LoadResult, crowd, warm
from bench.report import Report, Row, verdict
from bench.rerun import open_real
from bench.scenarios import Change, Scenario, as_opened
from bench.server import serve
from bench.stats import percentile, ratio

ROOT = Path(__file__).resolve().parents[1]
P95_TARGET_MS = 500.0
MIB_PER_SESSION_TARGET = 30.0
#: Disconnected sessions are kept this long (Streamlit's default is 120 s): "after" is read past it.
SESSION_TTL = 3
SETTLE = 8.0


#: Readiness as a newcomer opens it, nothing answered: what each simulated person sees first.
NEWCOMER = Scenario(
    "Readiness, new", "readiness", dict, as_opened, Change("switch_page", "", ("app_pages/readiness.py",) * 2)
)


def bare_readiness(directory: Path) -> Path:
    """The bare Readiness page generated from a newcomer's view of the real one."""
    bare.generate(open_real(NEWCOMER)._tree, "readiness", directory)
    return directory / "app.py"


def run(directory: Path, load: Load, env: dict[str, str], report: Report, rounds: int = 2) -> None:
    """Both servers up; crowds alternate Readiness, bare, Readiness, bare (``rounds`` each)."""
    bare_app = bare_readiness(directory / "load-bare")
    bare_env = dict(env, PYTHONPATH=str(ROOT))  # the copied frame imports ui/ from the project
    ttl = f"--server.disconnectedSessionTTL={SESSION_TTL}"
    real, base = LoadResult(), LoadResult()
    with (
        serve(ROOT / "app.py", env, directory / "load-app.log", ttl) as real_server,
        serve(bare_app, bare_env, directory / "load-bare.log", ttl) as bare_server,
    ):
        pairs = ((real_server, real), (bare_server, base))
        for server, result in pairs:
            result.rss_before = warm(server, SETTLE)
        for _ in range(rounds):
            for server, result in pairs:
                crowd(server, load, result)
                time.sleep(SETTLE)
        for server, result in pairs:
            result.rss_after = server.rss_mib()
    for name, result in (("Readiness", real), ("the bare page", base)):
        if not result.latencies:
            raise RuntimeError(f"no answer could be timed on {name}: see the server log in {directory}")
    what = f"{load.sessions} sessions x {load.answers} answers, ~{load.pace:.0f} s apart"
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):
        mine, theirs = (
            percentile(real.latencies, fraction) * 1000,
            percentile(base.latencies, fraction) * 1000,
        )
        target = f"<= {P95_TARGET_MS:.0f} ms" if name == "p95" else "info"
        report.add(
            Row(
                "Load (websocket protocol)",
                f"Readiness answer to finished rerun, {name}; {what}",
                f"{mine:.0f} ms",
                f"{theirs:.0f} ms",
                f"{mine / theirs:.2f}x",
                target,
                verdict(mine, P95_TARGET_MS) if name == "p95" else "info",
            )
        )
    both = ratio(real.latencies, base.latencies)
    report.add(
        Row(
            "Load (websocket protocol)",
            "Readiness answer to finished rerun, median and p10-p90",
            both.measured.show(),
            both.baseline.show(),
            f"{both.ratio:.2f}x",
            "info",
            "info",
        )
    )
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
    report.note(
        f"Load: {len(real.latencies)} answers timed on Readiness, {len(base.latencies)} on the bare page; "
        f"sessions dropped {SESSION_TTL} s after closing (server.disconnectedSessionTTL), 'after' read "
        f"{SETTLE:.0f} s after the last closed; crowds alternate Readiness, bare, Readiness, bare ({rounds} each)."
    )
