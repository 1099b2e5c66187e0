"""The test command and pre-commit run the same checks: scripts/checks.sh holds the one list."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _listed_checks() -> list[str]:
    script = (ROOT / "scripts" / "checks.sh").read_text("utf-8")
    found = re.search(r"^CHECKS=\(([^)]*)\)$", script, re.MULTILINE)
    assert found is not None, "scripts/checks.sh names its checks in CHECKS=(...)"
    return found.group(1).split()


def test_every_check_is_a_pre_commit_hook_and_every_hook_is_a_check() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text("utf-8")
    hooks = re.findall(r"^\s+entry: scripts/checks\.sh (\w+)$", config, re.MULTILINE)
    assert hooks == _listed_checks()
    assert config.count("entry:") == len(hooks)  # no hook runs anything else
    assert config.count("language: system") == len(hooks)  # each with the project's .venv


def test_the_test_command_runs_every_check_before_the_tests() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text("utf-8")
    lines = [line.strip() for line in script.splitlines()]
    assert "scripts/checks.sh" in lines  # all of them: no names after it
    assert lines.index("scripts/checks.sh") < next(i for i, line in enumerate(lines) if "-m pytest" in line)
    for tool in ("ruff", "mypy", "function_lengths"):
        assert not any(tool in line and not line.startswith("#") for line in lines), tool
