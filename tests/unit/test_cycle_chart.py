"""The cycle timeline: every milestone is drawn on its date, today is a rule, the
year-end deadlines and the expiry are rules, and the table equivalent has the same rows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cor.charts.cycle import LANES, milestone_rows, timeline_chart
from cor.cycle import Schedule, schedule, status

TODAY = date(2026, 11, 21)


@pytest.fixture
def trucking() -> Schedule:
    # Certified 1 Dec 2025: SafetyDriven's year 2 audit is due on the anniversary, 1 Dec 2026.
    return schedule(
        certified_on=date(2025, 12, 1),
        partner="safetydriven",
        auditor_trained_on=date(2024, 1, 10),
        today=TODAY,
    )


def _layers(spec: dict[str, Any]) -> list[tuple[str, str | None, list[dict[str, Any]]]]:
    """(mark type, mark colour, data rows) of each layer."""
    datasets = spec.get("datasets", {})
    out = []
    for layer in spec["layer"]:
        mark = layer["mark"] if isinstance(layer["mark"], dict) else {"type": layer["mark"]}
        rows = datasets.get(layer.get("data", {}).get("name", ""), [])
        out.append((mark["type"], mark.get("color"), rows))
    return out


def _day(value: str) -> str:
    return value[:10]


def test_every_milestone_is_a_point_on_its_date(trucking: Schedule) -> None:
    spec = timeline_chart(trucking, TODAY).to_dict()
    points = [rows for mark, _, rows in _layers(spec) if mark == "point"]
    assert len(points) == 1
    drawn = {(r["Milestone"], _day(r["date"])) for r in points[0]}
    assert drawn == {(m.title, m.on.isoformat()) for m in trucking.milestones}


def test_today_is_a_red_rule_on_todays_date(trucking: Schedule) -> None:
    spec = timeline_chart(trucking, TODAY).to_dict()
    red_rules = [rows for mark, colour, rows in _layers(spec) if mark == "rule" and colour == "#c62828"]
    assert [[_day(r["date"]) for r in rows] for rows in red_rules] == [[TODAY.isoformat()]]


def test_year_end_deadlines_and_expiry_are_dashed_rules() -> None:
    general = schedule(certified_on=date(2025, 3, 14), auditor_trained_on=date(2024, 1, 10), today=TODAY)
    spec = timeline_chart(general, TODAY).to_dict()
    dashed = [
        layer
        for layer in spec["layer"]
        if isinstance(layer["mark"], dict)
        and layer["mark"]["type"] == "rule"
        and layer["mark"].get("strokeDash")
    ]
    (layer,) = dashed
    rows = spec["datasets"][layer["data"]["name"]]
    # Audits on site by 31 Dec of calendar years 2 and 3; the certificate expires after 3 years.
    assert sorted(_day(r["date"]) for r in rows) == ["2026-12-31", "2027-12-31", "2028-03-14"]


def test_partner_year_end_moves_the_deadline_rules() -> None:
    # Certified in August: BCFSC's maintenance audits may slip to the year end, which is 30 November.
    s = schedule(certified_on=date(2025, 8, 14), partner="bcfsc", today=TODAY)
    spec = timeline_chart(s, TODAY).to_dict()
    dates = {_day(r["date"]) for rows in spec["datasets"].values() for r in rows if "Deadline" in r}
    assert {"2026-11-30", "2027-11-30"} <= dates
    assert "2026-12-31" not in dates


def test_lanes_shown_are_only_those_with_milestones() -> None:
    s = schedule(certified_on=date(2025, 3, 14), today=TODAY)  # no partner, no auditor
    spec = timeline_chart(s, TODAY).to_dict()
    lanes = {r["Lane"] for rows in spec["datasets"].values() for r in rows if "Lane" in r}
    assert lanes == {LANES["maintenance"], LANES["incentive_credit"]}


def test_chart_keeps_its_height_when_stretched_to_the_page(trucking: Schedule) -> None:
    spec = timeline_chart(trucking, TODAY).to_dict()
    assert spec["autosize"]["type"] == "fit-x"  # "fit" squeezed the plot into a thin strip
    assert spec["height"] >= 200


def test_table_equivalent_has_one_row_per_milestone_with_its_status(trucking: Schedule) -> None:
    view = status(trucking, TODAY)
    rows = milestone_rows(trucking, view)
    assert list(rows["Milestone"]) == [m.title for m in trucking.milestones]
    states = dict(zip(rows["Milestone"], rows["Status"], strict=True))
    assert states["Certification audit"] == "Done"
    assert states["Year 2 maintenance audit"] == "Next"
    assert states["Incentive for 2026 credited (estimate)"] == "Expected (estimate)"
    assert all(rows["Source"].str.startswith("http"))
