"""The three-year cycle as a timeline: calendar years as bands, each milestone as a mark in its
lane, the year-end deadlines as dashed rules and today as a red rule.

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
from typing import Any

import altair as alt
import pandas as pd

from cor.cycle import CycleStatus, Milestone, Schedule, State, long_date, status

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
LEGEND = alt.Legend(
    title="Status", orient="bottom", direction="horizontal", columns=2, symbolSize=150, symbolOpacity=1
)


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day.year, day.month, day.day)


def milestone_rows(schedule: Schedule, view: CycleStatus) -> pd.DataFrame:
    """One row per milestone: the data of the chart, and of the table that stands in for it."""
    rows = []
    for item in view.items:
        m: Milestone = item.milestone
        rows.append(
            {
                "date": _ts(m.on),
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
    return pd.DataFrame(rows)


def _domain(schedule: Schedule, today: date) -> tuple[date, date]:
    first = min(date(schedule.certification_on.year, 1, 1), today)
    last = max([*(m.on for m in schedule.milestones), today])
    # Room on the right for the last label, centred on its mark.
    return first - timedelta(days=20), max(date(last.year + 1, 1, 1), last + timedelta(days=120))


@dataclass(frozen=True)
class Frame:
    """What every layer shares: the x scale and axis, the lanes shown, and the plot's height."""

    start: date
    end: date
    lanes: tuple[str, ...]
    height: int

    @property
    def x_scale(self) -> alt.Scale:
        return alt.Scale(domain=[_ts(self.start).isoformat(), _ts(self.end).isoformat()])

    @property
    def lane_scale(self) -> alt.Scale:
        return alt.Scale(domain=list(self.lanes), padding=0.9)

    @property
    def lane_axis(self) -> alt.Y:
        return alt.Y(
            "Lane:N",
            scale=self.lane_scale,
            sort=list(self.lanes),
            axis=alt.Axis(title=None, labelLimit=170, labelFontSize=11),
        )


def _frame(schedule: Schedule, today: date) -> Frame:
    start, end = _domain(schedule, today)
    present = {LANES[m.kind] for m in schedule.milestones}
    lanes = tuple(lane for lane in LANE_ORDER if lane in present)
    return Frame(start=start, end=end, lanes=lanes, height=LANE_HEIGHT * len(lanes) + 70)


def year_bands(schedule: Schedule, frame: Frame) -> list[alt.Chart]:
    """Calendar years as alternating shaded bands, each named at its foot."""
    bands = pd.DataFrame(
        [
            {
                "start": _ts(max(date(y.calendar_year, 1, 1), frame.start)),
                "end": _ts(min(date(y.calendar_year + 1, 1, 1), frame.end)),
                # Short: on a phone a band is ~65 px wide; the axis already names the years.
                "Band": f"Year {y.number}" if y.number < len(schedule.years) else "Re-cert",
                "fill": "#dfe7f2" if y.number % 2 == 0 else "#f4f7fb",
            }
            for y in schedule.years
        ]
    )
    x_axis = alt.Axis(title=None, format="%b %Y", labelAngle=0, tickCount=8, grid=False)
    band_layer = (
        alt.Chart(bands)
        .mark_rect(opacity=0.8)
        .encode(
            x=alt.X("start:T", scale=frame.x_scale, axis=x_axis),
            x2="end:T",
            fill=alt.Fill("fill:N", scale=None, legend=None),
        )
    )
    band_text = (
        alt.Chart(bands)
        .mark_text(align="left", baseline="bottom", dx=4, fontSize=11, color="#33475b")
        .encode(x="start:T", y=alt.value(frame.height - 4), text="Band:N")
    )
    return [band_layer, band_text]


def deadline_rules(schedule: Schedule) -> alt.Chart:
    """Each maintenance year's on-site deadline and the certificate's expiry, as dashed rules."""
    deadlines = pd.DataFrame(
        [
            {"date": _ts(y.deadline), "Deadline": f"Year {y.number} audit on site by {long_date(y.deadline)}"}
            for y in schedule.years[1:-1]
        ]
        + [
            {
                "date": _ts(schedule.expires_on),
                "Deadline": f"Certificate expires {long_date(schedule.expires_on)}",
            }
        ]
    )
    return (
        alt.Chart(deadlines)
        .mark_rule(strokeDash=[5, 3], color="#33475b", strokeWidth=1.5)
        .encode(x="date:T", tooltip=[alt.Tooltip("Deadline:N")])
    )


def _last_allowed(m: Milestone) -> date:
    return min(m.latest or m.due, m.due)


