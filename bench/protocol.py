"""Load through Streamlit's own protocol: many light sessions speaking the websocket directly.

Browsers on this 2-core machine measure the browsers, not the server, so each simulated person
here is a websocket client (``/_stcore/stream``) that sends ``BackMsg`` rerun requests with widget
states and reads ``ForwardMsg`` replies with the ``streamlit.proto`` classes shipped in the
package. A session opens Readiness, then answers its questions at a person's pace (about a second
apart); each answer is timed from sending the change to the ``script_finished`` message. The same
load runs against the bare Readiness page (generated from the real page, see bench/bare.py), and
the server's resident memory is read before, at its highest during, and after the load.
Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from bench.server import Server

QUESTION = re.compile(r"^Q\d+\. ")
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass(frozen=True)
class Load:
    sessions: int = 50
    answers: int = 8  # answers per session
    pace: float = 1.0  # seconds between a person's answers (+-30%)
    arrival: float = 10.0  # seconds over which the sessions arrive (a room opening one link)
    timeout: float = 60.0  # the longest a single rerun may take before the bench gives up


@dataclass
class Session:
    """One simulated person: a websocket, the page's question radios and what they answered."""

    connection: ClientConnection
    page_hash: str = ""
    questions: dict[str, list[str]] = field(default_factory=dict)  # widget id -> option labels
    states: dict[str, WidgetState] = field(default_factory=dict)

    async def rerun(self, page_name: str, timeout: float) -> float:
        """Ask for a rerun with the current widget states; seconds until the run finished."""
        message = BackMsg()
        client = message.rerun_script
        client.page_name = page_name
        client.page_script_hash = self.page_hash
        client.widget_states.widgets.extend(self.states.values())
        started = time.perf_counter()
        await self.connection.send(message.SerializeToString())
        async with asyncio.timeout(timeout):
            while True:
                reply = ForwardMsg()
                reply.ParseFromString(await self.connection.recv())
                self._read(reply)
                kind = reply.WhichOneof("type")
                if kind == "script_finished" and reply.script_finished in FINISHED:
                    return time.perf_counter() - started

    def _read(self, reply: ForwardMsg) -> None:
        kind = reply.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = reply.new_session.page_script_hash
        elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
            element = reply.delta.new_element
            if element.WhichOneof("type") == "radio" and QUESTION.match(element.radio.label):
                self.questions[element.radio.id] = list(element.radio.options)

    def answer_next(self, draw: random.Random) -> bool:
        """Pick an answer for the next unanswered question; False when none is left."""
        for widget_id, options in self.questions.items():
            if widget_id not in self.states:
                self.states[widget_id] = WidgetState(id=widget_id, string_value=draw.choice(options))
                return True
        return False


async def person(server: Server, load: Load, seed: int, latencies: list[float]) -> None:
    draw = random.Random(seed)
    await asyncio.sleep(draw.uniform(0, load.arrival))
    uri = f"ws://127.0.0.1:{server.port}/_stcore/stream"
    async with connect(
        uri, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=60
    ) as connection:
        session = Session(connection)
        await session.rerun("readiness", load.timeout)  # opening the page
        for _ in range(load.answers):
            await asyncio.sleep(load.pace * draw.uniform(0.7, 1.3))
            if not session.answer_next(draw):
                break
            latencies.append(await session.rerun("readiness", load.timeout))


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


def warm(server: Server, settle: float) -> float:
    """One person first (imports, caches); the server's memory once it has dropped that session."""
    asyncio.run(person(server, Load(sessions=1, answers=1, arrival=0, pace=0.1), 999, []))
    time.sleep(settle)
    return server.rss_mib()


def crowd(server: Server, load: Load, into: LoadResult) -> None:
    """One crowd against ``server``: its latencies and peak memory are added to ``into``."""
    latencies, peak = asyncio.run(_crowd(server, load))
    into.latencies.extend(latencies)
    into.rss_peak = max(into.rss_peak, peak)
