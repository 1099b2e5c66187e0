"""The readiness chart and its table: which element blocks, by how much, against which lines.

Answers are built on the real question bank (large-employer set). Expected figures come from the
pass rule and the questions' own points, not from the chart code.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest
import vl_convert

from cor.charts.readiness import element_chart, element_table, not_scored
from cor.content import default_content
from cor.models import PassRule, Question, QuestionBank
from cor.scoring import Scorecard, Verdict, explain, score, verdict


def _best(bank: QuestionBank, q: Question) -> str:
    return max(
        (o for o in bank.scale(q.scale).options if o.credit is not None), key=lambda o: o.credit or 0
    ).id


def _worst(bank: QuestionBank, q: Question) -> str:
    return min(
        (o for o in bank.scale(q.scale).options if o.credit is not None), key=lambda o: o.credit or 0
    ).id


def _na(bank: QuestionBank, q: Question) -> str:
    return next(o for o in bank.scale(q.scale).options if o.credit is None).id


def _half(bank: QuestionBank, q: Question) -> str:
    return next(o for o in bank.scale(q.scale).options if o.credit == Decimal("0.5")).id


LEG_HALF = "leg-applicable-identified"  # 20 points, answered "partly"
LEG_ZERO = ("leg-access", "leg-orders-closed")  # 10 + 10 points, answered with no credit


def _answers(bank: QuestionBank, questions: tuple[Question, ...]) -> dict[str, str]:
    """Legislation at exactly 25%, inspections at exactly 50%, joint committee all N/A, rest 100%."""
    answers: dict[str, str] = {}
    for q in questions:
        if q.element == "legislation":
            if q.id == LEG_HALF:
                answers[q.id] = _half(bank, q)
            elif q.id in LEG_ZERO:
                answers[q.id] = _worst(bank, q)
            else:
                answers[q.id] = _na(bank, q)
        elif q.element == "inspections":
            answers[q.id] = _half(bank, q)
        elif q.element == "joint-committee":
            answers[q.id] = _na(bank, q)
        else:
            answers[q.id] = _best(bank, q)
    return answers


def _setup(rule: PassRule | None = None) -> tuple[Scorecard, Verdict, dict[str, Question]]:
    bank = default_content().bank
    questions = bank.question_set("large")
    by_id = {q.id: q for q in questions}
    # Precondition from the content: 20 points half earned out of 20 + 10 + 10 is 25%.
    earned = Decimal(by_id[LEG_HALF].points) / 2
    possible = by_id[LEG_HALF].points + sum(by_id[i].points for i in LEG_ZERO)
    assert earned * 100 / possible == 25
    card = score(bank, questions, _answers(bank, questions))
    v = verdict(card.points(), rule) if rule else verdict(card.points())
    return card, v, by_id


def _values(spec: Mapping[str, Any], layer: Mapping[str, Any]) -> list[dict[str, Any]]:
    data = layer.get("data") or spec.get("data") or {}
    if "values" in data:
        return list(data["values"])
    return list(spec["datasets"][data["name"]])


def _layers(spec: Mapping[str, Any], mark: str) -> list[Mapping[str, Any]]:
    def kind(layer: Mapping[str, Any]) -> str:
        m = layer["mark"]
        return m if isinstance(m, str) else m["type"]

    return [layer for layer in spec["layer"] if kind(layer) == mark]


def test_one_bar_per_scored_element_and_none_for_an_all_not_applicable_element() -> None:
    card, v, _ = _setup()
    spec = element_chart(v, card.names()).to_dict()
    (bars,) = _layers(spec, "bar")
    names = [r["element"] for r in _values(spec, bars)]
    assert names == [card.names()[e] for e in v.element_pct]
    assert card.names()["joint-committee"] not in names  # every answer "not applicable": not scored
    assert len(names) == len(card.elements) - 1


def test_rules_sit_at_the_floor_and_bar_of_the_verdict_not_at_fixed_values() -> None:
    card, v, _ = _setup(PassRule(overall_min_pct=Decimal(75), element_min_pct=Decimal(60)))
    spec = element_chart(v, card.names()).to_dict()
    (rules,) = _layers(spec, "rule")
    assert sorted(r["pct"] for r in _values(spec, rules)) == [60, 75]
    labels = {t["label"] for layer in _layers(spec, "text") for t in _values(spec, layer) if "label" in t}
    assert any("60%" in label and "floor" in label.lower() for label in labels)
    assert any("75%" in label and "overall" in label.lower() for label in labels)


def test_blocking_bar_is_coloured_and_labelled_in_words_not_only_by_colour() -> None:
    card, v, _ = _setup()
    spec = element_chart(v, card.names()).to_dict()
    (bars,) = _layers(spec, "bar")
    rows = {r["element"]: r for r in _values(spec, bars)}
    legislation = rows["Legislation and compliance"]
    inspections = rows["Inspections"]
    colour = bars["encoding"]["color"]
    scale = dict(zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True))
    assert scale[legislation["status"]] != scale[inspections["status"]]
    # Every bar has a text label with its percentage; the blocking one also says so in words.
    text_rows = [r for layer in _layers(spec, "text") for r in _values(spec, layer) if "bar_label" in r]
    assert {r["element"] for r in text_rows} >= set(rows)
    labels = {r["element"]: r["bar_label"] for r in text_rows}
    assert labels["Legislation and compliance"].startswith("25%")
    assert "block" in labels["Legislation and compliance"]
    assert labels["Inspections"] == "50%"


def test_chart_fills_its_container_for_phones_and_describes_itself() -> None:
    card, v, _ = _setup()
    spec = element_chart(v, card.names()).to_dict()
    assert spec["width"] == "container"
    assert "Legislation and compliance" in spec["description"]


def test_chart_renders_to_png_offline() -> None:
    card, v, _ = _setup()
    png = vl_convert.vegalite_to_png(element_chart(v, card.names()).properties(width=400).to_json(), scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_table_names_the_blocking_element_and_its_gap_to_the_floor() -> None:
    card, v, _ = _setup()
    rows = {r["Element"]: r for r in element_table(v, card.names())}
    assert rows["Legislation and compliance"] == {
        "Element": "Legislation and compliance",
        "Score": "25%",
        "Floor": "50%",
        "Status": "Blocks certification: 25 percentage points below the 50% floor",
    }


def test_table_element_exactly_at_the_floor_meets_it() -> None:
    card, v, _ = _setup()
    rows = {r["Element"]: r for r in element_table(v, card.names())}
    assert rows["Inspections"]["Score"] == "50%"
    assert rows["Inspections"]["Status"] == "Meets the floor"


def test_table_lists_scored_elements_in_chart_order() -> None:
    card, v, _ = _setup()
    table = [r["Element"] for r in element_table(v, card.names())]
    spec = element_chart(v, card.names()).to_dict()
    (bars,) = _layers(spec, "bar")
    assert table == [r["element"] for r in _values(spec, bars)]


@pytest.mark.parametrize("extra_zero", [0, 1, 2])
def test_table_gap_agrees_with_the_verdict_sentence(extra_zero: int) -> None:
    """Fractional gaps (e.g. 33.3%) are rounded the same way in the table and the sentence."""
    bank = default_content().bank
    questions = bank.question_set("large")
    answers = _answers(bank, questions)
    na_leg = [q for q in questions if q.element == "legislation" and answers[q.id] == _na(bank, q)]
    for q in na_leg[:extra_zero]:
        answers[q.id] = _worst(bank, q)
    card = score(bank, questions, answers)
    v = verdict(card.points())
    (row,) = [r for r in element_table(v, card.names()) if r["Element"] == "Legislation and compliance"]
    status = str(row["Status"])
    gap = status.split(": ")[1].split(" percentage points")[0]
    assert f"Legislation and compliance is at {row['Score']}, {gap} points below the 50% floor" in explain(
        v, card.names()
    )


def test_an_element_answered_all_not_applicable_is_listed_as_not_scored_in_chart_and_table() -> None:
    """The joint committee (every answer N/A) is shown, as not scored, not dropped."""
    card, v, _ = _setup()
    unscored = not_scored(card, v)
    name = card.names()["joint-committee"]
    assert unscored["joint-committee"] == "Not scored: every answer is Not applicable"
    rows = {r["Element"]: r for r in element_table(v, card.names(), unscored)}
    assert rows[name]["Status"] == "Not scored: every answer is Not applicable"
    spec = element_chart(v, card.names(), unscored).to_dict()
    (bars,) = _layers(spec, "bar")
    chart_rows = {r["element"]: r for r in _values(spec, bars)}
    assert chart_rows[name]["bar_label"] == "not scored"
