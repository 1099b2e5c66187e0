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
from typing import Annotated, Any, Literal, Self, TypeVar

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
#: How a CU relates to a partner. "alignment unconfirmed": a source lists the CU with the partner
#: without saying contracted or aligned; "un-served": a source says no partner serves the CU;
#: "no partner found": our sources name none (which is not the same as un-served).
Alignment = Literal[
    "contracted", "naturally aligned", "alignment unconfirmed", "un-served", "no partner found"
]
Confidence = Literal["high", "medium", "low"]
ProgramSize = Literal["large", "small", "owner-operator"]
RateStage = Literal["preliminary", "final", "projected", "example", "not stated"]


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

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )


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

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy whose lookup tables are built afresh: tables cached on the original describe its
        fields, not the updated ones (pydantic copies the instance dict, caches included)."""
        copied = super().model_copy(update=update, deep=deep)
        for klass in type(self).__mro__:
            for name, attribute in vars(klass).items():
                if isinstance(attribute, cached_property):
                    copied.__dict__.pop(name, None)
        return copied


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


class Policy(Sourced):
    """A regulator's own policy that a rule rests on (the primary source behind partners' pages)."""

    name: str
    covers: str


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
    policies: tuple[Policy, ...] = ()


class SizeBand(Sourced):
    """A range of worker counts a program is for: the general programs and each partner's own."""

    min_workers: int = Field(ge=1)
    max_workers: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.max_workers is not None and self.max_workers < self.min_workers:
            raise ValueError("max_workers is below min_workers")
        return self

    def fits(self, workers: int) -> bool:
        return workers >= self.min_workers and (self.max_workers is None or workers <= self.max_workers)


class Program(SizeBand):
    """A certification program a certifying partner runs, e.g. BC large employer COR."""

    id: Slug
    jurisdiction: Jurisdiction
    name: str
    size: ProgramSize
    question_set: str = Field(description="Tag selecting the questions of this program")
    certification_auditor: str
    maintenance_auditor: str
    summary: str
    partners_only: bool = Field(
        default=False, description="Offered by some partners only: never the general recommendation"
    )


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
    #: Whether the source gives the rate as WorkSafeBC's preliminary (fall) or final figure, as a
    #: worked example, or does not say: shown beside the rate field.
    rate_stage: RateStage = "not stated"


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


class TradeWords(Sourced):
    """The words people use for the trades of a partner's sector ("roofer", "plumber"), with the
    source that puts those trades in the partner's CUs, so a search by trade finds the partner."""

    partner: str = Field(pattern=r"^[a-z0-9-]+$")
    sector: str
    words: str = Field(description="';'-separated, as people type them")


class PartnerProgram(SizeBand):
    """One certifying partner's own program for a band of employer sizes (its rule, not a general one),
    e.g. a forestry partner's band for 2 to 5 workers. ``program`` names the app's question-set program."""

    partner: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    program: str = Field(pattern=r"^[a-z0-9-]+$", description="Id of the program in programs.toml")
    counting: str = Field(default="", description="How this partner counts workers, when a source says")


class PartnerSizeNote(Sourced):
    """What a partner's size bands leave out (e.g. a partner that certifies large employers only)."""

    partner: str = Field(pattern=r"^[a-z0-9-]+$")
    text: str


class GeneralSizeRule(Sourced):
    """The caveat shown with the general answer, when the employer's partner is not known."""

    jurisdiction: Jurisdiction
    caveat: str


class UnservedUnit(Sourced):
    """A CU that a source says no certifying partner serves (only then is it called un-served)."""

    cu_code: str = Field(pattern=r"^\d{6}$")


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
    """One published version of the small-employer minimum incentive. Exactly one is "in force"
    (applied by default); older versions are "history", listed with their dates, never offered as
    an equal choice."""

    label: str
    share_of_premium_pct: Decimal = Field(ge=0, le=100)
    cap: Decimal = Field(ge=0)
    wording: str
    status: Literal["in force", "history"] = "in force"


class BCIncentiveRule(Sourced):
    rate_pct: Decimal = Field(ge=0, le=100)
    basis: str
    timing: str
    small_employer_minimum: tuple[SmallEmployerMinimum, ...]
    minimum_conflict_note: str
    good_standing: tuple[str, ...]
    good_standing_source_url: SourceUrl
    good_standing_note: str = ""
    #: Shown once every condition is ticked: what still stands between the employer and the incentive
    #: (the year's audit, WorkSafeBC's decision), never a promise that the estimate applies.
    all_conditions_ticked: str
    eligibility_source_url: SourceUrl
    #: What misrepresentation costs (the certificate, and past incentives), with its own source.
    misrepresentation: str
    misrepresentation_source_url: SourceUrl
    #: How far back a published base rate may be filled in: 1 means this year's or last year's;
    #: anything older is shown as history and the employer enters its own.
    rate_fill_years_back: int = Field(default=1, ge=0, le=10)
    #: Where an employer finds its own base rate, for the guide beside the rate field.
    rate_guide: str = ""
    #: The same in one sentence, under the page's instruction.
    rate_where: str = ""
    rate_guide_source_url: HttpUrl | None = None

    @model_validator(mode="after")
    def _one_minimum_in_force(self) -> BCIncentiveRule:
        in_force = [m for m in self.small_employer_minimum if m.status == "in force"]
        if len(in_force) != 1:
            raise ValueError(
                f"exactly one small_employer_minimum must have status 'in force' ({len(in_force)} have)"
            )
        return self

    @property
    def minimum_in_force(self) -> SmallEmployerMinimum:
        return next(m for m in self.small_employer_minimum if m.status == "in force")


