"""Incentive estimates: BC COR (10% of base assessment) and Alberta PIR refunds.

Money is exact: inputs become Decimal (a float is read through its ``str`` so 4.54 stays 4.54),
and each result is rounded once, half up, to cents. Error messages are written to be shown to the
user as they are, next to the field they came from.

The module also turns an estimate's inputs into URL query parameters and back (``to_query`` /
``from_query``), so a consultant can send an estimate as a link: that is pure string handling and
lives here, not in the page, so it can be tested without Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

from cor.codes import cu_code
from cor.content import default_content
from cor.formatting import cents
from cor.formatting import money as money  # re-exported: pages and figures write money through here
from cor.models import (
    ABIncentiveRule,
    BCIncentiveRule,
    ClassificationUnit,
    PIRPerformanceRule,
    RateRecord,
    SmallEmployerMinimum,
)

HUNDRED = Decimal(100)
#: Above this a payroll is certainly a typing slip (no BC employer reports $10 billion).
MAX_PAYROLL = Decimal("10000000000")
#: More decimal places than this is not a number anyone means (and would print as a wall of digits).
MAX_PLACES = 20
#: How many CU rows an estimate (and a shared link) can hold.
MAX_ROWS = 20
#: Digits of working precision: enough that payroll x rate x percent is exact for every input the
#: parsers accept ($10 billion with 20 decimal places, times a rate with 20 decimal places).
PRECISION = 120

Number = int | str | float | Decimal

#: "11,000,000" or "1,500.50": commas only between groups of three digits.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


# --- reading numbers --------------------------------------------------------------------------


def to_decimal(value: Number | None, field: str) -> Decimal:
    """Read a user's number: ints, Decimals, floats (by their str) or text like "$11,000,000".

    A comma that is not a thousands separator ("4,54") is refused rather than silently read as
    454: the user meant a decimal point, and a wrong figure is worse than a message.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"{field} is empty: enter a number.")
    if isinstance(value, bool):
        raise ValueError(f"{field} must be a number.")
    try:
        number = _number(value, field)
        if not number.is_finite():
            raise ValueError(f"{field} must be a finite number.")
        if number != 0 and min(number.adjusted(), _last_place(number)) < -MAX_PLACES:
            raise ValueError(f"{field} has too many decimal places.")
    except ArithmeticError:  # decimal overflow on exponents like 1e9999999999
        raise ValueError(f"{field} is far too large to be real: check the number.") from None
    return number if number != 0 else Decimal(0)  # "-0" and "0E-5" read as plain 0


def _last_place(number: Decimal) -> int:
    """Position of the last significant digit: -2 for 4.54, 6 for 11,000,000."""
    return int(number.normalize().as_tuple().exponent)


