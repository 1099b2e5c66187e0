"""Issue 19: verdicts read the scorecard's Decimal points through a quicker path; whatever path
a value takes, a bad one is refused with the same words, and a good one scores the same."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from cor.scoring import verdict

D = Decimal


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ({"a": (D(5), D(4))}, "a: earned points (5) exceed possible points (4)"),
        ({"a": (D(1), D(2)), "b": (D(-1), D(2))}, "Earned points of b cannot be negative"),
        ({"a": (D(0), D(-2))}, "Possible points of a cannot be negative"),
        ({"a": (D("NaN"), D(2))}, "Earned points of a must be a number"),
        ({"a": (D(1), D("Infinity"))}, "Possible points of a must be a number"),
        ({"a": (D(0), D(0))}, "Nothing to score yet"),
    ],
)
def test_bad_points_are_refused_in_words_even_after_good_ones_were_seen(
    points: dict[str, tuple[Decimal, Decimal]], message: str
) -> None:
    verdict({"a": (D(1), D(2)), "b": (D(1), D(2))})  # good pairs seen first
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        verdict(points)


def test_decimal_points_score_as_their_exact_ratios_do() -> None:
    decimals = {"a": (D("7.5"), D(10)), "b": (D("3.5"), D(4)), "c": (D(0), D(0))}
    ratios = {"a": (Fraction(15, 2), 10), "b": (Fraction(7, 2), 4), "c": (0, 0)}
    assert verdict(decimals) == verdict(ratios)  # type: ignore[arg-type]
    assert verdict(decimals).element_pct == {"a": D("75.000000000000"), "b": D("87.500000000000")}
