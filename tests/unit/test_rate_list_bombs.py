"""A rate list built to exhaust the server is refused from its zip directory, before any parsing,
on the Savings uploader and in ``python -m cor.rates``.

Peak memory is measured in a fresh Python process that reads only the hostile file: before the
fix, the 1 MB workbook below grew it to about 2 GB and was accepted.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cor import rates
from tests.bombs import billion_laughs, rate_workbook, workbook_with, xlsx_bomb
from tests.conftest import ROOT

#: A fresh interpreter with pydantic, openpyxl and the content models loaded takes about 60 MB; a
#: rate list of every CU adds a few MB. Far above both, far below the 2 GB the bomb took.
PEAK_MB_LIMIT = 250

_READ_AND_REPORT = """
import sys
from pathlib import Path
from cor import rates
try:
    if sys.argv[1] == "upload":
        rates.read_rate_list(Path(sys.argv[2]).read_bytes(), "rates.xlsx")
    else:
        rates.import_list(Path(sys.argv[2]), 2027, "https://example.org/rates", Path(sys.argv[3]))
    print("accepted")
except rates.RateListError as error:
    print("refused:", error)
# the peak of this program's own memory (getrusage would report at least the parent's size at fork)
status = Path("/proc/self/status").read_text()
print(int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) // 1024)
"""


def read_in_fresh_process(*args: str) -> tuple[str, int]:
    """What a fresh process made of the file, and its peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _READ_AND_REPORT, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    outcome, peak = done.stdout.strip().rsplit("\n", 1)
    return outcome, int(peak)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "rates.xlsx"
    path.write_bytes(xlsx_bomb(10**9))
    return path


def test_the_bomb_is_a_small_file_holding_a_billion_character_cell(bomb: Path) -> None:
    assert bomb.stat().st_size < 1_000_000


def test_an_xlsx_bomb_upload_is_refused_without_growing_the_process(bomb: Path) -> None:
    outcome, peak_mb = read_in_fresh_process("upload", str(bomb))
    assert outcome.startswith("refused: This workbook unpacks to 1,000,016,")
    assert "a rate list unpacks to far less" in outcome
    assert peak_mb < PEAK_MB_LIMIT, f"peak {peak_mb} MB"


def test_the_import_command_refuses_the_bomb_without_growing_and_leaves_content_alone(
    bomb: Path, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    before = (content / "classification_units.csv").read_bytes()
    outcome, peak_mb = read_in_fresh_process("import", str(bomb), str(content))
    assert outcome.startswith("refused: This workbook unpacks to")
    assert peak_mb < PEAK_MB_LIMIT, f"peak {peak_mb} MB"
    assert (content / "classification_units.csv").read_bytes() == before


def test_the_import_command_refuses_a_2_gb_file_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "rates.csv"
    with huge.open("wb") as handle:  # sparse: takes no disk
        handle.truncate(2 * 1024**3)
    outcome, peak_mb = read_in_fresh_process("import", str(huge), str(ROOT / "content"))
    assert (
        outcome
        == f"refused: This file is {2 * 1024**3:,} bytes; a rate list is far smaller (at most 5,000,000)."
    )
    assert peak_mb < PEAK_MB_LIMIT, f"peak {peak_mb} MB"


def test_a_cell_of_millions_of_characters_inside_the_size_limit_is_refused_naming_it() -> None:
    data = xlsx_bomb(rates.MAX_UNZIPPED_BYTES // 2)
    with pytest.raises(rates.RateListError, match=r"Row 2, column 5: a cell of 10,000,000 characters"):
        rates.read_rate_list(data, "rates.xlsx")


def test_a_good_workbook_with_a_note_column_still_reads() -> None:
    listed = rates.read_rate_list(rate_workbook("Roofing and gutters"), "rates.xlsx")
    assert [(r.cu_code, r.base_rate) for r in listed.rates] == [("721027", Decimal("4.54"))]


def _sheet() -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(rate_workbook("x"))).read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize(
    ("part", "replace", "message"),
    [
        (
            "xl/worksheets/sheet1.xml",
            b"<worksheet><sheetData><row r='1'><c r=",
            "not a readable Excel workbook",
        ),
        ("xl/worksheets/sheet1.xml", "laughs", "not a readable Excel workbook"),
        ("xl/workbook.xml", None, "not a readable Excel workbook"),
        ("xl/styles.xml", b"<styleSheet", "not a readable Excel workbook"),
    ],
    ids=["broken sheet", "billion laughs", "no workbook part", "broken styles"],
)
def test_a_damaged_or_hostile_workbook_gets_the_workbook_message_not_a_crash(
    part: str, replace: bytes | str | None, message: str
) -> None:
    data = workbook_with(part, billion_laughs(_sheet()) if isinstance(replace, str) else replace)  # "laughs"
    with pytest.raises(rates.RateListError, match=message):
        rates.read_rate_list(data, "rates.xlsx")
