"""Cumulative savings over a COR cycle, against what the audits cost.

One bar per year of the cycle (the incentive earned so far), and, when the user entered audit
costs, a line of what the audits have cost so far: where the bars pass the line, COR has paid for
itself. Built for a projector: few marks, large labels, every bar labelled with its amount.

The page draws :func:`cumulative_spec`, a plain Vega-Lite dictionary written without Altair:
Altair's objects and their schema validation were 60% of a Savings rerun with a new figure.
The spec of recent inputs is kept (as JSON text, so no caller can change a cached
object). The tests check the spec against the Vega-Lite schema through :func:`cumulative_chart`,
the same spec as an Altair chart; altair and pandas are imported only there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cor.formatting import money
from cor.incentives import CycleRow

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

Spec = dict[str, Any]
#: Vega-Lite version of the spec, the one the installed Altair writes (the tests validate with it).
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
INCENTIVE = "Cumulative incentive"
COST = "Cumulative audit cost"
COLOURS = {INCENTIVE: "#1d5d9b", COST: "#b3261e"}
#: Splits an axis label over two lines, so three years fit side by side on a phone.
SEPARATOR = " · "


def year_label(row: CycleRow) -> str:
    """``Year 1 · audit 2026`` when the calendar year is known, else ``Year 1``."""
    if row.audit_year is not None:
        return f"Year {row.year}{SEPARATOR}audit {row.audit_year}"
    return f"Year {row.year}"


def _with_cost(rows: Sequence[CycleRow]) -> bool:
    return any(r.cumulative_cost > 0 for r in rows)


def chart_records(rows: Sequence[CycleRow]) -> list[dict[str, object]]:
    """Long-format data of the chart: one record per year and series (costs only when any)."""
    records: list[dict[str, object]] = []
    with_cost = _with_cost(rows)
    for order, r in enumerate(rows):
        label = year_label(r)
        records.append({"year": label, "order": order, "series": INCENTIVE, "amount": float(r.cumulative)})
        if with_cost:
            records.append(
                {"year": label, "order": order, "series": COST, "amount": float(r.cumulative_cost)}
            )
    return records


def chart_data(rows: Sequence[CycleRow]) -> pd.DataFrame:
    """:func:`chart_records` as a table (year, order, series, amount)."""
    import pandas as pd

    return pd.DataFrame.from_records(chart_records(rows), columns=["year", "order", "series", "amount"])


def _encodings(series: list[str]) -> tuple[Spec, Spec, Spec, list[Spec]]:
    """Colour by series, x by year (in cycle order, over two lines), y in dollars, and the tooltip."""
    colour = {
        "field": "series",
        "legend": {"direction": "vertical", "labelFontSize": 14, "orient": "top", "symbolSize": 200},
        "scale": {"domain": series, "range": [COLOURS[s] for s in series]},
        "title": None,
        "type": "nominal",
    }
    x = {
        "axis": {
            "labelAngle": 0,
            "labelExpr": f"split(datum.label, '{SEPARATOR}')",
            "labelFontSize": 14,
            "labelLimit": 200,
        },
        "field": "year",
        "sort": {"field": "order"},
        "title": None,
        "type": "nominal",
    }
    y = {
        "axis": {"format": "$,.0f", "labelFontSize": 13, "titleFontSize": 14},
        "field": "amount",
        "title": "Dollars (CAD)",
        "type": "quantitative",
    }
    tooltip = [
        {"field": "year", "title": "Year", "type": "nominal"},
        {"field": "series", "title": "What", "type": "nominal"},
        {"field": "amount", "format": "$,.2f", "title": "Amount", "type": "quantitative"},
    ]
    return colour, x, y, tooltip


def _only(series: str) -> list[Spec]:
    return [{"filter": f"(datum.series === '{series}')"}]


def _spec(rows: Sequence[CycleRow], title: str) -> Spec:
    records = chart_records(rows)
    series = [s for s in (INCENTIVE, COST) if any(r["series"] == s for r in records)]
    colour, x, y, tooltip = _encodings(series)
    layers: list[Spec] = [
        {
            "mark": {"type": "bar", "size": 60},
            "encoding": {"color": colour, "tooltip": tooltip, "x": x, "y": y},
            "transform": _only(INCENTIVE),
        },
        {
            "mark": {
                "type": "text",
                "color": COLOURS[INCENTIVE],
                "dy": -10,
                "fontSize": 16,
                "fontWeight": "bold",
            },
            "encoding": {
                "text": {"field": "amount", "format": "$,.0f", "type": "quantitative"},
                "x": x,
                "y": y,
            },
            "transform": _only(INCENTIVE),
        },
    ]
    if COST in series:
        layers.append(
            {
                "mark": {
                    "type": "line",
                    "point": {"filled": True, "size": 120},
                    "strokeDash": [8, 4],
                    "strokeWidth": 4,
                },
                "encoding": {"color": colour, "tooltip": tooltip, "x": x, "y": y},
                "transform": _only(COST),
            }
        )
    for layer in layers:  # rows in each layer: Streamlit sends them as JSON, not through pandas
        layer["data"] = {"values": records}
    spec: Spec = {
        "config": {"view": {"continuousWidth": 300, "continuousHeight": 300, "strokeWidth": 0}},
        "layer": layers,
        "height": 360,
        "$schema": SCHEMA,
    }
    if title:
        spec["title"] = {"text": title, "anchor": "start", "fontSize": 18}
    return spec


@lru_cache(maxsize=256)
def _spec_json(rows: tuple[CycleRow, ...], title: str) -> str:
    return json.dumps(_spec(rows, title))


def cumulative_spec(rows: Sequence[CycleRow], title: str = "") -> dict[str, Any]:
    """The chart's Vega-Lite spec as a plain dictionary, built once per set of rows (a fresh
    dictionary each call). Bars of the cumulative incentive by year of the cycle, and a line of
    cumulative audit cost when there is one."""
    spec: dict[str, Any] = json.loads(_spec_json(tuple(rows), title))
    return spec


def cumulative_chart(rows: Sequence[CycleRow], title: str = "Savings over the COR cycle") -> alt.LayerChart:
    """:func:`cumulative_spec` as an Altair chart (validated against the Vega-Lite schema). ``rows``
    come from ``cor.incentives.cumulative`` / ``cumulative_savings``."""
    import altair as alt

    chart: alt.LayerChart = alt.LayerChart.from_dict(cumulative_spec(rows, title))
    return chart


def table_rows(rows: Sequence[CycleRow], credited: bool = True) -> list[dict[str, str]]:
    """The chart as a table (its text equivalent), narrow enough for a phone.

    The year, its audit year and (``credited``, BC) the year the credit arrives share one column;
    the yearly amount gets a column only when it changes from year to year (as PIR's does), and
    costs only when the user entered some.
    """
    varying = len({r.incentive for r in rows}) > 1
    with_cost = _with_cost(rows)
    table = []
    for r in rows:
        year = f"Year {r.year}"
        if r.audit_year is not None:
            year += f": audit {r.audit_year}" + (f", credited {r.credited_in}" if credited else "")
        line = {"Year": year}
        if varying:
            line["This year"] = money(r.incentive)
        line["Cumulative"] = money(r.cumulative)
        if with_cost:
            line["Audit costs so far"] = money(r.cumulative_cost)
            line["Net"] = money(r.net)
        table.append(line)
    return table


def describe(rows: Sequence[CycleRow]) -> str:
    """A one-sentence text alternative of the chart, for screen readers."""
    if not rows:
        return "No savings to chart."
    last = rows[-1]
    text = f"Cumulative incentive reaches {money(last.cumulative)} after {last.year} years"
    cost = last.cumulative_cost
    if cost > 0:
        text += f", against {money(cost)} of audit costs"
    return text + "."
