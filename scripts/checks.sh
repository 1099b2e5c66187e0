#!/usr/bin/env bash
# The checks every commit passes, in one list (CHECKS): scripts/test.sh runs them all before the
# tests, and each hook of .pre-commit-config.yaml runs one of them by name (tests/unit/test_checks.py
# keeps the two lists the same).
#
#   scripts/checks.sh                 # every check, stopping at the first failure
#   scripts/checks.sh lint types      # the named ones
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
CHECKS=(lint format types lengths)

check() {
  case "$1" in
    lint) "$PYTHON" -m ruff check . ;;                        # [tool.ruff] in pyproject.toml
    format) "$PYTHON" -m ruff format --check . ;;             # fix with: ruff format .
    types) "$PYTHON" -m mypy ;;                               # [tool.mypy] in pyproject.toml
    lengths) "$PYTHON" scripts/function_lengths.py --over ;;  # no function in cor/ over 60 lines
    *) echo "unknown check: $1 (known: ${CHECKS[*]})" >&2; return 2 ;;
  esac
}

[ "$#" -gt 0 ] || set -- "${CHECKS[@]}"
for name in "$@"; do
  check "$name"
done
