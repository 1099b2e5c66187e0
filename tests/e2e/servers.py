"""A private app server for browser tests that need their own settings (a staff password, a
database the test can also reach): the same starter as the shared server in conftest.py."""

from devtools.app_server import app_server

__all__ = ["app_server"]
