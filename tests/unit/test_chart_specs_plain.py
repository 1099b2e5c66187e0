"""The Results and Savings charts are plain Vega-Lite written without Altair (its
objects and schema validation were most of a rerun), and what they draw is valid Vega-Lite.

The import check runs in a fresh interpreter, so modules other tests imported cannot hide a
regression."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import altair as alt

from cor.charts.readiness import element_spec, not_scored
from cor.charts.savings import cumulative_spec
from cor.content import default_content
from cor.incentives import cumulative_savings
from cor.scoring import Verdict, score, verdict
from tests.conftest import ROOT


def _verdict_with_a_blocking_and_a_not_scored_element() -> tuple[Verdict, dict[str, str], dict[str, str]]:
    bank = default_content().bank
    questions = bank.question_set("large")
    answers = {}
    for n, question in enumerate(questions):
        options = bank.scale(question.scale).options
        credited = [o for o in options if o.credit is not None]
        if question.element == questions[-1].element:
            answers[question.id] = next(o for o in options if o.credit is None).id  # all not applicable
        else:
            answers[question.id] = credited[n % len(credited)].id
    card = score(bank, questions, answers)
    result = verdict(card.points())
    return result, card.names(), not_scored(card, result)


def test_the_results_chart_is_valid_vega_lite_with_every_element_and_both_thresholds() -> None:
    result, names, unscored = _verdict_with_a_blocking_and_a_not_scored_element()
    spec = element_spec(result, names, unscored)
    alt.LayerChart.from_dict(spec, validate=True)  # raises on anything the schema refuses
    bars = spec["layer"][0]["data"]["values"]
    assert [bar["element"] for bar in bars] == [names.get(e, e) for e in [*result.element_pct, *unscored]]
    rules = spec["layer"][1]["data"]["values"]
    assert [rule["pct"] for rule in rules] == [float(result.element_min_pct), float(result.overall_min_pct)]


def test_the_savings_chart_is_valid_vega_lite_with_the_running_totals_and_costs() -> None:
    rows = cumulative_savings(Decimal("49940.00"), 3, Decimal("8000"), Decimal("3000"), first_audit_year=2026)
    spec = cumulative_spec(rows, "Savings over the COR cycle")
    alt.LayerChart.from_dict(spec, validate=True)
    values = spec["layer"][0]["data"]["values"]
    assert [v["amount"] for v in values if v["series"] == "Cumulative incentive"] == [
        49940.0,
        99880.0,
        149820.0,
    ]
    assert [v["amount"] for v in values if v["series"] == "Cumulative audit cost"] == [
        8000.0,
        11000.0,
        14000.0,
    ]
    assert spec["title"]["text"] == "Savings over the COR cycle"


def test_a_changed_spec_does_not_change_the_next_one() -> None:
    rows = cumulative_savings(Decimal("1000"), 3)
    cumulative_spec(rows)["layer"].clear()
    assert cumulative_spec(rows)["layer"]


SCRIPT = """
import sys
from decimal import Decimal
from cor.charts.readiness import element_spec, not_scored
from cor.charts.savings import cumulative_spec
from cor.content import default_content
from cor.incentives import cumulative_savings
from cor.scoring import Verdict, score, verdict
bank = default_content().bank
questions = bank.question_set("large")
card = score(bank, questions, {q.id: bank.scale(q.scale).options[0].id for q in questions})
result = verdict(card.points())
assert element_spec(result, card.names(), not_scored(card, result))["layer"]
assert cumulative_spec(cumulative_savings(Decimal("49940.00"), 3))["layer"]
print(" ".join(sorted(name for name in ("altair", "pandas") if name in sys.modules)))
"""


def test_both_charts_are_built_without_importing_altair_or_pandas() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1:] in ([], [""]), result.stdout


def _arrow_tables_streamlit_makes(spec: dict[str, object]) -> int:
    """How many tables Streamlit converts through pandas into Arrow to draw ``spec``."""
    from streamlit.elements.vega_charts import _marshall_chart_data
    from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

    proto = VegaLiteChart()
    _marshall_chart_data(proto, spec)
    return len(proto.datasets) + (1 if proto.data.data else 0)


def test_the_page_charts_send_their_rows_as_json_not_through_pandas() -> None:
    from datetime import date

    from cor.charts.cycle import timeline_spec
    from cor.cycle import schedule, status

    plan = schedule(certified_on=date(2025, 12, 1), partner="safetydriven", today=date(2026, 6, 1))
    cycle = timeline_spec(plan, date(2026, 6, 1), status(plan, date(2026, 6, 1)))
    result, names, unscored = _verdict_with_a_blocking_and_a_not_scored_element()
    results = element_spec(result, names, unscored)
    savings = cumulative_spec(cumulative_savings(Decimal("49940.00"), 3, Decimal("8000")))
    assert [_arrow_tables_streamlit_makes(spec) for spec in (cycle, results, savings)] == [0, 0, 0]
    assert all(layer["data"]["values"] for layer in cycle["layer"])
