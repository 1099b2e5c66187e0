"""Audit-day facts: partners' published sampling examples and points splits."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from cor.models.base import Record, Sourced


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
