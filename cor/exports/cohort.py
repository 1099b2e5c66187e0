"""The consultant's client list as a spreadsheet (CSV or XLSX), safe to open in Excel.

Every text cell goes through ``cor.exports.cells.safe_cell``: an organisation typed as
``=HYPERLINK(...)`` stays text and never runs as a formula, and characters a spreadsheet file
cannot hold (``\x0b``, ``\x01``: browsers keep them in a typed name) are dropped instead of
breaking the file. Numbers stay numbers: a count is an integer cell, a percentage (``Percent``)
a number with a percent format in XLSX, written as ``72.3%`` in CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from cor.exports.cells import Percent, safe_cell

Cell = str | int | Percent | None


def _csv_cell(value: Cell) -> str:
    if isinstance(value, Percent):
        return value.shown()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return safe_cell(value)


def to_csv(rows: Sequence[Mapping[str, Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads accents right."""
    if not rows:
        return b""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[safe_cell(name) for name in rows[0]])
    writer.writeheader()
    for row in rows:
        writer.writerow({safe_cell(key): _csv_cell(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: Sequence[Mapping[str, Cell]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Clients"
    if rows:
        sheet.append([safe_cell(name) for name in rows[0]])
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row.values(), start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, Percent):
                cell.value, cell.number_format = float(value), "0.0%"
            elif isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
            else:
                cell.value = safe_cell(value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
