"""Spreadsheet safety shared by every export (CSV and XLSX).

Text a user typed (an owner's name, a note) or that comes from content could start with a
character a spreadsheet reads as a formula. OWASP's advice against CSV injection: prefix such a
cell with a single quote so it is shown, never run.
"""

from __future__ import annotations

#: First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
FORMULA_TRIGGERS = frozenset({"=", "+", "-", "@", "\t", "\r"})


def safe_cell(text: object) -> str:
    """Text that a spreadsheet will show as text, never evaluate as a formula.

    Leading spaces are looked through too, since some spreadsheet imports trim them.
    """
    value = "" if text is None else str(text)
    if value[:1] in FORMULA_TRIGGERS or value.lstrip(" ")[:1] in FORMULA_TRIGGERS:
        return "'" + value
    return value
