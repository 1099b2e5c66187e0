"""Readiness chart and its table equivalent, shared by the Readiness page and the PDF report.

The chart answers "which element stops me?" at a glance: one bar per scored element, a line at
the element floor and one at the overall bar. Colour is never the only signal (colour-blind
users, projectors that wash colours out, black-and-white printouts): every bar carries its
percentage, blocking bars say "blocks" in words, and :func:`element_table` gives the same facts
as text for screen readers and for anyone who prefers a table.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import altair as alt

from cor.formatting import points_below, show_pct
from cor.scoring import Verdict

#: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
BLOCKING_COLOUR = "#D55E00"  # vermillion
MEETS_COLOUR = "#0072B2"  # blue
RULE_COLOUR = "#333333"


#: Bars at or above this share of the axis carry their label inside the bar (white on blue), so a
#: label never runs off the right edge on a narrow phone screen.
_INSIDE_LABEL_FROM = 60

#: Characters per line of an element name on the axis: two short lines fit beside the bars on a
#: phone where one long line would squeeze the bars to nothing.
_AXIS_WRAP = 22


def _legend(verdict: Verdict) -> tuple[str, str]:
    """Legend entries (blocking, meeting), naming the floor so the colour key reads on its own.

    Kept short: a phone screen leaves about 30 characters for a legend line.
    """
    floor = show_pct(verdict.element_min_pct)
    return f"Blocks: below the {floor} floor", f"Meets the {floor} floor"


def _status(verdict: Verdict, element: str) -> str:
    blocks, meets = _legend(verdict)
    return blocks if element in verdict.blocking_elements else meets


def status_text(verdict: Verdict, element: str) -> str:
    """Whether a scored element blocks certification, and by how many points, in words."""
    if element in verdict.blocking_elements:
        gap = points_below(verdict.element_min_pct, verdict.element_pct[element])
        return f"Blocks certification: {gap} points below the {show_pct(verdict.element_min_pct)} floor"
    return "Meets the floor"


def element_table(verdict: Verdict, names: Mapping[str, str]) -> list[dict[str, object]]:
    """The chart as a table: one row per scored element, in the chart's order.

    Keys are the column headings a user reads ("Element", "Score", "Floor", "Status"), so the
    rows can go straight into ``st.table`` / ``st.dataframe``.
    """
    return [
        {
            "Element": names.get(element, element),
            "Score": show_pct(pct),
            "Floor": show_pct(verdict.element_min_pct),
            "Status": status_text(verdict, element),
        }
        for element, pct in verdict.element_pct.items()
    ]


def _rows(verdict: Verdict, names: Mapping[str, str]) -> list[dict[str, object]]:
    rows = []
    for element, pct in verdict.element_pct.items():
        name = names.get(element, element)
        blocking = element in verdict.blocking_elements
        shown = show_pct(pct)
        rows.append(
            {
                "element": name,
                "axis_label": "\n".join(textwrap.wrap(name, _AXIS_WRAP)) or name,
                "pct": float(pct),
                "shown": shown,
                "bar_label": f"{shown} – blocks" if blocking else shown,
                "status": _status(verdict, element),
                "detail": status_text(verdict, element),
            }
        )
    return rows


def element_chart(verdict: Verdict, names: Mapping[str, str]) -> alt.LayerChart:
    """Horizontal bars of each scored element's score, with the pass thresholds drawn in.

    Thresholds come from the verdict (and so from the jurisdiction's pass rule in content), never
    from constants here. Width follows the container so the chart fits a phone; the PDF report
    sets a fixed width on the same chart before rendering it.
    """
    rows = _rows(verdict, names)
    order = [r["axis_label"] for r in rows]
    floor = float(verdict.element_min_pct)
    bar = float(verdict.overall_min_pct)
    base = alt.Chart(alt.Data(values=rows))
    y = alt.Y(
        "axis_label:N",
        sort=order,
        title=None,
        axis=alt.Axis(
            labelExpr="split(datum.label, '\\n')",
            labelLimit=220,
            labelFontSize=12,
            labelPadding=8,
            ticks=False,
        ),
    )
    x = alt.X(
        "pct:Q",
        scale=alt.Scale(domain=[0, 100], nice=False, clamp=True),
        title="Element score (%)",
        axis=alt.Axis(values=[0, 25, 50, 75, 100], labelFontSize=11, titleFontSize=12),
    )
    tooltip = [
        alt.Tooltip("element:N", title="Element"),
        alt.Tooltip("shown:N", title="Score"),
        alt.Tooltip("detail:N", title="Status"),
    ]
    bars = base.mark_bar(height={"band": 0.7}).encode(
        y=y,
        x=x,
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=list(_legend(verdict)), range=[BLOCKING_COLOUR, MEETS_COLOUR]),
            legend=alt.Legend(
                title=None, orient="bottom", direction="vertical", labelFontSize=12, labelLimit=400
            ),
        ),
        tooltip=tooltip,
    )
    label_outside = (
        base.transform_filter(f"datum.pct < {_INSIDE_LABEL_FROM}")
        .mark_text(align="left", baseline="middle", dx=4, fontSize=12, fontWeight="bold", color="#222222")
        .encode(y=y, x=x, text="bar_label:N", tooltip=tooltip)
    )
    label_inside = (
        base.transform_filter(f"datum.pct >= {_INSIDE_LABEL_FROM}")
        .mark_text(align="right", baseline="middle", dx=-4, fontSize=12, fontWeight="bold", color="white")
        .encode(y=y, x=x, text="bar_label:N", tooltip=tooltip)
    )
    thresholds = alt.Chart(
        alt.Data(
            values=[
                {"pct": floor, "label": f"Element floor {show_pct(verdict.element_min_pct)}", "row": 0},
                {"pct": bar, "label": f"Overall bar {show_pct(verdict.overall_min_pct)}", "row": 1},
            ]
        )
    )
    rules = thresholds.mark_rule(color=RULE_COLOUR, strokeDash=[5, 3], strokeWidth=2).encode(
        x=alt.X("pct:Q", scale=alt.Scale(domain=[0, 100], nice=False)),
        tooltip=[alt.Tooltip("label:N", title="Threshold")],
    )
    # Two stacked rows above the plot so the two labels never overlap, however narrow the chart.
    label_x = alt.X("pct:Q", scale=alt.Scale(domain=[0, 100], nice=False))
    floor_label = (
        thresholds.transform_filter("datum.row == 0")
        .mark_text(align="center", baseline="bottom", fontSize=11, color=RULE_COLOUR)
        .encode(x=label_x, y=alt.value(-4), text="label:N")
    )
    bar_label = (
        thresholds.transform_filter("datum.row == 1")
        .mark_text(align="center", baseline="bottom", fontSize=11, color=RULE_COLOUR)
        .encode(x=label_x, y=alt.value(-18), text="label:N")
    )
    summary = "; ".join(f"{r['element']}: {r['shown']}, {r['detail'].lower()}" for r in rows)
    return alt.layer(bars, rules, label_outside, label_inside, floor_label, bar_label).properties(
        width="container",
        height=alt.Step(44),
        description=(
            f"Element scores against the {show_pct(verdict.element_min_pct)} element floor and the "
            f"{show_pct(verdict.overall_min_pct)} overall bar. {summary}."
        ),
    )
