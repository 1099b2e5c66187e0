"""Readiness scoring and the COR verdict.

The rule (BC, and usually Alberta): pass when the overall score is at least 80% AND every element
is at least 50%. Overall is weighted by points across all applicable questions, as audit tools
do, not an average of element percentages. Thresholds are compared as exact fractions so a score
of exactly 80 or 50 never fails by a float rounding error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from pydantic import BaseModel, ConfigDict

from cor.formatting import points_below, show_pct
from cor.models import AnswerOption, PassRule, Question, QuestionBank

DEFAULT_RULE = PassRule(overall_min_pct=Decimal(80), element_min_pct=Decimal(50))

Points = int | float | Decimal | Fraction


def _exact(value: Points, what: str) -> Fraction:
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number")
    if isinstance(value, float):
        value = Decimal(str(value))
    try:
        number = Fraction(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number") from None
    if number < 0:
        raise ValueError(f"{what} cannot be negative")
    return number


def _pct(part: Fraction, whole: Fraction) -> Decimal:
    """Exact percentage as a Decimal with plenty of places (display rounds later)."""
    ratio = part * 100 / whole
    return (Decimal(ratio.numerator) / Decimal(ratio.denominator)).quantize(
        Decimal("1E-12"), rounding=ROUND_DOWN
    )


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

    def gap_to_floor(self, element: str) -> Decimal:
        """Percentage points an element lacks to reach the element floor (0 when it meets it)."""
        return max(Decimal(0), self.element_min_pct - self.element_pct[element])


def verdict(elements: Mapping[str, tuple[Points, Points]], rule: PassRule = DEFAULT_RULE) -> Verdict:
    """Verdict from (earned, possible) points per element.

    Elements with no possible points (all not applicable or unanswered) are not scored. Raises
    ValueError when nothing at all can be scored, or when earned exceeds possible.
    """
    scored: dict[str, tuple[Fraction, Fraction]] = {}
    for name, (earned, possible) in elements.items():
        e, p = _exact(earned, f"Earned points of {name}"), _exact(possible, f"Possible points of {name}")
        if e > p:
            raise ValueError(f"{name}: earned points ({earned}) exceed possible points ({possible})")
        if p > 0:
            scored[name] = (e, p)
    if not scored:
        raise ValueError("Nothing to score yet: answer at least one applicable question.")
    total_e = sum((e for e, _ in scored.values()), Fraction(0))
    total_p = sum((p for _, p in scored.values()), Fraction(0))
    overall_min = Fraction(rule.overall_min_pct)
    element_min = Fraction(rule.element_min_pct)
    overall_met = total_e * 100 >= overall_min * total_p
    blocking = tuple(name for name, (e, p) in scored.items() if e * 100 < element_min * p)
    return Verdict(
        overall_pct=_pct(total_e, total_p),
        element_pct={name: _pct(e, p) for name, (e, p) in scored.items()},
        passed=overall_met and not blocking,
        overall_met=overall_met,
        blocking_elements=blocking,
        overall_min_pct=rule.overall_min_pct,
        element_min_pct=rule.element_min_pct,
        earned=Decimal(total_e.numerator) / Decimal(total_e.denominator),
        possible=Decimal(total_p.numerator) / Decimal(total_p.denominator),
    )


def explain(v: Verdict, names: Mapping[str, str] | None = None) -> str:
    """The verdict in plain words, naming what blocks certification and by how much."""
    names = names or {}
    overall = f"overall {show_pct(v.overall_pct)} (needs {v.overall_min_pct:.0f}%)"
    if v.passed:
        return f"Would pass: {overall}, and every element is at or above the {v.element_min_pct:.0f}% floor."
    reasons = []
    for element in v.blocking_elements:
        pct = v.element_pct[element]
        reasons.append(
            f"{names.get(element, element)} is at {show_pct(pct)}, "
            f"{points_below(v.element_min_pct, pct)} points below the {v.element_min_pct:.0f}% floor"
        )
    if not v.overall_met:
        reasons.insert(
            0,
            f"the overall score is {show_pct(v.overall_pct)}, "
            f"{points_below(v.overall_min_pct, v.overall_pct)} points below the {v.overall_min_pct:.0f}% needed",
        )
    elif v.blocking_elements:
        reasons.append(f"even though the overall score of {show_pct(v.overall_pct)} meets the bar")
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
        return sum(e.answered for e in self.elements)

    @property
    def total(self) -> int:
        return sum(e.total for e in self.elements)

    def points(self) -> dict[str, tuple[Decimal, Decimal]]:
        return {e.element: (e.earned, e.possible) for e in self.elements}

    def names(self) -> dict[str, str]:
        return {e.element: e.name for e in self.elements}


def chosen_option(
    bank: QuestionBank, question: Question, answers: Mapping[str, str | None]
) -> AnswerOption | None:
    """The option answered for ``question``, or None when unanswered.

    An answer id the question's scale does not offer (from another version of the bank) counts as
    unanswered rather than failing: the user simply answers it again.
    """
    option_id = answers.get(question.id)
    if option_id is None:
        return None
    try:
        return bank.scale(question.scale).option(option_id)
    except KeyError:
        return None


def score(bank: QuestionBank, questions: Sequence[Question], answers: Mapping[str, str | None]) -> Scorecard:
    """Turn answers (question id -> option id) into points per element.

    A "not applicable" answer removes the question from the denominator; an unanswered one is
    left out until it is answered, so progress shows a provisional score.
    """
    rows: list[ElementScore] = []
    for element in bank.elements:
        qs = [q for q in questions if q.element == element.id]
        if not qs:
            continue
        earned = possible = Decimal(0)
        answered = na = 0
        for q in qs:
            option = chosen_option(bank, q, answers)
            if option is None:
                continue
            answered += 1
            if option.credit is None:
                na += 1
                continue
            earned += q.points * option.credit
            possible += q.points
        rows.append(
            ElementScore(
                element=element.id,
                name=element.name,
                earned=earned,
                possible=possible,
                answered=answered,
                total=len(qs),
                not_applicable=na,
            )
        )
    return Scorecard(elements=tuple(rows))
