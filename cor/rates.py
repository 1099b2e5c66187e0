"""CU base rates: which published rate may be filled in, and rate lists a consultant brings.

A base rate changes every year, and an estimate on a rate from 2009 is worse than no estimate:
only a rate from this year or the last (``rate_fill_years_back`` in content) is ever filled in;
an older one is shown as history and the employer types its own.

Associations receive WorkSafeBC's rates for the coming year every fall. A consultant can load
such a list (CSV or XLSX: CU code, CU name, year, base rate; other columns ignored) for a session,
or import it into a content folder for a deployment::

    python -m cor.rates import FILE --year 2027 --source URL [--content DIR] [--stage preliminary]

Files are read from bytes in memory; a bad file is refused whole with a message naming its row
and column, so nothing half-read ever reaches an estimate.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import stat
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, HttpUrl, TypeAdapter, ValidationError

from cor.codes import ascii_digits, cu_code
from cor.content import content_dir, default_content, load_units
from cor.formatting import money
from cor.incentives import check, parse_base_rate
from cor.models import ClassificationUnit, Content, Jurisdiction, RateRecord, RateStage

#: WorkSafeBC has about 512 CUs; a list far longer than this is not a rate list.
MAX_LIST_ROWS = 5000
#: A rate list of every CU is well under 1 MB; refuse anything larger before reading it.
MAX_LIST_BYTES = 5_000_000
#: What a workbook may unpack to, all parts together, as its zip directory declares it. A list of
#: every CU with a few extra columns unpacks to well under 2 MB; a "zip bomb" of one cell of 10^9
#: characters is under 1 MB zipped. Python's zip reader never inflates a part beyond its declared
#: size, so checking the directory bounds what parsing can take.
MAX_UNZIPPED_BYTES = 20_000_000
MAX_ZIP_PARTS = 200
#: The longest cell read (a CU name keeps 200 characters; a longer cell is not a rate list's).
MAX_CELL_CHARS = 5_000
HUNDRED = Decimal(100)

_STAGE_WORDS: dict[str, str] = {
    "preliminary": "preliminary",
    "final": "final",
    "projected": "projected",
    "example": "a worked example",
    "not stated": "preliminary or final not stated",
}


# --- which rate may be filled in ---------------------------------------------------------------


#: The incentive model worked out on CU base rates (WorkSafeBC's experience rating): its
#: jurisdiction's CUs are the Savings picker's, and a rate list is that jurisdiction's.
RATED_MODEL = "bc_experience_rating"


def rate_jurisdiction(content: Content | None = None) -> Jurisdiction:
    """The code of the jurisdiction whose CU base rates the estimator and rate lists are about."""
    content = content or default_content()
    return next(info.code for info in content.jurisdictions if info.incentive_model == RATED_MODEL)


def bc_units(
    units: Iterable[ClassificationUnit], jurisdiction: str | None = None
) -> dict[str, ClassificationUnit]:
    """The CUs with a rate in ``jurisdiction`` (the rated one by default) by code, in the order
    given: the Savings picker's choices."""
    code = jurisdiction or rate_jurisdiction()
    return {unit.code: unit for unit in units if any(r.jurisdiction == code for r in unit.rates)}


def is_current(record: RateRecord, today_year: int, years_back: int) -> bool:
    """Whether a rate is recent enough to fill in: from ``today_year - years_back`` or later."""
    return record.base_rate is not None and record.year >= today_year - years_back


def fillable_rates(unit: ClassificationUnit | None, today_year: int, years_back: int) -> list[RateRecord]:
    """The CU's rates that may be filled in, newest first (none for an unknown CU)."""
    if unit is None:
        return []
    return [r for r in unit.rates if is_current(r, today_year, years_back)]


def fillable_years(unit: ClassificationUnit | None, today_year: int, years_back: int) -> list[int]:
    return [r.year for r in fillable_rates(unit, today_year, years_back)]


def fill_rate(unit: ClassificationUnit | None, year: int | None, today_year: int, years_back: int) -> str:
    """The rate field's text for ``year``: the published rate if it may be filled in, else ""."""
    record = unit.rate_for(year) if unit and year else None
    if record is None or not is_current(record, today_year, years_back):
        return ""
    return str(record.base_rate)


