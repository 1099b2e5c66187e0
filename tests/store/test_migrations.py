"""The schema is migrated at first use, once, even when two app processes start together."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import inspect, text

from cor.db import Database, StoreError, normalise_url
from cor.tables import metadata
from tests.conftest import ROOT, Place


def head_version(database: Database) -> list[str]:
    with database.begin() as conn:
        return [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]


def test_the_migrated_schema_is_the_one_the_code_queries(database: Database) -> None:
    inspector = inspect(database.engine())
    for table in metadata.sorted_tables:
        assert {column["name"] for column in inspector.get_columns(table.name)} == set(table.columns.keys())


def test_migrating_again_changes_nothing(place: Place) -> None:
    first = place.database()
    first.engine()
    second = place.database()
    second.engine()
    assert head_version(second) == ["0004_workshop"]


def test_two_processes_starting_at_once_migrate_once(place: Place) -> None:
    script = textwrap.dedent(
        """
        import sys
        from cor.db import Database
        url, path = sys.argv[1], sys.argv[2]
        database = Database(url or None, sqlite_path=path or None)
        database.engine()
        print("ready")
        """
    )
    arguments = [place.url or "", str(place.path or "")]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, *arguments],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [out.strip() for out, _ in results] == ["ready"] * 3, [err for _, err in results]
    assert head_version(place.database()) == ["0004_workshop"]


def test_an_unreachable_server_is_reported_without_its_address_or_password() -> None:
    database = Database("postgresql://staff:hunter2@/cor?host=/nonexistent-socket-folder&connect_timeout=2")
    with pytest.raises(StoreError) as caught:
        database.engine()
    message = str(caught.value)
    assert "hunter2" not in message
    assert "nonexistent" not in message
    assert "staff" not in message


def test_a_database_url_other_than_postgresql_is_refused_without_echoing_it() -> None:
    with pytest.raises(StoreError) as caught:
        Database("mysql://staff:hunter2@db.example/cor")
    assert "hunter2" not in str(caught.value)
    assert "DATABASE_URL" in str(caught.value)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
        ("postgresql://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
        ("postgresql+psycopg://u:p@h/d", "postgresql+psycopg://u:p@h/d"),
    ],
)
def test_usual_postgresql_urls_are_read_with_psycopg_3(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_a_failed_statement_logs_neither_its_values_nor_reaches_the_user_with_them(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """Client names and draft tokens are never written to the server log."""
    with pytest.raises(StoreError) as caught, database.begin() as conn:
        conn.execute(
            text("INSERT INTO clients (id, owner, organisation) VALUES (:id, :owner, :name)"),
            {"id": "0" * 24, "owner": "anna@example", "name": "Secret Framing Ltd."},
        )
    assert "Secret Framing" not in caplog.text
    assert "Secret Framing" not in str(caught.value)
    assert "database error" in caplog.text
