"""The cumulative-savings chart: what it plots is what the rules computed, and costs appear only
when the user entered some."""

from __future__ import annotations

from decimal import Decimal

from cor.charts.savings import COST, INCENTIVE, chart_data, cumulative_chart, describe, table_rows, year_label
from cor.incentives import cumulative, cumulative_savings

ANNUAL = Decimal("49940.00")  # source 004's large long-term care example


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def marks(spec: dict) -> list[str]:
    return [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in layers(spec)
    ]


def test_bars_show_the_running_total_of_the_incentive_year_by_year() -> None:
    rows = cumulative_savings(ANNUAL, 3)
    data = chart_data(rows)
    assert list(data["series"]) == [INCENTIVE] * 3
    assert list(data["amount"]) == [49940.0, 99880.0, 149820.0]
    assert list(data["year"]) == ["Year 1", "Year 2", "Year 3"]


def test_without_an_audit_cost_there_is_no_cost_line() -> None:
    spec = cumulative_chart(cumulative_savings(ANNUAL, 3)).to_dict()
    assert "line" not in marks(spec)
    assert "bar" in marks(spec)


def test_an_audit_cost_adds_a_line_of_cumulative_cost() -> None:
    rows = cumulative_savings(ANNUAL, 3, Decimal("8000"), Decimal("3000"))
    data = chart_data(rows)
    costs = data[data["series"] == COST]
    assert list(costs["amount"]) == [8000.0, 11000.0, 14000.0]
    spec = cumulative_chart(rows).to_dict()
    assert "line" in marks(spec)
    colour = layers(spec)[0]["encoding"]["color"]["scale"]
    assert colour["domain"] == [INCENTIVE, COST]


def test_bars_are_labelled_with_their_amount_for_a_projector() -> None:
    spec = cumulative_chart(cumulative_savings(ANNUAL, 3)).to_dict()
    text = [layer for layer in layers(spec) if marks({"layer": [layer]}) == ["text"]]
    assert text and text[0]["encoding"]["text"]["format"] == "$,.0f"


def test_years_are_named_with_their_audit_year_when_known_and_kept_in_order() -> None:
    rows = cumulative_savings(ANNUAL, 3, first_audit_year=2026)
    assert year_label(rows[0]) == "Year 1 · audit 2026"
    spec = cumulative_chart(rows).to_dict()
    assert layers(spec)[0]["encoding"]["x"]["sort"] == {"field": "order"}


def test_the_text_alternative_states_the_end_of_the_cycle() -> None:
    assert (
        describe(cumulative_savings(ANNUAL, 3)) == "Cumulative incentive reaches $149,820.00 after 3 years."
    )
    with_cost = describe(cumulative_savings(ANNUAL, 3, Decimal("8000")))
    assert with_cost.endswith("against $8,000.00 of audit costs.")
    assert describe([]) == "No savings to chart."


def test_the_table_equivalent_holds_the_charts_figures_and_the_credit_year() -> None:
    rows = cumulative_savings(ANNUAL, 3, Decimal("60000"), first_audit_year=2026)
    table = table_rows(rows)
    assert [t["Year"] for t in table] == [
        "Year 1: audit 2026, credited 2027",
        "Year 2: audit 2027, credited 2028",
        "Year 3: audit 2028, credited 2029",
    ]
    assert [t["Cumulative"] for t in table] == ["$49,940.00", "$99,880.00", "$149,820.00"]
    assert [t["Net"] for t in table] == ["-$10,060.00", "$39,880.00", "$89,820.00"]
    assert "This year" not in table[0]  # the same every year: said once, in the caption


def test_the_table_shows_each_years_amount_when_it_changes_and_costs_only_when_entered() -> None:
    table = table_rows(cumulative([Decimal(10000), Decimal(5000), Decimal(5000)]), credited=False)
    assert [t["This year"] for t in table] == ["$10,000.00", "$5,000.00", "$5,000.00"]
    assert "Net" not in table[0]
    assert table[0]["Year"] == "Year 1"
