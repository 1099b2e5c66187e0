"""The sign-in throttle's policy, stated as rules: what a wrong attempt counts against, what a right
password clears, how a wait reads, and that the guide for whoever runs the server says the same."""

from __future__ import annotations

import re

from cor.workspace.signin import (
    ACCOUNT,
    ACCOUNT_FROM_ADDRESS,
    ADDRESS,
    DEVICE,
    DEVICE_DAYS,
    DEVICE_SECONDS,
    SESSION_HOURS,
    SESSION_SECONDS,
    cleared_by_success,
    counters,
    retry_after,
)
from tests.conftest import ROOT


def test_a_browser_without_a_device_cookie_counts_against_the_account_and_its_address() -> None:
    assert counters("dana", "203.0.113.7", None) == [
        (ACCOUNT_FROM_ADDRESS, "dana\x00203.0.113.7"),
        (ACCOUNT, "dana"),
        (ADDRESS, "203.0.113.7"),
    ]


def test_a_browser_that_signed_in_as_this_person_before_counts_only_against_itself() -> None:
    assert counters("dana", "203.0.113.7", "device-1") == [(DEVICE, "device-1")]


def test_a_right_password_clears_the_account_s_counts_but_never_the_address_s() -> None:
    counted = counters("dana", "203.0.113.7", None)
    assert cleared_by_success(counted) == counted[:2]
    assert cleared_by_success([(DEVICE, "device-1")]) == [(DEVICE, "device-1")]


def test_a_wait_is_told_in_whole_seconds_rounded_up() -> None:
    assert [retry_after(wait) for wait in (0.2, 1.0, 1.5, 899.9)] == [1, 2, 2, 900]


def test_the_cookies_last_as_long_as_the_guide_says() -> None:
    docs = re.sub(r"\s+", " ", (ROOT / "docs" / "workspace.md").read_text())
    assert f"A password sign-in lasts {SESSION_HOURS} hours" in docs
    assert f"device cookie for {DEVICE_DAYS} days" in docs
    assert (SESSION_SECONDS, DEVICE_SECONDS) == (SESSION_HOURS * 60 * 60, DEVICE_DAYS * 24 * 60 * 60)
