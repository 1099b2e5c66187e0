"""The COR pass rule: 80% overall AND at least 50% on every element, points-weighted."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cor.content import default_content
from cor.scoring import explain, score, show_pct, verdict


def test_exactly_80_overall_and_50_on_an_element_passes() -> None:
    v = verdict({"policy": (30, 30), "inspections": (10, 20), "training": (40, 50)})
    assert v.overall_pct == Decimal(80)
    assert v.element_pct["inspections"] == Decimal(50)
    assert v.passed
    assert v.blocking_elements == ()


def test_just_below_80_overall_fails_even_with_every_element_above_the_floor() -> None:
    v = verdict({"a": (7999, 10000)})
    assert not v.passed
    assert not v.overall_met


def test_just_below_50_on_one_element_blocks_even_when_overall_passes() -> None:
    v = verdict({"policy": (100, 100), "inspections": (49, 100), "training": (100, 100)})
    assert v.overall_pct > 80
    assert v.overall_met
    assert not v.passed
    assert v.blocking_elements == ("inspections",)


def test_float_inputs_at_the_boundaries_have_no_rounding_surprise() -> None:
    # 4.52 of 5.65 is exactly 80%, but float division says 79.99999999999999.
    assert 4.52 / 5.65 * 100 < 80
    v = verdict({"a": (4.52, 5.65)})
    assert v.overall_pct == Decimal(80)
    assert v.passed
    exactly_half = verdict({"a": (100, 100), "b": (2.26, 4.52)})
    assert exactly_half.element_pct["b"] == Decimal(50)
    assert exactly_half.passed


def test_overall_is_weighted_by_points_not_an_average_of_element_percentages() -> None:
    # average of element percentages would be (100 + 50) / 2 = 75; by points it is 110 / 120
    v = verdict({"big": (100, 100), "small": (10, 20)})
    assert v.overall_pct.quantize(Decimal("0.01")) == Decimal("91.67")


def test_elements_with_no_possible_points_are_not_scored() -> None:
    v = verdict({"a": (45, 50), "not-applicable": (0, 0)})
    assert "not-applicable" not in v.element_pct
    assert v.passed


def test_nothing_scorable_raises_value_error() -> None:
    with pytest.raises(ValueError, match="Nothing to score"):
        verdict({"a": (0, 0)})
    with pytest.raises(ValueError):
        verdict({})


def test_earned_above_possible_or_negative_is_rejected() -> None:
    with pytest.raises(ValueError):
        verdict({"a": (11, 10)})
    with pytest.raises(ValueError):
        verdict({"a": (-1, 10)})


def test_explanation_names_the_blocking_element_and_the_gap() -> None:
    v = verdict({"inspections": (38, 100), "policy": (100, 100), "training": (100, 100), "x": (100, 100)})
    text = explain(v, {"inspections": "Inspections"})
    assert text.startswith("Would not pass")
    assert "Inspections is at 38%, 12 points below the 50% floor" in text
    assert "meets the bar" in text


def test_explanation_of_a_pass() -> None:
    assert explain(verdict({"a": (9, 10)})).startswith("Would pass")


def test_displayed_percentage_never_rounds_a_fail_up_to_the_bar() -> None:
    v = verdict({"a": (79996, 100000)})
    assert not v.passed
    assert show_pct(v.overall_pct) == "79.9%"


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=5),
        st.tuples(st.integers(0, 500), st.integers(1, 500)).map(lambda t: (min(t), max(t))),
        min_size=1,
        max_size=12,
    )
)
def test_pass_means_overall_at_least_80_and_no_element_below_50(elements: dict) -> None:
    v = verdict(elements)
    earned = sum(e for e, _ in elements.values())
    possible = sum(p for _, p in elements.values())
    below = [k for k, (e, p) in elements.items() if e * 100 < 50 * p]
    assert v.passed == (earned * 100 >= 80 * possible and not below)
    assert set(v.blocking_elements) == set(below)


def test_not_applicable_answers_leave_the_denominator() -> None:
    bank = default_content().bank
    qs = bank.question_set("quick")
    first = qs[0]
    best = {q.id: bank.scale(q.scale).options[0].id for q in qs}  # first option = full credit
    answers_na = best | {first.id: "na"}
    card = score(bank, qs, answers_na)
    possible = sum(e.possible for e in card.elements)
    assert possible == sum(q.points for q in qs) - first.points
    assert verdict(card.points()).overall_pct == 100


def test_unanswered_questions_are_not_counted_yet() -> None:
    bank = default_content().bank
    qs = bank.question_set("quick")
    card = score(bank, qs, {qs[0].id: "no"})
    assert card.answered == 1
    assert card.total == len(qs)
    v = verdict(card.points())
    assert v.overall_pct == 0
