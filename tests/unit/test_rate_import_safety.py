"""``python -m cor.rates import`` leaves a content file the app can still read and people can
safely open in a spreadsheet, and refuses at import a rate the Savings page would refuse."""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
from pathlib import Path

import pytest

from cor import incentives as inc
from cor import rates
from cor.content import load_content
from tests.conftest import ROOT

SOURCE = "https://example.org/2027-rates"
HOSTILE_NAMES = ["=1+1", '=HYPERLINK("https://evil.example","Open")', "+SUM(A1)", "@cmd", "-2+3"]


def rate_list(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([["CU code", "CU name", "Year", "Base rate"], *rows])
    return out.getvalue().encode()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def import_file(tmp_path: Path, content: Path, rows: list[list[str]]) -> str:
    file = tmp_path / "rates-2027.csv"
    file.write_bytes(rate_list(rows))
    return rates.import_list(file, 2027, SOURCE, content)


def test_the_import_keeps_the_content_files_mode_and_owner(tmp_path: Path, content: Path) -> None:
    units = content / "classification_units.csv"
    os.chmod(units, 0o644)
    if os.geteuid() == 0:  # as root (as a deployment's admin would run it): another owner is kept too
        os.chown(units, 65534, 65534)
    before = units.stat()
    import_file(tmp_path, content, [["800123", "Test CU", "2027", "2.23"]])
    after = units.stat()
    assert stat.S_IMODE(after.st_mode) == 0o644
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert load_content(content).unit("800123") is not None


def test_without_the_right_to_give_the_file_its_owner_it_is_rewritten_in_place(
    tmp_path: Path, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object) -> None:
        raise PermissionError("Operation not permitted")

    units = content / "classification_units.csv"
    os.chmod(units, 0o664)
    inode = units.stat().st_ino
    monkeypatch.setattr(os, "chown", refused)
    import_file(tmp_path, content, [["800123", "Test CU", "2027", "2.23"]])
    assert units.stat().st_ino == inode and stat.S_IMODE(units.stat().st_mode) == 0o664
    assert load_content(content).unit("800123") is not None
    assert not list(content.glob(".import-*"))  # no temporary file left behind


def test_formula_like_cu_names_are_written_as_text_a_spreadsheet_will_not_run(
    tmp_path: Path, content: Path
) -> None:
    rows = [[f"80012{n}", name, "2027", "2.23"] for n, name in enumerate(HOSTILE_NAMES)]
    import_file(tmp_path, content, rows)
    with (content / "classification_units.csv").open(newline="", encoding="utf-8") as handle:
        written = list(csv.reader(handle))
    cells = [cell for row in written for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    names = {unit.code: unit.name for unit in load_content(content).units}
    assert [names[f"80012{n}"] for n in range(len(HOSTILE_NAMES))] == [f"'{name}" for name in HOSTILE_NAMES]


def test_a_rate_the_savings_page_refuses_is_refused_at_import(tmp_path: Path, content: Path) -> None:
    assert inc.check(inc.parse_base_rate, "1E-50", "Base rate")  # the page refuses it
    before = (content / "classification_units.csv").read_bytes()
    with pytest.raises(rates.RateListError, match=r'Row 2, column "Base rate": 1E-50 has too many decimal'):
        import_file(tmp_path, content, [["800123", "Test CU", "2027", "1E-50"]])
    assert (content / "classification_units.csv").read_bytes() == before


def test_every_imported_rate_is_one_the_savings_page_accepts() -> None:
    listed = rates.read_rate_list(
        rate_list([["800123", "A", "2027", "0.0001"], ["800124", "B", "2027", "99.99"]]), "x"
    )
    assert all(
        inc.check(inc.parse_base_rate, str(rate.base_rate), "Base rate") is None for rate in listed.rates
    )