def stale_rate(unit: ClassificationUnit | None, today_year: int, years_back: int) -> RateRecord | None:
    """The newest known rate of a CU that has no fillable rate: history to show, never to use."""
    if unit is None or fillable_rates(unit, today_year, years_back):
        return None
    return unit.latest_rate()


def stage_words(record: RateRecord) -> str:
    """``preliminary``, ``final``, ``a worked example``...: how the source gives the rate."""
    return _STAGE_WORDS[record.rate_stage]


def history_text(record: RateRecord) -> str:
    """``Last rate we know: $4.89 in 2009, projected.``"""
    stage = "" if record.rate_stage == "not stated" else f", {stage_words(record)}"
    return f"Last rate we know: {money(record.base_rate or Decimal(0))} in {record.year}{stage}."


def rate_label(record: RateRecord) -> str:
    """``2024 rate, a worked example``: beside a filled-in rate field."""
    return f"{record.year} rate, {stage_words(record)}"


# --- rate lists: reading a file -----------------------------------------------------------------


class RateListError(ValueError):
    """A rate list that cannot be used, with a message naming the row and column at fault."""


class ListedRate(BaseModel):
    """One CU of a rate list: what the file says, and the row it is on (for messages)."""

    model_config = ConfigDict(frozen=True)

    cu_code: str
    cu_name: str
    year: int
    base_rate: Decimal
    row: int


class RateList(BaseModel):
    """A validated rate list: one year's base rates, one row per CU."""

    model_config = ConfigDict(frozen=True)

    file_name: str
    year: int
    rates: tuple[ListedRate, ...]
    #: How the file was read, when a person should know (e.g. not UTF-8, read as Windows text).
    note: str = ""


#: Loose heading names: a heading matches a field when its letters contain one of these.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "code": ("cucode", "classificationunitcode", "cunumber", "code", "classificationunit", "cu"),
    "name": ("cuname", "classificationunitname", "name", "description", "classificationunit"),
    "year": ("rateyear", "year"),
    "rate": ("baserate", "rate"),
}
_FIELD_TITLES = {"code": "CU code", "name": "CU name", "year": "Year", "rate": "Base rate"}


def _letters(heading: str) -> str:
    return "".join(ch for ch in ascii_digits(heading).lower() if ch.isalnum())


def _find_column(field: str, headings: Sequence[str], taken: set[int]) -> int | None:
    """The column whose heading best fits ``field``: an exact match first, then one containing it."""
    names = [_letters(h) for h in headings]
    for wanted in _HEADINGS[field]:
        for exact in (True, False):
            for index, name in enumerate(names):
                fits = name == wanted if exact else wanted in name
                if index not in taken and fits and not (field == "code" and "rate" in name):
                    return index
    return None


def _columns(headings: Sequence[str]) -> dict[str, int]:
    """Where each field is, from the heading row; a message naming what is missing otherwise."""
    found: dict[str, int] = {}
    for field in ("year", "rate", "code", "name"):
        index = _find_column(field, headings, set(found.values()))
        if index is not None:
            found[field] = index
    missing = [_FIELD_TITLES[f] for f in _FIELD_TITLES if f not in found]
    if missing:
        shown = ", ".join(f'"{h}"' for h in headings if h.strip()) or "none"
        raise RateListError(
            f"Row 1 (the headings): no column for {', '.join(missing)}. A rate list needs the columns "
            f"CU code, CU name, Year and Base rate; this file's headings are: {shown}."
        )
    return found


#: Why a CSV cannot be read, by the csv module's own words, in a person's words (with its row).
_CSV_PROBLEMS = {
    "unexpected end of data": (
        'a quotation mark (") opens a cell that is never closed, so the rest of the file would be '
        "read as one cell. Close the quote or remove it, save the file and load it again."
    ),
    "expected after": (
        "a cell has text after its closing quotation mark. Put the whole cell in quotation marks, "
        "or remove them, save the file and load it again."
    ),
    "field larger than field limit": (
        f"a cell is far longer than a rate list's cells (at most {MAX_CELL_CHARS:,} characters). "
        "Check that this is a rate list."
    ),
}
NOT_UTF8_NOTE = (
    "This file is not UTF-8 text, so it was read as Windows text (cp1252), the way older Excel "
    "saves CSV. Check that the accented letters in the names below look right."
)


