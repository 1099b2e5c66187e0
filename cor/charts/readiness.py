"""Readiness chart and its table equivalent, shared by the Readiness page and the PDF report.

The chart answers "which element stops me?" at a glance: one bar per scored element, a line at
the element floor and one at the overall bar. Colour is never the only signal (colour-blind
users, projectors that wash colours out, black-and-white printouts): every bar carries its
percentage, blocking bars say "blocks" in words, and :func:`element_table` gives the same facts
as text for screen readers and for anyone who prefers a table.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from cor.formatting import points_gap, show_pct
from cor.scoring import Scorecard, Verdict

if TYPE_CHECKING:  # altair is imported when a chart is built, not when the table is
    import altair as alt

#: Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
BLOCKING_COLOUR = "#D55E00"  # vermillion
MEETS_COLOUR = "#0072B2"  # blue
RULE_COLOUR = "#333333"
NOT_SCORED_COLOUR = "#767676"  # grey, 4.5:1 on white
NOT_SCORED = "Not scored"


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
        gap = points_gap(verdict.element_min_pct, verdict.element_pct[element], "percentage point")
        return f"Blocks certification: {gap} below the {show_pct(verdict.element_min_pct)} floor"
    return "Meets the floor"


class NotScoredReason(StrEnum):
    """Why an element of the question set has no score (the words follow ``NOT_SCORED: ``)."""

    ALL_NOT_APPLICABLE = "every answer is Not applicable"
    NO_APPLICABLE_ANSWER = "no applicable answer yet"

    @property
    def words(self) -> str:
        """The reason as the page's table, the chart and the PDF read it."""
        return f"{NOT_SCORED}: {self.value}"

    @property
    def charted(self) -> bool:
        """Whether the element gets an (empty) bar on the chart: one answered entirely "Not
        applicable" does, so it is never silently missing; one not answered yet does not."""
        return self is NotScoredReason.ALL_NOT_APPLICABLE


def not_scored_reasons(scorecard: Scorecard, verdict: Verdict) -> dict[str, NotScoredReason]:
    """Elements of the question set without a score, each with why."""
    reasons: dict[str, NotScoredReason] = {}
    for element in scorecard.elements:
        if element.element in verdict.element_pct:
            continue
        if element.answered and element.answered == element.not_applicable:
            reasons[element.element] = NotScoredReason.ALL_NOT_APPLICABLE
        else:
            reasons[element.element] = NotScoredReason.NO_APPLICABLE_ANSWER
    return reasons


def not_scored(scorecard: Scorecard, verdict: Verdict) -> dict[str, str]:
    """Elements of the question set without a score, each with the reason in words.

    The same words go on the page's chart and table and in the PDF, so an element answered
    entirely "Not applicable" is never silently missing from one of them.
    """
    return {element: reason.words for element, reason in not_scored_reasons(scorecard, verdict).items()}


def charted_not_scored(reasons: Mapping[str, NotScoredReason]) -> dict[str, str]:
    """The not-scored elements the chart shows as an empty bar, with their reason in words."""
    return {element: reason.words for element, reason in reasons.items() if reason.charted}


class ElementRow(BaseModel):
    """One row of the chart's table equivalent, as a user reads it."""

    model_config = ConfigDict(frozen=True)

    element: str
    score: str
    floor: str
    status: str

    def as_table(self) -> dict[str, str]:
        """Column headings as a user reads them, for ``st.table``."""
        return {"Element": self.element, "Score": self.score, "Floor": self.floor, "Status": self.status}


def element_rows(
    verdict: Verdict, names: Mapping[str, str], unscored: Mapping[str, str] | None = None
) -> list[ElementRow]:
    """The chart as a table: one row per scored element in the chart's order, then the elements
    without a score (``unscored``, from :func:`not_scored`) with the reason."""
    floor = show_pct(verdict.element_min_pct)
    rows = [
        ElementRow(
            element=names.get(element, element),
            score=show_pct(pct),
            floor=floor,
            status=status_text(verdict, element),
        )
        for element, pct in verdict.element_pct.items()
    ]
    rows += [
        # a dash, not a hyphen: st.table reads a cell holding a lone "-" as a Markdown list item
        ElementRow(element=names.get(element, element), score="—", floor=floor, status=reason)
        for element, reason in (unscored or {}).items()
    ]
    return rows


