"""Load and validate ``content/``.

Content is edited by safety professionals, not programmers, so a mistake must be reported in
their terms: which file, which record, which field, and what is wrong. Nothing half-loaded is
ever returned: the app either has all the facts or shows the error.
"""

from __future__ import annotations

import csv
import os
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cor.models import (
    ABIncentiveRule,
    AnswerScale,
    Association,
    BCIncentiveRule,
    ClassificationUnit,
    Content,
    CycleRules,
    Element,
    Erratum,
    Incentives,
    JurisdictionInfo,
    Partner,
    Program,
    Question,
    QuestionBank,
    RateRecord,
    Role,
)

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"

M = TypeVar("M", bound=BaseModel)


class ContentError(ValueError):
    """A content file is missing, unreadable or wrong. The message names file, record, field."""

    def __init__(self, file: Path | str, problem: str, record: str = "", field: str = "") -> None:
        self.file = str(file)
        self.record = record
        self.field = field
        self.problem = problem
        where = self.file
        if record:
            where += f", {record}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


def relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def read_toml(path: Path, root: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ContentError(relative(path, root), "the file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(relative(path, root), f"not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise ContentError(relative(path, root), "not UTF-8 text") from None


def _record_name(data: Mapping[str, Any], index: int, kind: str) -> str:
    label = data.get("id") or data.get("cu_code") or data.get("code") or data.get("partner")
    return f"{kind} #{index + 1}" + (f" ({label})" if label else "")


def _validate(model: type[M], data: Any, file: str, record: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise ContentError(file, err["msg"], record=record, field=field) from None


def read_records(model: type[M], table: Any, file: str, kind: str, *, required: bool = True) -> tuple[M, ...]:
    """Validate every ``[[kind]]`` table of a file, naming the record and field of a mistake."""
    if not table:
        if required:
            raise ContentError(file, f"no [[{kind}]] records found")
        return ()
    if not isinstance(table, list):
        raise ContentError(file, f"'{kind}' must be a list of [[{kind}]] tables")
    return tuple(
        _validate(model, item, file, _record_name(item if isinstance(item, dict) else {}, i, kind))
        for i, item in enumerate(table)
    )


def _load_bank(root: Path) -> QuestionBank:
    qdir = root / "questions"
    elements_file = qdir / "elements.toml"
    scales_file = qdir / "scales.toml"
    elements = read_records(
        Element, read_toml(elements_file, root).get("element"), relative(elements_file, root), "element"
    )
    scales = read_records(
        AnswerScale, read_toml(scales_file, root).get("scale"), relative(scales_file, root), "scale"
    )
    questions: list[Question] = []
    element_ids = {e.id for e in elements}
    scale_ids = {s.id for s in scales}
    seen: dict[str, str] = {}
    files = sorted(qdir.glob("[0-9]*.toml"))
    if not files:
        raise ContentError(relative(qdir, root), "no question files (NN-element.toml) found")
    for path in files:
        rel = relative(path, root)
        for i, q in enumerate(read_records(Question, read_toml(path, root).get("question"), rel, "question")):
            record = f"question #{i + 1} ({q.id})"
            if q.id in seen:
                raise ContentError(rel, f"id already used in {seen[q.id]}", record, "id")
            if q.element not in element_ids:
                raise ContentError(rel, f"unknown element '{q.element}'", record, "element")
            if q.scale not in scale_ids:
                raise ContentError(rel, f"unknown answer scale '{q.scale}'", record, "scale")
            seen[q.id] = rel
            questions.append(q)
    return QuestionBank(elements=elements, scales=scales, questions=tuple(questions))


def load_units(root: Path | str = CONTENT_DIR) -> tuple[ClassificationUnit, ...]:
    """The CUs and their rates from ``root``'s classification_units.csv, checked like the rest of
    the content (used by the rate-list import to check what it wrote)."""
    return _load_units(Path(root))


def _load_units(root: Path) -> tuple[ClassificationUnit, ...]:
    path = root / "classification_units.csv"
    rel = relative(path, root)
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        raise ContentError(rel, "the file is missing") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ContentError(rel, f"not a readable CSV file ({exc})") from None
    grouped: dict[str, list[RateRecord]] = defaultdict(list)
    first_row: dict[tuple[str, str, int], int] = {}
    for i, row in enumerate(rows):
        record = f"row {i + 2} (CU {row.get('cu_code') or '?'})"
        if None in row:
            raise ContentError(rel, "more values than column headings", record)
        clean = {key: value for key, value in row.items() if value != ""}
        rate = _validate(RateRecord, clean, rel, record)
        _refuse_second_rate(first_row, rate, i + 2, rel)
        grouped[rate.cu_code].append(rate)
    units = []
    for code, rates in grouped.items():
        first = rates[0]
        for r in rates[1:]:
            if r.cu_name != first.cu_name:
                raise ContentError(rel, f"name differs from '{first.cu_name}'", f"CU {code}", "cu_name")
        rates.sort(key=lambda r: r.year, reverse=True)
        units.append(
            ClassificationUnit(
                code=code,
                name=first.cu_name,
                industry=first.industry,
                keywords=first.keywords,
                rates=tuple(rates),
            )
        )
    return tuple(sorted(units, key=lambda u: u.code))


def _refuse_second_rate(
    first_row: dict[tuple[str, str, int], int], rate: RateRecord, row: int, file: str
) -> None:
    """Two rates for one CU and year would make the rate shown depend on row order: refuse them."""
    key = (rate.jurisdiction, rate.cu_code, rate.year)
    if key in first_row:
        raise ContentError(
            file,
            f"a second rate for CU {rate.cu_code} in {rate.year} (the first is on row {first_row[key]}); "
            "keep one row per CU and year",
            f"row {row} (CU {rate.cu_code}, year {rate.year})",
        )
    first_row[key] = row


def _check_partner_codes(partners: Iterable[Partner], units: Iterable[ClassificationUnit], file: str) -> None:
    known = {u.code for u in units}
    for p in partners:
        for field in ("contracted", "naturally_aligned"):
            for code in getattr(p, field):
                if code not in known:
                    raise ContentError(
                        file,
                        f"CU {code} is not in classification_units.csv",
                        f"partner ({p.id})",
                        field,
                    )


def load_content(root: Path | str = CONTENT_DIR) -> Content:
    """Read every content file under ``root``; raise ContentError on the first problem."""
    root = Path(root)
    j_file, p_file, c_file = (root / n for n in ("jurisdictions.toml", "programs.toml", "cycle.toml"))
    i_file, pa_file = root / "incentives.toml", root / "partners.toml"
    r_file, e_file = root / "roles.toml", root / "errata.toml"

    jurisdictions = read_records(
        JurisdictionInfo, read_toml(j_file, root).get("jurisdiction"), relative(j_file, root), "jurisdiction"
    )
    programs = read_records(
        Program, read_toml(p_file, root).get("program"), relative(p_file, root), "program"
    )
    codes = {j.code for j in jurisdictions}
    for p in programs:
        if p.jurisdiction not in codes:
            raise ContentError(
                relative(p_file, root), "unknown jurisdiction", f"program ({p.id})", "jurisdiction"
            )
    bank = _load_bank(root)
    tags = {t for q in bank.questions for t in q.sets}
    for p in programs:
        if p.question_set not in tags:
            raise ContentError(
                relative(p_file, root),
                f"no question has the set '{p.question_set}'",
                f"program ({p.id})",
                "question_set",
            )
    units = _load_units(root)
    pa_data = read_toml(pa_file, root)
    partners = read_records(Partner, pa_data.get("partner"), relative(pa_file, root), "partner")
    associations = read_records(
        Association, pa_data.get("association"), relative(pa_file, root), "association", required=False
    )
    _check_partner_codes(partners, units, relative(pa_file, root))
    inc = read_toml(i_file, root)
    incentives = Incentives(
        bc=_validate(BCIncentiveRule, inc.get("bc"), relative(i_file, root), "[bc]"),
        ab=_validate(ABIncentiveRule, inc.get("ab"), relative(i_file, root), "[ab]"),
    )
    cycle = _validate(CycleRules, read_toml(c_file, root), relative(c_file, root), "cycle rules")
    partner_ids = {p.id for p in partners}
    for i, rule in enumerate(cycle.partner_rules):
        if rule.partner not in partner_ids:
            raise ContentError(
                relative(c_file, root),
                f"unknown partner '{rule.partner}'",
                f"partner_rules #{i + 1}",
                "partner",
            )
    roles = read_records(Role, read_toml(r_file, root).get("role"), relative(r_file, root), "role")
    errata = read_records(Erratum, read_toml(e_file, root).get("erratum"), relative(e_file, root), "erratum")
    return Content(
        jurisdictions=jurisdictions,
        programs=programs,
        bank=bank,
        units=units,
        partners=partners,
        associations=associations,
        incentives=incentives,
        cycle=cycle,
        roles=roles,
        errata=errata,
    )


def content_dir() -> Path:
    """The content folder: the project's own, or another one named by COR_READY_CONTENT_DIR
    (an organisation's edited copy, or a test's broken one)."""
    return Path(os.environ.get("COR_READY_CONTENT_DIR") or CONTENT_DIR)


@lru_cache(maxsize=1)
def default_content() -> Content:
    """The content, loaded once per process (it is immutable)."""
    return load_content(content_dir())
