"""Soak: a person-paced room on Readiness for a long time, to see whether memory stays flat.

Two servers of the real app run side by side under the same room (the same number of seats, each
seat a person answering every 3-8 s and then leaving for the next person): one as configured in
``.streamlit/config.toml``, one with ``runner.postScriptGC`` set the other way. Their resident
memory is sampled every 30 s. "Flat" is judged on the second half of the run, once caches and
the interpreter's arenas have filled: RSS may grow by at most ``FLAT_MIB`` there. Run it with
``python -m bench --only soak --soak-minutes 30``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from bench.protocol import Load, SoakResult, soak
from bench.report import Report, Row
from bench.stats import percentile
from devtools.app_server import serve

ROOT = Path(__file__).resolve().parents[1]
FLAT_MIB = 5.0
SESSION_TTL = 3


def configured_gc() -> bool:
    """``runner.postScriptGC`` as the project's config sets it (Streamlit's default: on)."""
    path = ROOT / ".streamlit" / "config.toml"
    settings = tomllib.loads(path.read_text("utf-8")) if path.exists() else {}
    return bool(settings.get("runner", {}).get("postScriptGC", True))


def at_minute(samples: list[tuple[float, float]], minute: float) -> float:
    """RSS of the sample nearest ``minute``."""
    return min(samples, key=lambda sample: abs(sample[0] - minute))[1]


def _row(label: str, result: SoakResult, minutes: float) -> Row:
    start, middle, end = (at_minute(result.samples, m) for m in (0.5, minutes / 2, minutes))
    second_half = end - middle
    p95 = percentile(result.latencies, 0.95) * 1000 if result.latencies else float("nan")
    return Row(
        "Soak (person-paced)",
        f"{label}: server RSS at start / half-way / end of {minutes:g} min; "
        f"{len(result.latencies):,} answers by {result.people:,} people, p95 {p95:.0f} ms",
        f"{start:.0f} / {middle:.0f} / {end:.0f} MiB",
        "-",
        f"{second_half:+.1f} MiB over the second half",
        f"<= +{FLAT_MIB:g} MiB",
        "ok" if second_half <= FLAT_MIB else "OVER",
    )


def run(directory: Path, load: Load, minutes: float, env: dict[str, str], report: Report) -> None:
    mine = configured_gc()
    flags = (f"--server.disconnectedSessionTTL={SESSION_TTL}",)
    other = f"--runner.postScriptGC={str(not mine).lower()}"
    with (
        serve(ROOT / "app.py", env, directory / "soak-config.log", *flags) as configured,
        serve(ROOT / "app.py", env, directory / "soak-other.log", *flags, other) as flipped,
    ):
        results = soak([configured, flipped], load, minutes)
    names = (
        f"Readiness, postScriptGC {'on' if mine else 'off'} (as configured)",
        f"Readiness, postScriptGC {'off' if mine else 'on'}",
    )
    for name, result in zip(names, results, strict=True):
        report.add(_row(name, result, minutes))
        trace = ", ".join(
            f"{m:.0f} min {rss:.0f}" for m, rss in result.samples[:: max(1, len(result.samples) // 12)]
        )
        report.note(f"Soak, {name}: RSS MiB over time: {trace}.")
    report.note(
        f"Soak: {load.sessions} seats on each server at once, each a person answering "
        f"{load.answers} questions {load.pause[0]:g}-{load.pause[1]:g} s apart and then leaving for the next "
        f"person (a new session); sessions dropped {SESSION_TTL} s after closing."
    )
