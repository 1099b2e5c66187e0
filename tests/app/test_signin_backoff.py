"""Guessing is slowed without locking everyone out: the back-off lives in the database (a reload
or a new tab resets nothing), counts per account and per client address, and a right password
is never refused because of other people's failures where its owner signed in before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.workspace.signin import (
    ACCOUNT,
    ACCOUNT_FROM_ADDRESS,
    ADDRESS,
    BASE_SECONDS,
    CAP_SECONDS,
    DEVICE,
    DEVICE_DAYS,
    FORGET_HOURS,
    SignIn,
)
from tests.app.conftest import open_page
from tests.app.test_auth import shown_error, sign_in, texts
from tests.conftest import ROOT, Clock
from tests.staff_accounts import PASSWORD, use_staff_file

WRONG = "not the password at all"


@pytest.fixture(autouse=True)
def staff_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    return use_staff_file(monkeypatch, tmp_path)


@pytest.fixture(autouse=True)
def still_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Time stands still (no test waits, and no wait runs out while a slow machine works)."""
    clock = Clock()
    signin = SignIn(clock=clock)
    monkeypatch.setattr("ui.workspace.auth._signin", lambda: signin)
    return clock


@pytest.fixture
def address(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The client address the app sees (a browser test cannot give AppTest one)."""
    current = ["203.0.113.7"]
    monkeypatch.setattr("ui.workspace.auth.client_address", lambda: current[0])
    return current


def fresh_tab() -> AppTest:
    """A new browser session: what a reload or a new tab gives."""
    return open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "workspace")


def test_a_reload_does_not_reset_the_wait(address: list[str]) -> None:
    for _ in range(ACCOUNT_FROM_ADDRESS.free):
        at = sign_in(fresh_tab(), "dana", WRONG)
        assert shown_error(at).endswith("Check them and try again.")
    at = sign_in(fresh_tab(), "dana", WRONG)
    assert f"Try again in {int(BASE_SECONDS) + 1} seconds" in shown_error(at)
    at = sign_in(fresh_tab(), "dana", PASSWORD)  # right, but inside the wait: still refused
    assert "Too many wrong attempts" in shown_error(at) and "Signed in" not in texts(at)


def test_a_new_name_each_time_does_not_get_round_the_address_limit(address: list[str]) -> None:
    at = fresh_tab()
    for number in range(ADDRESS.free):
        sign_in(at, f"guess{number}", WRONG)
    assert "Too many wrong attempts" not in shown_error(at)
    sign_in(at, "another guess", WRONG)
    assert "Too many wrong attempts" in shown_error(at)


def test_a_colleague_elsewhere_is_not_held_back_by_someone_guessing(address: list[str]) -> None:
    at = fresh_tab()
    for number in range(ADDRESS.free + 5):
        sign_in(at, f"guess{number}", WRONG)
    assert "Too many wrong attempts" in shown_error(at)
    address[0] = "198.51.100.20"  # lee, at another office
    assert "Signed in as lee" in texts(sign_in(fresh_tab(), "lee", PASSWORD))


def test_the_right_password_gets_in_where_its_owner_signed_in_before_even_under_attack(
    address: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    own = sign_in(fresh_tab(), "dana", PASSWORD)  # Dana's own browser gets a device cookie
    device = own.session_state["auth.state"].cookies["cor_staff_device"][0]
    for number in range(ACCOUNT.free + 1):  # someone else guesses Dana's password from many addresses
        address[0] = f"192.0.2.{number}"
        guesser = sign_in(fresh_tab(), "dana", WRONG)
    assert "Too many wrong attempts" in shown_error(guesser)
    address[0] = "203.0.113.9"  # a new browser elsewhere: held back by the attack on the account
    assert "Too many wrong attempts" in shown_error(sign_in(fresh_tab(), "dana", PASSWORD))
    monkeypatch.setattr(
        "ui.workspace.auth.browser_cookie", lambda name: device if name == "cor_staff_device" else None
    )
    assert "Signed in as dana" in texts(sign_in(fresh_tab(), "dana", PASSWORD))


def test_the_numbers_in_the_docs_are_the_code_s() -> None:
    docs = re.sub(r"\s+", " ", (ROOT / "docs" / "workspace.md").read_text())
    said = (
        f"{ACCOUNT_FROM_ADDRESS.free} wrong attempts for one account from one address, "
        f"{ACCOUNT.free} for one account from anywhere and {ADDRESS.free} from one address"
    )
    assert said in docs
    assert f"from {int(BASE_SECONDS)} seconds up to {int(CAP_SECONDS // 60)} minutes" in docs
    assert f"forgotten {FORGET_HOURS} hours after" in docs
    assert f"device cookie for {DEVICE_DAYS} days" in docs and f"{DEVICE.free} free" in docs
