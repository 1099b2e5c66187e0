"""The savings estimate as a CSV file a user can open in a spreadsheet or attach to an email.

One table, one row per item (each CU, the total, the cycle value, and what the user added), so
it sorts and filters cleanly. Amounts are plain numbers (49940.00); the formula and the source
travel with each figure. Text cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from cor.exports.cells import safe_cell
from cor.formatting import money
from cor.incentives import Estimate, PIREstimate

COLUMNS = [
    "Item",
    "CU code",
    "CU name",
    "Rate year",
    "Assessable payroll",
    "Base rate ($ per $100)",
    "Amount",
    "Formula",
    "Source",
]


def _number(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}"


def _row(
    item: str, amount: Decimal | None = None, formula: str = "", source: str = "", **cu: object
) -> list[str]:
    return [
        safe_cell(item),
        safe_cell(cu.get("code", "")),
        safe_cell(cu.get("name", "")),
        safe_cell(cu.get("year", "")),
        _number(cu.get("payroll")),  # type: ignore[arg-type]  # the payroll is always a Decimal or None
        f"{cu['rate']}" if cu.get("rate") is not None else "",
        _number(amount),
        safe_cell(formula),
        safe_cell(source),
    ]


def _bc_rows(estimate: Estimate, incomplete: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Each CU (complete ones with their amount, incomplete ones with what is missing), the total
    and the cycle value."""
    rows = [
        _row(
            f"Annual incentive: {line.label}",
            line.annual,
            line.formula,
            line.rate_source or estimate.source_url,
            code=line.cu_code,
            name=line.cu_name,
            year=line.rate_year or "",
            payroll=line.payroll,
            rate=line.base_rate,
        )
        for line in estimate.lines
    ]
    rows += [
        _row(f"Incomplete: {label}", None, f"incomplete: {missing}", "Not in the total")
        for label, missing in incomplete
    ]
    amounts = [line.annual for line in estimate.lines]
    total = " + ".join(money(a) for a in amounts) + f" = {money(estimate.annual_total)}"
    rows.append(
        _row(
            "Annual incentive: total",
            estimate.annual_total,
            total,
            f"{estimate.source_url} ({estimate.effective})",
        )
    )
    cycle = f"{money(estimate.annual_total)} x {estimate.cycle_years} years = {money(estimate.cycle_total)}"
    rows.append(
        _row(
            f"Value over a {estimate.cycle_years}-year COR cycle",
            estimate.cycle_total,
            cycle,
            "Assumes the same payroll and base rate each year",
        )
    )
    return rows


def _ab_rows(estimate: PIREstimate) -> list[list[str]]:
    """Each year's PIR refund and their total."""
    rows = []
    for year in estimate.years:
        kind = "first COR year" if year.year == 1 and not estimate.secor else "maintenance year"
        if estimate.secor:
            kind = "SECOR"
        source = f"{estimate.source_url} ({estimate.effective})"
        rows.append(
            _row(
                f"Alberta PIR refund: year {year.year} ({kind})",
                year.refund,
                year.formula,
                source,
                payroll=None,
            )
        )
    total = " + ".join(money(y.refund) for y in estimate.years) + f" = {money(estimate.cycle_total)}"
    rows.append(
        _row(
            f"Alberta PIR refunds over {len(estimate.years)} years",
            estimate.cycle_total,
            total,
            "Assumes the same industry-rate premium each year",
        )
    )
    return rows


def to_csv(
    estimate: Estimate | PIREstimate,
    *,
    extra: Sequence[tuple[str, Decimal | None, str, str]] = (),
    incomplete: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The estimate as UTF-8 CSV (with a byte-order mark, so Excel reads the accents and $).

    ``extra`` rows are (item, amount, formula, source): e.g. the small-employer minimum the user
    chose to apply, or audit costs, so the file holds everything the page showed. ``incomplete``
    rows are (CU, what is missing): listed as incomplete, with no amount, never dropped.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_bc_rows(estimate, incomplete) if isinstance(estimate, Estimate) else _ab_rows(estimate))
    writer.writerows(_row(item, amount, formula, source) for item, amount, formula, source in extra)
    return out.getvalue().encode("utf-8-sig")
