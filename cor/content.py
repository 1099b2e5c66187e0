"""Load and validate ``content/``.

Content is edited by safety professionals, not programmers, so a mistake must be reported in
their terms: which file, which record, which field, and what is wrong. Nothing half-loaded is
ever returned: the app either has all the facts or shows the error.
"""

from __future__ import annotations

import csv
import os
import string
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cor.models import (
    SITUATIONS,
    ABIncentiveRule,
    AlignmentKind,
    AnswerScale,
    Association,
    BCIncentiveRule,
    ClassificationUnit,
    Content,
    CycleRules,
    DirectoryNote,
    Element,
    Erratum,
    GeneralSizeRule,
    Guide,
    GuidePath,
    Incentives,
    JurisdictionInfo,
    Partner,
    PartnerProgram,
    PartnerSizeNote,
    PointsSplit,
    Program,
    Question,
    QuestionBank,
    RateRecord,
    Role,
    SamplingTable,
    StepTemplate,
    TradeWords,
    UnservedUnit,
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


#: Why a file that is there cannot be read, without the reason Python gives (it holds the server's
#: absolute path, which no page shows).
UNREADABLE = (
    "COR Ready cannot read the file: the user the app runs as needs permission to read it "
    "(an import run as another user can leave it readable by that user only)"
)


def relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def read_toml(path: Path, root: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise ContentError(relative(path, root), "the file is missing") from None
    except OSError:
        raise ContentError(relative(path, root), UNREADABLE) from None
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
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ContentError(file, first["msg"], record=record, field=field) from None


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


@dataclass(frozen=True)
class Origins:
    """Where records came from, so a cross-reference mistake names its file and record."""

    programs: str
    partners: str
    cycle: str
    jurisdictions: str
    roles: str
    units: str
    #: For each question of the bank, in order: its file and its position in that file.
    questions: tuple[tuple[str, int], ...]


def _load_bank(root: Path) -> tuple[QuestionBank, tuple[tuple[str, int], ...]]:
    """The question bank, and for each question the file and position it was read from."""
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
    origins: list[tuple[str, int]] = []
    files = sorted(qdir.glob("[0-9]*.toml"))
    if not files:
        raise ContentError(relative(qdir, root), "no question files (NN-element.toml) found")
    for path in files:
        rel = relative(path, root)
        records = read_records(Question, read_toml(path, root).get("question"), rel, "question")
        questions.extend(records)
        origins.extend((rel, index) for index in range(len(records)))
    return QuestionBank(elements=elements, scales=scales, questions=tuple(questions)), tuple(origins)


def load_units(root: Path | str = CONTENT_DIR) -> tuple[ClassificationUnit, ...]:
    """The CUs and their rates from ``root``'s classification_units.csv, checked like the rest of
    the content (used by the rate-list import to check what it wrote)."""
    return _load_units(Path(root))


def _load_units(root: Path) -> tuple[ClassificationUnit, ...]:
    path = root / "classification_units.csv"
    rel = relative(path, root)
    try:
        with path.open(newline="", encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
    except FileNotFoundError:
        raise ContentError(rel, "the file is missing") from None
    except OSError:
        raise ContentError(rel, UNREADABLE) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ContentError(rel, f"not a readable CSV file ({exc})") from None
    grouped: dict[str, list[RateRecord]] = defaultdict(list)
    first_row: dict[tuple[str, str, int], int] = {}
    for i, row in enumerate(rows):
        record = f"row {i + 2} (CU {row.get('cu_code') or '?'})"
        if None in row:
            raise ContentError(rel, "more values than column headings", record)
        clean = {
            column: value for column, value in row.items() if value not in ("", None)
        }  # empty: not given
        rate = _validate(RateRecord, clean, rel, record)
        _refuse_second_rate(first_row, rate, i + 2, rel)
        grouped[rate.cu_code].append(rate)
    units = []
    for code, rates in grouped.items():
        first = rates[0]
        for rate in rates[1:]:
            if rate.cu_name != first.cu_name:
                raise ContentError(rel, f"name differs from '{first.cu_name}'", f"CU {code}", "cu_name")
        rates.sort(key=lambda rate: rate.year, reverse=True)
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


# --- cross-references: every id one record uses names a record that exists --------------------


def check_references(content: Content, origins: Origins) -> None:
    """Every cross-reference between content records, checked in one place after loading.

    Each record is valid on its own by then (its model checked it); this checks what only the
    whole content can: a question's element and scale exist, a program's jurisdiction and
    question set exist, a partner's CUs are listed, a cycle rule's partner exists.
    """
    _check_questions(content.bank, origins.questions)
    _check_jurisdictions(content, origins)
    _check_programs(content.programs, {j.code for j in content.jurisdictions}, content.bank, origins.programs)
    _check_partner_codes(content.partners, set(content.units_by_code), origins.partners)
    _check_cycle_partners(content, origins.cycle)
    for index, trade in enumerate(content.trade_words):
        if trade.partner not in content.partners_by_id:
            raise ContentError(
                origins.partners, f"unknown partner '{trade.partner}'", f"trade_words #{index + 1}", "partner"
            )


#: What the jurisdictions' flags say of the content as a whole: (field, how many may have it, what it means).
_JURISDICTION_FLAGS = (
    ("default", "exactly one", "the province the app opens on"),
    ("cycle_planner", "exactly one", "the province whose rules cycle.toml holds"),
    ("cu_codes", "exactly one", "the province whose CU codes classification_units.csv lists"),
)


def _check_jurisdictions(content: Content, origins: Origins) -> None:
    """Codes are unique, each flag is held by as many jurisdictions as it may be, every
    jurisdiction has a program, and every record naming a jurisdiction names one that exists."""
    file = origins.jurisdictions
    codes = [info.code for info in content.jurisdictions]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise ContentError(
            file, f"the code {repeated[0]} is used twice", f"jurisdiction ({repeated[0]})", "code"
        )
    for field, allowed, meaning in _JURISDICTION_FLAGS:
        holders = [info.code for info in content.jurisdictions if getattr(info, field)]
        if len(holders) > 1 or (allowed == "exactly one" and not holders):
            raise ContentError(
                file,
                f"{allowed} jurisdiction must have {field} = true ({meaning}); {len(holders)} have",
                "",
                field,
            )
    with_programs = {program.jurisdiction for program in content.programs}
    for code in codes:
        if code not in with_programs:
            raise ContentError(origins.programs, f"no [[program]] for the jurisdiction {code}")
    named = [
        *((origins.partners, f"partner ({p.id})", p.jurisdiction) for p in content.partners),
        *((origins.roles, f"role ({r.id})", r.jurisdiction) for r in content.roles),
        *((origins.programs, "general_size_rule", r.jurisdiction) for r in content.general_size_rules),
        *((origins.cycle, "maintenance_pass", r.jurisdiction) for r in content.cycle.maintenance_pass),
    ]
    for where, record, code in named:
        if code not in codes:
            raise ContentError(where, f"unknown jurisdiction '{code}'", record, "jurisdiction")
    _check_unit_jurisdictions(content, origins.units)


def _check_unit_jurisdictions(content: Content, file: str) -> None:
    """A CU's rates belong to the one jurisdiction whose CU codes the content lists."""
    cu_codes = {info.code for info in content.jurisdictions if info.cu_codes}
    for unit in content.units:
        for rate in unit.rates:
            if rate.jurisdiction not in cu_codes:
                raise ContentError(
                    file,
                    f"jurisdiction '{rate.jurisdiction}' has no CU codes (cu_codes = true in jurisdictions.toml)",
                    f"CU {unit.code}, year {rate.year}",
                    "jurisdiction",
                )


def _check_questions(bank: QuestionBank, origins: Sequence[tuple[str, int]]) -> None:
    seen: dict[str, str] = {}
    for question, (file, index) in zip(bank.questions, origins, strict=True):
        record = f"question #{index + 1} ({question.id})"
        if question.id in seen:
            raise ContentError(file, f"id already used in {seen[question.id]}", record, "id")
        if question.element not in bank.elements_by_id:
            raise ContentError(file, f"unknown element '{question.element}'", record, "element")
        if question.scale not in bank.scales_by_id:
            raise ContentError(file, f"unknown answer scale '{question.scale}'", record, "scale")
        seen[question.id] = file


def _check_programs(
    programs: Sequence[Program], jurisdictions: set[str], bank: QuestionBank, file: str
) -> None:
    tags = {tag for question in bank.questions for tag in question.sets}
    for program in programs:
        record = f"program ({program.id})"
        if program.jurisdiction not in jurisdictions:
            raise ContentError(file, "unknown jurisdiction", record, "jurisdiction")
        if program.question_set not in tags:
            raise ContentError(
                file, f"no question has the set '{program.question_set}'", record, "question_set"
            )


def _check_partner_codes(partners: Sequence[Partner], known: set[str], file: str) -> None:
    for partner in partners:
        for field in ("contracted", "naturally_aligned"):
            for code in getattr(partner, field):
                if code not in known:
                    raise ContentError(
                        file,
                        f"CU {code} is not in classification_units.csv",
                        f"partner ({partner.id})",
                        field,
                    )


def _check_cycle_partners(content: Content, file: str) -> None:
    named = [
        *(("partner_rules", i, rule.partner) for i, rule in enumerate(content.cycle.partner_rules)),
        *(("auditor_rules", i, rule.partner) for i, rule in enumerate(content.cycle.auditor_rules)),
    ]
    for table, index, partner_id in named:
        if partner_id not in content.partners_by_id:
            raise ContentError(file, f"unknown partner '{partner_id}'", f"{table} #{index + 1}", "partner")


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
    bank, question_origins = _load_bank(root)
    units = _load_units(root)
    pa_data = read_toml(pa_file, root)
    partners = read_records(Partner, pa_data.get("partner"), relative(pa_file, root), "partner")
    associations = read_records(
        Association, pa_data.get("association"), relative(pa_file, root), "association", required=False
    )
    trade_words = read_records(
        TradeWords, pa_data.get("trade_words"), relative(pa_file, root), "trade_words", required=False
    )
    inc = read_toml(i_file, root)
    incentives = Incentives(
        bc=_validate(BCIncentiveRule, inc.get("bc"), relative(i_file, root), "[bc]"),
        ab=_validate(ABIncentiveRule, inc.get("ab"), relative(i_file, root), "[ab]"),
    )
    cycle = _validate(CycleRules, read_toml(c_file, root), relative(c_file, root), "cycle rules")
    roles = read_records(Role, read_toml(r_file, root).get("role"), relative(r_file, root), "role")
    errata = read_records(Erratum, read_toml(e_file, root).get("erratum"), relative(e_file, root), "erratum")
    extras = _load_partner_extras(root, programs, partners, units)
    content = Content(
        jurisdictions=jurisdictions,
        programs=programs,
        bank=bank,
        units=units,
        partners=partners,
        associations=associations,
        trade_words=trade_words,
        incentives=incentives,
        cycle=cycle,
        roles=roles,
        errata=errata,
        **extras,
    )
    origins = Origins(
        programs=relative(p_file, root),
        partners=relative(pa_file, root),
        cycle=relative(c_file, root),
        jurisdictions=relative(j_file, root),
        roles=relative(r_file, root),
        units=relative(root / "classification_units.csv", root),
        questions=question_origins,
    )
    check_references(content, origins)
    return content


def content_dir() -> Path:
    """The content folder: the project's own, or another one named by COR_READY_CONTENT_DIR
    (an organisation's edited copy, or a test's broken one)."""
    return Path(os.environ.get("COR_READY_CONTENT_DIR") or CONTENT_DIR)


@lru_cache(maxsize=1)
def default_content() -> Content:
    """The content, loaded once per process (it is immutable)."""
    return load_content(content_dir())


# --- partners' own rules: size bands, un-served CUs, audit sampling -----------------------------


def _check_partner_ids(ids: Iterable[tuple[str, str]], partner_ids: set[str], file: str, kind: str) -> None:
    for index, (record_id, partner_id) in enumerate(ids):
        if partner_id not in partner_ids:
            raise ContentError(
                file, f"unknown partner '{partner_id}'", f"{kind} #{index + 1} ({record_id})", "partner"
            )


def _load_size_rules(
    root: Path, programs: tuple[Program, ...], partner_ids: set[str]
) -> dict[str, tuple[Any, ...]]:
    """Partners' programs by size (programs.toml): each names a known partner and program."""
    path = root / "programs.toml"
    rel = relative(path, root)
    data = read_toml(path, root)
    bands = read_records(PartnerProgram, data.get("partner_program"), rel, "partner_program", required=False)
    notes = read_records(
        PartnerSizeNote, data.get("partner_size_note"), rel, "partner_size_note", required=False
    )
    general = read_records(
        GeneralSizeRule, data.get("general_size_rule"), rel, "general_size_rule", required=False
    )
    _check_partner_ids(((b.name, b.partner) for b in bands), partner_ids, rel, "partner_program")
    _check_partner_ids(((n.partner, n.partner) for n in notes), partner_ids, rel, "partner_size_note")
    program_ids = {p.id for p in programs}
    for index, band in enumerate(bands):
        if band.program not in program_ids:
            record = f"partner_program #{index + 1} ({band.name})"
            raise ContentError(rel, f"unknown program '{band.program}'", record, "program")
    return {"partner_programs": bands, "partner_size_notes": notes, "general_size_rules": general}


def _load_sampling(root: Path, partner_ids: set[str]) -> dict[str, tuple[Any, ...]]:
    """Published sampling tables (sampling.toml), each naming the partners whose audits it describes,
    and published splits of an audit's points between paper and people."""
    path = root / "sampling.toml"
    rel = relative(path, root)
    data = read_toml(path, root)
    tables = read_records(SamplingTable, data.get("table"), rel, "table")
    splits = read_records(PointsSplit, data.get("points_split"), rel, "points_split", required=False)
    for index, table in enumerate(tables):
        unknown = sorted(set(table.partners) - partner_ids)
        if unknown:
            raise ContentError(
                rel, f"unknown partner '{unknown[0]}'", f"table #{index + 1} ({table.id})", "partners"
            )
    return {"sampling": tables, "points_splits": splits}


def _load_partner_extras(
    root: Path,
    programs: tuple[Program, ...],
    partners: tuple[Partner, ...],
    units: tuple[ClassificationUnit, ...],
) -> dict[str, tuple[Any, ...]]:
    """Everything about partners beyond partners.toml's records, checked against them."""
    partner_ids = {p.id for p in partners}
    pa_file = root / "partners.toml"
    rel = relative(pa_file, root)
    unserved = read_records(
        UnservedUnit, read_toml(pa_file, root).get("unserved"), rel, "unserved", required=False
    )
    known = {u.code for u in units}
    for index, record in enumerate(unserved):
        if record.cu_code not in known:
            raise ContentError(
                rel,
                f"CU {record.cu_code} is not in classification_units.csv",
                f"unserved #{index + 1}",
                "cu_code",
            )
    return (
        _load_size_rules(root, programs, partner_ids)
        | _load_sampling(root, partner_ids)
        | {"unserved": unserved}
    )


# --- the partner guide ---------------------------------------------------------------------------

GUIDE_FILE = Path("guide") / "partner_guide.toml"

#: Placeholders the app fills in step texts and path points.
STEP_FIELDS = frozenset(
    {"cu", "cu_name", "partner", "partners", "program_name", "phone", "email", "overall", "element"}
    | {"association", "association_contact", "association_program"}
)
PATH_FIELDS = frozenset(
    {"partner", "partner_name", "association", "association_program", "association_offers"}
)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_guide_steps(guide: Guide, rel: str) -> None:
    missing = set(SITUATIONS) - {kind.id for kind in guide.kinds}
    if missing:
        raise ContentError(rel, f"no [[kind]] explains: {', '.join(sorted(missing))}")
    for step in guide.steps:
        unknown = _placeholders(step.text) - STEP_FIELDS
        if unknown:
            raise ContentError(
                rel, f"unknown placeholder {{{sorted(unknown)[0]}}}", f"step ({step.id})", "text"
            )


def _check_guide_paths(guide: Guide, content: Content, rel: str) -> None:
    partner_ids = {p.id for p in content.partners}
    association_ids = {a.id for a in content.associations}
    for path in guide.paths:
        record = f"path ({path.id})"
        if path.partner not in partner_ids:
            raise ContentError(rel, f"unknown partner '{path.partner}'", record, "partner")
        if path.association not in association_ids:
            raise ContentError(rel, f"unknown association '{path.association}'", record, "association")
        for code in path.applies_to:
            if content.unit(code) is None:
                raise ContentError(rel, f"CU {code} is not in classification_units.csv", record, "applies_to")
        for point in path.points:
            unknown = _placeholders(point) - PATH_FIELDS
            if unknown:
                raise ContentError(rel, f"unknown placeholder {{{sorted(unknown)[0]}}}", record, "points")


def load_guide(root: Path | str = CONTENT_DIR, content: Content | None = None) -> Guide:
    """Read the partner guide and check it against the content: every id it names exists, every CU
    it names is known, every placeholder is one the app fills. Raises ContentError."""
    root = Path(root)
    content = content or load_content(root)
    path = root / GUIDE_FILE
    rel = relative(path, root)
    data = read_toml(path, root)
    guide = Guide(
        kinds=read_records(AlignmentKind, data.get("kind"), rel, "kind"),
        steps=read_records(StepTemplate, data.get("step"), rel, "step"),
        paths=read_records(GuidePath, data.get("path"), rel, "path"),
        directory_notes=read_records(DirectoryNote, data.get("directory_note"), rel, "directory_note"),
    )
    _check_guide_steps(guide, rel)
    _check_guide_paths(guide, content, rel)
    return guide


@lru_cache(maxsize=1)
def partner_guide() -> Guide:
    """The guide beside the content in use (see content_dir), loaded once."""
    return load_guide(content_dir(), default_content())
