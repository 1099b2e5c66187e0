"""A workshop room over two processes behind the balancer, and one of them killed (issue 20).

``scripts/serve.sh --processes 2`` on a throwaway PostgreSQL database. The presenter's projector
is on process 1; five phones (each its own browser) join the one room code, two on process 1 and
three on process 2, as the balancer spreads a room of phones behind one Wi-Fi router. The
projector's picture must count every phone's share, whichever process took it. Then process 1 is
killed with SIGKILL: the room and its shares are in the database, the presenter's reload brings
the room back with its picture, and a phone of the dead process that changes its answer is still
one phone (its share replaced, not added).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from cor.content import default_content
from cor.workshop_rooms import Rooms
from tests.conftest import Place
from tests.e2e.conftest import wait_idle
from tests.e2e.servers import pin_to_process, process_serving
from tests.e2e.test_failover import Balanced, serve
from tests.e2e.test_workshop import SLOW, open_room, projector
from tests.e2e.test_workshop_room_phones import answer_first, join

pytestmark = pytest.mark.e2e

BANK = default_content().bank
FIRST = BANK.question_set("quick")[0]
#: Process of each phone: two on the presenter's process, three on the other.
PHONES = (1, 2, 2, 1, 2)


@pytest.fixture
def balanced(postgres_place: Place, tmp_path: Path) -> Iterator[Balanced]:
    assert postgres_place.url is not None
    settings = {
        "DATABASE_URL": postgres_place.url,
        "COR_READY_DRAFT_DB": str(tmp_path / "not-shared.sqlite3"),  # if DATABASE_URL were ignored
    }
    with serve(tmp_path, settings) as found:
        yield found


def test_a_room_over_two_processes_counts_every_phone_and_survives_a_killed_process(
    browser: Browser, balanced: Balanced, postgres_place: Place
) -> None:
    rooms = Rooms(postgres_place.database())
    presenter = projector(browser)
    pin_to_process(presenter.context, balanced.url, 1)
    address, code = open_room(presenter, balanced.url)
    assert process_serving(presenter) == 1

    phones = []
    for number, process in enumerate(PHONES):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        pin_to_process(context, balanced.url, process)
        phone = join(context, address)
        answer_first(phone, number % 2, code)  # "Yes" and "No" in turn
        assert process_serving(phone) == process
        phones.append(phone)
    assert len(rooms.shares(code)) == len(PHONES)
    expect(presenter.get_by_test_id("stMetric").filter(has_text="Phones that shared")).to_contain_text(
        str(len(PHONES)), timeout=SLOW
    )
    passing = presenter.get_by_test_id("stMetric").filter(has_text="Would pass today")
    expect(passing).to_contain_text(f"of {len(PHONES)}", timeout=SLOW)
    shown = passing.get_by_test_id("stMetricValue").inner_text()

    os.kill(balanced.pid_of(1), signal.SIGKILL)  # the presenter's process and two phones'
    assert len(rooms.shares(code)) == len(PHONES)  # the room and its shares are in the database
    presenter.reload()  # the presenter sees "Connecting" and reloads
    wait_idle(presenter)
    expect(presenter.get_by_text(f"Room code: {code}")).to_be_visible(timeout=SLOW)
    expect(presenter.get_by_test_id("stMetric").filter(has_text="Would pass today")).to_contain_text(
        shown, timeout=SLOW
    )
    expect(presenter.get_by_role("button", name="Close the room…")).to_be_visible(timeout=SLOW)
    assert presenter.get_by_test_id("stException").count() == 0

    moved = phones[0]  # was on the killed process: changes its answer after the failover
    answer_first(moved, 2, code)
    stored = rooms.shares(code)
    assert len(stored) == len(PHONES), "a phone that reconnected elsewhere is still one phone"
    expect(presenter.get_by_test_id("stMetric").filter(has_text="Phones that shared")).to_contain_text(
        str(len(PHONES)), timeout=SLOW
    )
    for page in (presenter, *phones):
        page.context.close()
