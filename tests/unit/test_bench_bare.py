"""The bench's baseline cannot drift: a bare page generated from a page's element tree renders the
same elements as the page, and a draft store filled for the bench holds what it was asked to."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from bench import bare, drafts
from bench.rerun import open_bare, open_real
from bench.scenarios import SCENARIOS
from cor.store import DraftStore, new_token


@pytest.fixture(autouse=True)
def fresh_streamlit_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize(
    "name", ["About the numbers", "Readiness, all answered", "Workshop, Reset (room open)"]
)
def test_the_bare_page_has_the_same_elements_as_the_page(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COR_READY_DRAFT_DB", str(tmp_path / "drafts.sqlite3"))
    scenario = next(s for s in SCENARIOS if s.name == name)
    real = open_real(scenario)
    bare_at, _, unsupported = open_bare(scenario, real, tmp_path / "bare")
    assert unsupported == []
    assert bare.element_types(bare_at._tree) == bare.element_types(real._tree)
    assert [t.value for t in bare_at.title] == [t.value for t in real.title]
    assert [m.value for m in bare_at.markdown] == [m.value for m in real.markdown]
    page_source = (tmp_path / "bare" / "app_pages" / f"{scenario.page}.py").read_text()
    assert "import cor" not in page_source and "from cor" not in page_source  # no logic


def test_the_filler_stores_the_count_asked_for_through_the_store_schema(tmp_path: Path) -> None:
    path = tmp_path / "drafts.sqlite3"
    assert drafts.fill(path, 1_234) == 1_234
    store, token = DraftStore(path=path), new_token()  # the store still works on the filled file
    store.save(token, {"answers": {"q": "yes"}})
    assert store.load(token) == {"answers": {"q": "yes"}}


def test_a_bare_chart_sends_the_rows_streamlit_moved_out_of_the_spec() -> None:
    from streamlit.elements.vega_charts import _marshall_chart_data
    from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

    rows = [{"year": "Year 1", "amount": 1.5}, {"year": "Year 2", "amount": 3.0}]
    spec = {"layer": [{"data": {"name": "bars"}, "mark": "bar"}], "datasets": {"bars": rows}}
    proto = VegaLiteChart()
    _marshall_chart_data(proto, dict(spec))
    proto.spec = '{"layer": [{"data": {"name": "bars"}, "mark": "bar"}]}'
    assert bare.chart_spec(proto)["datasets"] == {"bars": rows}
