"""The browser fixtures of the e2e tests, for the two-server test here (same Chromium, no skip)."""

from tests.e2e.conftest import browser, page  # noqa: F401
