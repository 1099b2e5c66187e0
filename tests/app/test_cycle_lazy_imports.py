"""The Cycle page shows a whole schedule without loading Altair or icalendar.

Altair's objects were most of a rerun, and icalendar only builds the calendar file, which is made
when the user clicks the download button. Run in a fresh interpreter, so modules other tests
imported cannot hide a regression."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import sys
from datetime import date
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=60).run()
at.session_state["today"] = date(2026, 11, 21)
at.switch_page("app_pages/cycle.py").run()
at.text_input(key="cy.certified").input("2025-03-14").run()
at.selectbox(key="cy.partner").set_value("safetydriven").run()
assert not at.exception, [e.value for e in at.exception]
assert at.get("vega_lite_chart") and at.get("download_button")
print(" ".join(sorted(name for name in ("altair", "icalendar") if name in sys.modules)))
"""


def test_a_full_schedule_renders_without_altair_or_icalendar() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1:] in ([], [""]), result.stdout
