#!/usr/bin/env bash
# Install what the tests need (Python packages into .venv, Debian's Chromium for the browser
# tests, Debian's HAProxy for the load-balanced ones), check lint, format and types, and run every
# test: rules, content, pages (AppTest) and the real app in Chromium.
# The store tests run on SQLite and on PostgreSQL: a throwaway Debian PostgreSQL cluster is started
# for the run (installed with apt-get when missing) and stopped at the end.
#
# The fast path: given only paths inside tests/unit (`scripts/test.sh tests/unit`), it installs no
# browser, load balancer or axe-core and starts no PostgreSQL; given no path inside tests/e2e, no
# browser tools. The checks (scripts/checks.sh) always run.
set -euo pipefail
cd "$(dirname "$0")/.."
NEEDS_BROWSER=yes
NEEDS_POSTGRES=yes
PATHS=()
for arg in "$@"; do
  if [ -e "${arg%%::*}" ]; then PATHS+=("${arg%%::*}"); fi
done
if [ "${#PATHS[@]}" -gt 0 ]; then
  NEEDS_BROWSER=no
  NEEDS_POSTGRES=no
  for path in "${PATHS[@]}"; do
    path="$(realpath --relative-to=. "$path")"
    case "$path" in
      tests/unit|tests/unit/*) ;;
      tests/store|tests/store/*|tests/app|tests/app/*) NEEDS_POSTGRES=yes ;;
      *) NEEDS_POSTGRES=yes; NEEDS_BROWSER=yes ;;
    esac
  done
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
if [ "$NEEDS_BROWSER" = yes ] && [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
# --- the load balancer: Debian's HAProxy, for scripts/serve.sh and tests/e2e/test_failover.py ---
if [ "$NEEDS_BROWSER" = yes ] && [ ! -x /usr/sbin/haproxy ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq haproxy >/dev/null
fi
# --- end load balancer ---
# --- accessibility: axe-core from the npm registry, injected by tests/e2e/test_accessibility.py ---
if [ "$NEEDS_BROWSER" = yes ] && [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq npm >/dev/null
  fi
  npm install --prefix .cache/axe --no-audit --no-fund --silent axe-core@4
fi
# --- end accessibility ---
# Lint, format, types and function lengths: the same list pre-commit runs (scripts/checks.sh).
scripts/checks.sh
if [ "$NEEDS_POSTGRES" = yes ] && [ -z "${COR_READY_TEST_PG_URL:-}" ]; then
  PG_STARTED="$(scripts/pg_test_cluster.sh start)"
  PG_DIR="$(sed -n 1p <<<"$PG_STARTED")"
  COR_READY_TEST_PG_URL="$(sed -n 2p <<<"$PG_STARTED")"
  export COR_READY_TEST_PG_URL
  trap 'scripts/pg_test_cluster.sh stop "$PG_DIR"' EXIT
fi
.venv/bin/python -m pytest "$@"
