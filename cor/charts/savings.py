"""Cumulative savings over a COR cycle, against what the audits cost.

One bar per year of the cycle (the incentive earned so far), and, when the user entered audit
costs, a line of what the audits have cost so far: where the bars pass the line, COR has paid for
itself. Built for a projector: few marks, large labels, every bar labelled with its amount.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import altair as alt
import pandas as pd

from cor.incentives import money

INCENTIVE = "Cumulative incentive"
COST = "Cumulative audit cost"
COLOURS = {INCENTIVE: "#1d5d9b", COST: "#b3261e"}
#: Splits an axis label over two lines, so three years fit side by side on a phone.
SEPARATOR = " · "


def year_label(row: dict[str, object]) -> str:
    """``Year 1 · audit 2026`` when the calendar year is known, else ``Year 1``."""
    if "audit_year" in row:
        return f"Year {row['year']}{SEPARATOR}audit {row['audit_year']}"
    return f"Year {row['year']}"


def chart_data(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """Long-format data of the chart: one row per year and series (costs only when any)."""
    records: list[dict[str, object]] = []
    with_cost = any(Decimal(str(r.get("cumulative_cost", 0))) > 0 for r in rows)
    for order, r in enumerate(rows):
        label = year_label(r)
        records.append(
            {"year": label, "order": order, "series": INCENTIVE, "amount": float(r["cumulative"])}  # type: ignore[arg-type]
        )
        if with_cost:
            records.append(
                {"year": label, "order": order, "series": COST, "amount": float(r["cumulative_cost"])}  # type: ignore[arg-type]
            )
    return pd.DataFrame.from_records(records, columns=["year", "order", "series", "amount"])


def cumulative_chart(
    rows: Sequence[dict[str, object]], title: str = "Savings over the COR cycle"
) -> alt.LayerChart:
    """Bars of the cumulative incentive by year of the cycle, and a line of cumulative audit cost
    when there is one. ``rows`` come from ``cor.incentives.cumulative`` / ``cumulative_savings``."""
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
    return chart.configure_view(strokeWidth=0)


def table_rows(rows: Sequence[dict[str, object]], credited: bool = True) -> list[dict[str, str]]:
    """The chart as a table (its text equivalent), narrow enough for a phone.

    The year, its audit year and (``credited``, BC) the year the credit arrives share one column;
    the yearly amount gets a column only when it changes from year to year (as PIR's does), and
    costs only when the user entered some.
    """
    varying = len({str(r["incentive"]) for r in rows}) > 1
    with_cost = any(Decimal(str(r.get("cumulative_cost", 0))) > 0 for r in rows)
    table = []
    for r in rows:
        year = f"Year {r['year']}"
        if "audit_year" in r:
            year += f": audit {r['audit_year']}" + (f", credited {r['credited_in']}" if credited else "")
        line = {"Year": year}
        if varying:
            line["This year"] = money(r["incentive"])  # type: ignore[arg-type]
        line["Cumulative"] = money(r["cumulative"])  # type: ignore[arg-type]
        if with_cost:
            line["Audit costs so far"] = money(r["cumulative_cost"])  # type: ignore[arg-type]
            line["Net"] = money(r["net"])  # type: ignore[arg-type]
        table.append(line)
    return table


def describe(rows: Sequence[dict[str, object]]) -> str:
    """A one-sentence text alternative of the chart, for screen readers."""
    if not rows:
        return "No savings to chart."
    last = rows[-1]
    text = (
        f"Cumulative incentive reaches {money(Decimal(str(last['cumulative'])))} after {last['year']} years"
    )
    cost = Decimal(str(last.get("cumulative_cost", 0)))
    if cost > 0:
        text += f", against {money(cost)} of audit costs"
    return text + "."
