"""A workshop room of 100 phones at a person's pace, and the presenter's picture on another process.

Two app processes share one database, as two instances behind the balancer do: the phones all
speak to the first, the presenter's projector to the second. Each phone is a websocket session
(bench/protocol.py) that opens the room's quick-check link, ticks the consent box, then answers a
question every 3 to 8 seconds; each answer is timed from sending the change to the end of its run,
which includes storing the phone's blurred share. The presenter's page reruns its picture fragment
every 1.5 s, as the browser does; each of those runs is timed, and so is the time from a phone's
answer being stored to the picture showing that phone's count ("answer to update").

    .venv/bin/python -m bench.workshop_room [--phones 100] [--answers 6]

Prints the p50 and p95 of each; the speed issue's target is p95 <= 300 ms answer to update
(the phone's own run). Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from bench.protocol import Session, as_phones
from bench.stats import percentile
from devtools.app_server import ROOT, Server, serve

CONSENT = "Add my result to the room's picture"
SHARED = re.compile(r"^(\d+) phones? ha(?:s|ve) shared")
PICTURE_SECONDS = 1.5


@dataclass
class RoomSession(Session):
    """A session that also knows the consent box, the picture's fragment and the count it shows."""

    consent_id: str = ""
    fragment_id: str = ""
    shown: int = -1
    shared: bool = False

    async def run(self, page: str, query: str, timeout: float, fragment: str = "") -> float:
        message = BackMsg()
        client = message.rerun_script
        client.page_name = page  # by name each time: the hash new_session gives is the router's
        client.query_string = query
        client.fragment_id = fragment or self.answered_fragment()
        client.widget_states.widgets.extend(self.states.values())
        return await self.exchange(message, timeout)

    def _read(self, reply: ForwardMsg) -> None:
        super()._read(reply)
        self._read_room(reply)

    def _read_room(self, reply: ForwardMsg) -> None:
        if reply.WhichOneof("type") != "delta" or reply.delta.WhichOneof("type") != "new_element":
            return
        element = reply.delta.new_element
        kind = element.WhichOneof("type")
        if reply.delta.fragment_id:
            self.fragment_id = reply.delta.fragment_id
        if kind == "checkbox" and element.checkbox.label == CONSENT:
            self.consent_id = element.checkbox.id
            self.fragments[self.consent_id] = reply.delta.fragment_id  # a tick reruns its fragment
        elif kind == "metric" and element.metric.label == "Phones that shared":
            self.shown = int(element.metric.body)
        elif kind == "markdown" and element.markdown.body.startswith("Your result is shared with room"):
            self.shared = True
        elif kind == "alert" and (found := SHARED.match(element.alert.body)):
            self.shown = int(found.group(1))


@dataclass
class Room:
    code: str
    key: str
    phones: int
    stored_at: list[float] = field(default_factory=list)  # when each phone's first share was stored
    answers: list[float] = field(default_factory=list)
    picture_runs: list[float] = field(default_factory=list)
    seen_at: dict[int, float] = field(default_factory=dict)  # count shown -> when first shown
    gave_up: int = 0


async def phone(server: Server, room: Room, seed: int, answers: int) -> None:
    """One attendee; a run that takes longer than two minutes is counted as given up, not fatal."""
    try:
        await _phone(server, room, seed, answers)
    except (TimeoutError, ConnectionClosed):
        room.gave_up += 1


async def _phone(server: Server, room: Room, seed: int, answers: int) -> None:
    draw = random.Random(seed)
    await asyncio.sleep(draw.uniform(0, 60))  # a room opening one link over a minute
    query = f"quick=1&room={room.code}"
    async with connect(f"ws://127.0.0.1:{server.port}/_stcore/stream", subprotocols=[Subprotocol("streamlit")],
                       max_size=None, open_timeout=120, ping_interval=None) as connection:  # fmt: skip
        session = RoomSession(connection)
        await session.run("readiness", query, 120)
        for widget_id, labels in session.questions.items():  # a person who answers, not "not applicable"
            session.questions[widget_id] = [label for label in labels if "applicable" not in label]
        session.states[session.consent_id] = WidgetState(id=session.consent_id, bool_value=True)
        session.changed = session.consent_id  # as the browser does: the box's own fragment reruns
        await session.run("readiness", query, 120)
        for number in range(answers):
            await asyncio.sleep(draw.uniform(3, 8))
            if not session.answer_next(draw):
                break
            room.answers.append(await session.run("readiness", query, 120))
            if number == 0 and session.shared:
                room.stored_at.append(time.perf_counter())


async def presenter(server: Server, room: Room, stop: asyncio.Event) -> None:
    query = f"room={room.code}&key={room.key}"
    async with connect(f"ws://127.0.0.1:{server.port}/_stcore/stream", subprotocols=[Subprotocol("streamlit")],
                       max_size=None, open_timeout=120, ping_interval=None) as connection:  # fmt: skip
        session = RoomSession(connection)
        await session.run("workshop", query, 120)
        while not stop.is_set():
            await asyncio.sleep(PICTURE_SECONDS)
            room.picture_runs.append(await session.run("workshop", query, 120, fragment=session.fragment_id))
            room.seen_at.setdefault(session.shown, time.perf_counter())


async def _room(phones_server: Server, picture_server: Server, room: Room, answers: int) -> None:
    stop = asyncio.Event()
    watching = asyncio.create_task(presenter(picture_server, room, stop))
    await asyncio.gather(*(phone(phones_server, room, seed, answers) for seed in range(room.phones)))
    await asyncio.sleep(2 * PICTURE_SECONDS)
    stop.set()
    await watching


def update_delays(room: Room) -> list[float]:
    """For the n-th phone's first stored share: seconds until the picture first showed n or more."""
    delays = []
    for number, stored in enumerate(sorted(room.stored_at), start=1):
        seen = [at for count, at in room.seen_at.items() if count >= number and at >= stored]
        if seen:
            delays.append(min(seen) - stored)
    return delays


def show(name: str, seconds: list[float]) -> str:
    if not seconds:
        return f"{name}: no sample"
    return (
        f"{name}: p50 {percentile(seconds, 0.5) * 1000:.0f} ms, p95 {percentile(seconds, 0.95) * 1000:.0f} ms "
        f"({len(seconds)} samples)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--answers", type=int, default=6)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-workshop-"))
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    env["COR_READY_DRAFT_DB"] = str(folder / "cor-ready.sqlite3")
    os.environ["COR_READY_DRAFT_DB"] = env["COR_READY_DRAFT_DB"]
    from cor.workshop_rooms import Rooms

    with ExitStack() as stack:
        phones_server = stack.enter_context(serve(ROOT / "app.py", env, folder / "phones.log"))
        picture_server = stack.enter_context(serve(ROOT / "app.py", env, folder / "picture.log"))
        opened = Rooms().open_room()
        room = Room(code=opened.code, key=opened.key, phones=options.phones)
        as_phones(_room(phones_server, picture_server, room, options.answers))
        shared = len(Rooms().shares(room.code))
    print(
        f"{options.phones} phones, {options.answers} answers each, 3-8 s apart; picture on a second process"
    )
    print(show("answer (phone's run, share stored)", room.answers))
    print(show("picture refresh (presenter's fragment run)", room.picture_runs))
    print(show("answer stored -> picture shows it", update_delays(room)))
    print(f"phones that gave up (a run over 120 s): {room.gave_up}")
    print(f"{shared} phones' shares in the room at the end; the picture last showed {max(room.seen_at)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
