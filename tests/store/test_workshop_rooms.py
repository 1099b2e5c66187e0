"""Workshop rooms in the database (both SQLite and PostgreSQL): the presenter's key reopens a room,
the code alone never does; closing deletes every share at once; a closed room is told apart from
one that never existed; one phone's share is replaced, never added twice."""

from __future__ import annotations

import pytest

from cor.db import Database
from cor.workshop_rooms import MAX_PHONES, ROOM_HOURS, TOMBSTONE_DAYS, RoomError, Rooms
from tests.conftest import Clock

SHARE = {"passed": True, "below": {"leadership": False}}


@pytest.fixture
def rooms(database: Database) -> Rooms:
    return Rooms(database)


def test_the_presenters_key_reopens_the_room_and_the_code_alone_does_not(rooms: Rooms) -> None:
    opened = rooms.open_room()
    assert rooms.status(opened.code) == "open"
    assert rooms.reopen(opened.code, opened.key)
    assert not rooms.reopen(opened.code, "")
    assert not rooms.reopen(opened.code, opened.code)
    assert not rooms.reopen(opened.code, opened.key[:-1] + ("A" if opened.key[-1] != "A" else "B"))
    assert not rooms.close(opened.code, "not-the-presenters-key-at-all")
    assert rooms.status(opened.code) == "open"


def test_the_key_is_not_stored_only_its_hash(rooms: Rooms, database: Database) -> None:
    opened = rooms.open_room()
    with database.begin() as conn:
        row = conn.exec_driver_sql("SELECT * FROM workshop_rooms").one()
    assert opened.key not in [str(value) for value in row]


def test_closing_deletes_every_share_and_the_room_then_says_closed(rooms: Rooms, database: Database) -> None:
    opened = rooms.open_room()
    assert rooms.share(opened.code, "phone-one-0001", SHARE)
    assert rooms.share(opened.code, "phone-two-0002", SHARE)
    assert rooms.close(opened.code, opened.key)
    assert rooms.status(opened.code) == "closed"
    assert rooms.shares(opened.code) == []
    assert not rooms.reopen(opened.code, opened.key)
    assert not rooms.share(opened.code, "phone-three-03", SHARE)
    with database.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM workshop_answers").scalar() == 0
        salt, key_hash = conn.exec_driver_sql("SELECT salt, presenter_hash FROM workshop_rooms").one()
    assert salt is None and key_hash is None  # only the code and its times are left


def test_a_code_never_opened_is_unknown_not_closed(rooms: Rooms) -> None:
    assert rooms.status("ABCDEFGH") == "unknown"
    assert rooms.status("<script>") == "unknown"
    assert rooms.shares("'; DROP TABLE x; --") == []


def test_a_room_closes_itself_after_its_hours_and_is_forgotten_after_a_week(database: Database) -> None:
    clock = Clock()
    rooms = Rooms(database, clock=clock)
    opened = rooms.open_room()
    rooms.share(opened.code, "phone-one-0001", SHARE)
    clock.now += ROOM_HOURS * 3600 + 1
    assert rooms.status(opened.code) == "closed"
    assert not rooms.reopen(opened.code, opened.key)
    assert rooms.shares(opened.code) == []
    with database.begin() as conn:  # asking for its status deleted what it held
        assert conn.exec_driver_sql("SELECT count(*) FROM workshop_answers").scalar() == 0
    clock.now += TOMBSTONE_DAYS * 86400 + 1
    rooms.open_room()
    assert rooms.status(opened.code) == "unknown"


def test_one_phone_replaces_its_share_and_can_withdraw_it(rooms: Rooms) -> None:
    opened = rooms.open_room()
    rooms.share(opened.code, "phone-one-0001", SHARE)
    rooms.share(opened.code, "phone-one-0001", {"passed": False, "below": {}})
    assert rooms.shares(opened.code) == [{"passed": False, "below": {}}]
    rooms.withdraw(opened.code, "phone-one-0001")
    assert rooms.shares(opened.code) == []


def test_a_room_refuses_oversized_shares_and_phones_past_its_limit(rooms: Rooms, database: Database) -> None:
    opened = rooms.open_room()
    with pytest.raises(RoomError):
        rooms.share(opened.code, "phone-one-0001", {"x": "y" * 5000})
    with database.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO workshop_answers (room_code, participant, summary, updated_at) VALUES "
            + ", ".join(f"('{opened.code}', 'phone-{n:06d}', '{{}}', 0)" for n in range(MAX_PHONES))
        )
    assert not rooms.share(opened.code, "one-phone-too-many", SHARE)
    assert rooms.share(opened.code, "phone-000001", SHARE)  # a phone already in may still change


def test_an_unusable_database_is_a_room_error_without_address_or_password() -> None:
    down = Rooms(Database("postgresql://staff:hunter2@/cor?host=/nonexistent-socket&connect_timeout=2"))
    for call in (down.open_room, lambda: down.status("ABCDEFGH"), lambda: down.shares("ABCDEFGH")):
        with pytest.raises(RoomError) as caught:
            call()
        assert "hunter2" not in str(caught.value) and "nonexistent" not in str(caught.value)
