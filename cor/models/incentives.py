"""Classification units with their base rates, and the incentive rules (BC's COR incentive,
Alberta's PIR refunds)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, HttpUrl, model_validator

from cor.models.base import CuCode, Jurisdiction, Record, Sourced, SourceUrl

Confidence = Literal["high", "medium", "low"]

RateStage = Literal["preliminary", "final", "projected", "example", "not stated"]


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
