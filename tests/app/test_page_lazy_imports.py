"""Issue 19: pandas (+80 MiB) and Altair (+26 MiB) are loaded when a page first needs them, not
when it opens: the Workshop and Workspace pages open without either (the Partner guide draws its
directory table at once, and Streamlit turns every table into Arrow through pandas), and Alembic
is not loaded when the database is already at the newest schema. Run in a fresh interpreter, so
modules other tests imported cannot hide a regression."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = """
import sys
from streamlit.testing.v1 import AppTest
from cor.db import prepare
prepare()  # the database at the newest schema, as on every start after the first
for name in ("alembic", "pandas", "altair"):
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]
at = AppTest.from_file("app.py", default_timeout=120).run()
at.switch_page("app_pages/{page}.py").run()
assert not at.exception, [e.value for e in at.exception]
print(" ".join(sorted(name for name in ("alembic", "altair", "pandas") if name in sys.modules)))
"""


@pytest.mark.parametrize("page", ["workshop", "workspace"])
def test_the_page_opens_without_pandas_altair_or_alembic(page: str, tmp_path: Path) -> None:
    env = dict(os.environ, COR_READY_DRAFT_DB=str(tmp_path / "app.sqlite3"))
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("{page}", page)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1:] in ([], [""]), result.stdout
