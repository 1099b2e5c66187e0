"""The whole content as one record, and the figure the About page lists."""

from __future__ import annotations

from functools import cached_property

from pydantic import BaseModel, ConfigDict

from cor.models.base import NotInContent, Record, Sourced, lookup
from cor.models.cycle import CycleRules
from cor.models.incentives import ClassificationUnit, Incentives
from cor.models.jurisdictions import (
    GeneralSizeRule,
    JurisdictionInfo,
    PartnerProgram,
    PartnerSizeNote,
    Program,
)
from cor.models.partners import Association, Partner, Role, TradeWords, UnservedUnit
from cor.models.questions import QuestionBank
from cor.models.sampling import PointsSplit, SamplingTable


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
        """The jurisdiction whose rules apply when none is named, and the app opens on."""
        return self._flagged("default", "default jurisdiction")

    def jurisdiction_or_default(self, code: str | None) -> JurisdictionInfo:
        """The jurisdiction ``code`` names, else (none named, or one the content lacks) the default."""
        return self.jurisdictions_by_code.get(code or "") or self.default_jurisdiction()

    def cu_jurisdiction(self) -> JurisdictionInfo:
        """The jurisdiction whose classification units (six-digit CU codes) the content lists."""
        return self._flagged("cu_codes", "jurisdiction with CU codes")

    def planner_jurisdiction(self) -> JurisdictionInfo:
        """The jurisdiction whose audit-cycle rules (cycle.toml) the planner applies."""
        return self._flagged("cycle_planner", "jurisdiction of the cycle planner's rules")

    def uses_cu_codes(self, code: str | None) -> bool:
        """Whether the jurisdiction ``code`` names its industries by CU code (False for an unknown one)."""
        info = self.jurisdictions_by_code.get(code or "")
        return info is not None and info.cu_codes

    def _flagged(self, field: str, kind: str) -> JurisdictionInfo:
        found = next((info for info in self.jurisdictions if getattr(info, field)), None)
        if found is None:
            raise NotInContent(kind, f"{field} = true", self.jurisdictions_by_code)
        return found

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