def _decode_csv(data: bytes) -> tuple[str, str]:
    """The CSV's text, and a note on how it was read when it is not UTF-8.

    A UTF-8 file with a stray byte is refused (read as Windows text, every accent would turn to
    mojibake); a file with no UTF-8 in it is read as Windows text (cp1252) and says so.
    """
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as error:
        position = error.start
    if any(ord(char) > 127 and char != "\ufffd" for char in data.decode("utf-8", errors="replace")):
        before = data[:position]
        row = len(before.splitlines()) + (not before or before.endswith((b"\n", b"\r")))
        raise RateListError(
            f"Row {row}: the byte 0x{data[position]:02X} is not UTF-8 text, though the rest of the file "
            'is. Save the rate list again as "CSV UTF-8" (Excel) or "Text CSV" with UTF-8 (LibreOffice) '
            "and load it."
        )
    return data.decode("cp1252", errors="replace"), NOT_UTF8_NOTE


def _csv_table(data: bytes) -> tuple[list[list[str]], str]:
    if b"\x00" in data[:4096]:
        raise RateListError("This is not a CSV or XLSX file: save the rate list as CSV or Excel (.xlsx).")
    text, note = _decode_csv(data)
    heading = next(iter(text.splitlines()), "")
    delimiter = max((",", ";", "\t"), key=heading.count)  # Excel in some locales saves with ";"
    # universal newlines: a file saved with CR-only line ends (old Mac) reads like any other
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter, strict=True)
    table: list[list[str]] = []
    try:
        for row in reader:
            table.append(row)
            _check_cells(row, len(table))
    except csv.Error as error:
        problem = next((words for key, words in _CSV_PROBLEMS.items() if key in str(error)), None)
        raise RateListError(
            f"Row {len(table) + 1}: "
            + (problem or "this row cannot be read as CSV. Save the rate list again as CSV and load it.")
        ) from None
    return table, note


