"""The three-year cycle as a timeline: calendar years as bands, each milestone as a mark in its
lane, the year-end deadlines as dashed rules and today as a red rule.

The spec is written as plain Vega-Lite data, one function per layer, without building Altair
objects: Altair's objects and their validation were most of the Cycle page's rerun.
The tests turn the spec into an Altair chart, which checks it against the Vega-Lite schema.

The picture answers "where am I in the cycle?" at a glance; the page shows the same rows as a
table for anyone who cannot see or read the chart. Dates are handed to Vega-Lite as local
date-times (no time zone), so a deadline of 31 December never drifts to 30 December on a
screen west of Greenwich.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cor.cycle import CycleStatus, Milestone, Schedule, State, long_date, status

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

Spec = dict[str, Any]
Row = dict[str, Any]

LANES: dict[str, str] = {
    "certification": "Audits",
    "maintenance": "Audits",
    "recertification": "Audits",
    "notice": "Notices, reports",
    "report_due": "Notices, reports",
    "incentive_credit": "Incentive credits",
    "auditor_refresher": "Internal auditor",
    "auditor_expiry": "Internal auditor",
}
LANE_ORDER = list(dict.fromkeys(LANES.values()))

STATE_LABELS: dict[State, str] = {
    "done": "Done",
    "next": "Next",
    "overdue": "Overdue",
    "upcoming": "Upcoming",
    "expected": "Expected (estimate)",
    "passed": "Date passed",
}
STATE_COLOURS: dict[State, str] = {
    "done": "#2e7d32",
    "next": "#e65100",
    "overdue": "#c62828",
    "upcoming": "#1565c0",
    "expected": "#6a1b9a",
    "passed": "#8a8a8a",
}
STATE_SHAPES: dict[State, str] = {
    "done": "circle",
    "next": "diamond",
    "overdue": "cross",
    "upcoming": "circle",
    "expected": "square",
    "passed": "circle",
}
TODAY_COLOUR = "#c62828"
LANE_HEIGHT = 62
LEGEND: Spec = {
    "columns": 2,
    "direction": "horizontal",
    "orient": "bottom",
    "symbolOpacity": 1,
    "symbolSize": 150,
    "title": "Status",
}
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"


def _iso(day: date) -> str:
    """A local date-time without a zone: 31 December stays 31 December west of Greenwich."""
    return f"{day.isoformat()}T00:00:00"


def milestone_records(schedule: Schedule, view: CycleStatus) -> list[Row]:
    """One row per milestone: the data of the chart, and of the table that stands in for it."""
    rows = []
    for item in view.items:
        m: Milestone = item.milestone
        rows.append(
            {
                "date": _iso(m.on),
                "Date": long_date(m.on),
                "Lane": LANES[m.kind],
                "Milestone": m.title,
                "Label": m.short or m.title,
                "Status": STATE_LABELS[item.state],
                "Days from today": item.days_left,
                "Details": m.detail,
                "Source": m.source_url,
            }
        )
    return rows


def milestone_rows(schedule: Schedule, view: CycleStatus) -> pd.DataFrame:
    """The milestone records as a table (pandas loads only when a table is shown)."""
    import pandas as pd

    frame = pd.DataFrame(milestone_records(schedule, view))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _domain(schedule: Schedule, today: date) -> tuple[date, date]:
    first = min(date(schedule.certification_on.year, 1, 1), today)
    last = max([*(m.on for m in schedule.milestones), today])
    # Room on the right for the last label, centred on its mark.
    return first - timedelta(days=20), max(date(last.year + 1, 1, 1), last + timedelta(days=120))


@dataclass(frozen=True)
class Frame:
    """What every layer shares: the x domain, the lanes shown, and the plot's height."""

    start: date
    end: date
    lanes: tuple[str, ...]
    height: int

    @property
    def lane_scale(self) -> Spec:
        return {"domain": list(self.lanes), "padding": 0.9}

    @property
    def lane_axis(self) -> Spec:
        return {
            "axis": {"labelFontSize": 11, "labelLimit": 170, "title": None},
            "field": "Lane",
            "scale": self.lane_scale,
            "sort": list(self.lanes),
            "type": "nominal",
        }


def _frame(schedule: Schedule, today: date) -> Frame:
    start, end = _domain(schedule, today)
    present = {LANES[m.kind] for m in schedule.milestones}
    lanes = tuple(lane for lane in LANE_ORDER if lane in present)
    return Frame(start=start, end=end, lanes=lanes, height=LANE_HEIGHT * len(lanes) + 70)


def _x(field: str) -> Spec:
    return {"field": field, "type": "temporal"}


