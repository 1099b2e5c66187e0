"""Base rates: no stale rate is filled in, rate lists
are read with a message naming row and column, the import command writes sourced records, and the
content loader refuses two rates for one CU and year."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from cor import incentives as inc
from cor import rates
from cor.content import ContentError, default_content, load_content, load_units
from cor.models import ClassificationUnit
from cor.savings_figures import savings_figures
from tests.conftest import ROOT

HEADINGS = ["CU code", "CU name", "Year", "Base rate"]


def units() -> dict[str, ClassificationUnit]:
    return rates.bc_units(default_content().units)


def rate_list_csv(rows: list[list[object]], headings: list[str] = HEADINGS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows(rows)
    return out.getvalue().encode()


def generated_list(count: int = 600, year: int = 2027) -> list[list[object]]:
    """``count`` CUs 800000.. with rates 1.00, 1.01, ... (the 600-row list of the issue)."""
    return [[f"{800000 + n}", f"Test CU {n}", year, f"{Decimal(100 + n) / 100:.2f}"] for n in range(count)]


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Classification unit", "Description", "Rate year", "Base rate ($ per $100)", "Notes"])
    for row in rows:
        sheet.append([*row, "ignored"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- which rate may be filled in --------------------------------------------------------------


def test_the_2009_trucking_rate_is_history_never_filled_in() -> None:
    trucking = default_content().unit("732019")
    assert rates.fillable_years(trucking, 2026, 1) == []
    assert rates.fill_rate(trucking, 2009, 2026, 1) == ""
    stale = rates.stale_rate(trucking, 2026, 1)
    assert stale is not None
    assert rates.history_text(stale) == "Last rate we know: $4.89 in 2009, projected."


def test_a_rate_from_last_year_is_filled_and_one_from_the_year_before_is_not() -> None:
    care = default_content().unit("766011")
    assert rates.fillable_years(care, 2025, 1) == [2024]
    assert rates.fill_rate(care, 2024, 2025, 1) == "4.54"
    assert rates.fillable_years(care, 2026, 1) == []
    assert rates.fill_rate(care, 2024, 2026, 1) == ""


def test_a_filled_rate_says_its_year_and_stage() -> None:
    care = default_content().unit("766011")
    assert care is not None
    record = care.rate_for(2024)
    assert record is not None
    assert rates.rate_label(record) == "2024 rate, a worked example"


def test_the_worked_example_rates_say_their_year_is_uncertain() -> None:
    for code in ("766011", "766006"):
        unit = default_content().unit(code)
        assert unit is not None
        record = unit.rate_for(2024)
        assert record is not None and record.rate_stage == "example"
        assert "previous year" in record.source_note and "uncertain" in record.source_note


def test_the_721024_rate_drop_is_credited_to_the_page_that_reports_it() -> None:
    unit = default_content().unit("721024")
    assert unit is not None
    (record,) = unit.rates
    assert "hrnewscanada.com" in record.source_note and "39.9%" in record.source_note
    assert "names this CU only" in record.source_note  # the BCCSA page does not state the drop


# --- reading a rate list ----------------------------------------------------------------------


def test_a_600_row_list_reads_with_its_rates() -> None:
    rate_list = rates.read_rate_list(rate_list_csv(generated_list()), "rates-2027.csv")
    assert (rate_list.year, len(rate_list.rates)) == (2027, 600)
    assert rate_list.rates[123].cu_code == "800123" and rate_list.rates[123].base_rate == Decimal("2.23")


def test_headings_are_matched_loosely_and_extra_columns_ignored_in_xlsx() -> None:
    rate_list = rates.read_rate_list(xlsx(generated_list(3)), "rates.xlsx")
    assert [r.cu_code for r in rate_list.rates] == ["800000", "800001", "800002"]
    assert rate_list.rates[0].cu_name == "Test CU 0"


def test_codes_with_other_digits_and_semicolon_files_are_read() -> None:
    data = "Code;Name;Year;Rate\n７６６０１１;Long Term Care;2027;4,40\n".encode()
    (rate,) = rates.read_rate_list(data, "rates.csv").rates
    assert (rate.cu_code, rate.base_rate) == ("766011", Decimal("4.40"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Industry,Premium\nx,1\n", "Row 1 (the headings): no column for CU code, CU name, Year, Base rate"),
        (
            rate_list_csv([["766011", "A", 2027, "1"], ["766011", "B", 2027, "2"]]),
            'Row 3, column "CU code": CU 766011 is already on row 2',
        ),
        (
            rate_list_csv([["766011", "A", 2027, "four"]]),
            "Row 2, column \"Base rate\": 'four' is not a number",
        ),
        (rate_list_csv([["766011", "A", 2027, "0"]]), 'Row 2, column "Base rate": 0 is not a base rate'),
        (
            rate_list_csv([["766011", "A", 2027, "150"]]),
            'Row 2, column "Base rate": 150 is dollars per $100 of payroll, so it must be between 0 and 100',
        ),
        (
            rate_list_csv([["76601", "A", 2027, "1"]]),
            "Row 2, column \"CU code\": '76601' is not a six-digit CU code",
        ),
        (
            rate_list_csv([["766011", "A", 2027, "1"], ["766006", "B", 2026, "1"]]),
            'Row 3, column "Year": 2026, but row 2 says 2027',
        ),
        (rate_list_csv(generated_list(100_000)), "at most 5,000 rows"),
        (b"%PDF-1.7\n\x00\x01binary", "This is not a CSV or XLSX file"),
        (b"PK\x03\x04not really a zip", "not a readable Excel workbook"),
        (b"", "The file is empty"),
    ],
    ids=[
        "wrong columns",
        "duplicate code",
        "text rate",
        "zero rate",
        "rate over 100",
        "short code",
        "two years",
        "100,000 rows",
        "not csv",
        "broken xlsx",
        "empty",
    ],
)
def test_each_bad_file_gets_its_message(data: bytes, message: str) -> None:
    with pytest.raises(rates.RateListError) as error:
        rates.read_rate_list(data, "bad.csv")
    assert message in str(error.value)


def test_the_preview_says_what_a_list_adds_and_changes() -> None:
    data = rate_list_csv(
        [
            ["766011", "Long Term Care", 2024, "4.60"],
            ["766006", "Community", 2024, "3.47"],
            ["800001", "New", 2024, "2"],
        ]
    )
    lines = rates.preview(rates.read_rate_list(data, "r.csv"), units())
    assert [(line.cu_code, line.change) for line in lines] == [
        ("766011", "changed"),
        ("800001", "new CU"),
        ("766006", "same"),
    ]
    assert lines[0].old_rate == Decimal("4.54")


def test_a_listed_cu_prices_with_its_listed_rate() -> None:
    rate_list = rates.read_rate_list(rate_list_csv(generated_list()), "rates.csv")
    merged = rates.with_rate_list(units(), rate_list, "https://example.org/rates", "2027", "test")
    unit = merged["800123"]
    assert rates.fill_rate(unit, 2027, 2026, 1) == "2.23"
    assert inc.annual_incentive(1_000_000, rates.fill_rate(unit, 2027, 2026, 1)) == Decimal("2230.00")
    assert "766011" in merged  # COR Ready's CUs stay


# --- the import command -----------------------------------------------------------------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def test_the_command_imports_a_600_row_list_with_source_and_date(content_copy: Path, tmp_path: Path) -> None:
    file = tmp_path / "rates-2027.csv"
    file.write_bytes(rate_list_csv([*generated_list(), ["766011", "Long Term Care", 2027, "4.40"]]))
    command = [sys.executable, "-m", "cor.rates", "import", str(file), "--year", "2027"]
    command += [
        "--source",
        "https://example.org/2027-rates",
        "--content",
        str(content_copy),
        "--stage",
        "preliminary",
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "601 rates for 2027" in done.stdout and "601 added" in done.stdout
    content = load_content(content_copy)
    unit = content.unit("800123")
    assert unit is not None
    record = unit.rate_for(2027)
    assert record is not None
    assert (record.base_rate, str(record.source_url), record.rate_stage) == (
        Decimal("2.23"),
        "https://example.org/2027-rates",
        "preliminary",
    )
    assert (
        "Imported from rates-2027.csv" in record.source_note
        and record.effective == dt.date.today().isoformat()
    )
    care = content.unit("766011")
    assert (
        care is not None
        and care.industry == "Health care"
        and [r.year for r in care.rates][:2] == [2027, 2024]
    )


def test_importing_again_replaces_rather_than_duplicates(content_copy: Path, tmp_path: Path) -> None:
    file = tmp_path / "rates.csv"
    file.write_bytes(rate_list_csv([["766011", "Long Term Care", 2027, "4.40"]]))
    rates.import_list(file, 2027, "https://example.org/a", content_copy)
    file.write_bytes(rate_list_csv([["766011", "Long Term Care", 2027, "4.45"]]))
    summary = rates.import_list(file, 2027, "https://example.org/b", content_copy)
    assert "0 added, 1 replaced" in summary
    unit = {u.code: u for u in load_units(content_copy)}["766011"]
    record = unit.rate_for(2027)
    assert record is not None and record.base_rate == Decimal("4.45")


@pytest.mark.parametrize(
    ("year", "source", "message"),
    [
        (2026, "https://example.org", "The list is for 2027, not 2026"),
        (2027, "not a url", "--source must be the web address"),
    ],
)
def test_the_command_refuses_a_wrong_year_or_source(
    content_copy: Path, tmp_path: Path, year: int, source: str, message: str
) -> None:
    file = tmp_path / "rates.csv"
    file.write_bytes(rate_list_csv([["766011", "Long Term Care", 2027, "4.40"]]))
    before = (content_copy / "classification_units.csv").read_bytes()
    assert (
        rates.main(
            ["import", str(file), "--year", str(year), "--source", source, "--content", str(content_copy)]
        )
        == 1
    )
    with pytest.raises(rates.RateListError, match=message):
        rates.import_list(file, year, source, content_copy)
    assert (content_copy / "classification_units.csv").read_bytes() == before


# --- the content loader --------------------------------------------------------------------------


def test_the_loader_refuses_two_rates_for_one_cu_and_year(content_copy: Path) -> None:
    path = content_copy / "classification_units.csv"
    lines = path.read_text("utf-8").splitlines()
    duplicate = next(line for line in lines if line.startswith("BC,761009") and ",2023," in line)
    path.write_text("\n".join([*lines, duplicate.replace("1.31", "1.35")]) + "\n", "utf-8")
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    message = str(error.value)
    assert "classification_units.csv" in message and f"row {len(lines) + 1}" in message
    assert "CU 761009" in message and "2023" in message


# --- About the numbers ----------------------------------------------------------------------------


def test_about_gets_the_older_minimum_as_dated_history_and_the_pir_measures() -> None:
    figures = savings_figures(default_content())
    history = [f for f in figures if "history" in f.figure]
    assert (
        len(history) == 1 and history[0].value == "50% of premium, up to $500" and history[0].year == "2012"
    )
    assert any("in force" in f.figure and f.value == "75% of premium, up to $1,000" for f in figures)
    assert any("industry leadership" in f.figure and f.value == "10% to 20%" for f in figures)
    assert {f.figure for f in figures if "year of the rate" in f.figure} == {
        "CU 766011 Long Term Care: year of the rate",
        "CU 766006 Community Health Support Services: year of the rate",
    }
