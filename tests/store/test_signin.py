"""Staff sign-in state shared by every app process (cor.workspace.signin), on SQLite and
PostgreSQL: a session any process accepts until sign-out ends it, and a back-off that a reload,
a new tab or another process does not reset."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cor.tables import signin_backoff, staff_sessions
from cor.workspace.signin import (
    ACCOUNT,
    ACCOUNT_FROM_ADDRESS,
    ADDRESS,
    BASE_SECONDS,
    CAP_SECONDS,
    FORGET_HOURS,
    SESSION_HOURS,
    SignIn,
    sign,
)
from tests.conftest import Clock, Place

DANA = [(ACCOUNT_FROM_ADDRESS, "dana\0203.0.113.7"), (ACCOUNT, "dana"), (ADDRESS, "203.0.113.7")]


@pytest.fixture
def clock() -> Clock:
    return Clock()


def two_processes(place: Place, clock: Clock) -> tuple[SignIn, SignIn]:
    """Two SignIn on two pools, as two app processes behind the balancer have."""
    return SignIn(place.database(), clock=clock), SignIn(place.database(), clock=clock)


def test_a_session_started_on_one_process_is_accepted_by_another_until_sign_out(
    place: Place, clock: Clock
) -> None:
    first, second = two_processes(place, clock)
    cookie = first.start("dana", "stamp-1")
    assert second.resume(cookie) == ("dana", "stamp-1")
    second.end(cookie)
    assert first.resume(cookie) is None and second.resume(cookie) is None


def test_a_session_expires(place: Place, clock: Clock) -> None:
    signin = SignIn(place.database(), clock=clock)
    cookie = signin.start("dana", "stamp")
    clock.now += SESSION_HOURS * 3600 - 60
    assert signin.resume(cookie) == ("dana", "stamp")
    clock.now += 120
    assert signin.resume(cookie) is None


def test_a_changed_or_forged_cookie_is_refused(place: Place, clock: Clock) -> None:
    signin = SignIn(place.database(), clock=clock)
    cookie = signin.start("dana", "stamp")
    session_id, expires, _mac = cookie.split(".")
    longer = sign(b"another key entirely, not this database's", session_id, int(expires) + 86400)
    for forged in (f"{session_id}.{int(expires) + 86400}.{_mac}", longer, cookie[:-2] + "xx", "", "a.b.c"):
        assert signin.resume(forged) is None


def test_the_database_keeps_no_session_id_nor_any_name_or_address_in_clear(
    place: Place, clock: Clock
) -> None:
    signin = SignIn(place.database(), clock=clock)
    cookie = signin.start("dana", "stamp")
    signin.failed(DANA)
    with place.database().begin() as conn:
        sessions: list[str] = list(conn.execute(select(staff_sessions.c.id_hash)).scalars())
        keys: list[str] = list(conn.execute(select(signin_backoff.c.key)).scalars())
    assert cookie.split(".")[0] not in sessions[0]
    assert not any("dana" in key or "203.0.113" in key for key in keys)


def test_every_process_signs_with_the_same_key_made_once(place: Place, clock: Clock) -> None:
    first, second = two_processes(place, clock)
    assert first.key() == second.key() and len(first.key()) >= 32


def test_a_configured_secret_is_used_and_a_short_one_refused(
    place: Place, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COR_READY_SESSION_SECRET", "s" * 40)
    assert SignIn(place.database(), clock=clock).key() == b"s" * 40
    monkeypatch.setenv("COR_READY_SESSION_SECRET", "short")
    with pytest.raises(Exception, match="at least 32"):
        SignIn(place.database(), clock=clock).key()


def test_wrong_attempts_on_one_process_slow_the_next_on_another(place: Place, clock: Clock) -> None:
    first, second = two_processes(place, clock)
    for _ in range(ACCOUNT_FROM_ADDRESS.free):
        assert first.failed(DANA) == 0
    assert second.wait(DANA) == 0
    assert second.failed(DANA) == BASE_SECONDS  # the first one past the free ones
    assert first.wait(DANA) == BASE_SECONDS
    clock.now += BASE_SECONDS
    assert first.wait(DANA) == 0
    assert first.failed(DANA) == 2 * BASE_SECONDS  # then each doubles


def test_the_wait_stops_growing_at_the_cap_and_is_forgotten_a_day_later(place: Place, clock: Clock) -> None:
    signin = SignIn(place.database(), clock=clock)
    for _ in range(40):
        wait = signin.failed(DANA)
    assert wait == CAP_SECONDS
    clock.now += FORGET_HOURS * 3600 + 1
    assert signin.wait(DANA) == 0
    assert signin.failed(DANA) == 0  # counting starts again


def test_a_right_password_clears_what_it_is_told_to(place: Place, clock: Clock) -> None:
    signin = SignIn(place.database(), clock=clock)
    for _ in range(ADDRESS.free + 1):
        signin.failed(DANA)
    signin.succeeded(DANA[:2])
    assert signin.wait(DANA[:2]) == 0
    assert signin.wait(DANA[2:]) > 0  # the address keeps its count


def test_a_device_cookie_names_one_person(place: Place, clock: Clock) -> None:
    signin = SignIn(place.database(), clock=clock)
    device = signin.device("dana")
    assert signin.device_id(device, "dana") is not None
    assert signin.device_id(device, "lee") is None
    assert signin.device_id(device.replace(".", "!", 1), "dana") is None