def element_table(
    verdict: Verdict, names: Mapping[str, str], unscored: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """:func:`element_rows` with the headings a user reads ("Element", "Score", "Floor", "Status")."""
    return [row.as_table() for row in element_rows(verdict, names, unscored)]


class ChartRow(BaseModel):
    """One bar of the chart (a not-scored element has an empty bar and says why)."""

    model_config = ConfigDict(frozen=True)

    element: str
    axis_label: str
    pct: float
    shown: str
    bar_label: str
    status: str
    detail: str


def _axis_label(name: str) -> str:
    return "\n".join(textwrap.wrap(name, _AXIS_WRAP)) or name


def _rows(verdict: Verdict, names: Mapping[str, str], unscored: Mapping[str, str]) -> list[ChartRow]:
    rows = []
    for element, pct in verdict.element_pct.items():
        name = names.get(element, element)
        shown = show_pct(pct)
        rows.append(
            ChartRow(
                element=name,
                axis_label=_axis_label(name),
                pct=float(pct),
                shown=shown,
                bar_label=f"{shown} – blocks" if element in verdict.blocking_elements else shown,
                status=_status(verdict, element),
                detail=status_text(verdict, element),
            )
        )
    for element, reason in unscored.items():
        name = names.get(element, element)
        rows.append(
            ChartRow(
                element=name,
                axis_label=_axis_label(name),
                pct=0.0,
                shown="-",
                bar_label=NOT_SCORED.lower(),
                status=NOT_SCORED,
                detail=reason,
            )
        )
    return rows


Spec = dict[str, Any]

#: Vega-Lite version of the specs, the one the installed Altair writes (the tests check the specs
#: against its schema, so a drift in either shows there).
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
_PCT_SCALE: Spec = {"domain": [0, 100], "nice": False}


def _nominal(field: str, **extra: Any) -> Spec:
    return {"field": field, "type": "nominal", **extra}


def _bar_encoding(verdict: Verdict, chart_rows: list[ChartRow]) -> tuple[Spec, Spec, list[Spec]]:
    """The shared y (elements, in chart order, names over two lines), x (0-100) and tooltip."""
    y = _nominal(
        "axis_label",
        axis={
            "labelExpr": "split(datum.label, '\\n')",
            "labelFontSize": 12,
            "labelLimit": 220,
            "labelPadding": 8,
            "ticks": False,
        },
        sort=[row.axis_label for row in chart_rows],
        title=None,
    )
    x = {
        "axis": {"labelFontSize": 11, "titleFontSize": 12, "values": [0, 25, 50, 75, 100]},
        "field": "pct",
        "scale": {"clamp": True, **_PCT_SCALE},
        "title": "Element score (%)",
        "type": "quantitative",
    }
    tooltip = [
        _nominal("element", title="Element"),
        _nominal("shown", title="Score"),
        _nominal("detail", title="Status"),
    ]
    return y, x, tooltip


def _bar_layers(verdict: Verdict, chart_rows: list[ChartRow], has_unscored: bool) -> list[Spec]:
    """The bars, coloured by status, and their labels (inside long bars, outside short ones)."""
    data = {"values": [row.model_dump() for row in chart_rows]}
    y, x, tooltip = _bar_encoding(verdict, chart_rows)
    colour = _nominal(
        "status",
        legend={
            "direction": "vertical",
            "labelFontSize": 12,
            "labelLimit": 400,
            "orient": "bottom",
            "title": None,
        },
        scale={
            "domain": [*_legend(verdict), *([NOT_SCORED] if has_unscored else [])],
            "range": [BLOCKING_COLOUR, MEETS_COLOUR, *([NOT_SCORED_COLOUR] if has_unscored else [])],
        },
    )
    bars = {
        "data": data,
        "mark": {"type": "bar", "height": {"band": 0.7}},
        "encoding": {"color": colour, "tooltip": tooltip, "x": x, "y": y},
    }
    text = {"text": _nominal("bar_label"), "tooltip": tooltip, "x": x, "y": y}
    mark = {"type": "text", "baseline": "middle", "fontSize": 12, "fontWeight": "bold"}
    outside = {
        "data": data,
        "mark": {**mark, "align": "left", "color": "#222222", "dx": 4},
        "encoding": text,
        "transform": [{"filter": f"datum.pct < {_INSIDE_LABEL_FROM}"}],
    }
    inside = {
        "data": data,
        "mark": {**mark, "align": "right", "color": "white", "dx": -4},
        "encoding": text,
        "transform": [{"filter": f"datum.pct >= {_INSIDE_LABEL_FROM}"}],
    }
    return [bars, outside, inside]


def _threshold_layers(verdict: Verdict) -> list[Spec]:
    """The element floor and the overall bar as dashed lines, labelled in two stacked rows above
    the plot so the two labels never overlap, however narrow the chart."""
    data = {
        "values": [
            {
                "pct": float(verdict.element_min_pct),
                "label": f"Element floor {show_pct(verdict.element_min_pct)}",
                "row": 0,
            },
            {
                "pct": float(verdict.overall_min_pct),
                "label": f"Overall bar {show_pct(verdict.overall_min_pct)}",
                "row": 1,
            },
        ]
    }
    x = {"field": "pct", "scale": _PCT_SCALE, "type": "quantitative"}
    rules = {
        "data": data,
        "mark": {"type": "rule", "color": RULE_COLOUR, "strokeDash": [5, 3], "strokeWidth": 2},
        "encoding": {"tooltip": [_nominal("label", title="Threshold")], "x": x},
    }
    labels = [
        {
            "data": data,
            "mark": {
                "type": "text",
                "align": "center",
                "baseline": "bottom",
                "color": RULE_COLOUR,
                "fontSize": 11,
            },
            "encoding": {"text": _nominal("label"), "x": x, "y": {"value": offset}},
            "transform": [{"filter": f"datum.row == {row}"}],
        }
        for row, offset in ((0, -4), (1, -18))
    ]
    return [rules, *labels]


def element_spec(
    verdict: Verdict, names: Mapping[str, str], unscored: Mapping[str, str] | None = None
) -> Spec:
    """The chart of :func:`element_chart` as a plain Vega-Lite dictionary, built without Altair.

    Altair's objects and their schema validation were most of a Results rerun; the
    spec is the same either way, and the tests check it against the Vega-Lite schema. A fresh
    dictionary on every call, so a caller may change it (e.g. a fixed width for the PDF).
    """
    chart_rows = _rows(verdict, names, unscored or {})
    bars, label_outside, label_inside = _bar_layers(verdict, chart_rows, bool(unscored))
    rules, floor_label, bar_label = _threshold_layers(verdict)
    summary = "; ".join(f"{row.element}: {row.shown}, {row.detail.lower()}" for row in chart_rows)
    spec: Spec = {
        "config": {"view": {"continuousWidth": 300, "continuousHeight": 300}},
        "layer": [bars, rules, label_outside, label_inside, floor_label, bar_label],
        "description": (
            f"Element scores against the {show_pct(verdict.element_min_pct)} element floor and the "
            f"{show_pct(verdict.overall_min_pct)} overall bar. {summary}."
        ),
        "height": {"step": 44},
        "width": "container",
        "$schema": SCHEMA,
    }
    fresh: Spec = json.loads(json.dumps(spec))  # no object shared between layers or with a caller
    return fresh


def element_chart(
    verdict: Verdict, names: Mapping[str, str], unscored: Mapping[str, str] | None = None
) -> alt.LayerChart:
    """Horizontal bars of each scored element's score, with the pass thresholds drawn in.

    Thresholds come from the verdict (and so from the jurisdiction's pass rule in content), never
    from constants here. Width follows the container so the chart fits a phone; the PDF report
    sets a fixed width on the same chart before rendering it. Elements in ``unscored`` (see
    :func:`not_scored`) get a row with no bar that says "not scored". The page draws
    :func:`element_spec` (no Altair); this Altair chart of the same spec is for the PDF.
    """
    import altair as alt

    chart: alt.LayerChart = alt.LayerChart.from_dict(element_spec(verdict, names, unscored))
    return chart
