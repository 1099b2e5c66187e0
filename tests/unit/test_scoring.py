"""The COR pass rule: 80% overall AND at least 50% on every element, points-weighted."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cor.content import default_content
from cor.models import PassRule
from cor.scoring import chosen_option, default_rule, explain, score, show_pct, verdict


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


# --- the rule comes from content; fast scoring gives the same results as the plain definition ----


def _reference_verdict(elements: dict[str, tuple[Fraction, Fraction]], overall: int, floor: int) -> tuple:
    """The pass rule written the obvious way, with Fractions, to hold the fast version to."""
    scored = {name: (e, p) for name, (e, p) in elements.items() if p > 0}
    earned = sum((e for e, _ in scored.values()), Fraction(0))
    possible = sum((p for _, p in scored.values()), Fraction(0))
    blocking = tuple(name for name, (e, p) in scored.items() if e * 100 < floor * p)
    overall_met = earned * 100 >= overall * possible
    return overall_met and not blocking, overall_met, blocking, earned * 100 / possible


_points = st.one_of(
    st.integers(0, 400),
    st.decimals(min_value=0, max_value=400, places=2),
    st.fractions(min_value=0, max_value=400, max_denominator=12),
)


@settings(deadline=None)  # a rule check, not a timing: a busy machine must not fail it
@given(
    st.dictionaries(
        st.text(min_size=1, max_size=4),
        st.tuples(_points, _points).map(lambda pair: (min(pair), max(pair))),
        min_size=1,
        max_size=12,
    ).filter(lambda elements: any(p > 0 for _, p in elements.values()))
)
def test_verdict_matches_the_rule_written_with_fractions(elements: dict) -> None:
    v = verdict(elements)
    exact = {name: (Fraction(e), Fraction(p)) for name, (e, p) in elements.items()}
    passed, overall_met, blocking, overall = _reference_verdict(exact, 80, 50)
    assert (v.passed, v.overall_met, v.blocking_elements) == (passed, overall_met, blocking)
    assert Decimal(overall.numerator) / Decimal(overall.denominator) - v.overall_pct < Decimal("1E-12")
    assert v.overall_pct <= Decimal(overall.numerator) / Decimal(overall.denominator)


def test_without_a_rule_the_default_jurisdictions_rule_from_content_applies() -> None:
    content = default_content()
    rule = content.default_jurisdiction().pass_rule
    assert default_rule(content) == rule
    v = verdict({"a": (7999, 10000)})
    assert (v.overall_min_pct, v.element_min_pct) == (rule.overall_min_pct, rule.element_min_pct)


def test_a_stricter_rule_from_content_changes_the_verdict() -> None:
    strict = PassRule(overall_min_pct=Decimal(90), element_min_pct=Decimal(60))
    elements = {"policy": (85, 100), "inspections": (55, 100), "training": (100, 100)}
    assert verdict(elements).passed
    v = verdict(elements, strict)
    assert not v.passed
    assert v.blocking_elements == ("inspections",)
    assert "below the 60% floor" in explain(v)


@settings(deadline=None)  # a rule check, not a timing: a busy machine must not fail it
@given(st.randoms(use_true_random=False), st.booleans())
def test_score_counts_every_answer_as_the_plain_definition_does(rng: random.Random, as_list: bool) -> None:
    bank = default_content().bank
    questions = bank.question_set("large")
    answers: dict[str, str | None] = {}
    for question in questions:
        choice = rng.choice([*bank.scale(question.scale).options, None, "retired-option"])
        answers[question.id] = choice if choice is None or isinstance(choice, str) else choice.id
    card = score(bank, list(questions) if as_list else questions, answers)
    for row in card.elements:
        mine = [q for q in questions if q.element == row.element]
        options = [chosen_option(bank, q, answers) for q in mine]
        counted = [
            (q, o) for q, o in zip(mine, options, strict=True) if o is not None and o.credit is not None
        ]
        assert row.earned == sum((q.points * (o.credit or 0) for q, o in counted), Decimal(0))  # none is None
        assert row.possible == sum(q.points for q, _ in counted)
        assert row.answered == sum(o is not None for o in options)
        assert row.not_applicable == sum(o is not None and o.credit is None for o in options)
        assert row.total == len(mine)
    assert [row.element for row in card.elements] == [
        e.id for e in bank.elements if any(q.element == e.id for q in questions)
    ]


def test_an_answer_that_cannot_be_an_option_counts_as_unanswered() -> None:
    bank = default_content().bank
    questions = bank.question_set("quick")
    first, second = questions[0], questions[1]
    answers = {
        first.id: ["yes"],
        second.id: bank.scale(second.scale).options[0].id,
    }  # e.g. a hand-edited file
    card = score(bank, questions, answers)  # type: ignore[arg-type]  # a hand-edited file: a list, not an id
    assert card.answered == 1
