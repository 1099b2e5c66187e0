"""Certifying-partner lookup.

A classification unit (CU) is contracted to one partner, naturally aligned to one or more, or
un-served. When we do not know a CU, or nobody serves it, the honest answer is WorkSafeBC's
Partners Program, so every lookup returns at least one match that tells the user whom to call.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from cor.content import default_content
from cor.models import Alignment, ClassificationUnit, Content

PARTNERS_PROGRAM = "WorkSafeBC Partners Program"


class Match(BaseModel):
    model_config = ConfigDict(frozen=True)

    cu_code: str
    cu_name: str | None
    partner_id: str | None
    partner_name: str
    alignment: Alignment
    reason: str
    url: str
    known_cu: bool = True
    caveat: str = ""


def _code(cu_code: str) -> str:
    code = re.sub(r"[\s-]", "", str(cu_code))
    return code


def find(cu_code: str, content: Content | None = None) -> list[Match]:
    """Partners for a BC CU: contracted first, then naturally aligned ones (the employer picks),
    or a single un-served match pointing to WorkSafeBC's Partners Program."""
    content = content or default_content()
    code = _code(cu_code)
    unit = content.unit(code)
    name = unit.name if unit else None
    bc_partners = [p for p in content.partners if p.jurisdiction == "BC"]
    matches: list[Match] = []
    for p in bc_partners:
        if code in p.contracted or any(code.startswith(prefix) for prefix in p.contracted_prefixes):
            how = "by its CU code range" if code not in p.contracted else "by name in our sources"
            matches.append(
                Match(
                    cu_code=code,
                    cu_name=name,
                    partner_id=p.id,
                    partner_name=p.name,
                    alignment="contracted",
                    reason=(
                        f"This CU is contracted to {p.short_name} ({how}): its employers fund "
                        f"{p.short_name} through their premiums, so {p.short_name} is your certifying partner."
                    ),
                    url=str(p.url),
                    known_cu=unit is not None,
                    caveat=p.status_note,
                )
            )
    aligned = [p for p in bc_partners if code in p.naturally_aligned]
    for p in aligned:
        choice = (
            f" It is aligned to {len(aligned)} partners: choose the one that fits your operations best."
            if len(aligned) > 1
            else ""
        )
        matches.append(
            Match(
                cu_code=code,
                cu_name=name,
                partner_id=p.id,
                partner_name=p.name,
                alignment="naturally aligned",
                reason=(
                    f"No certifying partner is contracted for this CU, so WorkSafeBC has aligned it with "
                    f"{p.short_name}, whose industry is closest.{choice} WorkSafeBC may need to approve "
                    "your registration first."
                ),
                url=str(p.url),
                known_cu=unit is not None,
                caveat=p.status_note,
            )
        )
    if matches:
        return matches
    program = content.jurisdiction("BC").partners_program
    if unit is None:
        reason = (
            f"We do not have CU {code} in our list (it covers the CUs our sources name). "
            f"Ask the {PARTNERS_PROGRAM} which partner serves it."
        )
    else:
        reason = (
            f"Our sources name no certifying partner for {unit.name}: it appears to be un-served. "
            f"The {PARTNERS_PROGRAM} can tell you whether a partner can take you on."
        )
    return [
        Match(
            cu_code=code,
            cu_name=name,
            partner_id=None,
            partner_name=PARTNERS_PROGRAM,
            alignment="un-served",
            reason=reason,
            url=str(program.url),
            known_cu=unit is not None,
        )
    ]


def search(text: str, content: Content | None = None) -> list[ClassificationUnit]:
    """CUs whose code, name, industry or keywords match every word of ``text``."""
    content = content or default_content()
    words = [w for w in re.split(r"[\s,;]+", text.lower().strip()) if w]
    if not words:
        return []
    digits = _code(text)
    if digits.isdigit():
        return [u for u in content.units if u.code.startswith(digits)]
    hits = []
    for unit in content.units:
        haystack = f"{unit.code} {unit.name} {unit.industry} {unit.keywords}".lower()
        if all(w in haystack for w in words):
            hits.append(unit)
    return hits
