"""Action plan as CSV and XLSX: the columns promised, plan order, and no formula injection."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from cor.actions import Action, action_plan
from cor.content import default_content
from cor.exports.action_plan import to_csv, to_xlsx
from cor.exports.cells import safe_cell

HEADER = [
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
]

MALICIOUS = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "\t=1", "\r=1"]


def _sheet(workbook: bytes) -> Worksheet:
    """The first sheet of an XLSX file."""
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def _plan(edits: Mapping[str, Mapping[str, str]] | None = None) -> list[Action]:
    """Large-employer questions: legislation has nothing in place, inspections half, the rest met."""
    bank = default_content().bank
    questions = bank.question_set("large")
    answers = {}
    for q in questions:
        scored = [o for o in bank.scale(q.scale).options if o.credit is not None]
        if q.element == "legislation":
            answers[q.id] = min(scored, key=lambda o: o.credit or 0).id
        elif q.element == "inspections":
            answers[q.id] = next(o for o in scored if o.credit == Decimal("0.5")).id
        else:
            answers[q.id] = max(scored, key=lambda o: o.credit or 0).id
    return action_plan(bank, questions, answers, today=date(2025, 3, 1), edits=edits)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _owner_edits(owners: list[str], plan: list[Action]) -> dict[str, dict[str, str]]:
    return {a.question_id: {"owner": owner} for a, owner in zip(plan, owners, strict=False)}


def test_csv_has_the_promised_header_and_rows_in_plan_order() -> None:
    plan = _plan()
    rows = _csv_rows(to_csv(plan))
    assert rows[0] == HEADER
    body = rows[1:]
    assert len(body) == len(plan)
    col = {name: i for i, name in enumerate(HEADER)}
    for row, action in zip(body, plan, strict=True):
        assert row[col["Rank"]] == str(action.rank)
        assert row[col["Question"]] == action.question
        assert row[col["Action"]] == action.action
        assert row[col["Element"]] == action.element_name
        assert row[col["Blocking"]] == ("Yes" if action.blocking else "No")
        assert Decimal(row[col["Question points recoverable"]]) == action.points_recoverable
        assert row[col["Target date"]] == action.target.isoformat()
    assert [r[col["Rank"]] for r in body] == [str(i) for i in range(1, len(plan) + 1)]


def test_csv_blocking_actions_come_first() -> None:
    rows = _csv_rows(to_csv(_plan()))[1:]
    flags = [r[HEADER.index("Blocking")] for r in rows]
    assert "Yes" in flags and "No" in flags
    assert flags == sorted(flags, key=lambda f: f != "Yes")
    blocking_elements = {r[HEADER.index("Element")] for r in rows if r[HEADER.index("Blocking")] == "Yes"}
    assert blocking_elements == {"Legislation and compliance"}


def test_csv_keeps_any_unicode_owner_intact() -> None:
    plan = _plan()
    owner = "Zoë’s crew — 日本"
    rows = _csv_rows(to_csv(_plan(_owner_edits([owner], plan))))
    assert rows[1][HEADER.index("Owner")] == owner


def test_xlsx_has_the_promised_header_typed_cells_and_rows_in_plan_order() -> None:
    plan = _plan()
    ws = _sheet(to_xlsx(plan))
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0]) == HEADER
    assert len(values) == len(plan) + 1
    col = {name: i for i, name in enumerate(HEADER)}
    for row, action in zip(values[1:], plan, strict=True):
        assert row[col["Rank"]] == action.rank
        assert row[col["Question"]] == action.question
        assert Decimal(str(row[col["Question points recoverable"]])) == action.points_recoverable
        target = row[col["Target date"]]
        assert isinstance(target, datetime) and target.date() == action.target
        # one meaning for "Evidence to produce" everywhere: the sentence the screen shows (9.16)
        assert row[col["Evidence to produce"]] == action.look_for
        assert row[col["Assessment"]] == "Full self-assessment"


def test_xlsx_header_is_bold_frozen_and_text_wraps_in_sized_columns() -> None:
    ws = _sheet(to_xlsx(_plan()))
    assert all(cell.font.bold for cell in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.cell(row=2, column=HEADER.index("Action") + 1).alignment.wrap_text
    width = {
        name: ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
        for i, name in enumerate(HEADER)
    }
    assert width["Action"] > width["Rank"]
    assert width["Why it matters"] <= 60  # long text wraps instead of making a column screen-wide


@pytest.mark.parametrize("owner", MALICIOUS)
def test_formula_like_owner_comes_back_as_quoted_text_in_csv(owner: str) -> None:
    plan = _plan()
    rows = _csv_rows(to_csv(_plan(_owner_edits([owner], plan))))
    assert rows[1][HEADER.index("Owner")] == "'" + owner


@pytest.mark.parametrize("owner", MALICIOUS)
def test_formula_like_owner_is_a_quoted_string_cell_in_xlsx(owner: str) -> None:
    plan = _plan()
    ws = _sheet(to_xlsx(_plan(_owner_edits([owner], plan))))
    cell = ws.cell(row=2, column=HEADER.index("Owner") + 1)
    assert cell.data_type == "s"
    # XML normalises a carriage return to a line feed on reading; the quote is what matters.
    assert cell.value == "'" + owner.replace("\r", "\n")


def test_no_cell_in_the_workbook_is_a_formula() -> None:
    plan = _plan()
    ws = _sheet(to_xlsx(_plan(_owner_edits(MALICIOUS, plan))))
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


def test_control_character_cannot_hide_a_formula_in_xlsx() -> None:
    """XLSX cannot hold control characters; dropping one must not leave '=' at the start."""
    plan = _plan()
    ws = _sheet(to_xlsx(_plan(_owner_edits(["\x01=1+1"], plan))))
    assert ws.cell(row=2, column=HEADER.index("Owner") + 1).value == "'=1+1"


@pytest.mark.parametrize("text", [*MALICIOUS, "  =1+1"])
def test_safe_cell_quotes_formula_triggers(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Safety coordinator", "Zoë", "1+1", "a=b", "", "'already quoted"])
def test_safe_cell_leaves_ordinary_text_alone(text: str) -> None:
    assert safe_cell(text) == text


def test_empty_plan_exports_just_the_header() -> None:
    assert _csv_rows(to_csv([])) == [HEADER]
    ws = _sheet(to_xlsx([]))
    assert [list(r) for r in ws.iter_rows(values_only=True)] == [HEADER]


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff=1+1",
        "\u00a0=1+1",
        "\u200b=HYPERLINK(1)",
        "\u3000+1",
        "\n=1+1",
        "\t@SUM(1)",
        "\r\n-1",
        " \u2060=1",
    ],
)
def test_a_formula_hidden_behind_an_invisible_or_blank_lead_in_is_quoted(text: str) -> None:
    """A BOM, non-breaking, zero-width or ideographic space, or a leading line break
    must not hide a formula from the check."""
    assert safe_cell(text) == "'" + text


def test_a_quick_check_plan_says_it_is_indicative_on_every_row() -> None:
    """A sheet from the quick check says so, in CSV and XLSX."""
    plan = _plan()
    rows = _csv_rows(to_csv(plan, quick=True))
    assert {row[HEADER.index("Assessment")] for row in rows[1:]} == {"Quick check (indicative only)"}
    ws = _sheet(to_xlsx(plan, quick=True))
    assert "quick check" in ws.title
    assert ws.cell(row=2, column=HEADER.index("Assessment") + 1).value == "Quick check (indicative only)"