def _check_workbook_size(data: bytes) -> None:
    """Refuse a workbook that unpacks to far more than a rate list, from its zip directory alone
    (nothing is inflated)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise RateListError("This file is not a readable Excel workbook (.xlsx).") from None
    unzipped = sum(part.file_size for part in parts)
    if len(parts) > MAX_ZIP_PARTS or unzipped > MAX_UNZIPPED_BYTES:
        raise RateListError(
            f"This workbook unpacks to {unzipped:,} bytes in {len(parts):,} parts; a rate list unpacks "
            f"to far less (at most {MAX_UNZIPPED_BYTES:,} bytes in {MAX_ZIP_PARTS} parts). Save the "
            "rate list on its own as CSV or .xlsx and load that."
        )


def _check_cells(row: Sequence[str], number: int) -> None:
    for column, cell in enumerate(row, start=1):
        if len(cell) > MAX_CELL_CHARS:
            raise RateListError(
                f"Row {number}, column {column}: a cell of {len(cell):,} characters; a rate list's cells "
                f"are short (at most {MAX_CELL_CHARS:,}). Check that this is a rate list."
            )


#: What openpyxl raises for a damaged or hand-made workbook: broken XML (a SyntaxError), a part
#: missing or a reference into nothing, a bad compressed stream.
_UNREADABLE_WORKBOOK = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    SyntaxError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
)


def _xlsx_table(data: bytes) -> list[list[str]]:
    _check_workbook_size(data)
    from openpyxl import load_workbook  # only when a spreadsheet arrives: it is slow to import

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _UNREADABLE_WORKBOOK:
        raise RateListError("This file is not a readable Excel workbook (.xlsx).") from None
    table: list[list[str]] = []
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):  # streamed: a row at a time
            table.append(["" if v is None else str(v) for v in values])
            _check_cells(table[-1], len(table))
            if len(table) > MAX_LIST_ROWS + 1:
                break
    except RateListError:
        raise
    except _UNREADABLE_WORKBOOK:
        raise RateListError(
            f"Row {len(table) + 1} of this workbook cannot be read: it is damaged, or not a workbook "
            "Excel or LibreOffice saved. Save the rate list again as .xlsx or CSV and load it."
        ) from None
    finally:
        book.close()
    return table


def _table(data: bytes) -> tuple[list[list[str]], str]:
    """The file's cells as text, row by row (XLSX when it is a zip, else CSV), and a note on how
    the file was read when a person should know it."""
    if len(data) > MAX_LIST_BYTES:
        raise RateListError(
            f"This file is {len(data):,} bytes; a rate list is far smaller (at most {MAX_LIST_BYTES:,})."
        )
    if data[:4] == b"PK\x03\x04":
        return _xlsx_table(data), ""
    return _csv_table(data)


def _cell(row: Sequence[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _rate(text: str, where: str) -> Decimal:
    """The base rate of a cell, checked by the same rule as the Savings page's rate field, so a
    rate the list brings in is never refused later on the page."""
    cleaned = ascii_digits(text).replace("$", "").replace(",", ".").strip()
    try:
        rate = Decimal(cleaned)
    except InvalidOperation:
        raise RateListError(f"{where}: '{text[:40]}' is not a number (a base rate like 4.54).") from None
    problem = check(parse_base_rate, cleaned, f"{where}: {text[:40]}")
    if problem:
        raise RateListError(problem)
    if not rate > 0:
        raise RateListError(
            f"{where}: {text[:40]} is not a base rate; it is dollars per $100 of payroll, more than 0."
        )
    return rate


#: A cell starting with one of these is a formula to a spreadsheet (LibreOffice and Excel run
#: "=HYPERLINK(...)" when the CSV is opened).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_name(name: str) -> str:
    """A CU name fit to write into a CSV that people open in a spreadsheet: on one line, without
    control characters, and with an apostrophe before a leading formula character, so it stays
    text."""
    one_line = " ".join("".join(char for char in name if char.isprintable() or char.isspace()).split())
    return "'" + one_line if one_line.startswith(_FORMULA_STARTS) else one_line


def _year(text: str, where: str) -> int:
    digits = ascii_digits(text).strip().removesuffix(".0")
    if not (digits.isascii() and digits.isdigit() and 1990 <= int(digits) <= 2100):
        raise RateListError(f"{where}: '{text[:40]}' is not a year (like 2027).")
    return int(digits)


def _listed(
    row: Sequence[str], number: int, columns: Mapping[str, int], headings: Sequence[str]
) -> ListedRate:
    def where(field: str) -> str:
        return f'Row {number}, column "{headings[columns[field]].strip() or _FIELD_TITLES[field]}"'

    raw_code = _cell(row, columns["code"])
    code = cu_code(raw_code.removesuffix(".0"))
    if code is None:
        raise RateListError(f"{where('code')}: '{raw_code[:40]}' is not a six-digit CU code.")
    name = _cell(row, columns["name"])
    if not name:
        raise RateListError(f"{where('name')}: the CU name is empty.")
    return ListedRate(
        cu_code=code,
        cu_name=safe_name(name)[:200],
        year=_year(_cell(row, columns["year"]), where("year")),
        base_rate=_rate(_cell(row, columns["rate"]), where("rate")),
        row=number,
    )


def _check_one_list(rates: Sequence[ListedRate], columns: Mapping[str, int], headings: Sequence[str]) -> None:
    """One year per list, one row per CU."""
    seen: dict[str, int] = {}
    for rate in rates:
        if rate.year != rates[0].year:
            raise RateListError(
                f'Row {rate.row}, column "{headings[columns["year"]].strip()}": {rate.year}, but row '
                f"{rates[0].row} says {rates[0].year}. A rate list holds one year's rates: split it by year."
            )
        if rate.cu_code in seen:
            raise RateListError(
                f'Row {rate.row}, column "{headings[columns["code"]].strip()}": CU {rate.cu_code} is '
                f"already on row {seen[rate.cu_code]}. Keep one row per CU."
            )
        seen[rate.cu_code] = rate.row


def read_rate_list(data: bytes, file_name: str) -> RateList:
    """Read and validate a rate list (CSV or XLSX bytes). Raises RateListError with the row and
    column at fault; blank rows are skipped."""
    table, note = _table(data)
    if not table or not any(cell.strip() for cell in table[0]):
        raise RateListError("The file is empty: the first row should hold the column headings.")
    headings = table[0]
    columns = _columns(headings)
    body = [(number, row) for number, row in enumerate(table[1:], start=2) if any(c.strip() for c in row)]
    if len(body) > MAX_LIST_ROWS:
        raise RateListError(
            f"The file has {len(body):,} rows or more; a rate list has one row per CU (WorkSafeBC has "
            f"about 512), so at most {MAX_LIST_ROWS:,} rows are read. Check that this is a rate list."
        )
    if not body:
        raise RateListError("The file has headings but no rates.")
    rates = [_listed(row, number, columns, headings) for number, row in body]
    _check_one_list(rates, columns, headings)
    return RateList(file_name=file_name[:120], year=rates[0].year, rates=tuple(rates), note=note)


# --- rate lists: what they change, and the CUs with them ------------------------------------------


class PreviewLine(BaseModel):
    """One CU of a rate list against what COR Ready has for it."""

    model_config = ConfigDict(frozen=True)

    cu_code: str
    cu_name: str
    change: Literal["new CU", "new year", "changed", "same"]
    old_rate: Decimal | None
    new_rate: Decimal


def preview(rate_list: RateList, units: Mapping[str, ClassificationUnit]) -> list[PreviewLine]:
    """What loading the list adds or changes, CU by CU (changes first, then new CUs)."""
    lines = []
    for rate in rate_list.rates:
        unit = units.get(rate.cu_code)
        record = unit.rate_for(rate.year) if unit else None
        old = record.base_rate if record else None
        if unit is None:
            change: Literal["new CU", "new year", "changed", "same"] = "new CU"
        elif record is None:
            change = "new year"
        else:
            change = "same" if old == rate.base_rate else "changed"
        lines.append(
            PreviewLine(
                cu_code=rate.cu_code,
                cu_name=rate.cu_name,
                change=change,
                old_rate=old,
                new_rate=rate.base_rate,
            )
        )
    order = {"changed": 0, "new year": 1, "new CU": 2, "same": 3}
    return sorted(lines, key=lambda line: order[line.change])


def preview_counts(lines: Sequence[PreviewLine]) -> dict[str, int]:
    return {
        change: sum(1 for line in lines if line.change == change)
        for change in ("changed", "new year", "new CU", "same")
    }


def listed_record(
    rate: ListedRate,
    source_url: str,
    effective: str,
    note: str,
    stage: RateStage,
    unit: ClassificationUnit | None,
    jurisdiction: Jurisdiction | None = None,
) -> RateRecord:
    """A content record for one listed rate (of the rated jurisdiction unless ``jurisdiction``
    says), keeping a known CU's industry and keywords."""
    return RateRecord(
        jurisdiction=jurisdiction or rate_jurisdiction(),
        cu_code=rate.cu_code,
        cu_name=unit.name if unit else rate.cu_name,
        industry=unit.industry if unit else "Not stated (from a rate list)",
        keywords=unit.keywords if unit else "",
        year=rate.year,
        base_rate=rate.base_rate,
        confidence="medium",
        rate_stage=stage,
        effective=effective,
        source_url=source_url,  # type: ignore[arg-type]  # pydantic checks the text is a URL
        source_note=note,
    )


