"""Typed models of the facts in ``content/``.

Every fact the app shows comes from a record that names its source and the date or year it
applies to, so a reader can check it and an editor can see when it goes stale. Models are frozen:
content is loaded once and shared by every session of the app.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

Jurisdiction = Literal["BC", "AB"]
Evidence = Literal["documentation", "interview", "observation"]
Alignment = Literal["contracted", "naturally aligned", "un-served"]
Confidence = Literal["high", "medium", "low"]
ProgramSize = Literal["large", "small", "owner-operator"]
RateStage = Literal["preliminary", "final", "projected", "example", "not stated"]

#: A year ("2024") or a full ISO date ("2019-10-01"): when a fact took effect or was stated.
Effective = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}-\d{2})?$")]


class Record(BaseModel):
    """Base of every content record: strict (unknown fields are typos) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Sourced(Record):
    """A record that states a fact: where it comes from and when it applies."""

    source_url: HttpUrl
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

    id: str = Field(pattern=r"^[a-z0-9-]+$")
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

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    number: int = Field(ge=1)
    name: str
    summary: str


class AnswerOption(Record):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    label: str
    credit: Decimal | None = Field(
        default=None, ge=0, le=1, description="Share of the points earned; none = not applicable"
    )

    @property
    def not_applicable(self) -> bool:
        return self.credit is None


class AnswerScale(Record):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    options: tuple[AnswerOption, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> AnswerScale:
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"option ids repeat in scale {self.id!r}")
        return self

    def option(self, option_id: str) -> AnswerOption:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


class Question(Record):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    element: str
    text: str
    why: str = Field(description="Why an auditor asks it")
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    look_for: str = Field(description="What the auditor looks for, concretely")
    points: int = Field(ge=1, le=100)
    scale: str
    sets: tuple[str, ...] = Field(min_length=1, description="Question sets this question is in")
    action: str = Field(description="What to do when the answer falls short")
    owner: str = Field(default="Safety coordinator", description="Suggested owner of the action")


class QuestionBank(Record):
    elements: tuple[Element, ...]
    scales: tuple[AnswerScale, ...]
    questions: tuple[Question, ...]

    @model_validator(mode="after")
    def _references(self) -> QuestionBank:
        element_ids = {e.id for e in self.elements}
        scale_ids = {s.id for s in self.scales}
        seen: set[str] = set()
        for q in self.questions:
            if q.id in seen:
                raise ValueError(f"question id {q.id!r} is used twice")
            seen.add(q.id)
            if q.element not in element_ids:
                raise ValueError(f"question {q.id!r}: unknown element {q.element!r}")
            if q.scale not in scale_ids:
                raise ValueError(f"question {q.id!r}: unknown answer scale {q.scale!r}")
        return self

    def element(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.id == element_id)

    def scale(self, scale_id: str) -> AnswerScale:
        return next(s for s in self.scales if s.id == scale_id)

    def question_set(self, tag: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if tag in q.sets)


# --- classification units, partners, incentives, cycle ------------------------------------


class RateRecord(Sourced):
    """A CU's base rate ($ per $100 of assessable payroll) for one year."""

    jurisdiction: Jurisdiction
    cu_code: str = Field(pattern=r"^\d{6}$")
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

    code: str
    name: str
    industry: str
    keywords: str
    rates: tuple[RateRecord, ...]

    def rate_for(self, year: int) -> RateRecord | None:
        return next((r for r in self.rates if r.year == year and r.base_rate is not None), None)

    def latest_rate(self) -> RateRecord | None:
        return next((r for r in self.rates if r.base_rate is not None), None)


class PartnerProvides(Record):
    audit_instrument: bool = True
    auditor_training: bool = True
    quality_assurance: bool = True


class PartnerSource(Record):
    """Where one fact about a partner comes from, when it is not the record's main source."""

    fact: str
    url: HttpUrl
    effective: Effective


class Partner(Sourced):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
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
        bad = [c for c in prefixes if not (1 <= len(c) < 6 and c.isdigit())]
        if bad:
            raise ValueError(f"CU code prefixes must be one to five digits: {', '.join(bad)}")
        return prefixes

    @field_validator("contracted", "naturally_aligned")
    @classmethod
    def _codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        bad = [c for c in codes if not (len(c) == 6 and c.isdigit())]
        if bad:
            raise ValueError(f"CU codes must be six digits: {', '.join(bad)}")
        return codes


class Association(Sourced):
    """A health and safety association that is not a certifying partner (e.g. SafeCare BC)."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    url: HttpUrl
    cu_codes: tuple[str, ...]
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
    good_standing_source_url: HttpUrl
    good_standing_note: str = ""
    #: How far back a published base rate may be filled in: 1 means this year's or last year's;
    #: anything older is shown as history and the employer enters its own.
    rate_fill_years_back: int = Field(default=1, ge=0, le=10)
    #: Where an employer finds its own base rate, for the guide beside the rate field.
    rate_guide: str = ""
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
    secor_source_url: HttpUrl | None = None
    performance: PIRPerformanceRule | None = None


class Incentives(Record):
    bc: BCIncentiveRule
    ab: ABIncentiveRule


class PartnerCycleRule(Sourced):
    """Audit-cycle rules that differ by certifying partner."""

    partner: str
    min_gap_months: int | None = Field(default=None, ge=0, le=24)
    report_due_days: int | None = Field(default=None, ge=0, le=365)
    notice_days: int | None = Field(default=None, ge=0, le=365)
    year_end_due: str | None = Field(default=None, pattern=r"^\d{2}-\d{2}$")
    year_end_due_from: int | None = Field(
        default=None, ge=2000, le=2100, description="First audit year the year_end_due applies to"
    )
    note: str = ""


class CycleRules(Sourced):
    certificate_years: int = Field(ge=1, le=10)
    maintenance_due: str = Field(pattern=r"^\d{2}-\d{2}$", description="MM-DD, on-site deadline")
    incentive_credit: str
    internal_auditor_valid_years: int = Field(ge=1, le=10)
    internal_auditor_refresher: str
    incentive_credit_by: str = Field(
        default="06-30", pattern=r"^\d{2}-\d{2}$", description="MM-DD, estimated credit date"
    )
    program_start_year: int = Field(default=2008, ge=1990, le=2100)
    reminder_days: tuple[int, ...] = Field(default=(30, 14), description="Calendar alarms before audits")
    refresher_lead_days: int = Field(default=90, ge=0, le=365)
    incentive_source_url: HttpUrl | None = None
    internal_auditor_source_url: HttpUrl | None = None
    partner_rules: tuple[PartnerCycleRule, ...] = ()


class Role(Sourced):
    id: str
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

    def jurisdiction(self, code: str) -> JurisdictionInfo:
        return next(j for j in self.jurisdictions if j.code == code)

    def program(self, program_id: str) -> Program:
        return next(p for p in self.programs if p.id == program_id)

    def unit(self, code: str) -> ClassificationUnit | None:
        return next((u for u in self.units if u.code == code), None)

    def partner(self, partner_id: str) -> Partner:
        return next(p for p in self.partners if p.id == partner_id)
