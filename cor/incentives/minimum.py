"""BC: the small-employer minimum incentive (sources conflict on its share and cap, see content).

Every page shows a version's terms and status through :func:`minimum_terms` and
:func:`minimum_status`, so the minimum reads the same on Savings and on About the numbers.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from cor.formatting import cents, money
from cor.incentives.amounts import exact_cents
from cor.incentives.parsing import Number, parse_premium, pct_text
from cor.models import SmallEmployerMinimum


def minimum_terms(version: SmallEmployerMinimum) -> str:
    """``75% of premium, up to $1,000``: what a version of the minimum guarantees."""
    return f"{pct_text(version.share_of_premium_pct)} of premium, up to {money(version.cap, whole=True)}"


def minimum_status(version: SmallEmployerMinimum, history: str = "history") -> str:
    """``in force``, or ``history`` (worded as the caller lists replaced versions)."""
    return "in force" if version.status == "in force" else history


class MinimumResult(BaseModel):
    """The incentive after the minimum, the calculation written out, and whether it pays more."""

    model_config = ConfigDict(frozen=True)

    amount: Decimal
    formula: str
    raises: bool


def floor_of(premium: Decimal, version: SmallEmployerMinimum) -> Decimal:
    """The floor a version of the minimum guarantees: ``share`` of the premium, capped at ``cap``."""
    return min(exact_cents(premium, version.share_of_premium_pct), cents(version.cap))


def apply_minimum(premium: Decimal, incentive: Decimal, version: SmallEmployerMinimum) -> MinimumResult:
    """The incentive after a small-employer minimum: the larger of the 10% figure and ``share`` of
    the premium capped at ``cap``, written out as
    ``larger of $300.00 and min(75% x $1,200.00, $1,000) = $900.00``.

    With the newer version this reproduces BCFSC's tiers: a total premium under $1,334 gets 75%
    of it, then $1,000 until 10% of the base assessment passes $1,000.
    """
    amount = cents(max(incentive, floor_of(premium, version)))
    written = (
        f"larger of {money(incentive)} and min({pct_text(version.share_of_premium_pct)} x "
        f"{money(premium)}, {money(version.cap, whole=True)}) = {money(amount)}"
    )
    return MinimumResult(amount=amount, formula=written, raises=amount > incentive)


def minimum_floor(total_premium: Number, version: SmallEmployerMinimum) -> Decimal:
    """:func:`floor_of` a premium as typed."""
    return floor_of(parse_premium(total_premium), version)


def small_employer_minimum(
    total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum
) -> Decimal:
    """:func:`apply_minimum`'s amount, for a premium as typed."""
    return apply_minimum(parse_premium(total_premium), incentive, version).amount


def minimum_raises(total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum) -> bool:
    """Whether the small-employer minimum pays more than the incentive itself (then it applies)."""
    return apply_minimum(parse_premium(total_premium), incentive, version).raises


def minimum_formula(total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum) -> str:
    """``larger of $300.00 and min(75% x $1,200.00, $1,000) = $900.00``."""
    return apply_minimum(parse_premium(total_premium), incentive, version).formula
