"""Load through Streamlit's own protocol: many light sessions speaking the websocket directly.

Browsers on this 2-core machine measure the browsers, not the server, so each simulated person
here is a websocket client (``/_stcore/stream``) that sends ``BackMsg`` rerun requests with widget
states and reads ``ForwardMsg`` replies with the ``streamlit.proto`` classes shipped in the
package. A session opens Readiness, then answers its questions at a person's pace (3-8 s apart:
a phone in a workshop room; the burst crowd answers about once a second); each answer is timed
from sending the change to the ``script_finished`` message. The same load runs against the bare
Readiness page (generated from the real page, see bench/bare.py), and the server's resident
memory is read before, at its highest during, and after the load.

Every rerun names the page's own script hash, which the server sends in its ``navigation``
message (``new_session`` carries the *main* script's hash: a rerun with that one runs Home), and
every answered rerun must show the page's questions again, or the bench stops: a load figure of
the wrong page is worse than none. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import random
import re
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from devtools.app_server import Server

T = TypeVar("T")

QUESTION = re.compile(r"^Q\d+\. ")
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
#: How much lower than the servers the simulated people run (``nice``); see ``as_phones``.
CLIENT_NICE = 10


@dataclass(frozen=True)
class Load:
    sessions: int = 50
    answers: int = 8  # answers per session
    pause: tuple[float, float] = (3.0, 8.0)  # seconds between a person's answers (drawn uniformly)
    arrival: float = 10.0  # seconds over which the sessions arrive (a room opening one link)
    timeout: float = 60.0  # the longest a single rerun may take before the bench gives up

    def describe(self) -> str:
        low, high = self.pause
        return f"{self.sessions} sessions x {self.answers} answers, {low:g}-{high:g} s apart"


class WrongPage(RuntimeError):
    """A rerun did not show the page's questions: the client is not timing the page it names."""


@dataclass
class Session:
    """One simulated person: a websocket, the page's question radios and what they answered."""

    connection: ClientConnection
    page_hash: str = ""
    questions: dict[str, list[str]] = field(default_factory=dict)  # widget id -> option labels
    states: dict[str, WidgetState] = field(default_factory=dict)
    shown: int = 0  # question radios the last run drew
    changes: int = 0  # answers changed once every question was answered
    #: The fragment each question is drawn in ("" for none): as the browser does, a change to a
    #: widget inside a fragment asks for a rerun of that fragment only.
    fragments: dict[str, str] = field(default_factory=dict)
    changed: str = ""  # the widget the person just changed

    async def rerun(self, page_name: str, timeout: float) -> float:
        """Ask for a rerun with the current widget states; seconds until the run finished."""
        message = BackMsg()
        client = message.rerun_script
        client.page_name = page_name
        client.page_script_hash = self.page_hash
        client.widget_states.widgets.extend(self.states.values())
        client.fragment_id = self.answered_fragment()
        self.shown = 0
        elapsed = await self.exchange(message, timeout)
        if not self.shown:
            raise WrongPage(f"a rerun of {page_name!r} drew none of its questions")
        return elapsed

    def answered_fragment(self) -> str:
        """The fragment of the widget just changed ("" for a full run), once: as the browser does,
        an answer to a question inside a fragment reruns that fragment only."""
        fragment = self.fragments.get(self.changed, "")
        self.changed = ""
        return fragment

    async def exchange(self, message: BackMsg, timeout: float) -> float:
        """Send one rerun request and read every reply until its run finished; its seconds."""
        started = time.perf_counter()
        await self.connection.send(message.SerializeToString())
        async with asyncio.timeout(timeout):
            while True:
                reply = ForwardMsg()
                reply.ParseFromString(await self.connection.recv())
                self._read(reply)
                if reply.WhichOneof("type") == "script_finished" and reply.script_finished in FINISHED:
                    return time.perf_counter() - started

    def _read(self, reply: ForwardMsg) -> None:
        kind = reply.WhichOneof("type")
        if kind == "navigation":  # the page being run: its hash, not the main script's
            self.page_hash = reply.navigation.page_script_hash
        elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
            element = reply.delta.new_element
            if element.WhichOneof("type") == "radio" and QUESTION.match(element.radio.label):
                self.questions[element.radio.id] = list(element.radio.options)
                self.fragments[element.radio.id] = reply.delta.fragment_id
                self.shown += 1

    def answer_next(self, draw: random.Random) -> bool:
        """Answer the next unanswered question; once all are answered, change one answer to
        another option (a new set of answers: a person correcting themselves). False only when
        the page showed no question at all."""
        for widget_id, options in self.questions.items():
            if widget_id not in self.states:
                self.states[widget_id] = WidgetState(id=widget_id, string_value=draw.choice(options))
                self.changed = widget_id
                return True
        if not self.questions:
            return False
        ids = list(self.questions)
        widget_id = ids[self.changes % len(ids)]
        self.changes += 1
        current = self.states[widget_id].string_value
        others = [o for o in self.questions[widget_id] if o != current] or [current]
        self.states[widget_id] = WidgetState(id=widget_id, string_value=draw.choice(others))
        self.changed = widget_id
        return True


def _connect(server: Server) -> Any:
    uri = f"ws://127.0.0.1:{server.port}/_stcore/stream"
    # no keepalive pings: on a saturated machine a late pong would close the session mid-answer,
    # and the wait is what is being measured (the answer's own time-out bounds it)
    return connect(
        uri, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=60, ping_interval=None
    )


