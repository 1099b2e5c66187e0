"""The audit cycle's rules: the general ones, each partner's own, internal auditors and
maintenance pass marks."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, HttpUrl

from cor.models.base import Jurisdiction, MonthDay, Slug, Sourced, SourceUrl


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
