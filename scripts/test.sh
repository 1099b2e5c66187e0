#!/usr/bin/env bash
# Install what the tests need (Python packages into .venv, Debian's Chromium for the browser
# tests) and run every test: rules, content, pages (AppTest) and the real app in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
# --- accessibility: axe-core from the npm registry, injected by tests/e2e/test_accessibility.py ---
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq npm >/dev/null
  fi
  npm install --prefix .cache/axe --no-audit --no-fund --silent axe-core@4
fi
# --- end accessibility ---
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check .
exec .venv/bin/python -m pytest "$@"
