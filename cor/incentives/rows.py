"""The estimator's form rows: which CU rows count, with what message, and which rate is cited.

A row is read once (:func:`check_row` keeps each field's number beside its message); the page
passes those numbers on, and ``is_published_rate`` / ``line_input`` still read text for callers
that have it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cor.incentives.bc import CUEstimate, LineInput, cu_estimate
from cor.incentives.parsing import Number, parse_base_rate, parse_payroll, read
from cor.models import ClassificationUnit, RateRecord

#: How many CU rows an estimate (and a shared link) can hold.
MAX_ROWS = 20
#: Where a line's base rate comes from when it is not the published rate of its CU and year.
USER_RATE_SOURCE = "Base rate entered by the user"


@dataclass(frozen=True)
class RowCheck:
    """What one CU row's two fields say. A row nobody has started has no messages (an empty form
    is not an error); once either field has text, each field gets its own message or None, and
    each field that reads as a number keeps it (``payroll_value``, ``base_rate_value``)."""

    started: bool
    payroll: str | None = None
    base_rate: str | None = None
    payroll_value: Decimal | None = None
    base_rate_value: Decimal | None = None

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
    """Read a CU row as typed, once: each field's number, or the message to show under it."""
    if not (payroll.strip() or base_rate.strip()):
        return RowCheck(started=False)
    pay = read(parse_payroll, payroll, "Assessable payroll")
    rate = read(parse_base_rate, base_rate, "Base rate")
    return RowCheck(
        started=True,
        payroll=pay.message,
        base_rate=rate.message,
        payroll_value=pay.value,
        base_rate_value=rate.value,
    )


def same_rate(base_rate: Decimal | None, record: RateRecord | None) -> bool:
    """Whether a rate already read is the published one of ``record`` (4.540 is 4.54).

    Only then does an estimate cite that rate's year and source; any other rate is the user's own.
    """
    return record is not None and record.base_rate is not None and base_rate == record.base_rate


def is_published_rate(base_rate: Number | None, record: RateRecord | None) -> bool:
    """:func:`same_rate` of a rate as typed ($4.54 is 4.54; text that is no rate is not it)."""
    return same_rate(read(parse_base_rate, base_rate, "Base rate").value, record)


def cited_line(
    label: str,
    payroll: Number,
    base_rate: Number,
    rate: Decimal | None,
    unit: ClassificationUnit | None,
    year: int | None,
) -> LineInput:
    """One estimate line: its CU, and the year and source of its rate (``rate``, ``base_rate``
    read) when the rate is the CU's published one for ``year``, else "entered by the user"."""
    record = unit.rate_for(year) if unit and year else None
    published = record is not None and same_rate(rate, record)
    return LineInput(
        label=label,
        payroll=payroll,
        base_rate=base_rate,
        cu_code=unit.code if unit else "",
        cu_name=unit.name if unit else "",
        rate_year=record.year if record and published else None,
        rate_source=str(record.source_url) if record and published else USER_RATE_SOURCE,
    )


def row_estimate(
    label: str,
    payroll: Decimal,
    base_rate: Decimal,
    pct: Decimal,
    unit: ClassificationUnit | None,
    year: int | None,
) -> CUEstimate:
    """A complete CU row's incentive, from its numbers already read, citing its rate's source."""
    return cu_estimate(cited_line(label, payroll, base_rate, base_rate, unit, year), payroll, base_rate, pct)


def line_input(
    label: str, payroll: Number, base_rate: Number, unit: ClassificationUnit | None, year: int | None
) -> LineInput:
    """:func:`cited_line` of a CU row as typed."""
    rate = read(parse_base_rate, base_rate, "Base rate").value
    return cited_line(label, payroll, base_rate, rate, unit, year)


def first_audit_years(this_year: int) -> list[int]:
    """The years a certification audit can be placed in: three back (a cycle already under way)
    to three ahead (one being planned)."""
    return list(range(this_year - 3, this_year + 4))
