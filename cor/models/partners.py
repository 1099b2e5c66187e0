"""Certifying partners, the associations beside them, who does what, and the partner guide's
wording (kinds of result, the checklist, industry paths, directory notes)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, HttpUrl, field_validator

from cor.models.base import CuCode, Effective, Jurisdiction, Record, Slug, Sourced, SourceUrl
from cor.models.jurisdictions import ProgramSize

#: How a CU relates to a partner. "alignment unconfirmed": a source lists the CU with the partner
#: without saying contracted or aligned; "un-served": a source says no partner serves the CU;
#: "no partner found": our sources name none (which is not the same as un-served).
Alignment = Literal[
    "contracted", "naturally aligned", "alignment unconfirmed", "un-served", "no partner found"
]


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


class Role(Sourced):
    id: Slug
    jurisdiction: Jurisdiction
    name: str
    does: tuple[str, ...]
    note: str = ""


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
SITUATIONS: tuple[Situation, ...] = get_args(Situation)


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
