"""Typed models of the facts in ``content/``.

Every fact the app shows comes from a record that names its source and the date or year it
applies to, so a reader can check it and an editor can see when it goes stale. Models are frozen:
content is loaded once and shared by every session of the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    HttpUrl,
    field_validator,
    model_validator,
)
from pydantic_core import core_schema

Jurisdiction = Literal["BC", "AB"]
Evidence = Literal["documentation", "interview", "observation"]
Alignment = Literal["contracted", "naturally aligned", "un-served"]
Confidence = Literal["high", "medium", "low"]
ProgramSize = Literal["large", "small", "owner-operator"]


def _real_date(text: str) -> str:
    if len(text) > 4:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a date of the calendar") from None
    return text


#: A year ("2024") or a full ISO date ("2019-10-01"): when a fact took effect or was stated.
Effective = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}-\d{2})?$"), AfterValidator(_real_date)]
#: Where a fact comes from: a web address a reader can open.
SourceUrl = HttpUrl
#: A record's id, as other records and the app refer to it: lower-case words joined by dashes.
Slug = Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
#: A WorkSafeBC classification unit code: six ASCII digits (typed codes go through cor.codes first).
CuCode = Annotated[str, Field(pattern=r"^\d{6}$")]

#: The jurisdiction whose rules apply when a caller names none (the app opens on it too).
DEFAULT_JURISDICTION: Jurisdiction = "BC"


class MonthDay(str):
    """A day of every year, written "MM-DD" in content (e.g. "12-31"), checked and split into
    ``month`` and ``day`` once at load time. It is still the string it was written as, so it
    reads the same on the page; 02-29 is accepted (a leap day exists in some years)."""

    month: int
    day: int

    def __new__(cls, text: str) -> MonthDay:
        month_text, dash, day_text = text.partition("-")
        if not (dash and len(month_text) == 2 and len(day_text) == 2 and text.isascii()):
            raise ValueError(f"{text!r} is not a month and day written MM-DD")
        try:
            date(2000, int(month_text), int(day_text))  # 2000 is a leap year: 02-29 is a day
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the year (MM-DD)") from None
        value = super().__new__(cls, text)
        value.month, value.day = int(month_text), int(day_text)
        return value

    def in_year(self, year: int) -> date:
        """This day in ``year`` (a 02-29 falls back to 02-28 in a common year)."""
        if (self.month, self.day) == (2, 29) and not _is_leap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class NotInContent(KeyError):
    """A lookup by id found nothing: the message says what was looked for and what exists."""

    def __init__(self, kind: str, wanted: object, known: Any) -> None:
        self.kind = kind
        self.wanted = wanted
        super().__init__(
            f"no {kind} {wanted!r} in the content (known: {', '.join(map(str, known)) or 'none'})"
        )

    def __str__(self) -> str:
        return str(self.args[0])


RecordT = TypeVar("RecordT")


def lookup(table: Mapping[str, RecordT], wanted: str, kind: str) -> RecordT:
    """``table[wanted]``, or NotInContent naming the ``kind`` of record and the ids that exist."""
    try:
        return table[wanted]
    except KeyError:
        raise NotInContent(kind, wanted, table) from None


class Record(BaseModel):
    """Base of every content record: strict (unknown fields are typos) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Sourced(Record):
    """A record that states a fact: where it comes from and when it applies."""

    source_url: SourceUrl
    effective: Effective
    source_note: str = ""


# --- jurisdictions and programs -------------------------------------------------------------


class PassRule(Record):
    overall_min_pct: Decimal = Field(ge=0, le=100)
    element_min_pct: Decimal = Field(ge=0, le=100)


class Contact(Record):
    name: str
    url: HttpUrl
    phone: str = ""
    email: str = ""


class DatedNote(Sourced):
    """A dated statement about a program's direction, shown as such, not as a rule in force."""

    title: str
    text: str
    status: Literal["in force", "direction", "background", "on hold"] = "in force"


class JurisdictionInfo(Sourced):
    code: Jurisdiction
    name: str
    regulator: str
    incentive_program: str
    pass_rule: PassRule
    partners_program: Contact
    iso_equivalency: bool
    iso_equivalency_note: str
    notes: tuple[DatedNote, ...] = ()


class Program(Sourced):
    """A certification program a certifying partner runs, e.g. BC large employer COR."""

    id: Slug
    jurisdiction: Jurisdiction
    name: str
    size: ProgramSize
    min_workers: int = Field(ge=1)
    max_workers: int | None = Field(default=None, ge=1)
    question_set: str = Field(description="Tag selecting the questions of this program")
    certification_auditor: str
    maintenance_auditor: str
    summary: str

    @model_validator(mode="after")
    def _range(self) -> Program:
        if self.max_workers is not None and self.max_workers < self.min_workers:
            raise ValueError("max_workers is below min_workers")
        return self

    def fits(self, workers: int) -> bool:
        return workers >= self.min_workers and (self.max_workers is None or workers <= self.max_workers)


# --- the question bank ----------------------------------------------------------------------


class Element(Record):
    """One element of the project's common element list (an organising frame, not a CP's)."""

    id: Slug
    number: int = Field(ge=1)
    name: str
    summary: str