class PIRPerformanceRule(Sourced):
    """Alberta PIR refunds for safety performance, besides the COR refund: 1% per 1% improvement
    on the employer's own record up to a cap, or a range for industry leadership. The highest
    measure an employer qualifies for is the one paid."""

    improvement_pct_per_pct: Decimal = Field(gt=0, le=10)
    improvement_max_pct: Decimal = Field(ge=0, le=100)
    leadership_min_pct: Decimal = Field(ge=0, le=100)
    leadership_max_pct: Decimal = Field(ge=0, le=100)
    wording: str


class ABIncentiveRule(Sourced):
    first_year_pct: Decimal = Field(ge=0, le=100)
    maintenance_year_pct: Decimal = Field(ge=0, le=100)
    maximum_pct: Decimal = Field(ge=0, le=100)
    basis: str
    secor_note: str
    secor_source_url: SourceUrl | None = None
    performance: PIRPerformanceRule | None = None


class Incentives(Record):
    bc: BCIncentiveRule
    ab: ABIncentiveRule


class CycleRuleConflict(Sourced):
    """Another statement by the same partner that disagrees with its rule: shown beside it, so
    the user asks the partner instead of trusting either one blindly."""

    text: str


class PartnerCycleRule(Sourced):
    """Audit-cycle rules that differ by certifying partner."""

    partner: Slug
    maintenance_due_on: Literal["year_end", "anniversary"] = Field(
        default="year_end",
        description="year_end: the general calendar-year deadline; anniversary: the certification date's anniversary",
    )
    anniversary_grace_to: tuple[MonthDay, ...] = Field(
        default=(),
        description="Month-days a maintenance audit may slip to after the anniversary (the first that follows)",
    )
    recertification_window_months: int | None = Field(
        default=None,
        ge=1,
        le=36,
        description="Re-certification no earlier than this many months before expiry",
    )
    timing_source_url: HttpUrl | None = Field(
        default=None, description="Where the audit timing (anniversary, re-certification window) is stated"
    )
    conflicts: tuple[CycleRuleConflict, ...] = ()
    min_gap_months: int | None = Field(default=None, ge=0, le=24)
    report_due_days: int | None = Field(default=None, ge=0, le=365)
    notice_days: int | None = Field(default=None, ge=0, le=365)
    year_end_due: MonthDay | None = None
    year_end_due_from: int | None = Field(
        default=None, ge=2000, le=2100, description="First audit year the year_end_due applies to"
    )
    note: str = ""


class AuditorRule(Sourced):
    """What one certifying partner asks of an internal auditor to stay certified."""

    partner: str
    valid_years: int = Field(ge=1, le=10)
    rule: str


class MaintenancePassRule(Sourced):
    """A jurisdiction's pass mark for maintenance audits, where it differs from certification.

    ``overall_min_pct`` is None when our sources give no figure ("unconfirmed")."""

    jurisdiction: Jurisdiction
    overall_min_pct: Decimal | None = Field(default=None, ge=0, le=100)
    stated_by: str
    note: str


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
    auditor_rules: tuple[AuditorRule, ...] = ()
    maintenance_pass: tuple[MaintenancePassRule, ...] = ()


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


# --- audit-day sampling and the partner guide ----------------------------------------------


class InterviewExample(Record):
    """A published example: an employer of ``workers`` people (or of ``workers`` to ``max_workers``,
    when the partner publishes a range) is interviewed at least this often."""

    workers: int = Field(ge=1)
    max_workers: int | None = Field(default=None, ge=1)
    interviews: int = Field(ge=1)

    @model_validator(mode="after")
    def _range(self) -> InterviewExample:
        if self.max_workers is not None and self.max_workers < self.workers:
            raise ValueError("max_workers is below workers")
        return self

    def holds(self, workers: int) -> bool:
        return self.workers <= workers <= (self.max_workers or self.workers)


