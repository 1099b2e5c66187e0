#!/usr/bin/env bash
# Remake the locks from the ranges in pyproject.toml: requirements.lock (what the app runs on) and
# requirements-dev.lock (plus tests, lint, types, bench), each version pinned with its hashes.
# The two README commands install only from these, so an upgrade is a deliberate change: edit a
# range (or pass --upgrade), run this, run ./scripts/test.sh, commit the locks with the change.
# Extra arguments go to `uv pip compile` (e.g. --upgrade-package streamlit).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$(mktemp -d)"
trap 'rm -rf "$TOOLS"' EXIT
python3 -m venv "$TOOLS"
"$TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"
for target in "requirements.lock:" "requirements-dev.lock:--extra=dev"; do
  file="${target%%:*}"; extra="${target#*:}"
  # shellcheck disable=SC2086
  "$TOOLS/bin/uv" pip compile pyproject.toml $extra --universal --generate-hashes --quiet \
    --custom-compile-command "scripts/lock.sh" -o "$file" "$@"
done
