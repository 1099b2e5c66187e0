"""The action plan as a spreadsheet (CSV and XLSX) the user can edit, assign and track.

Owners (and, through them, anything a user types) end up in cells that Excel or LibreOffice may
evaluate. A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can run as a
formula (CSV / formula injection), so every text cell goes through :func:`safe_cell`, which
prefixes such text with a single quote as OWASP advises. In the XLSX file text cells are also
stored explicitly as strings, never as formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from cor.actions import Action
from cor.exports.cells import safe_cell

COLUMNS = (
    "Rank",
    "Element",
    "Blocking",
    "Question",
    "Current answer",
    "Action",
    "Why it matters",
    "Evidence to produce",
    "How the auditor checks",
    "Question points recoverable",
    "Owner",
    "Target date",
    "Assessment",
)

#: What the "Assessment" column says for a full self-assessment; a quick check names itself.
FULL = "Full self-assessment"
QUICK = "Quick check (indicative only)"

#: Column widths (characters) bounds for the XLSX: narrow columns stay readable, long text wraps.
_MIN_WIDTH, _MAX_WIDTH = 8, 50


def _points(value: Decimal) -> str:
    value = Decimal(value)
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value.normalize():f}"


def _text_cells(action: Action, assessment: str, clean: Callable[[str], str] = str) -> dict[str, str]:
    """The text columns of one action, cleaned for the format first, then made safe.

    Cleaning comes first so that removing a character can never uncover a formula trigger.
    """

    def cell(text: str) -> str:
        return safe_cell(clean(text))

    return {
        "Element": cell(action.element_name),
        "Blocking": "Yes" if action.blocking else "No",
        "Question": cell(action.question),
        "Current answer": cell(action.answer),
        "Action": cell(action.action),
        "Why it matters": cell(action.why),
        "Evidence to produce": cell(action.look_for),
        "How the auditor checks": cell(", ".join(_CHECKS.get(kind, kind) for kind in action.evidence)),
        "Owner": cell(action.owner),
        "Assessment": cell(assessment),
    }


#: How the auditor checks each kind of evidence, in the words the page uses.
_CHECKS = {"documentation": "documents", "interview": "interviews", "observation": "observation"}


def to_csv(plan: Sequence[Action], quick: bool = False) -> bytes:
    """The plan as CSV, UTF-8 with a byte-order mark so Excel shows accents correctly.

    Every row says whether it comes from a quick check (indicative) or a full self-assessment,
    so a sheet passed around on its own still says what it is.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for a in plan:
        cells = _text_cells(a, QUICK if quick else FULL)
        cells.update(
            {
                "Rank": str(a.rank),
                "Question points recoverable": _points(a.points_recoverable),
                "Target date": a.target.isoformat(),
            }
        )
        writer.writerow([cells[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_text(text: str) -> str:
    """XLSX cannot hold most control characters; drop them rather than fail the download."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def to_xlsx(plan: Sequence[Action], quick: bool = False) -> bytes:
    """The plan as an Excel workbook: bold frozen header, sized columns, wrapped text.

    Rank and points are numbers and the target a real date, so the user can sort and filter.
    """
    from openpyxl import Workbook  # loaded on the first XLSX download only

    wb = Workbook()
    ws = wb.create_sheet(index=0)
    wb.remove(wb.worksheets[1])  # the default empty sheet: the plan is the only one
    ws.title = "Action plan (quick check)" if quick else "Action plan"
    ws.append(list(COLUMNS))
    header_fill = PatternFill("solid", fgColor="E8ECF1")
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {c: len(c) for c in COLUMNS}
    for row_number, a in enumerate(plan, start=2):
        texts = _text_cells(a, QUICK if quick else FULL, clean=_xlsx_text)
        for col_number, column in enumerate(COLUMNS, start=1):
            cell = ws.cell(row=row_number, column=col_number)
            if column == "Rank":
                cell.value = a.rank
            elif column == "Question points recoverable":
                points = Decimal(a.points_recoverable)
                cell.value = int(points) if points == points.to_integral_value() else float(points)
            elif column == "Target date":
                cell.value = a.target
                cell.number_format = "yyyy-mm-dd"
            else:
                text = texts[column]
                cell.value = text
                cell.data_type = "s"  # a string, whatever it looks like: never a formula
                widths[column] = max(widths[column], max((len(line) for line in text.split("\n")), default=0))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col_number, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(col_number)
        ws.column_dimensions[letter].width = min(_MAX_WIDTH, max(_MIN_WIDTH, widths[column] + 2))
    ws.column_dimensions[get_column_letter(COLUMNS.index("Target date") + 1)].width = 12
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(plan) + 1)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
