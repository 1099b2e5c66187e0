"""Person-paced load through the balancer (``scripts/serve.sh``), and a process killed mid-load.

``python -m bench.balancer`` (``--quick`` for a light first look) runs, in one go and on a
throwaway PostgreSQL cluster (``scripts/pg_test_cluster.sh``):

- 100 and 200 person-paced sessions (bench/protocol.py: websocket clients answering Readiness
  3-8 s apart, as phones in a workshop room) through HAProxy on 1 and on 2 app processes, Readiness and the bare
  Readiness page (bench/load.py generates it) alternating, so every figure has its baseline from
  the same minutes of the same machine;
- a failover run on 2 processes: one process is killed with SIGKILL while the crowd answers; each
  simulated person reconnects through the balancer as the browser does (and, as the page's
  reconnect script does, runs the page at once with every answer it shows) and the bench checks
  that every answer given is in the database, and how long each reconnect took.

The table is written to ``bench/results/<date>-balancer.md`` with the machine's load average
before and after: the machine is shared, so read the figures with it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402
from websockets.exceptions import ConnectionClosed  # noqa: E402
from websockets.typing import Subprotocol  # noqa: E402

from bench.load import bare_readiness  # noqa: E402
from bench.protocol import Load, LoadResult, Session, as_phones, person, warm  # noqa: E402
from bench.report import Report, Row, verdict  # noqa: E402
from bench.stats import percentile  # noqa: E402
from devtools.app_server import Server, free_port  # noqa: E402

P95_TARGET_MS = 500.0
RECONNECT_TARGET_S = 5.0
SECTION = "Balancer (HAProxy, websocket protocol)"


@dataclass(frozen=True)
class Balanced(Server):
    """The balancer's address; ``pid`` and memory are those of the app processes behind it."""

    ports: tuple[int, ...] = ()

    def pids(self) -> list[int]:
        wanted = {f"--server.port={port}".encode() for port in self.ports}
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    argv = set((entry / "cmdline").read_bytes().split(b"\0"))
                except OSError:
                    continue
                if argv & wanted:
                    found.append(int(entry.name))
        return found

    def rss_mib(self) -> float:
        total = 0.0
        for pid in self.pids():
            with contextlib.suppress(OSError, RuntimeError):  # a process that just died (failover)
                total += Server(self.url, self.port, pid).rss_mib()
        return total


@contextmanager
def balanced(app: Path, processes: int, env: dict[str, str], log: Path) -> Iterator[Balanced]:
    """``scripts/serve.sh --processes N --app APP`` on 127.0.0.1 until the block ends (SIGTERM)."""
    port = free_port()
    command = [str(ROOT / "scripts" / "serve.sh"), "--processes", str(processes), "--port", str(port),
               "--address", "127.0.0.1", "--app", str(app), "--", "--server.disconnectedSessionTTL=3"]  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            found = re.search(r"process\(es\) on 127\.0\.0\.1 ports ([\d ]+),", log.read_text())
            try:
                if found and urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"serve.sh did not start:\n{log.read_text()}")
            time.sleep(0.3)
        ports = tuple(int(part) for part in found.group(1).split())
        server = Balanced(url, port, 0, ports)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)


# --- the failover run -----------------------------------------------------------------------


@dataclass
class Person(Session):
    """A simulated person who also keeps the page's address (the draft's token is in it)."""

    query: str = ""

    def _read(self, reply: ForwardMsg) -> None:
        super()._read(reply)
        if reply.WhichOneof("type") == "page_info_changed":
            self.query = reply.page_info_changed.query_string

    async def rerun_here(self, timeout: float) -> float:
        message = BackMsg()
        message.rerun_script.page_name = "readiness"
        message.rerun_script.page_script_hash = self.page_hash
        message.rerun_script.query_string = self.query
        message.rerun_script.widget_states.widgets.extend(self.states.values())
        message.rerun_script.fragment_id = self.answered_fragment()
        return await self.exchange(message, timeout)


@dataclass
class FailoverResult:
    reconnects: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    given: dict[str, int] = field(default_factory=dict)  # draft token -> answers given
    failed: int = 0
    #: Runs that took longer than the load's timeout (the person then reconnects): a slow server,
    #: not a dropped connection.
    slow: int = 0


