"""Jurisdictions and the certification programs they run, by employer size (the general bands
and each certifying partner's own)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, HttpUrl, model_validator

from cor.models.base import Jurisdiction, Record, Slug, Sourced

ProgramSize = Literal["large", "small", "owner-operator"]


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
    """A province and everything in which its COR differs from another's: the app reads these
    fields instead of testing a province's code, so a new province arrives as content."""

    code: Jurisdiction
    name: str
    regulator: str
    incentive_program: str
    #: How Savings estimates the incentive: BC's share of base assessment on experience rating,
    #: Alberta's PIR refund, or no estimator yet (a jurisdiction added as content only).
    incentive_model: Literal["bc_experience_rating", "ab_pir", "none"] = "none"
    pass_rule: PassRule
    partners_program: Contact
    iso_equivalency: bool
    iso_equivalency_note: str
    notes: tuple[DatedNote, ...] = Field(default=(), description="Where its program is heading, dated")
    policies: tuple[Policy, ...] = ()
    default: bool = Field(
        default=False,
        description="The app opens on it and its rules apply when none is named (exactly one has it)",
    )
    cu_codes: bool = Field(
        default=False,
        description="classification_units.csv lists its industries (six-digit CU codes): the partner "
        "finder takes a code, and a CU leads to a partner and a program (exactly one has it)",
    )
    cycle_planner: bool = Field(
        default=False,
        description="cycle.toml's rules are its own; for any other the planner says it follows them "
        "and what that province's COR asks instead (exactly one has it)",
    )
    search_examples: str = Field(description="Examples under the partner finder's search field")


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
