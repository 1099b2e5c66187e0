"""Reading the numbers a user types: once, at the edge, into ``Decimal``.

Money is exact: inputs become Decimal (a float is read through its ``str`` so 4.54 stays 4.54).
Error messages are written to be shown to the user as they are, next to the field they came from.
The rules take the Decimals these functions return; only the public contract functions (and
their tests) still hand them text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

HUNDRED = Decimal(100)
#: Above this a payroll is certainly a typing slip (no BC employer reports $10 billion).
MAX_PAYROLL = Decimal("10000000000")
#: More decimal places than this is not a number anyone means (and would print as a wall of digits).
MAX_PLACES = 20

Number = int | str | float | Decimal
Parser = Callable[[Number | None, str], Decimal]

#: "11,000,000" or "1,500.50": commas only between groups of three digits.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


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


def parse_premium(value: Number | None, field: str = "Total premium") -> Decimal:
    return parse_amount(value, field)


def parse_base_rate(value: Number | None, field: str = "Base rate") -> Decimal:
    rate = to_decimal(value, field)
    if rate < 0 or rate > HUNDRED:
        raise ValueError(f"{field} is dollars per $100 of payroll, so it must be between 0 and 100.")
    return rate


def pct_text(pct: Decimal) -> str:
    """A rule's percentage as written in a sentence or a formula: ``10%``, ``7.5%``."""
    return f"{pct.normalize():f}%"


def parse_pct(value: Number | None, field: str, highest: Decimal = HUNDRED) -> Decimal:
    """A percentage a user types: from 0 to ``highest``."""
    pct = to_decimal(value, field)
    if pct < 0 or pct > highest:
        raise ValueError(f"{field} must be between 0% and {pct_text(highest)}.")
    return pct


class Reading(NamedTuple):
    """One field read once: its number, or the message to show under it (never both)."""

    value: Decimal | None
    message: str | None


def read(parse: Parser, value: Number | None, field: str) -> Reading:
    """``value`` read by ``parse``: the number, or the message ``parse`` raised (for the page)."""
    try:
        return Reading(parse(value, field), None)
    except ValueError as exc:
        return Reading(None, str(exc))


def check(parse: Parser, value: Number | None, field: str) -> str | None:
    """The message ``parse`` would raise for ``value``, or None when it is fine (for the page)."""
    return read(parse, value, field).message
