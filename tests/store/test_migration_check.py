"""Issue 19: a process whose database is already at the newest schema revision starts without
importing Alembic (half of every cold start); a new, older or newer database still goes through
Alembic (migrated, or refused)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from cor.db import ConfigError, Database, head_revisions
from tests.conftest import ROOT

OPEN = textwrap.dedent(
    """
    import sys
    from cor.db import Database
    with Database(sqlite_path=sys.argv[1]).begin() as conn:
        from sqlalchemy import text
        print(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())
    print("alembic" in sys.modules)
    """
)


def _open_in_a_new_process(path: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", OPEN, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_the_head_read_from_the_scripts_is_alembics() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(ROOT / "cor" / "migrations"))
    assert head_revisions() == frozenset(ScriptDirectory.from_config(config).get_heads())


def test_a_new_database_is_migrated_through_alembic_and_a_current_one_opens_without_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "app.sqlite3"
    (head,) = head_revisions()
    assert _open_in_a_new_process(path) == [head, "True"]
    assert _open_in_a_new_process(path) == [head, "False"]


def test_an_older_schema_is_still_migrated(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "app.sqlite3"
    database = Database(sqlite_path=path)
    config = Config()
    config.set_main_option("script_location", str(ROOT / "cor" / "migrations"))
    with database.engine().connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0003_staff")
    database.dispose()
    (head,) = head_revisions()
    assert _open_in_a_new_process(path) == [head, "True"]


def test_a_newer_schema_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    database = Database(sqlite_path=path)
    with database.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    database.dispose()
    with pytest.raises(ConfigError, match="newer version of COR Ready"):
        Database(sqlite_path=path).engine()