async def _failover_person(server: Balanced, load: Load, seed: int, into: FailoverResult) -> None:
    draw = random.Random(seed)
    await asyncio.sleep(draw.uniform(0, load.arrival))
    uri = f"ws://127.0.0.1:{server.port}/_stcore/stream"
    person: Person | None = None
    answered = 0
    dropped_at: float | None = None
    while answered < load.answers:
        try:
            async with connect(
                uri, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=60
            ) as ws:
                if person is None:
                    person = Person(ws)
                    await person.rerun_here(load.timeout)
                else:  # back after a drop: run at once with every answer shown (ui/reconnect.py)
                    person.connection = ws
                    await person.rerun_here(load.timeout)
                    assert dropped_at is not None
                    into.reconnects.append(time.monotonic() - dropped_at)
                    dropped_at = None
                while answered < load.answers:
                    await asyncio.sleep(draw.uniform(*load.pause))
                    if not person.answer_next(draw):
                        answered = load.answers
                        break
                    answered += 1
                    into.latencies.append(await person.rerun_here(load.timeout))
        except (ConnectionClosed, OSError) as exc:
            into.slow += isinstance(exc, TimeoutError)
            dropped_at = dropped_at or time.monotonic()
            await asyncio.sleep(0.25)
    token = parse_qs(person.query).get("draft", [""])[0] if person else ""
    if token and person is not None:
        into.given[token] = len(person.states)
    else:
        into.failed += 1


async def _failover_crowd(server: Balanced, load: Load, kill_after: float) -> FailoverResult:
    result = FailoverResult()

    async def killer() -> None:
        await asyncio.sleep(kill_after)
        victims = Balanced(server.url, server.port, 0, server.ports[:1]).pids()
        for pid in victims:
            os.kill(pid, signal.SIGKILL)

    await asyncio.gather(
        killer(), *(_failover_person(server, load, seed, result) for seed in range(load.sessions))
    )
    return result


def failover(server: Balanced, load: Load, database_url: str, name: str, report: Report) -> None:
    """One crowd on 2 processes, one killed mid-load; every answer given must be stored."""
    from cor.store import DraftStore

    result = as_phones(_failover_crowd(server, load, kill_after=load.arrival + load.pause[1]))
    store = DraftStore(url=database_url, days=30)
    kept = 0
    for token, given in result.given.items():
        stored = store.load(token)
        kept += stored is not None and len(stored.get("answers", {})) >= given
    store.database.dispose()
    sessions = len(result.given)
    slowest = max(result.reconnects, default=0.0)
    report.add(Row(SECTION, f"{name}: kill -9 of 1 of 2 processes mid-load, {load.sessions} sessions; sessions that "
                   "reconnected / slowest reconnect (drop to finished run)",
                   f"{len(result.reconnects)} reconnects ({result.slow} after a run over {load.timeout:.0f} s), "
                   f"slowest {slowest:.1f} s", "-",
                   f"p95 {percentile(result.reconnects, 0.95):.1f} s" if result.reconnects else "-",
                   f"<= {RECONNECT_TARGET_S:.0f} s", verdict(slowest, RECONNECT_TARGET_S)))  # fmt: skip
    lost = sessions - kept + result.failed
    report.add(Row(SECTION, f"{name}: sessions with every answer stored after the kill",
                   f"{kept} of {sessions + result.failed}", "-", f"{lost} with an answer missing",
                   "all", "ok" if lost == 0 else "OVER"))  # fmt: skip


# --- the load runs --------------------------------------------------------------------------


def _rows(report: Report, what: str, real: LoadResult, base: LoadResult, refused: tuple[str, str]) -> None:
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):
        mine = percentile(real.latencies, fraction) * 1000
        theirs = percentile(base.latencies, fraction) * 1000
        target = f"<= {P95_TARGET_MS:.0f} ms" if name == "p95" else "info"
        report.add(Row(SECTION, f"{what}: Readiness answer to finished run, {name}", f"{mine:.0f} ms",
                       f"{theirs:.0f} ms", f"{mine / theirs:.2f}x", target,
                       verdict(mine, P95_TARGET_MS) if name == "p95" else "info"))  # fmt: skip
    report.add(Row(SECTION, f"{what}: sessions refused, dropped or timed out (Readiness / bare)", refused[0],
                   refused[1], "-", "0", "ok" if refused[0] == "0" else "OVER"))  # fmt: skip


