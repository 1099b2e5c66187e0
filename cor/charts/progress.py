"""Charts of a client's progress: two visits side by side, and scores over time.

Each chart has a table with the same numbers on the page (cor.workspace.progress), so nobody
depends on reading colours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from cor.workspace.progress import Comparison, TrendPoint

BEFORE_COLOUR = "#9aa5b1"
AFTER_COLOUR = "#1f5fbf"


def comparison_chart(comparison: Comparison, before: str, after: str) -> alt.Chart:
    """Grouped bars: each element's score at the earlier and the later visit."""
    rows = []
    for change in comparison.elements:
        for visit, pct in ((before, change.before_pct), (after, change.after_pct)):
            if pct is not None:
                rows.append({"Element": change.name, "Visit": visit, "Score (%)": float(pct)})
    data = pd.DataFrame(rows, columns=["Element", "Visit", "Score (%)"])
    chart: alt.Chart = (
        alt.Chart(
            data, title="Score by element at the two visits", height=36 * max(1, len(comparison.elements))
        )
        .mark_bar()
        .encode(
            y=alt.Y("Element:N", sort=None, title=None),
            yOffset=alt.YOffset("Visit:N", sort=[before, after]),
            x=alt.X("Score (%):Q", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "Visit:N",
                sort=[before, after],
                scale=alt.Scale(range=[BEFORE_COLOUR, AFTER_COLOUR]),
                legend=alt.Legend(orient="top", title=None),
            ),
            tooltip=["Element", "Visit", alt.Tooltip("Score (%):Q", format=".1f")],
        )
    )
    return chart


def trend_chart(points: Sequence[TrendPoint], names: Mapping[str, str]) -> alt.Chart:
    """Lines: the overall score and every element's score, visit by visit."""
    rows = []
    for point in points:
        rows.append(
            {"Date": point.taken_on.isoformat(), "Series": "Overall", "Score (%)": float(point.overall_pct)}
        )
        for element, pct in point.element_pct.items():
            rows.append(
                {
                    "Date": point.taken_on.isoformat(),
                    "Series": names.get(element, element),
                    "Score (%)": float(pct),
                }
            )
    data = pd.DataFrame(rows, columns=["Date", "Series", "Score (%)"])
    chart: alt.Chart = (
        alt.Chart(data, title="Scores over time", height=280)
        .mark_line(point=True)
        .encode(
            x=alt.X("Date:T", title=None),
            y=alt.Y("Score (%):Q", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("Series:N", legend=alt.Legend(orient="bottom", title=None, columns=2)),
            strokeWidth=alt.condition(alt.datum.Series == "Overall", alt.value(4), alt.value(1.5)),
            tooltip=["Date:T", "Series", alt.Tooltip("Score (%):Q", format=".1f")],
        )
    )
    return chart
