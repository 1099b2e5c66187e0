"""Incentive estimates: BC COR (10% of base assessment) and Alberta PIR refunds.

Money is exact: inputs become Decimal (a float is read through its ``str`` so 4.54 stays 4.54),
and the result is rounded once, half up, to cents. Error messages are written to be shown to the
user as they are, next to the field they came from.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict

from cor.content import default_content
from cor.models import BCIncentiveRule, SmallEmployerMinimum

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
#: Above this a payroll is certainly a typing slip (no BC employer reports $10 billion).
MAX_PAYROLL = Decimal("10000000000")

Number = int | str | float | Decimal


def to_decimal(value: Number | None, field: str) -> Decimal:
    """Read a user's number: ints, Decimals, floats (by their str) or text like "$11,000,000"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"{field} is empty: enter a number.")
    if isinstance(value, bool):
        raise ValueError(f"{field} must be a number.")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("$", "").replace(" ", "").replace("%", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{field} must be a number, e.g. 1500000 (got '{value.strip()}').") from None
    else:
        raise ValueError(f"{field} must be a number.")
    if not number.is_finite():
        raise ValueError(f"{field} must be a finite number.")
    return number


def parse_payroll(value: Number | None, field: str = "Assessable payroll") -> Decimal:
    payroll = to_decimal(value, field)
    if payroll < 0:
        raise ValueError(f"{field} cannot be negative.")
    if payroll > MAX_PAYROLL:
        raise ValueError(f"{field} of ${payroll:,.0f} is more than $10 billion: check for extra zeros.")
    return payroll


def parse_base_rate(value: Number | None, field: str = "Base rate") -> Decimal:
    rate = to_decimal(value, field)
    if rate < 0 or rate > HUNDRED:
        raise ValueError(f"{field} is dollars per $100 of payroll, so it must be between 0 and 100.")
    return rate


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def annual_incentive(payroll: Number, base_rate: Number, rate_pct: Number = 10) -> Decimal:
    """BC COR incentive for one certified CU: payroll x (base rate / 100) x 10%, to the cent.

    Raises ValueError (with a message fit for the user) on negative, non-numeric or absurd input.
    """
    p = parse_payroll(payroll)
    r = parse_base_rate(base_rate)
    pct = to_decimal(rate_pct, "Incentive rate")
    return cents(p * r / HUNDRED * pct / HUNDRED)


def base_assessment(payroll: Number, base_rate: Number) -> Decimal:
    """The premium at the base rate, before experience rating: payroll x base rate / 100."""
    return cents(parse_payroll(payroll) * parse_base_rate(base_rate) / HUNDRED)


def formula(payroll: Number, base_rate: Number, rate_pct: Number = 10) -> str:
    """The calculation written out with the user's numbers, as the sources write it."""
    p = parse_payroll(payroll)
    r = parse_base_rate(base_rate)
    pct = to_decimal(rate_pct, "Incentive rate")
    result = annual_incentive(p, r, pct)
    return f"{money(p, whole=True)} x ({money(r)} / $100) x {pct.normalize():f}% = {money(result)}"


def money(amount: Decimal, whole: bool = False) -> str:
    """Canadian dollars: $49,940.00, or $11,000,000 for round figures when ``whole``."""
    if whole and amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${cents(amount):,.2f}"


class CUEstimate(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    payroll: Decimal
    base_rate: Decimal
    annual: Decimal
    formula: str


class Estimate(BaseModel):
    """An employer's estimate over its certified CUs."""

    model_config = ConfigDict(frozen=True)

    lines: tuple[CUEstimate, ...]
    annual_total: Decimal
    cycle_years: int
    cycle_total: Decimal


def estimate(
    lines: list[tuple[str, Number, Number]],
    rule: BCIncentiveRule | None = None,
    cycle_years: int | None = None,
) -> Estimate:
    """Per-CU and total incentive, and its value over a full COR cycle.

    ``lines`` are (label, payroll, base rate). The cycle value assumes the same payroll and rate
    each year: an estimate, not a forecast.
    """
    content = default_content()
    rule = rule or content.incentives.bc
    years = cycle_years or content.cycle.certificate_years
    out = []
    for label, payroll, rate in lines:
        annual = annual_incentive(payroll, rate, rule.rate_pct)
        out.append(
            CUEstimate(
                label=label,
                payroll=parse_payroll(payroll),
                base_rate=parse_base_rate(rate),
                annual=annual,
                formula=formula(payroll, rate, rule.rate_pct),
            )
        )
    total = sum((line.annual for line in out), Decimal(0))
    return Estimate(lines=tuple(out), annual_total=total, cycle_years=years, cycle_total=total * years)


def small_employer_minimum(
    total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum
) -> Decimal:
    """The incentive after a small-employer minimum: the larger of the 10% figure and
    ``share`` of the premium capped at ``cap``. Sources conflict on share and cap (see content).
    """
    premium = to_decimal(total_premium, "Total premium")
    if premium < 0:
        raise ValueError("Total premium cannot be negative.")
    floor = min(premium * version.share_of_premium_pct / HUNDRED, version.cap)
    return cents(max(incentive, floor))


def cumulative_savings(
    annual: Decimal, years: int, audit_cost: Decimal = Decimal(0)
) -> list[dict[str, object]]:
    """Year-by-year cumulative incentive and net of a one-off audit cost (paid in year 1)."""
    rows = []
    running = Decimal(0)
    for year in range(1, years + 1):
        running += annual
        rows.append(
            {
                "year": year,
                "incentive": annual,
                "cumulative": running,
                "net_of_audit_cost": running - audit_cost,
            }
        )
    return rows


def pir_refund(industry_premium: Number, year_in_cycle: int, secor: bool = False) -> Decimal:
    """Alberta PIR COR refund: 10% of industry-rate premium in the first COR year, 5% after."""
    rule = default_content().incentives.ab
    premium = to_decimal(industry_premium, "Industry-rate premium")
    if premium < 0:
        raise ValueError("Industry-rate premium cannot be negative.")
    if premium > MAX_PAYROLL:
        raise ValueError("Industry-rate premium is more than $10 billion: check for extra zeros.")
    if year_in_cycle < 1:
        raise ValueError("The year in the cycle starts at 1.")
    pct = rule.first_year_pct if year_in_cycle == 1 and not secor else rule.maintenance_year_pct
    return cents(premium * pct / HUNDRED)
