"""Cumulative savings over a COR cycle, against what the audits cost.

One bar per year of the cycle (the incentive earned so far), and, when the user entered audit
costs, a line of what the audits have cost so far: where the bars pass the line, COR has paid for
itself. Built for a projector: few marks, large labels, every bar labelled with its amount.

Building the spec is most of a Savings rerun, so ``cumulative_spec`` keeps the spec of recent
inputs (as JSON text, so no caller can change a cached object), and altair and pandas are imported
only when a chart is really built.
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


def chart_data(rows: Sequence[CycleRow]) -> pd.DataFrame:
    """Long-format data of the chart: one row per year and series (costs only when any)."""
    import pandas as pd

    records: list[dict[str, object]] = []
    with_cost = _with_cost(rows)
    for order, r in enumerate(rows):
        label = year_label(r)
        records.append({"year": label, "order": order, "series": INCENTIVE, "amount": float(r.cumulative)})
        if with_cost:
            records.append(
                {"year": label, "order": order, "series": COST, "amount": float(r.cumulative_cost)}
            )
    return pd.DataFrame.from_records(records, columns=["year", "order", "series", "amount"])


@lru_cache(maxsize=256)
def _spec_json(rows: tuple[CycleRow, ...], title: str) -> str:
    return cumulative_chart(rows, title).to_json()


def cumulative_spec(rows: Sequence[CycleRow], title: str = "") -> dict[str, Any]:
    """The chart's Vega-Lite spec, rebuilt only when its rows change (a fresh dict each call)."""
    spec: dict[str, Any] = json.loads(_spec_json(tuple(rows), title))
    return spec


def cumulative_chart(rows: Sequence[CycleRow], title: str = "Savings over the COR cycle") -> alt.LayerChart:
    """Bars of the cumulative incentive by year of the cycle, and a line of cumulative audit cost
    when there is one. ``rows`` come from ``cor.incentives.cumulative`` / ``cumulative_savings``."""
    import altair as alt

    data = chart_data(rows)
    series = [s for s in (INCENTIVE, COST) if s in set(data["series"])]
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=series, range=[COLOURS[s] for s in series]),
        legend=alt.Legend(orient="top", direction="vertical", labelFontSize=14, symbolSize=200),
    )
    x = alt.X(
        "year:N",
        title=None,
        sort=alt.SortField("order"),
        axis=alt.Axis(
            labelAngle=0, labelFontSize=14, labelLimit=200, labelExpr=f"split(datum.label, '{SEPARATOR}')"
        ),
    )
    y = alt.Y(
        "amount:Q", title="Dollars (CAD)", axis=alt.Axis(format="$,.0f", labelFontSize=13, titleFontSize=14)
    )
    tooltip = [
        alt.Tooltip("year:N", title="Year"),
        alt.Tooltip("series:N", title="What"),
        alt.Tooltip("amount:Q", title="Amount", format="$,.2f"),
    ]
    base = alt.Chart(data)
    bars = (
        base.transform_filter(alt.datum.series == INCENTIVE)
        .mark_bar(size=60)
        .encode(x, y, colour, tooltip=tooltip)
    )
    labels = (
        base.transform_filter(alt.datum.series == INCENTIVE)
        .mark_text(dy=-10, fontSize=16, fontWeight="bold", color=COLOURS[INCENTIVE])
        .encode(x, y, text=alt.Text("amount:Q", format="$,.0f"))
    )
    layers: list[alt.Chart] = [bars, labels]
    if COST in series:
        line = (
            base.transform_filter(alt.datum.series == COST)
            .mark_line(point=alt.OverlayMarkDef(size=120, filled=True), strokeWidth=4, strokeDash=[8, 4])
            .encode(x, y, colour, tooltip=tooltip)
        )
        layers.append(line)
    chart = alt.layer(*layers).properties(height=360)
    if title:
        chart = chart.properties(title=alt.TitleParams(title, fontSize=18, anchor="start"))
    configured: alt.LayerChart = chart.configure_view(strokeWidth=0)
    return configured


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
