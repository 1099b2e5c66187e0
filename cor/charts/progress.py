"""Charts of a client's progress: two visits side by side, and scores over time.

Each chart has a table with the same numbers on the page (cor.workspace.progress), so nobody
depends on reading colours.

The specs are plain Vega-Lite dictionaries, built without Altair: building two Altair charts and
validating them against the schema was 60% of a Workspace rerun (issue 19). Each chart is one
layer holding its own rows, so Streamlit sends the rows to the browser as the JSON they are instead
of turning a top-level dataset into an Arrow table through pandas on every draw. The tests turn
each spec into an Altair chart, which checks it against the Vega-Lite schema.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cor.workspace.progress import Comparison, TrendPoint

if TYPE_CHECKING:  # altair is imported only by the *_chart functions (tests, notebooks)
    import altair as alt

Spec = dict[str, Any]
Row = dict[str, Any]

BEFORE_COLOUR = "#9aa5b1"
AFTER_COLOUR = "#1f5fbf"
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
_CONFIG: Spec = {"view": {"continuousHeight": 300, "continuousWidth": 300}}
_SCORE_TIP: Spec = {"field": "Score (%)", "format": ".1f", "type": "quantitative"}


def comparison_rows(comparison: Comparison, before: str, after: str) -> list[Row]:
    """One row per element and visit that has a score, in the elements' order."""
    rows: list[Row] = []
    for change in comparison.elements:
        for visit, pct in ((before, change.before_pct), (after, change.after_pct)):
            if pct is not None:
                rows.append({"Element": change.name, "Visit": visit, "Score (%)": float(pct)})
    return rows


def _comparison_dict(rows: list[Row], before: str, after: str, elements: int) -> Spec:
    order = [before, after]
    encoding: Spec = {
        "color": {
            "field": "Visit",
            "legend": {"orient": "top", "title": None},
            "scale": {"range": [BEFORE_COLOUR, AFTER_COLOUR]},
            "sort": order,
            "type": "nominal",
        },
        "tooltip": [
            {"field": "Element", "type": "nominal"},
            {"field": "Visit", "type": "nominal"},
            _SCORE_TIP,
        ],
        "x": {"field": "Score (%)", "scale": {"domain": [0, 100]}, "type": "quantitative"},
        "y": {
            "axis": {"labelLimit": 320},
            "field": "Element",
            "sort": None,
            "title": None,
            "type": "nominal",
        },
        "yOffset": {"field": "Visit", "sort": order, "type": "nominal"},
    }
    return {
        "$schema": SCHEMA,
        "config": _CONFIG,
        "height": 36 * max(1, elements),
        "layer": [{"data": {"values": rows}, "mark": {"type": "bar"}, "encoding": encoding}],
        "title": "Score by element at the two visits",
    }


@lru_cache(maxsize=256)
def _comparison_json(rows: str, before: str, after: str, elements: int) -> str:
    return json.dumps(_comparison_dict(json.loads(rows), before, after, elements))


def comparison_spec(comparison: Comparison, before: str, after: str) -> Spec:
    """Grouped bars: each element's score at the earlier and the later visit.

    Built once per (rows, visit labels); each call returns a fresh dictionary."""
    rows = json.dumps(comparison_rows(comparison, before, after))
    spec: Spec = json.loads(_comparison_json(rows, before, after, len(comparison.elements)))
    return spec


def comparison_chart(comparison: Comparison, before: str, after: str) -> alt.LayerChart:
    """:func:`comparison_spec` as an Altair chart (tests, notebooks): building it validates the spec."""
    import altair as alt

    return alt.LayerChart.from_dict(comparison_spec(comparison, before, after))


#: Distinct colours for the element lines (the overall line is black and thicker).
SERIES_COLOURS = (
    "#1f5fbf", "#d95f02", "#1b9e77", "#e7298a", "#7570b3", "#66a61e",
    "#a6761d", "#e6ab02", "#17becf", "#8c564b", "#bcbd22", "#6b6ecf",
    "#9edae5", "#ff9896", "#c5b0d5",
)  # fmt: skip


def trend_rows(points: Sequence[TrendPoint], names: Mapping[str, str]) -> list[Row]:
    """The overall score and every element's score, one row each per visit, oldest visit first."""
    rows: list[Row] = []
    for point in points:
        visit = point.taken_on.isoformat()
        rows.append({"Visit": visit, "Series": "Overall", "Score (%)": float(point.overall_pct)})
        for element, pct in point.element_pct.items():
            rows.append({"Visit": visit, "Series": names.get(element, element), "Score (%)": float(pct)})
    return rows


def _trend_dict(rows: list[Row]) -> Spec:
    series = ["Overall", *dict.fromkeys(row["Series"] for row in rows if row["Series"] != "Overall")]
    colours = ["#111111", *(SERIES_COLOURS[n % len(SERIES_COLOURS)] for n in range(len(series) - 1))]
    encoding: Spec = {
        "color": {
            "field": "Series",
            "legend": {"columns": 2, "labelLimit": 320, "orient": "bottom", "title": None},
            "scale": {"domain": series, "range": colours},
            "sort": series,
            "type": "nominal",
        },
        "strokeWidth": {"condition": {"test": "(datum.Series === 'Overall')", "value": 5}, "value": 2},
        "tooltip": [
            {"field": "Visit", "type": "nominal"},
            {"field": "Series", "type": "nominal"},
            _SCORE_TIP,
        ],
        "x": {"axis": {"labelAngle": 0}, "field": "Visit", "title": "Visit", "type": "ordinal"},
        "y": {
            "field": "Score (%)",
            "scale": {"clamp": True, "domain": [0, 100], "nice": False},
            "type": "quantitative",
        },
    }
    return {
        "$schema": SCHEMA,
        "config": _CONFIG,
        "height": 320,
        "layer": [{"data": {"values": rows}, "mark": {"point": True, "type": "line"}, "encoding": encoding}],
        "title": "Scores over time",
    }


@lru_cache(maxsize=256)
def _trend_json(rows: str) -> str:
    return json.dumps(_trend_dict(json.loads(rows)))


def trend_spec(points: Sequence[TrendPoint], names: Mapping[str, str]) -> Spec:
    """Lines on a fixed 0-100 scale: the overall score (black, thick) and every element's score,
    one point per visit, evenly spaced and labelled by the visit's date.

    Built once per rows; each call returns a fresh dictionary."""
    spec: Spec = json.loads(_trend_json(json.dumps(trend_rows(points, names))))
    return spec


def trend_chart(points: Sequence[TrendPoint], names: Mapping[str, str]) -> alt.LayerChart:
    """:func:`trend_spec` as an Altair chart (tests, notebooks): building it validates the spec."""
    import altair as alt

    return alt.LayerChart.from_dict(trend_spec(points, names))
