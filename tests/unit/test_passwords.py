"""Staff password hashes and the back-off after wrong attempts (cor.passwords)."""

from __future__ import annotations

import pytest

from cor.passwords import Backoff, HashFormatError, hash_password, verify_password


def test_a_hash_verifies_its_password_only_and_is_salted() -> None:
    stored = hash_password("correct horse battery staple")
    assert stored.startswith("scrypt$")
    assert verify_password("correct horse battery staple", stored)
    assert not verify_password("correct horse battery stapler", stored)
    assert hash_password("correct horse battery staple") != stored  # a new salt every time


def test_short_passwords_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 12 characters"):
        hash_password("hunter2")


@pytest.mark.parametrize(
    "bad", ["", "plain-password", "scrypt$1$8$1$c2FsdA$a2V5", "scrypt$x$8$1$c2FsdHNhbHQ$a2V5"]
)
def test_a_damaged_hash_is_reported_without_repeating_it(bad: str) -> None:
    with pytest.raises(HashFormatError) as caught:
        verify_password("anything at all", bad)
    assert bad not in str(caught.value) or bad == ""


def test_back_off_doubles_after_the_free_attempts_and_resets_on_success() -> None:
    backoff = Backoff(free=3, base=2.0, cap=60.0)
    for _ in range(3):
        backoff.failed(now=100.0)
        assert backoff.wait(100.0) == 0
    waits = []
    for _ in range(6):
        backoff.failed(now=100.0)
        waits.append(backoff.wait(100.0))
    assert waits == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0]
    assert backoff.wait(200.0) == 0
    backoff.succeeded()
    backoff.failed(now=300.0)
    assert backoff.wait(300.0) == 0