def _number(value: Number, field: str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if not isinstance(value, str):
        raise ValueError(f"{field} must be a number.")
    text = value.strip()
    for sign in ("$", " ", "\u00a0", "%"):
        text = text.replace(sign, "")
    if "," in text:
        if not _GROUPED.match(text):
            raise ValueError(
                f"{field}: use commas only between thousands (11,000,000) and a point for decimals (4.54)."
            )
        text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{field} must be a number, without letters.") from None


def parse_amount(value: Number | None, field: str) -> Decimal:
    """A dollar amount a user types: not negative, not more than $10 billion."""
    amount = to_decimal(value, field)
    if amount < 0:
        raise ValueError(f"{field} cannot be negative.")
    if amount > MAX_PAYROLL:
        raise ValueError(f"{field} is more than $10 billion: check for extra zeros.")
    return amount


def parse_payroll(value: Number | None, field: str = "Assessable payroll") -> Decimal:
    return parse_amount(value, field)


def parse_base_rate(value: Number | None, field: str = "Base rate") -> Decimal:
    rate = to_decimal(value, field)
    if rate < 0 or rate > HUNDRED:
        raise ValueError(f"{field} is dollars per $100 of payroll, so it must be between 0 and 100.")
    return rate


def check(parse: Callable[[Number | None, str], Decimal], value: Number | None, field: str) -> str | None:
    """The message ``parse`` would raise for ``value``, or None when it is fine (for the page)."""
    try:
        parse(value, field)
    except ValueError as exc:
        return str(exc)
    return None


# --- money and its display --------------------------------------------------------------------


def _exact(amount: Decimal, min_places: int) -> str:
    """Dollars with at least ``min_places`` decimals and every decimal the number really has,
    so the formula shows what was computed (a rate of 4.545 is not shown as $4.55)."""
    places = max(min_places, -int(amount.normalize().as_tuple().exponent))
    return f"${amount:,.{places}f}"


def _payroll_text(payroll: Decimal) -> str:
    return _exact(payroll, 0 if payroll == payroll.to_integral_value() else 2)


def _pct_text(pct: Decimal) -> str:
    return f"{pct.normalize():f}%"


def show_rate_pct(pct: Decimal) -> str:
    """A rule's percentage as written in a sentence: ``10%``, ``7.5%``."""
    return _pct_text(pct)


# --- BC: the COR incentive --------------------------------------------------------------------


def incentive_pct(rate_pct: Number | None, rule: BCIncentiveRule | None = None) -> Decimal:
    """The incentive's share of base assessment: the one given, else the content's (10% today)."""
    if rate_pct is None:
        return (rule or default_content().incentives.bc).rate_pct
    pct = to_decimal(rate_pct, "Incentive rate")
    if not 0 <= pct <= HUNDRED:
        raise ValueError("Incentive rate is a percentage, so it must be between 0 and 100.")
    return pct


def exact_cents(*factors: Decimal, divisor: Decimal = HUNDRED) -> Decimal:
    """The product of ``factors`` over ``divisor``, rounded once to cents: computed in a local
    context wide enough that nothing is rounded on the way for any input the parsers accept."""
    with localcontext() as context:
        context.prec = PRECISION
        result = Decimal(1)
        for factor in factors:
            result *= factor
        return cents(result / divisor)


def annual_incentive(payroll: Number, base_rate: Number, rate_pct: Number | None = None) -> Decimal:
    """BC COR incentive for one certified CU: payroll x (base rate / 100) x 10%, to the cent.

    ``rate_pct`` defaults to the content's rule (10%). Raises ValueError (with a message fit for
    the user) on negative, non-numeric, infinite or absurd input.
    """
    return _annual(parse_payroll(payroll), parse_base_rate(base_rate), incentive_pct(rate_pct))


def _annual(payroll: Decimal, base_rate: Decimal, pct: Decimal) -> Decimal:
    """:func:`annual_incentive` of numbers already read (an estimate reads each one once)."""
    return exact_cents(payroll, base_rate, pct, divisor=HUNDRED * HUNDRED)


def base_assessment(payroll: Number, base_rate: Number) -> Decimal:
    """The premium at the base rate, before experience rating: payroll x base rate / 100."""
    return exact_cents(parse_payroll(payroll), parse_base_rate(base_rate))


def formula(payroll: Number, base_rate: Number, rate_pct: Number | None = None) -> str:
    """The calculation written out with the user's numbers, as the sources write it:
    ``$11,000,000 x ($4.54 / $100) x 10% = $49,940.00``."""
    return _formula(parse_payroll(payroll), parse_base_rate(base_rate), incentive_pct(rate_pct))


def _formula(payroll: Decimal, base_rate: Decimal, pct: Decimal) -> str:
    """:func:`formula` of numbers already read."""
    result = _annual(payroll, base_rate, pct)
    return f"{_payroll_text(payroll)} x ({_exact(base_rate, 2)} / $100) x {_pct_text(pct)} = {money(result)}"


def sum_formula(amounts: Sequence[Decimal]) -> str:
    """``$49,940.00 + $86,750.00 = $136,690.00``: the total written out, for the projector."""
    total = sum(amounts, Decimal(0))
    if len(amounts) < 2:
        return money(total)
    return " + ".join(money(a) for a in amounts) + f" = {money(total)}"


def cycle_formula(annual: Decimal, years: int) -> str:
    return f"{money(annual)} x {years} years = {money(annual * years)}"


def credit_year(audit_year: int) -> int:
    """The incentive for an audit year is credited to the account in the following year."""
    return audit_year + 1


@dataclass(frozen=True)
class LineInput:
    """One CU of an estimate, as entered: numbers may still be text straight from the form."""

    label: str
    payroll: Number
    base_rate: Number
    cu_code: str = ""
    cu_name: str = ""
    rate_year: int | None = None
    rate_source: str = ""


class CUEstimate(BaseModel):
    """One CU's incentive. Its ``formula`` text is written when first read (the page and the
    exports show it; a cohort's 10,000 estimates need only the amounts)."""

    model_config = ConfigDict(frozen=True)

    label: str
    payroll: Decimal
    base_rate: Decimal
    annual: Decimal
    rate_pct: Decimal = Decimal(10)
    cu_code: str = ""
    cu_name: str = ""
    rate_year: int | None = None
    rate_source: str = ""

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def formula(self) -> str:
        """The calculation written out with this CU's numbers (see :func:`formula`)."""
        return _formula(self.payroll, self.base_rate, self.rate_pct)


class Estimate(BaseModel):
    """An employer's estimate over its certified CUs."""

    model_config = ConfigDict(frozen=True)

    lines: tuple[CUEstimate, ...]
    annual_total: Decimal
    cycle_years: int
    cycle_total: Decimal
    rate_pct: Decimal
    source_url: str = ""
    effective: str = ""


def estimate(
    lines: Sequence[LineInput | tuple[str, Number, Number]],
    rule: BCIncentiveRule | None = None,
    cycle_years: int | None = None,
) -> Estimate:
    """Per-CU and total incentive, and its value over a full COR cycle.

    ``lines`` are LineInputs or (label, payroll, base rate). The cycle value assumes the same
    payroll and rate each year: an estimate, not a forecast. Raises ValueError on a bad line.
    """
    rule = rule or default_content().incentives.bc
    years = cycle_years or default_content().cycle.certificate_years
    out = []
    for item in lines:
        line = item if isinstance(item, LineInput) else LineInput(*item)
        payroll = parse_payroll(line.payroll)  # each number read once
        rate = parse_base_rate(line.base_rate)
        out.append(
            CUEstimate(
                label=line.label,
                payroll=payroll,
                base_rate=rate,
                annual=_annual(payroll, rate, rule.rate_pct),
                rate_pct=rule.rate_pct,
                cu_code=line.cu_code,
                cu_name=line.cu_name,
                rate_year=line.rate_year,
                rate_source=line.rate_source,
            )
        )
    total = sum((line.annual for line in out), Decimal(0))
    return Estimate(
        lines=tuple(out),
        annual_total=total,
        cycle_years=years,
        cycle_total=total * years,
        rate_pct=rule.rate_pct,
        source_url=str(rule.source_url),
        effective=rule.effective,
    )


# --- BC: the small-employer minimum (sources conflict) ----------------------------------------


def parse_premium(value: Number | None, field: str = "Total premium") -> Decimal:
    return parse_amount(value, field)


def minimum_floor(total_premium: Number, version: SmallEmployerMinimum) -> Decimal:
    """The floor a version of the minimum guarantees: ``share`` of the premium, capped at ``cap``."""
    premium = parse_premium(total_premium)
    return min(exact_cents(premium, version.share_of_premium_pct), cents(version.cap))


def small_employer_minimum(
    total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum
) -> Decimal:
    """The incentive after a small-employer minimum: the larger of the 10% figure and
    ``share`` of the premium capped at ``cap``. Sources conflict on share and cap (see content).

    With the newer version this reproduces BCFSC's tiers: a total premium under $1,334 gets 75%
    of it, then $1,000 until 10% of the base assessment passes $1,000.
    """
    return cents(max(incentive, minimum_floor(total_premium, version)))


def minimum_raises(total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum) -> bool:
    """Whether the small-employer minimum pays more than the incentive itself (then it applies)."""
    return small_employer_minimum(total_premium, incentive, version) > incentive


def minimum_formula(total_premium: Number, incentive: Decimal, version: SmallEmployerMinimum) -> str:
    """``larger of $300.00 and min(75% x $1,200.00, $1,000) = $900.00``."""
    premium = parse_premium(total_premium)
    result = small_employer_minimum(premium, incentive, version)
    return (
        f"larger of {money(incentive)} and min({_pct_text(version.share_of_premium_pct)} x "
        f"{money(premium)}, {money(version.cap, whole=True)}) = {money(result)}"
    )


# --- the cycle, year by year ------------------------------------------------------------------


class CycleRow(BaseModel):
    """One year of a COR cycle: what it earns, the running totals, and the net against costs.
    ``audit_year`` and ``credited_in`` are the calendar years when the first audit's is known."""

    model_config = ConfigDict(frozen=True)

    year: int
    incentive: Decimal
    cumulative: Decimal
    cost: Decimal
    cumulative_cost: Decimal
    net: Decimal
    audit_year: int | None = None
    credited_in: int | None = None


def cumulative(
    amounts: Sequence[Decimal], costs: Sequence[Decimal] | None = None, first_audit_year: int | None = None
) -> list[CycleRow]:
    """Year-by-year incentive, its running total, the running cost of audits and the net.

    ``amounts[i]`` is the incentive earned for audit year i+1 of the cycle (credited the year
    after); ``costs[i]`` what the audit of that year costs. With ``first_audit_year`` each row also
    names its calendar audit year and the year the credit arrives.
    """
    costs = list(costs or [])
    rows: list[CycleRow] = []
    running = spent = Decimal(0)
    for i, amount in enumerate(amounts):
        cost = costs[i] if i < len(costs) else Decimal(0)
        running += amount
        spent += cost
        audit_year = None if first_audit_year is None else first_audit_year + i
        rows.append(
            CycleRow(
                year=i + 1,
                incentive=amount,
                cumulative=running,
                cost=cost,
                cumulative_cost=spent,
                net=running - spent,
                audit_year=audit_year,
                credited_in=None if audit_year is None else credit_year(audit_year),
            )
        )
    return rows


def cumulative_savings(
    annual: Decimal,
    years: int,
    audit_cost: Decimal = Decimal(0),
    maintenance_cost: Decimal = Decimal(0),
    first_audit_year: int | None = None,
) -> list[CycleRow]:
    """Cumulative BC incentive over a cycle of ``years`` equal incentives, against the cost of the
    certification audit (year 1) and of each maintenance audit (later years)."""
    return cumulative([annual] * years, cycle_costs(years, audit_cost, maintenance_cost), first_audit_year)


# --- Alberta: PIR refund ----------------------------------------------------------------------


def pir_pct(year_in_cycle: int, secor: bool = False, rule: ABIncentiveRule | None = None) -> Decimal:
    """10% of industry-rate premium the first COR year, 5% each maintenance year; SECOR 5%."""
    rule = rule or default_content().incentives.ab
    if year_in_cycle < 1:
        raise ValueError("The year in the cycle starts at 1.")
    return rule.first_year_pct if year_in_cycle == 1 and not secor else rule.maintenance_year_pct


def pir_refund(
    industry_premium: Number, year_in_cycle: int, secor: bool = False, rule: ABIncentiveRule | None = None
) -> Decimal:
    """Alberta PIR COR refund: 10% of industry-rate premium in the first COR year, 5% after."""
    premium = parse_amount(industry_premium, "Industry-rate premium")
    return exact_cents(premium, pir_pct(year_in_cycle, secor, rule))


def pir_formula(
    industry_premium: Number, year_in_cycle: int, secor: bool = False, rule: ABIncentiveRule | None = None
) -> str:
    """``$250,000 x 10% = $25,000.00``."""
    premium = parse_amount(industry_premium, "Industry-rate premium")
    pct = pir_pct(year_in_cycle, secor, rule)
    return f"{_payroll_text(premium)} x {_pct_text(pct)} = {money(exact_cents(premium, pct))}"


def parse_pct(value: Number | None, field: str, highest: Decimal = HUNDRED) -> Decimal:
    """A percentage a user types: from 0 to ``highest``."""
    pct = to_decimal(value, field)
    if pct < 0 or pct > highest:
        raise ValueError(f"{field} must be between 0% and {_pct_text(highest)}.")
    return pct


def pir_performance_pct(
    rule: PIRPerformanceRule, improvement_pct: Number | None = None, leadership_pct: Number | None = None
) -> Decimal:
    """The refund percentage PIR's performance measures give: 1% per 1% of improvement on the
    employer's own record (up to the cap), or the industry-leadership percentage (within its
    range); the higher of the two. Either may be None (not qualified)."""
    measures = [Decimal(0)]
    if improvement_pct is not None:
        improvement = parse_pct(improvement_pct, "Improvement on your own record")
        measures.append(min(improvement * rule.improvement_pct_per_pct, rule.improvement_max_pct))
    if leadership_pct is not None:
        leadership = parse_pct(leadership_pct, "Industry-leadership refund")
        if not rule.leadership_min_pct <= leadership <= rule.leadership_max_pct:
            raise ValueError(
                f"Industry-leadership refund is between {_pct_text(rule.leadership_min_pct)} and "
                f"{_pct_text(rule.leadership_max_pct)}."
            )
        measures.append(leadership)
    return max(measures)


def pir_year_pct(cor_pct: Decimal, performance_pct: Decimal, maximum_pct: Decimal) -> Decimal:
    """One year's PIR refund percentage: the highest measure the employer qualifies for (COR or
    performance), never above the program's maximum."""
    return min(max(cor_pct, performance_pct), maximum_pct)


class PIRYear(BaseModel):
    model_config = ConfigDict(frozen=True)

    year: int
    pct: Decimal
    refund: Decimal
    formula: str


class PIREstimate(BaseModel):
    """Alberta: the PIR refund for each year of a COR cycle."""

    model_config = ConfigDict(frozen=True)

    industry_premium: Decimal
    secor: bool
    years: tuple[PIRYear, ...]
    cycle_total: Decimal
    source_url: str
    effective: str


def pir_estimate(
    industry_premium: Number,
    secor: bool = False,
    cycle_years: int | None = None,
    performance_pct: Decimal = Decimal(0),
    rule: ABIncentiveRule | None = None,
) -> PIREstimate:
    """PIR refunds over a cycle, assuming the same industry-rate premium each year. Each year pays
    the highest measure: its COR percentage or ``performance_pct`` (from ``pir_performance_pct``),
    capped at the program's maximum."""
    rule = rule or default_content().incentives.ab
    years = cycle_years or default_content().cycle.certificate_years
    premium = parse_amount(industry_premium, "Industry-rate premium")
    rows = []
    for year in range(1, years + 1):
        pct = pir_year_pct(pir_pct(year, secor, rule), performance_pct, rule.maximum_pct)
        refund = exact_cents(premium, pct)
        text = f"{_payroll_text(premium)} x {_pct_text(pct)} = {money(refund)}"
        rows.append(PIRYear(year=year, pct=pct, refund=refund, formula=text))
    return PIREstimate(
        industry_premium=premium,
        secor=secor,
        years=tuple(rows),
        cycle_total=sum((r.refund for r in rows), Decimal(0)),
        source_url=str(rule.source_url),
        effective=rule.effective,
    )


# --- the estimator's inputs: which rows count, which rate is cited, what each year brings ------

#: Where a line's base rate comes from when it is not the published rate of its CU and year.
USER_RATE_SOURCE = "Base rate entered by the user"


@dataclass(frozen=True)
class RowCheck:
    """What one CU row's two fields say. A row nobody has started has no messages (an empty form
    is not an error); once either field has text, each field gets its own message or None."""

    started: bool
    payroll: str | None = None
    base_rate: str | None = None

    @property
    def complete(self) -> bool:
        """Started and both fields fine: the row counts in the estimate."""
        return self.started and not self.payroll and not self.base_rate


def missing_text(check: RowCheck) -> str:
    """What keeps a CU row out of the total, in words for the CSV: each field's message, or that
    nothing was entered."""
    if not check.started:
        return "no assessable payroll or base rate entered"
    return " ".join(message for message in (check.payroll, check.base_rate) if message)


def check_row(payroll: str, base_rate: str) -> RowCheck:
    """Check a CU row as typed, with the messages to show under each field."""
    if not (payroll.strip() or base_rate.strip()):
        return RowCheck(started=False)
    return RowCheck(
        started=True,
        payroll=check(parse_payroll, payroll, "Assessable payroll"),
        base_rate=check(parse_base_rate, base_rate, "Base rate"),
    )


def is_published_rate(base_rate: Number | None, record: RateRecord | None) -> bool:
    """Whether the rate entered is the published one of ``record`` (4.540 and $4.54 are 4.54).

    Only then does an estimate cite that rate's year and source; any other rate is the user's own.
    """
    if record is None or record.base_rate is None:
        return False
    try:
        return parse_base_rate(base_rate) == record.base_rate
    except ValueError:
        return False


def line_input(
    label: str, payroll: Number, base_rate: Number, unit: ClassificationUnit | None, year: int | None
) -> LineInput:
    """One estimate line from a CU row: its CU, and the year and source of its rate when the rate
    is the CU's published one for ``year``, else "entered by the user"."""
    record = unit.rate_for(year) if unit and year else None
    published = record is not None and is_published_rate(base_rate, record)
    return LineInput(
        label=label,
        payroll=payroll,
        base_rate=base_rate,
        cu_code=unit.code if unit else "",
        cu_name=unit.name if unit else "",
        rate_year=record.year if record and published else None,
        rate_source=str(record.source_url) if record and published else USER_RATE_SOURCE,
    )


def first_audit_years(this_year: int) -> list[int]:
    """The years a certification audit can be placed in: three back (a cycle already under way)
    to three ahead (one being planned)."""
    return list(range(this_year - 3, this_year + 4))


def choice_from_link(text: str, choices: Sequence[int], default: int | None) -> int | None:
    """A whole number from a link (a rate year, an audit year, a version) if it is one of
    ``choices``, else ``default``: anyone can type a link, so "²", "-1" or a year without a rate
    fall back instead of failing."""
    if text.isascii() and text.isdigit() and int(text) in choices:
        return int(text)
    return default


def cycle_amounts(result: Estimate | PIREstimate | None) -> list[Decimal]:
    """What each year of the cycle brings: in BC the same incentive every year (same payroll and
    rate assumed), in Alberta each year's PIR refund. Empty without an estimate."""
    if isinstance(result, Estimate):
        return [result.annual_total] * result.cycle_years
    if isinstance(result, PIREstimate):
        return [y.refund for y in result.years]
    return []


def cycle_costs(years: int, audit_cost: Decimal | None, maintenance_cost: Decimal | None) -> list[Decimal]:
    """What the audits cost, year by year: the certification audit in year 1, a maintenance audit
    each later year. A cost not entered counts as nothing."""
    if years < 1:
        return []
    return [audit_cost or Decimal(0)] + [maintenance_cost or Decimal(0)] * (years - 1)


def cost_verdict(net: Decimal) -> str:
    """How a cycle's savings compare with the audit costs, from its net (savings minus costs)."""
    if net > 0:
        return "more than pays for"
    return "exactly covers" if net == 0 else "does not cover"


# --- the estimate as a link -------------------------------------------------------------------

#: Longest value kept from a link: enough for any real number, short enough to stay harmless.
MAX_PARAM_CHARS = 40


class SharedRow(BaseModel):
    """One CU row as typed (text, so a wrong value in a link still shows, with its message)."""

    model_config = ConfigDict(frozen=True)

    cu: str = ""
    year: str = ""
    payroll: str = ""
    rate: str = ""


class SharedInputs(BaseModel):
    """Everything an estimate needs, as it travels in a URL's query string."""

    model_config = ConfigDict(frozen=True)

    jurisdiction: Literal["BC", "AB"] = "BC"
    rows: tuple[SharedRow, ...] = (SharedRow(),)
    audit_cost: str = ""
    maintenance_cost: str = ""
    first_audit_year: str = ""
    total_premium: str = ""
    minimum: str = ""
    industry_premium: str = ""
    secor: bool = False
    #: Link parameters left out because they were too long (their names, for a plain message).
    ignored: tuple[str, ...] = ()


_ROW_KEYS = {"cu": "cu", "year": "yr", "payroll": "pay", "rate": "rate"}
_OTHER_KEYS = {
    "audit_cost": "audit",
    "maintenance_cost": "maint",
    "first_audit_year": "first",
    "total_premium": "prem",
    "minimum": "min",
    "industry_premium": "abprem",
}
_ROW_PARAM = re.compile(r"^(cu|yr|pay|rate)(\d{1,2})$")


def to_query(shared: SharedInputs) -> dict[str, str]:
    """Query parameters for a link to this estimate; empty inputs are left out."""
    params: dict[str, str] = {"j": shared.jurisdiction}
    for i, row in enumerate(shared.rows[:MAX_ROWS]):
        for field, key in _ROW_KEYS.items():
            value = getattr(row, field).strip()
            if value:
                params[f"{key}{i}"] = value
    for field, key in _OTHER_KEYS.items():
        value = getattr(shared, field).strip()
        if value:
            params[key] = value
    if shared.secor:
        params["secor"] = "1"
    return params


def is_shared_link(params: Mapping[str, object]) -> bool:
    """Whether a query string carries an estimate (not just, say, a CU from the partner guide)."""
    return any(_ROW_PARAM.match(k) or k in _OTHER_KEYS.values() or k in ("j", "secor") for k in params)


def link_value(params: Mapping[str, str | list[str]], key: str) -> tuple[str, bool]:
    """One link parameter as text, and whether it was too long to keep. A value longer than
    MAX_PARAM_CHARS is dropped whole (never cut: a cut number is a wrong number)."""
    raw = params.get(key, "")
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    text = str(raw).strip()
    if len(text) > MAX_PARAM_CHARS:
        return "", True
    return text, False


def from_query(params: Mapping[str, str | list[str]]) -> SharedInputs:
    """Read a link's query parameters back. Unknown keys are ignored, a value too long to be real
    is left out (and named in ``ignored``), a CU code is read whatever its digits, and rows keep
    their positions (a gap becomes an empty row) up to MAX_ROWS."""
    ignored: list[str] = []

    def value(key: str) -> str:
        text, too_long = link_value(params, key)
        if too_long:
            ignored.append(key)
        return cu_code(text) or text if key.startswith("cu") else text

    indices = sorted(
        {int(m.group(2)) for k in params if (m := _ROW_PARAM.match(k)) and int(m.group(2)) < MAX_ROWS}
    )
    count = indices[-1] + 1 if indices else 1
    rows = tuple(
        SharedRow(**{field: value(f"{key}{i}") for field, key in _ROW_KEYS.items()}) for i in range(count)
    )
    j = value("j").upper()
    others = {field: value(key) for field, key in _OTHER_KEYS.items()}
    return SharedInputs(
        jurisdiction="AB" if j == "AB" else "BC",
        rows=rows,
        secor=value("secor").lower() in ("1", "true", "yes", "on"),
        ignored=tuple(ignored),
        **others,
    )


def carried_cu(text: object) -> str | None:
    """The CU code carried to Savings (``?cu=`` from the partner guide, or the guide's choice):
    a six-digit code however its digits were typed, or None for anything else."""
    if not isinstance(text, str) or len(text) > MAX_PARAM_CHARS:
        return None
    return cu_code(text)
