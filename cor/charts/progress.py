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
            y=alt.Y("Element:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
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


#: Distinct colours for the element lines (the overall line is black and thicker).
SERIES_COLOURS = (
    "#1f5fbf", "#d95f02", "#1b9e77", "#e7298a", "#7570b3", "#66a61e",
    "#a6761d", "#e6ab02", "#17becf", "#8c564b", "#bcbd22", "#6b6ecf",
    "#9edae5", "#ff9896", "#c5b0d5",
)  # fmt: skip


def trend_chart(points: Sequence[TrendPoint], names: Mapping[str, str]) -> alt.Chart:
    """Lines on a fixed 0-100 scale: the overall score (black, thick) and every element's score,
    one point per visit, evenly spaced and labelled by the visit's date."""
    rows = []
    for point in points:
        visit = point.taken_on.isoformat()
        rows.append({"Visit": visit, "Series": "Overall", "Score (%)": float(point.overall_pct)})
        for element, pct in point.element_pct.items():
            rows.append({"Visit": visit, "Series": names.get(element, element), "Score (%)": float(pct)})
    data = pd.DataFrame(rows, columns=["Visit", "Series", "Score (%)"])
    series = ["Overall", *dict.fromkeys(name for name in data["Series"] if name != "Overall")]
    colours = ["#111111", *(SERIES_COLOURS[n % len(SERIES_COLOURS)] for n in range(len(series) - 1))]
    chart: alt.Chart = (
        alt.Chart(data, title="Scores over time", height=320)
        .mark_line(point=True)
        .encode(
            x=alt.X("Visit:O", title="Visit", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Score (%):Q", scale=alt.Scale(domain=[0, 100], nice=False, clamp=True)),
            color=alt.Color(
                "Series:N",
                sort=series,
                scale=alt.Scale(domain=series, range=colours),
                legend=alt.Legend(orient="bottom", title=None, columns=2, labelLimit=320),
            ),
            strokeWidth=alt.condition(alt.datum.Series == "Overall", alt.value(5), alt.value(2)),
            tooltip=["Visit", "Series", alt.Tooltip("Score (%):Q", format=".1f")],
        )
    )
    return chart
