"""The consultant's client list as a spreadsheet (CSV or XLSX), safe to open in Excel.

Every cell goes through ``cor.exports.cells.safe_cell``: an organisation typed as ``=HYPERLINK(...)``
stays text and never runs as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from cor.exports.cells import safe_cell


def to_csv(rows: Sequence[Mapping[str, str]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads accents right."""
    if not rows:
        return b""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: Sequence[Mapping[str, str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Clients"
    if rows:
        sheet.append(list(rows[0]))
    for row in rows:
        sheet.append([safe_cell(value) for value in row.values()])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
