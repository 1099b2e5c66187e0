"""What a wrong database setting says, at start-up (``python -m cor.db``) and to the code."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cor.db import ConfigError, Database
from tests.conftest import ROOT

BAD_URLS = ["postgresql://staff:hunter2@localhost:abc/cor", "postgres://staff:hunter2@[::1/cor"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_malformed_url_is_a_config_error_that_hides_the_password(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Database(url)
    assert "DATABASE_URL is not a readable database address" in str(caught.value)
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("url", BAD_URLS)
def test_the_start_up_check_names_the_problem_and_never_the_password(url: str) -> None:
    env = {name: value for name, value in os.environ.items()} | {"DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "-m", "cor.db"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "DATABASE_URL is not a readable database address" in done.stdout
    assert "hunter2" not in done.stdout + done.stderr


def test_the_start_up_check_opens_a_good_database(tmp_path: object) -> None:
    env = dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-m", "cor.db"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the sqlite database is ready" in done.stdout


def test_the_purge_command_deletes_expired_drafts(tmp_path: object) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cor.db", "purge"],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 expired draft(s) deleted" in done.stdout
