"""One rule for every score: cut to a tenth, never rounded up, gaps rounded up, and
the noun agrees with the number ("1 point", not "1 points"). The workshop summary, the workspace
timeline and the projected gain follow it too."""

from __future__ import annotations

from decimal import Decimal

from cor.formatting import SCORE_RULE, pct_change, points_gap, show_pct
from cor.models import PassRule
from cor.scoring import Verdict, explain, verdict

RULE = PassRule(overall_min_pct=Decimal(80), element_min_pct=Decimal(50))


def test_the_rule_states_what_the_formatter_does() -> None:
    assert "79.67% shows as 79.6%" in SCORE_RULE
    assert show_pct(Decimal("79.67")) == "79.6%"


def test_one_point_is_singular_and_other_gaps_plural() -> None:
    assert points_gap(Decimal(50), Decimal(49)) == "1 point"
    assert points_gap(Decimal(50), Decimal("49.67")) == "0.4 points"
    assert points_gap(Decimal(50), Decimal(48), "percentage point") == "2 percentage points"


def test_the_verdict_never_says_1_points() -> None:
    points = {
        "a": (Decimal(100), Decimal(100)),
        "b": (Decimal(49), Decimal(100)),
        "c": (Decimal(88), Decimal(100)),
    }
    result: Verdict = verdict(points, RULE)  # overall 237 of 300 = 79%
    text = explain(result)
    assert "1 points" not in text
    assert "1 point below the 80% needed" in text and "1 point below the 50% floor" in text


def test_the_projected_gain_is_the_difference_of_the_two_scores_as_shown() -> None:
    before, after = Decimal("79.67"), Decimal("81.01")
    assert pct_change(before, after) == "+1.4 percentage points"  # 81.0 - 79.6, not 81.01 - 79.67 = 1.34
    assert pct_change(Decimal(80), Decimal("81.05")) == "+1 percentage point"
    assert pct_change(Decimal(80), Decimal(80)) == "0 percentage points"
