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
#: How a CU relates to a partner. "alignment unconfirmed": a source lists the CU with the partner
#: without saying contracted or aligned; "un-served": a source says no partner serves the CU;
#: "no partner found": our sources name none (which is not the same as un-served).
Alignment = Literal[
    "contracted", "naturally aligned", "alignment unconfirmed", "un-served", "no partner found"
]
Confidence = Literal["high", "medium", "low"]
ProgramSize = Literal["large", "small", "owner-operator"]

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
    partners_only: bool = Field(
        default=False, description="Offered by some partners only: never the general recommendation"
    )

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


class PartnerProgram(Sourced):
    """One certifying partner's own program for a band of employer sizes (its rule, not a general one),
    e.g. a forestry partner's band for 2 to 5 workers. ``program`` names the app's question-set program."""

    partner: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    program: str = Field(pattern=r"^[a-z0-9-]+$", description="Id of the program in programs.toml")
    min_workers: int = Field(ge=1)
    max_workers: int | None = Field(default=None, ge=1)
    counting: str = Field(default="", description="How this partner counts workers, when a source says")

    @model_validator(mode="after")
    def _range(self) -> PartnerProgram:
        if self.max_workers is not None and self.max_workers < self.min_workers:
            raise ValueError("max_workers is below min_workers")
        return self

    def fits(self, workers: int) -> bool:
        return workers >= self.min_workers and (self.max_workers is None or workers <= self.max_workers)


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

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    url: HttpUrl
    cu_codes: tuple[str, ...]
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
    good_standing_source_url: HttpUrl
    good_standing_note: str = ""


class ABIncentiveRule(Sourced):
    first_year_pct: Decimal = Field(ge=0, le=100)
    maintenance_year_pct: Decimal = Field(ge=0, le=100)
    maximum_pct: Decimal = Field(ge=0, le=100)
    basis: str
    secor_note: str
    secor_source_url: HttpUrl | None = None


class Incentives(Record):
    bc: BCIncentiveRule
    ab: ABIncentiveRule


MonthDay = Annotated[str, Field(pattern=r"^\d{2}-\d{2}$")]


class CycleRuleConflict(Sourced):
    """Another statement by the same partner that disagrees with its rule: shown beside it, so
    the user asks the partner instead of trusting either one blindly."""

    text: str


class PartnerCycleRule(Sourced):
    """Audit-cycle rules that differ by certifying partner."""

    partner: str
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
    year_end_due: str | None = Field(default=None, pattern=r"^\d{2}-\d{2}$")
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
    auditor_rules: tuple[AuditorRule, ...] = ()
    maintenance_pass: tuple[MaintenancePassRule, ...] = ()


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


# --- audit-day sampling and the partner guide ----------------------------------------------


class InterviewExample(Record):
    """A published example: an employer of ``workers`` people is interviewed at least this often."""

    workers: int = Field(ge=1)
    interviews: int = Field(ge=1)


class SiteExample(Record):
    """A published example of how many of an employer's sites the auditor visits: all of them, a
    count, or a share (one of the three)."""

    min_sites: int = Field(ge=1)
    max_sites: int = Field(ge=1)
    all_sites: bool = False
    visited: int | None = Field(default=None, ge=1)
    visited_share_pct: Decimal | None = Field(default=None, gt=0, le=100)

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

    def jurisdiction(self, code: str) -> JurisdictionInfo:
        return next(j for j in self.jurisdictions if j.code == code)

    def program(self, program_id: str) -> Program:
        for program in self.programs:
            if program.id == program_id:
                return program
        raise KeyError(f"No program has the id '{program_id}' in programs.toml")

    def unit(self, code: str) -> ClassificationUnit | None:
        return next((u for u in self.units if u.code == code), None)

    def partner(self, partner_id: str) -> Partner:
        for partner in self.partners:
            if partner.id == partner_id:
                return partner
        raise KeyError(f"No certifying partner has the id '{partner_id}' in partners.toml")

    def association(self, association_id: str) -> Association:
        for association in self.associations:
            if association.id == association_id:
                return association
        raise KeyError(f"No association has the id '{association_id}' in partners.toml")
