"""Shared fixtures: a private draft store per test, fresh Streamlit caches, and both databases.

``database`` runs a test once on an SQLite file and once on PostgreSQL. The PostgreSQL server
comes from ``COR_READY_TEST_PG_URL`` (``scripts/test.sh`` starts a throwaway cluster and sets it);
without it, the fixture starts its own throwaway cluster for the session, except under CI, where
a missing URL fails the test: the store is never silently tested on one database only.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from cor.db import Database, dispose_shared
from cor.store import DraftStore

ROOT = Path(__file__).resolve().parents[1]
PG_URL_ENV = "COR_READY_TEST_PG_URL"


class Clock:
    """A clock a test moves by hand (``clock.now += DAY``), so expiry is checked without waiting."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# Property tests assert the rules, never how fast an example runs: speed is measured in bench/.
# Hypothesis's default 200 ms deadline turned a busy CI machine into red runs of correct code.
settings.register_profile("cor-ready", deadline=None)
settings.load_profile("cor-ready")


@pytest.fixture(autouse=True)
def private_draft_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Drafts from one test never leak into another, or into the user's real store."""
    path = tmp_path / "drafts.sqlite3"
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    yield path
    dispose_shared()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server the tests may create schemas in."""
    url = os.environ.get(PG_URL_ENV, "").strip()
    if url:
        yield url
        return
    if os.environ.get("CI"):
        pytest.fail(f"{PG_URL_ENV} is not set: run the tests with scripts/test.sh, which starts PostgreSQL")
    script = ROOT / "scripts" / "pg_test_cluster.sh"
    started = subprocess.run([str(script), "start"], check=True, capture_output=True, text=True)
    folder, url = started.stdout.split()
    try:
        yield url
    finally:
        subprocess.run([str(script), "stop", folder], check=False)


@dataclass
class Place:
    """Where a test's database lives: an SQLite file or a private PostgreSQL schema."""

    kind: str
    url: str | None = None
    path: Path | None = None
    opened: list[Database] = field(default_factory=list)

    def database(self) -> Database:
        """A new Database with its own engine and pool, as another app process would have."""
        database = Database(self.url, sqlite_path=self.path)
        self.opened.append(database)
        return database

    def draft_store(self, **options: object) -> DraftStore:
        return DraftStore(self.path, url=self.url, **options)  # type: ignore[arg-type]  # days=, clock=: each test its own


@contextmanager
def postgres_schema(server: str) -> Iterator[Place]:
    """A private schema on the test server, dropped afterwards: each test starts empty."""
    schema = f"test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
    found = Place("postgresql", url=url.render_as_string(hide_password=False))
    try:
        yield found
    finally:
        dispose_shared()
        for database in found.opened:
            database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Place]:
    """Each store test runs on both databases."""
    if request.param == "sqlite":
        found = Place("sqlite", path=tmp_path / "store" / "app.sqlite3")
        yield found
        for database in found.opened:
            database.dispose()
        return
    with postgres_schema(request.getfixturevalue("postgres_server")) as found:
        yield found


@pytest.fixture
def postgres_place(postgres_server: str) -> Iterator[Place]:
    """PostgreSQL only: for what only a server database can do (two app instances)."""
    with postgres_schema(postgres_server) as found:
        yield found


@pytest.fixture
def database(place: Place) -> Database:
    return place.database()