def _crowd_counting(server: Server, load: Load, into: LoadResult) -> str:
    """A crowd like bench/protocol.py's, counting the sessions that failed (refused, dropped,
    timed out) by cause instead of stopping at the first: "0", or e.g. "12 (TimeoutError 12)"."""

    async def everyone() -> list[object]:
        return await asyncio.gather(
            *(person(server, load, seed, into.latencies) for seed in range(load.sessions)),
            return_exceptions=True,
        )

    outcomes = as_phones(everyone())
    causes = Counter(type(outcome).__name__ for outcome in outcomes if isinstance(outcome, BaseException))
    total = sum(causes.values())
    return f"{total} ({', '.join(f'{name} {n}' for name, n in causes.most_common())})" if total else "0"


def run(
    directory: Path, sessions: list[int], processes: list[int], answers: int, report: Report, only: str | None
) -> None:
    started = subprocess.run([str(ROOT / "scripts" / "pg_test_cluster.sh"), "start"], check=True,
                             capture_output=True, text=True).stdout.split()  # fmt: skip
    folder, database_url = started[0], started[1]
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    env |= {"DATABASE_URL": database_url, "COR_READY_SKIP_INSTALL": "1", "PYTHONPATH": str(ROOT)}
    try:
        bare_app = bare_readiness(directory / "bare") if only != "failover" else ROOT / "app.py"
        for count in processes if only != "failover" else []:
            with (
                balanced(ROOT / "app.py", count, env, directory / f"real-{count}.log") as real_server,
                balanced(bare_app, count, env, directory / f"bare-{count}.log") as bare_server,
            ):
                for server in (real_server, bare_server):
                    warm(server, 4.0)
                for people in sessions:
                    load = Load(sessions=people, answers=answers)
                    real, base = LoadResult(), LoadResult()
                    refused = (
                        _crowd_counting(real_server, load, real),
                        _crowd_counting(bare_server, load, base),
                    )
                    if real.latencies and base.latencies:
                        what = f"{people} sessions x {answers} answers on {count} process(es)"
                        _rows(report, what, real, base, refused)
                    time.sleep(4.0)
        if only != "load":
            with balanced(ROOT / "app.py", 2, env, directory / "failover.log") as server:
                warm(server, 4.0)
                failover(
                    server, Load(sessions=max(sessions), answers=answers), database_url, "Readiness", report
                )
    finally:
        subprocess.run([str(ROOT / "scripts" / "pg_test_cluster.sh"), "stop", folder], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 and 60 sessions, 4 answers each")
    parser.add_argument("--only", choices=["load", "failover"], help="one part of the run")
    parser.add_argument("--sessions", type=int, nargs="+", help="crowd sizes instead of 100 and 200")
    options = parser.parse_args()
    # SIGTERM (a timeout, a Ctrl-C in a wrapper) unwinds like an exception: servers and the
    # throwaway database are stopped, never left behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sessions, answers = ([30, 60], 4) if options.quick else ([100, 200], 8)
    sessions = options.sessions or sessions
    report = Report()
    before = os.getloadavg()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cor-ready-bench-balancer.") as folder:
        run(Path(folder), sessions, [1, 2], answers, report, options.only)
    after = os.getloadavg()
    report.note(f"Load average (1/5/15 min) before {before[0]:.2f}/{before[1]:.2f}/{before[2]:.2f}, after "
                f"{after[0]:.2f}/{after[1]:.2f}/{after[2]:.2f}; {os.cpu_count()} cores; the machine is shared.")  # fmt: skip
    report.note(f"Run took {time.monotonic() - started:.0f} s. Sessions arrive over 10 s and answer 3-8 s apart "
                "(bench/protocol.py); the bare page is bench/load.py's, served the same way.")  # fmt: skip
    suffix = ("-quick" if options.quick else "") + (f"-{options.only}" if options.only else "")
    suffix += "".join(f"-{people}" for people in options.sessions or [])
    name = f"{dt.date.today().isoformat()}-balancer{suffix}.md"
    report.write(ROOT / "bench" / "results" / name, "COR Ready balancer bench")


if __name__ == "__main__":
    main()