def audit_windows(schedule: Schedule, frame: Frame) -> list[alt.Chart]:
    """Thin bars for the dates an audit is allowed on, when a partner's gap narrows them."""
    open_audits = [
        m
        for m in schedule.milestones
        if m.is_audit and m.earliest and not m.done_on and m.earliest <= _last_allowed(m)
    ]
    windows = pd.DataFrame(
        [
            {
                "row": i % 2,
                "start": _ts(m.earliest),
                "end": _ts(_last_allowed(m)),
                "Lane": LANES[m.kind],
                "Window": f"{m.title}: allowed {long_date(m.earliest)} to {long_date(_last_allowed(m))}",
            }
            for i, m in enumerate(open_audits)
            if m.earliest is not None
        ],
        columns=["row", "start", "end", "Lane", "Window"],
    )
    return [
        alt.Chart(windows[windows["row"] == row])
        .mark_bar(height=5, opacity=0.45, color="#1565c0", cornerRadius=2, yOffset=12 + 8 * row)
        .encode(
            x="start:T",
            x2="end:T",
            y=alt.Y("Lane:N", scale=frame.lane_scale),
            tooltip=[alt.Tooltip("Window:N", title="Audit window")],
        )
        for row in (0, 1)
    ]


def milestone_points(rows: pd.DataFrame, frame: Frame) -> alt.Chart:
    """Every milestone as a mark in its lane, coloured and shaped by its state."""
    states = list(STATE_LABELS)
    labels = [STATE_LABELS[state] for state in states]
    colour = alt.Color(
        "Status:N",
        scale=alt.Scale(domain=labels, range=[STATE_COLOURS[state] for state in states]),
        legend=LEGEND,
    )
    shape = alt.Shape(
        "Status:N",
        scale=alt.Scale(domain=labels, range=[STATE_SHAPES[state] for state in states]),
        legend=LEGEND,
    )
    tooltip = [
        alt.Tooltip("Milestone:N"),
        alt.Tooltip("Date:N"),
        alt.Tooltip("Status:N"),
        alt.Tooltip("Details:N"),
    ]
    return (
        alt.Chart(rows)
        .mark_point(size=160, filled=True, opacity=1, stroke="white", strokeWidth=1)
        .encode(x="date:T", y=frame.lane_axis, color=colour, shape=shape, tooltip=tooltip)
    )


def audit_labels(rows: pd.DataFrame, frame: Frame) -> list[alt.Chart]:
    """Short names over the audit marks, alternating two heights so neighbours do not collide."""
    audit_rows = rows[rows["Lane"] == LANES["maintenance"]].reset_index(drop=True)
    return [
        alt.Chart(audit_rows[audit_rows.index % 2 == row])
        .mark_text(dy=-14 - 14 * row, fontSize=11, color="#1f2d3d")
        .encode(x="date:T", y=frame.lane_axis, text="Label:N")
        for row in (0, 1)
    ]


def today_marker(today: date) -> list[alt.Chart]:
    """Today as a red rule, labelled at the top."""
    today_df = pd.DataFrame([{"date": _ts(today), "Today": f"Today, {long_date(today)}"}])
    rule = (
        alt.Chart(today_df)
        .mark_rule(color=TODAY_COLOUR, strokeWidth=2)
        .encode(x="date:T", tooltip=[alt.Tooltip("Today:N")])
    )
    text = (
        alt.Chart(today_df)
        .mark_text(align="left", baseline="top", dx=4, color=TODAY_COLOUR, fontWeight="bold", fontSize=12)
        .encode(x="date:T", y=alt.value(2), text=alt.value("Today"))
    )
    return [rule, text]


def timeline_chart(schedule: Schedule, today: date, view: CycleStatus | None = None) -> alt.LayerChart:
    """Layered timeline of ``schedule`` as seen on ``today``."""
    view = view or status(schedule, today)
    frame = _frame(schedule, today)
    rows = milestone_rows(schedule, view)
    return (
        alt.layer(
            *year_bands(schedule, frame),
            deadline_rules(schedule),
            *audit_windows(schedule, frame),
            milestone_points(rows, frame),
            *audit_labels(rows, frame),
            *today_marker(today),
        )
        # "fit-x": fill the page's width but keep the plot's own height (plain "fit" squeezes the
        # plot so plot, legend and axis together fit the height).
        .properties(
            height=frame.height,
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
        .configure_view(strokeWidth=0)
    )


@lru_cache(maxsize=256)
def _spec_json(schedule: Schedule, today: date, view: CycleStatus) -> str:
    return json.dumps(timeline_chart(schedule, today, view).to_dict())


def timeline_spec(schedule: Schedule, today: date, view: CycleStatus) -> dict[str, Any]:
    """The timeline as a Vega-Lite spec, built once per (schedule, today, view): these are frozen
    models, so equal inputs give the same chart. Each call returns a fresh dict, so no caller can
    change what another session gets. Building the chart is most of the page's rerun (issue 13)."""
    spec: dict[str, Any] = json.loads(_spec_json(schedule, today, view))
    return spec