def with_rate_list(
    units: Mapping[str, ClassificationUnit], rate_list: RateList, source_url: str, effective: str, note: str
) -> dict[str, ClassificationUnit]:
    """The CUs with the list's rates added (a listed CU and year replaces the known one)."""
    merged = dict(units)
    for rate in rate_list.rates:
        unit = merged.get(rate.cu_code)
        record = listed_record(rate, source_url, effective, note, "not stated", unit)
        kept = tuple(r for r in (unit.rates if unit else ()) if r.year != rate.year)
        rates = tuple(sorted((record, *kept), key=lambda r: r.year, reverse=True))
        merged[rate.cu_code] = ClassificationUnit(
            code=rate.cu_code,
            name=record.cu_name,
            industry=record.industry,
            keywords=record.keywords,
            rates=rates,
        )
    return merged


# --- the import command -------------------------------------------------------------------------


def _content_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _record_row(record: RateRecord, fields: Sequence[str]) -> dict[str, str]:
    values = record.model_dump(mode="json")
    return {field: "" if values.get(field) is None else str(values[field]) for field in fields}


def import_rows(
    rows: list[dict[str, str]], fields: Sequence[str], records: Sequence[RateRecord]
) -> tuple[list[dict[str, str]], int, int]:
    """The content rows with ``records`` in: a CU and year already there is replaced in place,
    a new one is appended. Returns the rows, how many were added and how many replaced."""
    index = {(row["cu_code"], row["year"]): i for i, row in enumerate(rows)}
    added = replaced = 0
    for record in records:
        row = _record_row(record, fields)
        key = (record.cu_code, str(record.year))
        if key in index:
            rows[index[key]] = row
            replaced += 1
        else:
            index[key] = len(rows)
            rows.append(row)
            added += 1
    return rows, added, replaced


