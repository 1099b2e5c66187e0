"""Readiness scoring and the COR verdict.

The rule is content: each jurisdiction's pass rule in ``content/jurisdictions.toml`` (an overall
score AND a floor for every element). Overall is weighted by points across all applicable
questions, as audit tools do, not an average of element percentages. Thresholds are compared as
exact ratios of integers so a score exactly at the bar never fails by a float rounding error.

Scoring a cohort (thousands of assessments) must stay well under a second, so the work per
assessment is dictionary lookups in tables the bank builds once, and integer arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from functools import lru_cache
from itertools import repeat
from typing import Any, cast

from pydantic import BaseModel, ConfigDict

from cor.content import default_content
from cor.formatting import points_gap
from cor.formatting import show_pct as show_pct  # re-exported: pages and reports import it from here
from cor.models import AnswerOption, Content, Element, PassRule, Question, QuestionBank

Points = int | float | Decimal | Fraction

#: An exact non-negative number as (numerator, denominator), denominator at least 1.
Ratio = tuple[int, int]

_PCT_PLACES = Decimal("1E-12")


def default_rule(content: Content | None = None) -> PassRule:
    """The pass rule of the default jurisdiction, as content states it."""
    return (content or default_content()).default_jurisdiction().pass_rule


def _exact(value: Points, what: str) -> Ratio:
    """``value`` as an exact ratio of integers; a float is read by its str (4.52 means 4.52).
    The common types (int, Decimal) are tested first: this runs for every element of a cohort."""
    kind = type(value)
    try:
        if kind is int:
            number: Ratio = (value, 1)  # type: ignore[assignment]  # narrowed by the type test
        elif kind is Decimal or isinstance(value, Decimal):
            number = value.as_integer_ratio()
        elif isinstance(value, bool):
            raise TypeError("a yes/no is not a number of points")
        elif isinstance(value, float):
            number = Decimal(str(value)).as_integer_ratio()
        else:
            number = _fraction_ratio(value)
    except (TypeError, ValueError, OverflowError):  # not a number, NaN, infinity
        raise ValueError(f"{what} must be a number") from None
    if number[0] < 0:
        raise ValueError(f"{what} cannot be negative")
    return number


def _fraction_ratio(value: int | Fraction) -> Ratio:
    fraction = Fraction(value)  # raises TypeError/ValueError for what is not a number at run time
    return fraction.numerator, fraction.denominator


def _decimal(numerator: int, denominator: int) -> Decimal:
    """Correctly rounded to the decimal context (28 digits), as exact as a Decimal holds."""
    return Decimal(numerator) / Decimal(denominator)


@lru_cache(maxsize=4096)
def _pct(part: Ratio, whole: Ratio) -> Decimal:
    """Exact percentage as a Decimal with plenty of places (display rounds later). Cached: in a
    cohort the same element scores recur, and a Decimal is immutable."""
    return _decimal(part[0] * 100 * whole[1], part[1] * whole[0]).quantize(_PCT_PLACES, rounding=ROUND_DOWN)


def _total(ratios: Sequence[Ratio]) -> Ratio:
    """The exact sum, over the least common denominator."""
    denominator = math.lcm(*[each for _, each in ratios])
    return sum([numerator * (denominator // each) for numerator, each in ratios]), denominator


def _at_least(part: Ratio, whole: Ratio, min_pct: Ratio) -> bool:
    """part / whole * 100 >= min_pct, exactly."""
    return part[0] * 100 * whole[1] * min_pct[1] >= min_pct[0] * whole[0] * part[1]


class Verdict(BaseModel):
    model_config = ConfigDict(frozen=True)

    overall_pct: Decimal
    element_pct: dict[str, Decimal]
    passed: bool
    overall_met: bool
    blocking_elements: tuple[str, ...]
    overall_min_pct: Decimal
    element_min_pct: Decimal
    earned: Decimal
    possible: Decimal


def _scored(elements: Mapping[str, tuple[Points, Points]]) -> dict[str, tuple[Ratio, Ratio]]:
    """Exact (earned, possible) of every element that has possible points; checks the inputs.

    Points as the scorecard gives them (Decimals, never negative, earned within possible) take
    a path without per-value checks (this runs for every verdict of a cohort); anything else,
    or anything wrong, goes through :func:`_scored_checked`, which says what is wrong."""
    scored: dict[str, tuple[Ratio, Ratio]] = {}
    try:
        for name, (earned, possible) in elements.items():
            if earned.__class__ is not Decimal or possible.__class__ is not Decimal:
                return _scored_checked(elements)
            pair = _RATIOS.get((earned, possible))
            if pair is None:
                pair = _checked_pair(earned, possible)
                if pair is None:
                    return _scored_checked(elements)
            if pair[1][0] > 0:
                scored[name] = pair
    except (TypeError, ValueError, OverflowError):  # NaN, infinity, not a pair: said below
        return _scored_checked(elements)
    if not scored:
        raise ValueError("Nothing to score yet: answer at least one applicable question.")
    return scored


#: Exact (earned, possible) of the Decimal pairs met so far: a cohort's element points recur, and
#: a Decimal's hash is kept with it, so a look-up is cheaper than two ``as_integer_ratio``.
_RATIOS: dict[tuple[Decimal, Decimal], tuple[Ratio, Ratio]] = {}
_RATIOS_KEPT = 4096


def _checked_pair(earned: Decimal, possible: Decimal) -> tuple[Ratio, Ratio] | None:
    """The exact pair, remembered; None when the pair is not valid points (the caller then
    checks it the long way, which says what is wrong)."""
    exact_earned = earned.as_integer_ratio()
    exact_possible = possible.as_integer_ratio()
    if exact_earned[0] < 0 or exact_earned[0] * exact_possible[1] > exact_possible[0] * exact_earned[1]:
        return None
    if len(_RATIOS) >= _RATIOS_KEPT:
        _RATIOS.clear()
    pair = (exact_earned, exact_possible)
    _RATIOS[earned, possible] = pair
    return pair


def _scored_checked(elements: Mapping[str, tuple[Points, Points]]) -> dict[str, tuple[Ratio, Ratio]]:
    """:func:`_scored` for any kind of number, checking each value and naming what is wrong."""
    scored: dict[str, tuple[Ratio, Ratio]] = {}
    for name, (earned, possible) in elements.items():
        exact_earned = _exact(earned, f"Earned points of {name}")
        exact_possible = _exact(possible, f"Possible points of {name}")
        if exact_earned[0] * exact_possible[1] > exact_possible[0] * exact_earned[1]:
            raise ValueError(f"{name}: earned points ({earned}) exceed possible points ({possible})")
        if exact_possible[0] > 0:
            scored[name] = (exact_earned, exact_possible)
    if not scored:
        raise ValueError("Nothing to score yet: answer at least one applicable question.")
    return scored


def verdict(elements: Mapping[str, tuple[Points, Points]], rule: PassRule | None = None) -> Verdict:
    """Verdict from (earned, possible) points per element, under ``rule`` (by default the
    default jurisdiction's pass rule from content).

    Elements with no possible points (all not applicable or unanswered) are not scored. Raises
    ValueError when nothing at all can be scored, or when earned exceeds possible.
    """
    rule = rule or default_rule()
    scored = _scored(elements)
    total_earned = _total([earned for earned, _ in scored.values()])
    total_possible = _total([possible for _, possible in scored.values()])
    overall_min = rule.overall_min_pct.as_integer_ratio()
    element_min = rule.element_min_pct.as_integer_ratio()
    overall_met = _at_least(total_earned, total_possible, overall_min)
    blocking = tuple(
        name for name, (earned, possible) in scored.items() if not _at_least(earned, possible, element_min)
    )
    return Verdict(
        overall_pct=_pct(total_earned, total_possible),
        element_pct={name: _pct(earned, possible) for name, (earned, possible) in scored.items()},
        passed=overall_met and not blocking,
        overall_met=overall_met,
        blocking_elements=blocking,
        overall_min_pct=rule.overall_min_pct,
        element_min_pct=rule.element_min_pct,
        earned=_decimal(*total_earned),
        possible=_decimal(*total_possible),
    )


def explain(outcome: Verdict, names: Mapping[str, str] | None = None) -> str:
    """The verdict in plain words, naming what blocks certification and by how much."""
    names = names or {}
    overall = f"overall {show_pct(outcome.overall_pct)} (needs {outcome.overall_min_pct:.0f}%)"
    if outcome.passed:
        return f"Would pass: {overall}, and every element is at or above the {outcome.element_min_pct:.0f}% floor."
    reasons = []
    for element in outcome.blocking_elements:
        pct = outcome.element_pct[element]
        reasons.append(
            f"{names.get(element, element)} is at {show_pct(pct)}, "
            f"{points_gap(outcome.element_min_pct, pct)} below the {outcome.element_min_pct:.0f}% floor"
        )
    if not outcome.overall_met:
        reasons.insert(
            0,
            f"the overall score is {show_pct(outcome.overall_pct)}, "
            f"{points_gap(outcome.overall_min_pct, outcome.overall_pct)} below the {outcome.overall_min_pct:.0f}% needed",
        )
    elif outcome.blocking_elements:
        reasons.append(f"even though the overall score of {show_pct(outcome.overall_pct)} meets the bar")
    return "Would not pass: " + "; ".join(reasons) + "."


# --- from answers to points ---------------------------------------------------------------


class ElementScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    element: str
    name: str
    earned: Decimal
    possible: Decimal
    answered: int
    total: int
    not_applicable: int


class Scorecard(BaseModel):
    """Points per element from a set of answers; unanswered questions are not yet counted."""

    model_config = ConfigDict(frozen=True)

    elements: tuple[ElementScore, ...]

    @property
    def answered(self) -> int:
        return sum(row.answered for row in self.elements)

    @property
    def total(self) -> int:
        return sum(row.total for row in self.elements)

    def points(self) -> dict[str, tuple[Decimal, Decimal]]:
        return {row.element: (row.earned, row.possible) for row in self.elements}

    def names(self) -> dict[str, str]:
        return {row.element: row.name for row in self.elements}


def chosen_option(
    bank: QuestionBank, question: Question, answers: Mapping[str, str | None]
) -> AnswerOption | None:
    """The option answered for ``question``, or None when unanswered.

    An answer id the question's scale does not offer (from another version of the bank) counts as
    unanswered rather than failing: the user simply answers it again.
    """
    option_id = answers.get(question.id)
    if not isinstance(option_id, str):
        return None
    return bank.scale(question.scale).options_by_id.get(option_id)


#: What an answer is worth on one question: (points earned, points possible, answered, not
#: applicable), the last two 1 or 0. "Not applicable" earns 0 of 0 (the question leaves the
#: denominator); so does no answer, which is not counted as answered. Adding a zero earned
#: changes no sum (its exponent is that of the sum's start, ``Decimal(0)``).
_Worth = tuple[Decimal, int, int, int]


@dataclass(frozen=True, slots=True)
class _ElementLayout:
    """One element's questions, laid out for scoring: their ids, and for each the worth of every
    option its scale offers (in the same order)."""

    element: Element
    question_ids: tuple[str, ...]
    worth_by_option: tuple[dict[str, _Worth], ...]


_Layout = tuple[_ElementLayout, ...]
_LAYOUTS_KEPT = 16
#: An answer that does not count yet (no answer, or an option the scale does not offer).
_UNANSWERED: _Worth = (Decimal(0), 0, 0, 0)
_NOT_APPLICABLE: _Worth = (Decimal(0), 0, 1, 1)
#: ``dict.get`` (table, option id, default), typed for the layout's tables.
_worth_of = cast(Callable[[dict[str, _Worth], str | None, Any], Any], dict.get)


def _lay_out(bank: QuestionBank, questions: Sequence[Question]) -> _Layout:
    by_element: dict[str, list[Question]] = {}
    for question in questions:
        by_element.setdefault(question.element, []).append(question)
    return tuple(
        _ElementLayout(
            element=element,
            question_ids=tuple(question.id for question in mine),
            worth_by_option=tuple(
                {
                    option.id: _NOT_APPLICABLE
                    if option.credit is None
                    else (question.points * option.credit, question.points, 1, 0)
                    for option in bank.scale(question.scale).options
                }
                for question in mine
            ),
        )
        for element in bank.elements
        if (mine := by_element.get(element.id))
    )


def _layout(bank: QuestionBank, questions: Sequence[Question]) -> _Layout:
    """The layout of ``questions``, kept with the bank when they come as a tuple (immutable, and
    the bank's question sets always return the same tuple), so a cohort lays them out once."""
    if type(questions) is not tuple:
        return _lay_out(bank, questions)
    kept = bank.derived.get(("score worths", id(questions)))
    if isinstance(kept, tuple) and kept[0] is questions:
        return cast(_Layout, kept[1])
    layouts = [key for key in bank.derived if isinstance(key, tuple) and key[0] == "score worths"]
    for key in layouts[: max(0, len(layouts) - _LAYOUTS_KEPT)]:
        del bank.derived[key]
    layout = _lay_out(bank, questions)
    bank.derived[("score worths", id(questions))] = (questions, layout)  # holding it keeps its id unique
    return layout


def _element_row(layout: _ElementLayout, answers: Mapping[str, str | None]) -> dict[str, object]:
    """One element's points, as the fields of an ElementScore (validated with the whole card, in
    one call). The lookups run inside ``map`` (in C): this is the hot path of scoring a cohort.
    An answer the scale does not offer counts as unanswered (as in ``chosen_option``)."""
    chosen_ids = map(answers.get, layout.question_ids)
    worths = map(_worth_of, layout.worth_by_option, chosen_ids, repeat(_UNANSWERED))
    earned, possible, answered, not_applicable = zip(*worths, strict=True)
    return {
        "element": layout.element.id,
        "name": layout.element.name,
        "earned": sum(earned, Decimal(0)),
        "possible": Decimal(sum(possible)),
        "answered": sum(answered),
        "total": len(earned),
        "not_applicable": sum(not_applicable),
    }


def score(bank: QuestionBank, questions: Sequence[Question], answers: Mapping[str, str | None]) -> Scorecard:
    """Turn answers (question id -> option id) into points per element, in the bank's element
    order (elements none of ``questions`` belong to are left out).

    A "not applicable" answer removes the question from the denominator; an unanswered one is
    left out until it is answered, so progress shows a provisional score. This is the hot path
    of cohort scoring: the points each option earns come from tables the bank builds once.
    """
    layout = _layout(bank, questions)
    try:
        rows = [_element_row(element, answers) for element in layout]
    except TypeError:  # an answer that cannot be an option id (a list from a hand-edited file)
        option_ids = {question: option for question, option in answers.items() if isinstance(option, str)}
        rows = [_element_row(element, option_ids) for element in layout]
    return Scorecard.model_validate({"elements": rows})