def year_bands(schedule: Schedule, frame: Frame, datasets: dict[str, list[Row]]) -> list[Spec]:
    """Calendar years as alternating shaded bands, each named at its foot."""
    datasets["bands"] = [
        {
            "start": _iso(max(date(y.calendar_year, 1, 1), frame.start)),
            "end": _iso(min(date(y.calendar_year + 1, 1, 1), frame.end)),
            # Short: on a phone a band is ~65 px wide; the axis already names the years.
            "Band": f"Year {y.number}" if y.number < len(schedule.years) else "Re-cert",
            "fill": "#dfe7f2" if y.number % 2 == 0 else "#f4f7fb",
        }
        for y in schedule.years
    ]
    x_axis = {"format": "%b %Y", "grid": False, "labelAngle": 0, "tickCount": 8, "title": None}
    band = {
        "data": {"name": "bands"},
        "mark": {"type": "rect", "opacity": 0.8},
        "encoding": {
            "fill": {"field": "fill", "legend": None, "scale": None, "type": "nominal"},
            "x": {**_x("start"), "axis": x_axis, "scale": {"domain": [_iso(frame.start), _iso(frame.end)]}},
            "x2": {"field": "end"},
        },
    }
    label = {
        "data": {"name": "bands"},
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "bottom",
            "color": "#33475b",
            "dx": 4,
            "fontSize": 11,
        },
        "encoding": {
            "text": {"field": "Band", "type": "nominal"},
            "x": _x("start"),
            "y": {"value": frame.height - 4},
        },
    }
    return [band, label]


def deadline_rules(schedule: Schedule, datasets: dict[str, list[Row]]) -> Spec:
    """Each maintenance year's on-site deadline and the certificate's expiry, as dashed rules."""
    datasets["deadlines"] = [
        {"date": _iso(y.deadline), "Deadline": f"Year {y.number} audit on site by {long_date(y.deadline)}"}
        for y in schedule.years[1:-1]
    ] + [
        {
            "date": _iso(schedule.expires_on),
            "Deadline": f"Certificate expires {long_date(schedule.expires_on)}",
        }
    ]
    return {
        "data": {"name": "deadlines"},
        "mark": {"type": "rule", "color": "#33475b", "strokeDash": [5, 3], "strokeWidth": 1.5},
        "encoding": {"tooltip": [{"field": "Deadline", "type": "nominal"}], "x": _x("date")},
    }


def _last_allowed(milestone: Milestone) -> date:
    return min(milestone.latest or milestone.due, milestone.due)


def audit_windows(schedule: Schedule, frame: Frame, datasets: dict[str, list[Row]]) -> list[Spec]:
    """Thin bars for the dates an audit is allowed on, when a partner's gap narrows them."""
    open_audits = [
        (m, m.earliest)
        for m in schedule.milestones
        if m.is_audit and m.earliest and not m.done_on and m.earliest <= _last_allowed(m)
    ]
    rows = [
        {
            "row": i % 2,
            "start": _iso(earliest),
            "end": _iso(_last_allowed(m)),
            "Lane": LANES[m.kind],
            "Window": f"{m.title}: allowed {long_date(earliest)} to {long_date(_last_allowed(m))}",
        }
        for i, (m, earliest) in enumerate(open_audits)
        if earliest is not None
    ]
    layers = []
    for row in (0, 1):
        datasets[f"windows-{row}"] = [r for r in rows if r["row"] == row]
        mark = {"type": "bar", "color": "#1565c0", "cornerRadius": 2, "height": 5, "opacity": 0.45}
        layers.append(
            {
                "data": {"name": f"windows-{row}"},
                "mark": {**mark, "yOffset": 12 + 8 * row},
                "encoding": {
                    "tooltip": [{"field": "Window", "title": "Audit window", "type": "nominal"}],
                    "x": _x("start"),
                    "x2": {"field": "end"},
                    "y": {"field": "Lane", "scale": frame.lane_scale, "type": "nominal"},
                },
            }
        )
    return layers


def milestone_points(frame: Frame) -> Spec:
    """Every milestone as a mark in its lane, coloured and shaped by its state."""
    labels = [STATE_LABELS[state] for state in STATE_LABELS]
    status_field = {"field": "Status", "legend": LEGEND, "type": "nominal"}
    tooltip = [{"field": name, "type": "nominal"} for name in ("Milestone", "Date", "Status", "Details")]
    return {
        "data": {"name": "milestones"},
        "mark": {
            "type": "point",
            "filled": True,
            "opacity": 1,
            "size": 160,
            "stroke": "white",
            "strokeWidth": 1,
        },
        "encoding": {
            "color": {**status_field, "scale": {"domain": labels, "range": list(STATE_COLOURS.values())}},
            "shape": {**status_field, "scale": {"domain": labels, "range": list(STATE_SHAPES.values())}},
            "tooltip": tooltip,
            "x": _x("date"),
            "y": frame.lane_axis,
        },
    }


