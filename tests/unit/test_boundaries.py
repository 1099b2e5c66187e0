"""The layers stay apart: the rules in ``cor/`` never import Streamlit, so they run (and are tested)
without a page, in the exports and in any other tool. Read from the source, so an import hidden
inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

RULE_MODULES = sorted((ROOT / "cor").rglob("*.py"))
FORBIDDEN = "streamlit"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, anywhere in the file (top level, functions, conditionals)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def test_the_rules_package_has_modules_to_check() -> None:
    assert len(RULE_MODULES) > 10


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_rule_module_imports_streamlit(path: Path) -> None:
    offending = [
        f"line {line}: {module}"
        for line, module in imported_modules(path)
        if module == FORBIDDEN or module.startswith(FORBIDDEN + ".")
    ]
    assert not offending, f"{path.relative_to(ROOT)} imports Streamlit: {offending}"


def test_the_check_sees_imports_hidden_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def later():\n"
        "    import streamlit as st\n"
        "    from streamlit.runtime import exists\n"
        "    return importlib.import_module('streamlit')\n",
        "utf-8",
    )
    modules = [module for _, module in imported_modules(sample)]
    assert modules == ["streamlit", "streamlit.runtime", "streamlit"]