class SiteExample(Record):
    """A published example of how many of an employer's sites the auditor visits: all of them, a
    count, or a share (one of the three)."""

    min_sites: int = Field(ge=1)
    max_sites: int = Field(ge=1)
    all_sites: bool = False
    visited: int | None = Field(default=None, ge=1)
    visited_share_pct: Decimal | None = Field(default=None, gt=0, le=100)
    minimum: bool = Field(default=False, description="The share is a minimum ('at least 10%')")

    @model_validator(mode="after")
    def _one_rule(self) -> SiteExample:
        rules = [self.all_sites, self.visited is not None, self.visited_share_pct is not None]
        if sum(rules) != 1:
            raise ValueError("give exactly one of all_sites, visited or visited_share_pct")
        if self.max_sites < self.min_sites:
            raise ValueError("max_sites is below min_sites")
        return self


class SamplingTable(Sourced):
    """A partner's published sampling examples: interviews by employer size, site visits by sites."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    publisher: str = Field(description="Whose table it is, as the page names it")
    partners: tuple[str, ...] = Field(description="Ids of the partners whose audits it describes")
    interview_mix: str = Field(description="Who is interviewed, in the source's terms")
    interviews: tuple[InterviewExample, ...] = Field(min_length=1)
    sites: tuple[SiteExample, ...] = Field(min_length=1)


class PointsSplit(Sourced):
    """A published audit's points in all, and those left when interviews and observation are removed."""

    audit: str
    total_points: int = Field(ge=1)
    documentation_points: int = Field(ge=0)

    @model_validator(mode="after")
    def _within(self) -> PointsSplit:
        if self.documentation_points > self.total_points:
            raise ValueError("documentation_points is above total_points")
        return self


#: What a lookup means for the employer: the alignments, split where the next step differs.
Situation = Literal[
    "contracted",
    "naturally aligned",
    "multiply aligned",
    "alignment unconfirmed",
    "un-served",
    "no partner found",
    "unknown",
]
SITUATIONS: tuple[Situation, ...] = (
    "contracted",
    "naturally aligned",
    "multiply aligned",
    "alignment unconfirmed",
    "un-served",
    "no partner found",
    "unknown",
)


class AlignmentKind(Sourced):
    """What one kind of result means, for the finder's explanation."""

    id: Situation
    label: str
    meaning: str
    note: str = Field(default="", description="Said in the explanation only, not under a result")


class StepTemplate(Record):
    """One checklist item, shown when the result's situation is in ``when``."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    when: tuple[Situation | Literal["association", "all", "partner"], ...] = Field(min_length=1)
    text: str


class GuidePath(Sourced):
    """An industry with no certifying partner of its own, told step by step (e.g. health care)."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    applies_to: tuple[str, ...] = Field(description="CU codes the path is for")
    words: tuple[str, ...] = Field(description="Search words that lead to the path")
    partner: str = Field(description="Id of the naturally aligned partner")
    association: str = Field(description="Id of the industry association")
    points: tuple[str, ...] = Field(min_length=1)


class DirectoryNote(Sourced):
    """What the directory says before its list of a province's partners (counts, caveats)."""

    jurisdiction: Jurisdiction
    text: str


class Guide(Record):
    """The partner guide's wording: kinds of result, the checklist, paths, directory notes."""

    kinds: tuple[AlignmentKind, ...]
    steps: tuple[StepTemplate, ...]
    paths: tuple[GuidePath, ...]
    directory_notes: tuple[DirectoryNote, ...]

    def kind(self, kind_id: str) -> AlignmentKind:
        for kind in self.kinds:
            if kind.id == kind_id:
                return kind
        raise KeyError(f"The partner guide explains no result of the kind '{kind_id}'")

    def directory_note(self, jurisdiction: str) -> DirectoryNote | None:
        return next((n for n in self.directory_notes if n.jurisdiction == jurisdiction), None)


class Content(Record):
    """Everything in ``content/``, validated and cross-checked."""

    jurisdictions: tuple[JurisdictionInfo, ...]
    programs: tuple[Program, ...]
    bank: QuestionBank
    units: tuple[ClassificationUnit, ...]
    partners: tuple[Partner, ...]
    associations: tuple[Association, ...]
    trade_words: tuple[TradeWords, ...] = ()
    incentives: Incentives
    cycle: CycleRules
    roles: tuple[Role, ...]
    errata: tuple[Erratum, ...]
    partner_programs: tuple[PartnerProgram, ...] = ()
    partner_size_notes: tuple[PartnerSizeNote, ...] = ()
    general_size_rules: tuple[GeneralSizeRule, ...] = ()
    unserved: tuple[UnservedUnit, ...] = ()
    sampling: tuple[SamplingTable, ...] = ()
    points_splits: tuple[PointsSplit, ...] = ()

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

    @cached_property
    def associations_by_id(self) -> dict[str, Association]:
        return {association.id: association for association in self.associations}

    def association(self, association_id: str) -> Association:
        return lookup(self.associations_by_id, association_id, "association")


class Figure(BaseModel):
    """One figure the app uses, as About the numbers lists it: what, how much, when, and where from."""

    model_config = ConfigDict(frozen=True)

    topic: str
    figure: str
    value: str
    year: str
    source_url: str
    note: str = ""
