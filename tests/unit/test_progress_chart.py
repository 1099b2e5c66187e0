"""Issue 19: the Workspace progress charts (two visits side by side, scores over time) are plain
Vega-Lite written without Altair or pandas, draw what the Altair charts drew (marks, colours,
order, legend, tooltips), and send their rows to the browser as JSON."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import altair as alt

from cor.charts.progress import AFTER_COLOUR, BEFORE_COLOUR, comparison_spec, trend_spec
from cor.workspace.progress import Comparison, ElementChange, TrendPoint
from tests.conftest import ROOT

BEFORE, AFTER = "2026-01-05 First visit", "2026-03-05 Follow-up"
COMPARISON = Comparison(
    before_overall=Decimal("50"),
    after_overall=Decimal("70"),
    before_passed=False,
    after_passed=True,
    elements=(
        ElementChange(
            element="e1", name="Leadership", before_pct=Decimal("45.12"), after_pct=Decimal("72.2")
        ),
        ElementChange(element="e2", name="Hazards", before_pct=None, after_pct=Decimal("80")),
        ElementChange(element="e3", name="Inspections", before_pct=Decimal("10"), after_pct=None),
    ),
)
POINTS = [
    TrendPoint(
        taken_on=date(2026, 1, 5),
        label="a",
        overall_pct=Decimal("55.5"),
        passed=False,
        element_pct={"e1": Decimal("40"), "e2": Decimal("60.25")},
    ),
    TrendPoint(
        taken_on=date(2026, 3, 5),
        label="b",
        overall_pct=Decimal("75.5"),
        passed=True,
        element_pct={"e1": Decimal("70"), "e2": Decimal("80"), "e9": Decimal("20")},
    ),
]
NAMES = {"e1": "Leadership", "e2": "Hazards"}
SCORE_TIP = {"field": "Score (%)", "format": ".1f", "type": "quantitative"}


def test_the_comparison_is_grouped_bars_per_element_in_visit_order_and_colours() -> None:
    spec = comparison_spec(COMPARISON, BEFORE, AFTER)
    alt.LayerChart.from_dict(spec, validate=True)  # raises on anything the schema refuses
    assert spec["title"] == "Score by element at the two visits"
    assert spec["height"] == 36 * 3
    (layer,) = spec["layer"]
    assert layer["mark"] == {"type": "bar"}
    assert layer["data"]["values"] == [
        {"Element": "Leadership", "Visit": BEFORE, "Score (%)": 45.12},
        {"Element": "Leadership", "Visit": AFTER, "Score (%)": 72.2},
        {"Element": "Hazards", "Visit": AFTER, "Score (%)": 80.0},
        {"Element": "Inspections", "Visit": BEFORE, "Score (%)": 10.0},
    ]
    encoding = layer["encoding"]
    assert encoding["color"] == {
        "field": "Visit",
        "legend": {"orient": "top", "title": None},
        "scale": {"range": [BEFORE_COLOUR, AFTER_COLOUR]},
        "sort": [BEFORE, AFTER],
        "type": "nominal",
    }
    assert encoding["y"] == {
        "axis": {"labelLimit": 320},
        "field": "Element",
        "sort": None,
        "title": None,
        "type": "nominal",
    }
    assert encoding["yOffset"] == {"field": "Visit", "sort": [BEFORE, AFTER], "type": "nominal"}
    assert encoding["x"] == {"field": "Score (%)", "scale": {"domain": [0, 100]}, "type": "quantitative"}
    assert encoding["tooltip"] == [
        {"field": "Element", "type": "nominal"},
        {"field": "Visit", "type": "nominal"},
        SCORE_TIP,
    ]


def test_the_trend_draws_the_overall_black_and_thick_then_each_element_in_its_colour() -> None:
    spec = trend_spec(POINTS, NAMES)
    alt.LayerChart.from_dict(spec, validate=True)
    assert spec["title"] == "Scores over time"
    assert spec["height"] == 320
    (layer,) = spec["layer"]
    assert layer["mark"] == {"point": True, "type": "line"}
    assert [(r["Visit"], r["Series"], r["Score (%)"]) for r in layer["data"]["values"]] == [
        ("2026-01-05", "Overall", 55.5),
        ("2026-01-05", "Leadership", 40.0),
        ("2026-01-05", "Hazards", 60.25),
        ("2026-03-05", "Overall", 75.5),
        ("2026-03-05", "Leadership", 70.0),
        ("2026-03-05", "Hazards", 80.0),
        ("2026-03-05", "e9", 20.0),
    ]
    encoding = layer["encoding"]
    series = ["Overall", "Leadership", "Hazards", "e9"]
    assert encoding["color"] == {
        "field": "Series",
        "legend": {"columns": 2, "labelLimit": 320, "orient": "bottom", "title": None},
        "scale": {"domain": series, "range": ["#111111", "#1f5fbf", "#d95f02", "#1b9e77"]},
        "sort": series,
        "type": "nominal",
    }
    assert encoding["strokeWidth"] == {
        "condition": {"test": "(datum.Series === 'Overall')", "value": 5},
        "value": 2,
    }
    assert encoding["x"] == {"axis": {"labelAngle": 0}, "field": "Visit", "title": "Visit", "type": "ordinal"}
    assert encoding["y"]["scale"] == {"clamp": True, "domain": [0, 100], "nice": False}
    assert encoding["tooltip"] == [
        {"field": "Visit", "type": "nominal"},
        {"field": "Series", "type": "nominal"},
        SCORE_TIP,
    ]


def test_a_changed_spec_does_not_change_the_next_one() -> None:
    comparison_spec(COMPARISON, BEFORE, AFTER)["layer"][0]["data"]["values"].clear()
    trend_spec(POINTS, NAMES)["layer"].clear()
    assert comparison_spec(COMPARISON, BEFORE, AFTER)["layer"][0]["data"]["values"]
    assert trend_spec(POINTS, NAMES)["layer"]


def test_streamlit_sends_the_rows_as_json_not_through_pandas() -> None:
    from streamlit.elements.vega_charts import _marshall_chart_data
    from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

    for spec in (comparison_spec(COMPARISON, BEFORE, AFTER), trend_spec(POINTS, NAMES)):
        proto = VegaLiteChart()
        _marshall_chart_data(proto, spec)
        assert (len(proto.datasets), proto.data.data) == (0, b"")


SCRIPT = """
import sys
from datetime import date
from decimal import Decimal
from cor.charts.progress import comparison_spec, trend_spec
from cor.workspace.progress import Comparison, ElementChange, TrendPoint
change = ElementChange(element="e1", name="One", before_pct=Decimal("1"), after_pct=Decimal("2"))
comparison = Comparison(before_overall=None, after_overall=None, before_passed=None, after_passed=None,
                        elements=(change,))
point = TrendPoint(taken_on=date(2026, 1, 1), label="", overall_pct=Decimal("5"), passed=False, element_pct={})
assert comparison_spec(comparison, "a", "b")["layer"] and trend_spec([point, point], {})["layer"]
print(" ".join(sorted(name for name in ("altair", "pandas") if name in sys.modules)))
"""


def test_both_charts_are_built_without_importing_altair_or_pandas() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1:] in ([], [""]), result.stdout
