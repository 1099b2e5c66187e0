#!/usr/bin/env bash
# Install what the bench needs (the test requirements and Debian's Chromium, as scripts/test.sh
# does), then run it: prints the table and writes bench/results/<date>.md. Arguments go to
# `python -m bench` (e.g. --quick, --only rerun).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
exec .venv/bin/python -m bench "$@"