class AnswerOption(Record):
    id: Slug
    label: str
    credit: Decimal | None = Field(
        default=None, ge=0, le=1, description="Share of the points earned; none = not applicable"
    )

    @property
    def not_applicable(self) -> bool:
        return self.credit is None


class AnswerScale(Record):
    id: Slug
    options: tuple[AnswerOption, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> AnswerScale:
        ids = [option.id for option in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"option ids repeat in scale {self.id!r}")
        return self

    @cached_property
    def options_by_id(self) -> dict[str, AnswerOption]:
        return {option.id: option for option in self.options}

    def option(self, option_id: str) -> AnswerOption:
        return lookup(self.options_by_id, option_id, f"option of scale {self.id!r}")


class Question(Record):
    id: Slug
    element: Slug
    text: str
    why: str = Field(description="Why an auditor asks it")
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    look_for: str = Field(description="What the auditor looks for, concretely")
    points: int = Field(ge=1, le=100)
    scale: Slug
    sets: tuple[str, ...] = Field(min_length=1, description="Question sets this question is in")
    action: str = Field(description="What to do when the answer falls short")
    owner: str = Field(default="Safety coordinator", description="Suggested owner of the action")


class QuestionBank(Record):
    elements: tuple[Element, ...]
    scales: tuple[AnswerScale, ...]
    questions: tuple[Question, ...]

    # Lookup tables, built once per loaded bank (content is immutable); the loader checks that
    # every question's element and scale exist (cor.content.check_references).

    @cached_property
    def elements_by_id(self) -> dict[str, Element]:
        return {element.id: element for element in self.elements}

    @cached_property
    def scales_by_id(self) -> dict[str, AnswerScale]:
        return {scale.id: scale for scale in self.scales}

    @cached_property
    def derived(self) -> dict[object, object]:
        """Tables other modules derive from this bank and keep with it (e.g. cor.scoring's
        layout of a question set). The bank never changes, so they never go stale."""
        return {}

    def element(self, element_id: str) -> Element:
        return lookup(self.elements_by_id, element_id, "element")

    def scale(self, scale_id: str) -> AnswerScale:
        return lookup(self.scales_by_id, scale_id, "answer scale")

    @cached_property
    def question_sets(self) -> dict[str, tuple[Question, ...]]:
        """Every question set, by tag, in bank order; the same tuple each time it is asked for."""
        sets: dict[str, list[Question]] = {}
        for question in self.questions:
            for tag in question.sets:
                sets.setdefault(tag, []).append(question)
        return {tag: tuple(questions) for tag, questions in sets.items()}

    def question_set(self, tag: str) -> tuple[Question, ...]:
        return self.question_sets.get(tag, ())


# --- classification units, partners, incentives, cycle ------------------------------------


class RateRecord(Sourced):
    """A CU's base rate ($ per $100 of assessable payroll) for one year."""

    jurisdiction: Jurisdiction
    cu_code: CuCode
    cu_name: str
    industry: str
    keywords: str = ""
    year: int = Field(ge=1990, le=2100)
    base_rate: Decimal | None = Field(default=None, ge=0, le=100)
    confidence: Confidence


class ClassificationUnit(Record):
    """A CU with all the base rates known for it, newest year first."""

    code: CuCode
    name: str
    industry: str
    keywords: str
    rates: tuple[RateRecord, ...]

    def rate_for(self, year: int) -> RateRecord | None:
        return next((rate for rate in self.rates if rate.year == year and rate.base_rate is not None), None)

    def latest_rate(self) -> RateRecord | None:
        return next((rate for rate in self.rates if rate.base_rate is not None), None)


class PartnerProvides(Record):
    audit_instrument: bool = True
    auditor_training: bool = True
    quality_assurance: bool = True


class PartnerSource(Record):
    """Where one fact about a partner comes from, when it is not the record's main source."""

    fact: str
    url: SourceUrl
    effective: Effective


class Partner(Sourced):
    id: Slug
    jurisdiction: Jurisdiction
    name: str
    short_name: str
    industries: str
    programs: tuple[ProgramSize | Literal["COR", "SECOR"], ...]
    provides: PartnerProvides = PartnerProvides()
    url: HttpUrl
    contracted: tuple[str, ...] = ()
    contracted_prefixes: tuple[str, ...] = ()
    naturally_aligned: tuple[str, ...] = ()
    notes: str = ""
    status_note: str = ""
    keywords: str = Field(default="", description="Industry words people search for, ';'-separated")
    alignment_confirmed: bool = Field(
        default=True, description="False when a source lists the CUs without saying contracted or aligned"
    )
    sources: tuple[PartnerSource, ...] = ()

    @field_validator("contracted_prefixes")
    @classmethod
    def _prefixes(cls, prefixes: tuple[str, ...]) -> tuple[str, ...]:
        bad = [prefix for prefix in prefixes if not (1 <= len(prefix) < 6 and prefix.isdigit())]
        if bad:
            raise ValueError(f"CU code prefixes must be one to five digits: {', '.join(bad)}")
        return prefixes

    @field_validator("contracted", "naturally_aligned")
    @classmethod
    def _codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        bad = [code for code in codes if not (len(code) == 6 and code.isdigit())]
        if bad:
            raise ValueError(f"CU codes must be six digits: {', '.join(bad)}")
        return codes


class Association(Sourced):
    """A health and safety association that is not a certifying partner (e.g. SafeCare BC)."""

    id: Slug
    name: str
    url: HttpUrl
    cu_codes: tuple[CuCode, ...]
    offers: str
    contact: str = ""
    program: str = Field(default="", description="Name of its readiness program, e.g. SafeCare BC's TOP")
    members: str = Field(default="", description="Who belongs, in plain words (who the offer is for)")


class SmallEmployerMinimum(Sourced):
    """One published version of the small-employer minimum incentive (sources conflict)."""

    label: str
    share_of_premium_pct: Decimal = Field(ge=0, le=100)
    cap: Decimal = Field(ge=0)
    wording: str


class BCIncentiveRule(Sourced):
    rate_pct: Decimal = Field(ge=0, le=100)
    basis: str
    timing: str
    small_employer_minimum: tuple[SmallEmployerMinimum, ...]
    minimum_conflict_note: str
    good_standing: tuple[str, ...]
    good_standing_source_url: SourceUrl
    good_standing_note: str = ""


class ABIncentiveRule(Sourced):
    first_year_pct: Decimal = Field(ge=0, le=100)
    maintenance_year_pct: Decimal = Field(ge=0, le=100)
    maximum_pct: Decimal = Field(ge=0, le=100)
    basis: str
    secor_note: str
    secor_source_url: SourceUrl | None = None


class Incentives(Record):
    bc: BCIncentiveRule
    ab: ABIncentiveRule


class PartnerCycleRule(Sourced):
    """Audit-cycle rules that differ by certifying partner."""

    partner: Slug
    min_gap_months: int | None = Field(default=None, ge=0, le=24)
    report_due_days: int | None = Field(default=None, ge=0, le=365)
    notice_days: int | None = Field(default=None, ge=0, le=365)
    year_end_due: MonthDay | None = None
    year_end_due_from: int | None = Field(
        default=None, ge=2000, le=2100, description="First audit year the year_end_due applies to"
    )
    note: str = ""


class CycleRules(Sourced):
    certificate_years: int = Field(ge=1, le=10)
    maintenance_due: MonthDay = Field(description="MM-DD, on-site deadline")
    incentive_credit: str
    internal_auditor_valid_years: int = Field(ge=1, le=10)
    internal_auditor_refresher: str
    incentive_credit_by: MonthDay = Field(
        default=MonthDay("06-30"), description="MM-DD, estimated credit date"
    )
    program_start_year: int = Field(default=2008, ge=1990, le=2100)
    reminder_days: tuple[int, ...] = Field(default=(30, 14), description="Calendar alarms before audits")
    refresher_lead_days: int = Field(default=90, ge=0, le=365)
    incentive_source_url: SourceUrl | None = None
    internal_auditor_source_url: SourceUrl | None = None
    partner_rules: tuple[PartnerCycleRule, ...] = ()


class Role(Sourced):
    id: Slug
    jurisdiction: Jurisdiction = "BC"
    name: str
    does: tuple[str, ...]
    note: str = ""


class Erratum(Sourced):
    where: str
    states: str
    correct: str


class Content(Record):
    """Everything in ``content/``, validated and cross-checked."""

    jurisdictions: tuple[JurisdictionInfo, ...]
    programs: tuple[Program, ...]
    bank: QuestionBank
    units: tuple[ClassificationUnit, ...]
    partners: tuple[Partner, ...]
    associations: tuple[Association, ...]
    incentives: Incentives
    cycle: CycleRules
    roles: tuple[Role, ...]
    errata: tuple[Erratum, ...]

    # Lookup tables, built once per loaded content (it is immutable and shared by every session).

    @cached_property
    def jurisdictions_by_code(self) -> dict[str, JurisdictionInfo]:
        return {info.code: info for info in self.jurisdictions}

    @cached_property
    def programs_by_id(self) -> dict[str, Program]:
        return {program.id: program for program in self.programs}

    @cached_property
    def units_by_code(self) -> dict[str, ClassificationUnit]:
        return {unit.code: unit for unit in self.units}

    @cached_property
    def partners_by_id(self) -> dict[str, Partner]:
        return {partner.id: partner for partner in self.partners}

    def jurisdiction(self, code: str) -> JurisdictionInfo:
        return lookup(self.jurisdictions_by_code, code, "jurisdiction")

    def default_jurisdiction(self) -> JurisdictionInfo:
        """The jurisdiction whose rules apply when none is named."""
        return self.jurisdiction(DEFAULT_JURISDICTION)

    def program(self, program_id: str) -> Program:
        return lookup(self.programs_by_id, program_id, "program")

    def unit(self, code: str) -> ClassificationUnit | None:
        """The CU with this code, or None: a CU the content does not list is a normal answer."""
        return self.units_by_code.get(code)

    def partner(self, partner_id: str) -> Partner:
        return lookup(self.partners_by_id, partner_id, "partner")