#: Heights the audit labels take in turn. Three, not two: on a 390 px phone the plot is about
#: 260 px wide, and the year 2 audit's label reached the re-certification's two marks along.
LABEL_ROWS = 3


def audit_labels(rows: list[Row], frame: Frame, datasets: dict[str, list[Row]]) -> list[Spec]:
    """Short names over the audit marks, taking three heights in turn so neighbours do not collide."""
    audit_rows = [row for row in rows if row["Lane"] == LANES["maintenance"]]
    layers = []
    for row in range(LABEL_ROWS):
        datasets[f"labels-{row}"] = audit_rows[row::LABEL_ROWS]
        layers.append(
            {
                "data": {"name": f"labels-{row}"},
                "mark": {"type": "text", "color": "#1f2d3d", "dy": -14 - 13 * row, "fontSize": 11},
                "encoding": {
                    "text": {"field": "Label", "type": "nominal"},
                    "x": _x("date"),
                    "y": frame.lane_axis,
                },
            }
        )
    return layers


def today_marker(today: date, datasets: dict[str, list[Row]]) -> list[Spec]:
    """Today as a red rule, labelled at the top."""
    datasets["today"] = [{"date": _iso(today), "Today": f"Today, {long_date(today)}"}]
    rule = {
        "data": {"name": "today"},
        "mark": {"type": "rule", "color": TODAY_COLOUR, "strokeWidth": 2},
        "encoding": {"tooltip": [{"field": "Today", "type": "nominal"}], "x": _x("date")},
    }
    text_mark = {"align": "left", "baseline": "top", "color": TODAY_COLOUR, "dx": 4, "fontSize": 12}
    text = {
        "data": {"name": "today"},
        "mark": {"type": "text", **text_mark, "fontWeight": "bold"},
        "encoding": {"text": {"value": "Today"}, "x": _x("date"), "y": {"value": 2}},
    }
    return [rule, text]


def timeline_dict(schedule: Schedule, today: date, view: CycleStatus | None = None) -> Spec:
    """The layered timeline of ``schedule`` as seen on ``today``, as a Vega-Lite spec."""
    view = view or status(schedule, today)
    frame = _frame(schedule, today)
    rows = milestone_records(schedule, view)
    datasets: dict[str, list[Row]] = {"milestones": rows}
    layers = [
        *year_bands(schedule, frame, datasets),
        deadline_rules(schedule, datasets),
        *audit_windows(schedule, frame, datasets),
        milestone_points(frame),
        *audit_labels(rows, frame, datasets),
        *today_marker(today, datasets),
    ]
    return {
        "$schema": SCHEMA,
        "config": {"view": {"continuousWidth": 300, "continuousHeight": 300, "strokeWidth": 0}},
        "layer": layers,
        # "fit-x": fill the page's width but keep the plot's own height (plain "fit" squeezes the
        # plot so plot, legend and axis together fit the height).
        "autosize": {"contains": "padding", "type": "fit-x"},
        "height": frame.height,
        "datasets": datasets,
    }


def timeline_chart(schedule: Schedule, today: date, view: CycleStatus | None = None) -> alt.LayerChart:
    """The timeline as an Altair chart, for tests and notebooks: building it validates the spec
    against the Vega-Lite schema. The page uses timeline_spec, which skips Altair."""
    import altair as alt

    return alt.LayerChart.from_dict(timeline_dict(schedule, today, view))


@lru_cache(maxsize=256)
def _spec_json(schedule: Schedule, today: date, view: CycleStatus) -> str:
    return json.dumps(_inline(timeline_dict(schedule, today, view)))


def timeline_spec(schedule: Schedule, today: date, view: CycleStatus) -> Spec:
    """The timeline spec, built once per (schedule, today, view): these are frozen models, so
    equal inputs give the same chart. Each call returns a fresh dict, so no caller can change what
    another session gets."""
    spec: Spec = json.loads(_spec_json(schedule, today, view))
    return spec


def _inline(spec: Spec) -> Spec:
    """Each layer's rows written into the layer itself. Streamlit turns top-level ``datasets``
    into Arrow tables through pandas on every draw (eight here: 44% of a Cycle rerun); rows
    inside a layer go to the browser as the JSON they already are."""
    named = spec.pop("datasets", {})
    for layer in spec["layer"]:
        name = layer.get("data", {}).get("name")
        if name in named:
            layer["data"] = {"values": named[name]}
    return spec
