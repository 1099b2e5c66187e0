#!/usr/bin/env bash
# Install what the app needs (into .venv) and start it on http://localhost:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
exec .venv/bin/python -m streamlit run app.py --server.headless=true --browser.gatherUsageStats=false "$@"
