"""Exact money for the incentive rules, and how their calculations are written out.

Each result is rounded once, half up, to cents, after a product computed without rounding on the
way; a formula shows every decimal the user's numbers really have.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal

from cor.formatting import cents, money
from cor.incentives.parsing import HUNDRED, pct_text

#: Digits of working precision: enough that payroll x rate x percent is exact for every input the
#: parsers accept ($10 billion with 20 decimal places, times a rate with 20 decimal places).
PRECISION = 120


#: The context of that working precision, used directly (cheaper than entering a local context
#: for each of a cohort's estimates).
EXACT = Context(prec=PRECISION)


def exact_cents(*factors: Decimal, divisor: Decimal = HUNDRED) -> Decimal:
    """The product of ``factors`` over ``divisor``, rounded once to cents: computed in a context
    wide enough that nothing is rounded on the way for any input the parsers accept."""
    result = Decimal(1)
    for factor in factors:
        result = EXACT.multiply(result, factor)
    return cents(EXACT.divide(result, divisor))


def exact_money(amount: Decimal, min_places: int) -> str:
    """Dollars with at least ``min_places`` decimals and every decimal the number really has,
    so the formula shows what was computed (a rate of 4.545 is not shown as $4.55)."""
    places = max(min_places, -int(amount.normalize().as_tuple().exponent))
    return f"${amount:,.{places}f}"


def payroll_text(payroll: Decimal) -> str:
    """A payroll or premium in a formula: whole dollars when it is whole, else every decimal."""
    return exact_money(payroll, 0 if payroll == payroll.to_integral_value() else 2)


def show_rate_pct(pct: Decimal) -> str:
    """A rule's percentage as written in a sentence: ``10%``, ``7.5%``."""
    return pct_text(pct)


def share_formula(amount: Decimal, pct: Decimal) -> tuple[Decimal, str]:
    """``pct`` of ``amount`` to the cent, and the calculation written out:
    ``$250,000 x 10% = $25,000.00``."""
    result = exact_cents(amount, pct)
    return result, f"{payroll_text(amount)} x {pct_text(pct)} = {money(result)}"


def sum_formula(amounts: Sequence[Decimal]) -> str:
    """``$49,940.00 + $86,750.00 = $136,690.00``: the total written out, for the projector."""
    total = sum(amounts, Decimal(0))
    if len(amounts) < 2:
        return money(total)
    return " + ".join(money(a) for a in amounts) + f" = {money(total)}"


def cycle_formula(annual: Decimal, years: int) -> str:
    return f"{money(annual)} x {years} years = {money(annual * years)}"