def replace_keeping_access(target: Path, text: str) -> None:
    """Write ``text`` over ``target`` atomically, keeping the file's mode, owner and group.

    A new file would get the writer's owner and mode 0600, and an app running as another user
    would then fail on every page. When the writer cannot give the file its owner (not root),
    it is rewritten in place instead, which keeps them by keeping the file itself.
    """
    before = target.stat()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, stat.S_IMODE(before.st_mode))
        os.chown(temporary, before.st_uid, before.st_gid)
    except PermissionError:
        os.unlink(temporary)
        with target.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        return
    except BaseException:
        os.unlink(temporary)
        raise
    os.replace(temporary, target)


def _read_at_most(file: Path, limit: int) -> bytes:
    """The file's bytes, reading no more than one byte past ``limit`` (a larger file is refused by
    size without being loaded)."""
    with file.open("rb") as stream:
        data = stream.read(limit + 1)
        if len(data) > limit:
            size = os.fstat(stream.fileno()).st_size
            raise RateListError(
                f"This file is {size:,} bytes; a rate list is far smaller (at most {limit:,})."
            )
    return data


def import_list(
    file: Path,
    year: int,
    source_url: str,
    content: Path,
    stage: RateStage = "not stated",
    today: dt.date | None = None,
) -> str:
    """Write a rate list's records (with source and date) into ``content``'s CU file, atomically,
    and check the result loads. Returns a one-line summary; raises RateListError or ValueError."""
    try:
        TypeAdapter(HttpUrl).validate_python(source_url)
    except ValidationError:
        raise RateListError(
            f"--source must be the web address of the list (https://...), not '{source_url[:60]}'."
        ) from None
    rate_list = read_rate_list(_read_at_most(file, MAX_LIST_BYTES), file.name)
    if rate_list.year != year:
        raise RateListError(f"The list is for {rate_list.year}, not {year}: check the file or --year.")
    target = content / "classification_units.csv"
    fields, rows = _content_rows(target)
    known = {unit.code: unit for unit in load_units(content)}
    effective = (today or dt.date.today()).isoformat()
    note = f"Imported from {file.name} on {effective}."
    records = [
        listed_record(r, source_url, effective, note, stage, known.get(r.cu_code)) for r in rate_list.rates
    ]
    rows, added, replaced = import_rows(rows, fields, records)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    replace_keeping_access(target, out.getvalue())
    load_units(content)
    return (
        f"{len(records)} rates for {year} from {file.name}: {added} added, {replaced} replaced in {target}."
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cor.rates", description="Import a CU base-rate list.")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import", help="write a rate list into the content folder")
    command.add_argument("file", type=Path, help="the rate list, CSV or XLSX")
    command.add_argument(
        "--year", type=int, required=True, help="the year of the rates (must match the file)"
    )
    command.add_argument("--source", required=True, help="the web address the list comes from")
    command.add_argument("--content", type=Path, default=None, help="the content folder (default: the app's)")
    command.add_argument(
        "--stage", default="not stated", choices=sorted(_STAGE_WORDS), help="preliminary or final"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        print(import_list(args.file, args.year, args.source, args.content or content_dir(), args.stage))
    except (OSError, ValueError) as exc:
        print(f"Not imported: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
