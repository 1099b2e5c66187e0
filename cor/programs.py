"""Which certification program fits an employer, by whose rule.

Program by size is the certifying partner's rule, not one rule for everyone: one partner's small
program has no minimum, another splits small employers into three bands, a third certifies large
employers only (content/programs.toml names them). So the recommendation takes the partner when it
is known (directly, or through the CU), says whose rule it applied, and falls back to the general
rule with a caveat when it is not. All bands are data (content/programs.toml).
"""

from __future__ import annotations

from pydantic import Field, HttpUrl

from cor.content import default_content
from cor.figure import sourced_figure
from cor.formatting import workers
from cor.models import Content, Effective, Figure, GeneralSizeRule, Partner, PartnerProgram, Program
from cor.partners import find

#: The recommended program never has an upper bound above this; used to sort open-ended ranges.
_OPEN_ENDED = 10**9


class Recommendation(Program):
    """The program that fits (its question set is ``id``), and whose rule chose it.

    A ``Program`` still, so callers that read ``id`` and ``name`` keep working."""

    rule_owner: str = Field(description="Whose rule this is: a partner's short name, or 'General rule'")
    partner_id: str | None = None
    partner_program: str = Field(default="", description="The partner's own name for the program")
    offered: bool = Field(default=True, description="False when the partner runs no program for this size")
    caveat: str = ""
    rule_source_url: HttpUrl
    rule_effective: Effective


def programs_for(jurisdiction: str, content: Content | None = None) -> list[Program]:
    content = content or default_content()
    return [p for p in content.programs if p.jurisdiction == jurisdiction]


def partner_programs(partner_id: str, content: Content) -> list[PartnerProgram]:
    """A partner's own programs by size, in content order (empty when our sources give none)."""
    return [band for band in content.partner_programs if band.partner == partner_id]


def _general_rule(jurisdiction: str, content: Content) -> GeneralSizeRule | None:
    return next((r for r in content.general_size_rules if r.jurisdiction == jurisdiction), None)


def _general(jurisdiction: str, workers: int, content: Content, why_general: str = "") -> Recommendation:
    """The general answer: the smallest program offered by every partner that fits ``workers``."""
    options = programs_for(jurisdiction, content)
    if not options:
        raise ValueError(f"No programs are known for {jurisdiction}.")
    fitting = [p for p in options if p.fits(workers) and not p.partners_only]
    if not fitting:
        raise ValueError(f"No {jurisdiction} program covers {workers} workers.")
    program = min(fitting, key=lambda p: p.max_workers or _OPEN_ENDED)
    rule = _general_rule(jurisdiction, content)
    caveat = " ".join(part for part in (why_general, rule.caveat if rule else "") if part)
    return Recommendation(
        **program.model_dump(),
        rule_owner="General rule",
        caveat=caveat,
        rule_source_url=rule.source_url if rule else program.source_url,
        rule_effective=rule.effective if rule else program.effective,
    )


def _size_note(partner: Partner, content: Content) -> str:
    return " ".join(n.text for n in content.partner_size_notes if n.partner == partner.id)


def _by_partner(partner: Partner, workers: int, content: Content) -> Recommendation:
    """The partner's own band for ``workers``; the general answer, saying why, when it has none."""
    bands = partner_programs(partner.id, content)
    band = next((b for b in bands if b.fits(workers)), None)
    note = _size_note(partner, content)
    if band is None:
        missing = (
            f"Our sources give no {partner.short_name} program for {workers} workers."
            if bands
            else f"Our sources do not give {partner.short_name}'s own size bands."
        )
        reason = note or missing
        general = _general(partner.jurisdiction, workers, content, reason)
        return general.model_copy(update={"partner_id": partner.id, "offered": not bands})
    program = content.program(band.program)
    return Recommendation(
        **program.model_dump(),
        rule_owner=partner.short_name,
        partner_id=partner.id,
        partner_program=band.name,
        caveat=band.counting,
        rule_source_url=band.source_url,
        rule_effective=band.effective,
    )


def _partner_of(cu_code: str, content: Content) -> tuple[Partner | None, str]:
    """The one partner a CU leads to, or None with the reason the general rule applies."""
    partner_ids = [m.partner_id for m in find(cu_code, content) if m.partner_id]
    if len(partner_ids) == 1:
        return content.partner(partner_ids[0]), ""
    if partner_ids:
        return None, f"CU {cu_code} is aligned to several partners; each has its own bands."
    return None, f"Our sources name no certifying partner for CU {cu_code}."


def recommend(
    jurisdiction: str,
    workers: int,
    content: Content | None = None,
    partner_id: str | None = None,
    cu_code: str | None = None,
) -> Recommendation:
    """The program for ``workers``, by the partner's rule when the partner (or the CU) is known.

    Raises ValueError with a user-facing message for a count below one or an unknown jurisdiction,
    and KeyError for an unknown ``partner_id``.
    """
    if workers < 1:
        raise ValueError("Count at least one worker (the owner counts when they work in the business).")
    content = content or default_content()
    why_general = ""
    partner = content.partner(partner_id) if partner_id else None
    if partner is None and cu_code and content.uses_cu_codes(jurisdiction):
        partner, why_general = _partner_of(cu_code, content)
    if partner is not None and partner.jurisdiction == jurisdiction:
        return _by_partner(partner, workers, content)
    return _general(jurisdiction, workers, content, why_general)


def size_band_figures(content: Content | None = None) -> list[Figure]:
    """Each partner's program bands, for "About the numbers" (one figure per band, with its source)."""
    content = content or default_content()
    names = {p.id: p.short_name for p in content.partners}
    figures = []
    for band in content.partner_programs:
        value = workers(band.min_workers, band.max_workers)
        figures.append(
            sourced_figure(band, f"Programs by size ({names[band.partner]})", band.name, value, band.counting)
        )
    return figures
