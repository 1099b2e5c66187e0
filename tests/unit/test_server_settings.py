"""The served app does not run Streamlit's full garbage collection after every script
run; its cost grows with the heap and was most of the server's CPU per answer (bench/results)."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def test_the_server_skips_the_full_collection_after_each_run() -> None:
    from bench.soak import configured_gc

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert configured_gc() is False  # what the bench's soak reads as "as configured"
    assert settings["runner"]["postScriptGC"] is False