async def person(server: Server, load: Load, seed: int, latencies: list[float], arrive: bool = True) -> None:
    draw = random.Random(seed)
    if arrive:
        await asyncio.sleep(draw.uniform(0, load.arrival))
    try:
        async with _connect(server) as connection:
            session = Session(connection)
            await session.rerun("readiness", load.timeout)  # opening the page
            for _ in range(load.answers):
                await asyncio.sleep(draw.uniform(*load.pause))
                if not session.answer_next(draw):
                    break
                latencies.append(await session.rerun("readiness", load.timeout))
    except (TimeoutError, ConnectionClosed):  # a saturated server (even its handshake): they leave
        latencies.append(math.inf)


async def _cpu_per_action(server: Server, actions: int, seed: int) -> float:
    """One person answering as fast as the server replies: the server's CPU seconds per answer."""
    draw = random.Random(seed)
    async with _connect(server) as connection:
        session = Session(connection)
        await session.rerun("readiness", 60)
        for _ in range(3):  # warm: this session's first answers
            session.answer_next(draw)
            await session.rerun("readiness", 60)
        before = server.cpu_seconds()
        for _ in range(actions):
            session.answer_next(draw)
            await session.rerun("readiness", 60)
        return (server.cpu_seconds() - before) / actions


def cpu_per_action(server: Server, actions: int, seed: int = 7) -> float:
    """Server CPU (user + system) per answer on Readiness, one session, answers back to back."""
    return asyncio.run(_cpu_per_action(server, actions, seed))


async def _sample_memory(server: Server, peak: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak.append(server.rss_mib())
        await asyncio.sleep(0.25)


async def _crowd(server: Server, load: Load) -> tuple[list[float], float]:
    latencies: list[float] = []
    peak: list[float] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample_memory(server, peak, stop))
    await asyncio.gather(*(person(server, load, seed, latencies) for seed in range(load.sessions)))
    stop.set()
    await sampler
    return latencies, max(peak)


@dataclass
class LoadResult:
    """Latencies of every timed answer, and the server's memory around the load."""

    latencies: list[float] = field(default_factory=list)
    rss_before: float = 0.0
    rss_peak: float = 0.0
    rss_after: float = 0.0
    cpu_seconds: float = 0.0  # the server's CPU time over the crowds
    wall_seconds: float = 0.0  # and the crowds' wall time: their ratio is the share of a core it got


def as_phones(crowd: Coroutine[Any, Any, T]) -> T:
    """Run a crowd of simulated people at a lower CPU priority than the servers (``nice`` +10).

    In a room the 100 phones are 100 devices; here they are one Python process on the servers'
    two cores, and it needs about half a core (2026-12-07: 45 s of CPU over a 105 s room). At the
    same priority it takes its turn from the server being measured in the busiest minute; at a
    lower one it still runs whenever a core is free, and each answer is still timed from its send
    to its ``script_finished``. Servers started before this keep their priority; the priority is
    put back afterwards where the system allows (as root), so later servers are not slowed."""
    before = os.getpriority(os.PRIO_PROCESS, 0)
    os.setpriority(os.PRIO_PROCESS, 0, min(before + CLIENT_NICE, 19))
    try:
        return asyncio.run(crowd)
    finally:
        with contextlib.suppress(PermissionError):
            os.setpriority(os.PRIO_PROCESS, 0, before)


def warm(server: Server, settle: float) -> float:
    """One person first (imports, caches); the server's memory once it has dropped that session."""
    asyncio.run(person(server, Load(sessions=1, answers=1, arrival=0, pause=(0.1, 0.1)), 999, []))
    time.sleep(settle)
    return server.rss_mib()


def crowd(server: Server, load: Load, into: LoadResult) -> None:
    """One crowd against ``server``: its latencies and peak memory are added to ``into``."""
    cpu, wall = server.cpu_seconds(), time.monotonic()
    latencies, peak = as_phones(_crowd(server, load))
    into.cpu_seconds += server.cpu_seconds() - cpu
    into.wall_seconds += time.monotonic() - wall
    into.latencies.extend(latencies)
    into.rss_peak = max(into.rss_peak, peak)


@dataclass
class SoakResult:
    """Memory over a long person-paced run: (minutes since the start, RSS MiB) samples."""

    samples: list[tuple[float, float]] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    people: int = 0


async def _soak_person(server: Server, load: Load, seed: int, deadline: float, into: SoakResult) -> None:
    """One seat in the room for the whole soak: a person answers ``load.answers`` questions and
    leaves, and the next person takes the seat (a new session), until the time is up."""
    draw = random.Random(seed)
    await asyncio.sleep(draw.uniform(0, load.arrival))
    while time.monotonic() < deadline:
        await person(server, load, draw.randrange(10**9), into.latencies, arrive=False)
        into.people += 1


async def _soak_memory(
    server: Server, started: float, every: float, stop: asyncio.Event, into: SoakResult
) -> None:
    while not stop.is_set():
        into.samples.append(((time.monotonic() - started) / 60, server.rss_mib()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
    into.samples.append(((time.monotonic() - started) / 60, server.rss_mib()))


async def _soak(servers: list[Server], load: Load, minutes: float, every: float) -> list[SoakResult]:
    started = time.monotonic()
    deadline = started + minutes * 60
    results = [SoakResult() for _ in servers]
    stop = asyncio.Event()
    samplers = [
        asyncio.create_task(_soak_memory(server, started, every, stop, result))
        for server, result in zip(servers, results, strict=True)
    ]
    await asyncio.gather(
        *(
            _soak_person(server, load, seat * 7919 + number, deadline, result)
            for number, (server, result) in enumerate(zip(servers, results, strict=True))
            for seat in range(load.sessions)
        )
    )
    stop.set()
    await asyncio.gather(*samplers)
    return results


def soak(servers: list[Server], load: Load, minutes: float, every: float = 30.0) -> list[SoakResult]:
    """The same person-paced room on each server at once for ``minutes``; memory sampled ``every`` s."""
    return as_phones(_soak(servers, load, minutes, every))
