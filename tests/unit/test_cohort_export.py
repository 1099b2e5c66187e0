"""The client list export (cor.exports.cohort): spreadsheet-safe CSV and XLSX."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from cor.exports.cohort import to_csv, to_xlsx

ROWS = [
    {"Organisation": '=HYPERLINK("http://x","click")', "Readiness": "would pass"},
    {"Organisation": "Zoë's Crew", "Readiness": "not scored"},
]


def test_csv_keeps_formula_like_names_as_text_and_accents_readable() -> None:
    data = to_csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert not rows[0]["Organisation"].startswith("=")
    assert "HYPERLINK" in rows[0]["Organisation"]
    assert rows[1]["Organisation"] == "Zoë's Crew"


def test_xlsx_has_the_same_rows_with_no_formula() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx(ROWS))).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Organisation", "Readiness"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert values[2] == ["Zoë's Crew", "not scored"]


def test_control_characters_a_browser_keeps_do_not_break_the_xlsx_and_are_dropped() -> None:
    from decimal import Decimal

    from cor.exports.cells import Percent

    rows: list[dict[str, str | int | Percent | None]] = [
        {"Organisation": "Bad\x0bName\x01 Ltd", "Overall": Percent.of(Decimal("72.36")), "Open actions": 3}
    ]
    sheet = load_workbook(io.BytesIO(to_xlsx(rows))).active
    assert sheet is not None
    name, overall, open_actions = (cell for cell in sheet[2])
    assert name.value == "BadName Ltd"
    assert overall.value == 0.723 and overall.number_format == "0.0%" and overall.data_type == "n"
    assert open_actions.value == 3 and open_actions.data_type == "n"
    csv_row = next(csv.DictReader(io.StringIO(to_csv(rows).decode("utf-8-sig"))))
    assert csv_row == {"Organisation": "BadName Ltd", "Overall": "72.3%", "Open actions": "3"}
