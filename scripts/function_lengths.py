"""List every function of cor/, ui/, app_pages/ and bench/ by length, and fail when one is too long.

Longest first; the exit status is non-zero when a function is longer than the limit (60 lines: a
function a reader can hold in their head). Name folders or files to check only those.

    python scripts/function_lengths.py            # cor/, ui/, app_pages/, bench/, limit 60
    python scripts/function_lengths.py cor --limit 80 --over

A function's length counts its lines from ``def`` to its last line, docstring and comments
included; a nested function counts inside its parent and on its own line of the list.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 60
#: The folders checked when none is named: the rules, the pages and their blocks, the benchmark.
FOLDERS = ("cor", "ui", "app_pages", "bench")


class FunctionLength(NamedTuple):
    lines: int
    path: str
    line: int
    name: str


def functions(path: Path) -> Iterator[FunctionLength]:
    """Every function and method of one file, with its qualified name."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path

    def visit(node: ast.AST, prefix: str) -> Iterator[FunctionLength]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                end = child.end_lineno or child.lineno
                yield FunctionLength(end - child.lineno + 1, str(shown), child.lineno, name)
                yield from visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from visit(child, f"{prefix}{child.name}.")
            else:
                yield from visit(child, prefix)

    yield from visit(tree, "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", default=list(FOLDERS), help=f"folders or files (default: {' '.join(FOLDERS)})"
    )
    parser.add_argument("--limit", type=int, default=LIMIT, help=f"longest allowed (default {LIMIT})")
    parser.add_argument("--over", action="store_true", help="list only the functions over the limit")
    args = parser.parse_args(argv)
    files: list[Path] = []
    for name in args.paths:
        path = Path(name) if Path(name).is_absolute() else ROOT / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    found = sorted((item for file in files for item in functions(file)), reverse=True)
    over = [item for item in found if item.lines > args.limit]
    for item in over if args.over else found:
        mark = "  OVER" if item.lines > args.limit else ""
        print(f"{item.lines:5d}  {item.path}:{item.line}  {item.name}{mark}")
    print(f"{len(found)} functions, {len(over)} over {args.limit} lines", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
