"""Certifying-partner lookup and the partner guide's rules.

A classification unit (CU) is contracted to one partner, naturally aligned to one or more, or
un-served (only where a source says so). When we do not know a CU, or our sources name no partner
for it, the honest answer is WorkSafeBC's Partners Program, so every lookup returns at least one
match that tells the user whom to call.

People rarely know their CU code, so the finder also searches CU names, industries and the words
people use ("long-term care", "trucking", "municipal"). The guide's wording (kinds of result,
checklist, the health care path) is content (content/guide/partner_guide.toml), loaded and
checked by cor.content.load_guide; its models are in cor.models.
"""

from __future__ import annotations

import functools
import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from cor.codes import ascii_digits
from cor.codes import cu_code as cu_code_of
from cor.content import STEP_FIELDS, default_content, load_guide, partner_guide
from cor.models import (
    SITUATIONS,
    Alignment,
    Association,
    ClassificationUnit,
    Content,
    Guide,
    GuidePath,
    Partner,
    Role,
    Situation,
    TradeWords,
)

__all__ = ["SITUATIONS", "Guide", "GuidePath", "Situation", "load_guide", "partner_guide"]

T = TypeVar("T")


class Match(BaseModel):
    """One partner a CU leads to, and why, in plain words."""

    model_config = ConfigDict(frozen=True)

    cu_code: str
    cu_name: str | None
    partner_id: str | None
    partner_name: str
    partner_short_name: str = ""
    alignment: Alignment
    reason: str
    url: str
    known_cu: bool = True
    caveat: str = ""
    contact: str = Field(default="", description="Phone and email, for the Partners Program")


# --- codes ---------------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    """'CU 766-011 ' -> '766011': people copy codes with spaces, hyphens, dots or 'CU' in front,
    and phones type full-width or Arabic-Indic digits (folded to ASCII by cor.codes)."""
    compact = re.sub(r"[\s\-.\u00a0]", "", ascii_digits(str(text))).upper()
    return compact.removeprefix("CU")


def _is_code(code: str) -> bool:
    return len(code) == 6 and code.isascii() and code.isdigit()


def _checked_code(cu_code: str) -> str:
    """The six-digit code in ``cu_code``; ValueError with a message for the user otherwise."""
    code = cu_code_of(str(cu_code)) or normalise_code(cu_code)
    if not _is_code(code):
        raise ValueError(f"A CU code has six digits, like 766011; “{str(cu_code).strip()}” is not one.")
    return code


# --- find ----------------------------------------------------------------------------------


class _Unit(NamedTuple):
    """The CU a lookup is about: its code, its name when our list has it."""

    code: str
    name: str | None


def _match(unit: _Unit, partner: Partner, alignment: Alignment, reason: str) -> Match:
    return Match(
        cu_code=unit.code,
        cu_name=unit.name,
        partner_id=partner.id,
        partner_name=partner.name,
        partner_short_name=partner.short_name,
        alignment=alignment,
        reason=reason,
        url=str(partner.url),
        known_cu=unit.name is not None,
        caveat=partner.status_note,
    )


def _contracted(unit: _Unit, partners: Sequence[Partner]) -> list[Match]:
    """Partners the CU is contracted to (by code or by a whole range), or listed with unconfirmed."""
    matches = []
    for partner in partners:
        prefix = next((pre for pre in partner.contracted_prefixes if unit.code.startswith(pre)), None)
        if unit.code not in partner.contracted and prefix is None:
            continue
        by_range = prefix if unit.code not in partner.contracted else None
        alignment: Alignment = "contracted" if partner.alignment_confirmed else "alignment unconfirmed"
        reason = _contracted_reason(partner, unit.code, by_range, unit.name is not None)
        matches.append(_match(unit, partner, alignment, reason))
    return matches


def _aligned(unit: _Unit, partners: Sequence[Partner]) -> list[Match]:
    """Partners WorkSafeBC has aligned the CU with; the employer picks when there are several."""
    aligned = [p for p in partners if unit.code in p.naturally_aligned]
    return [_match(unit, p, "naturally aligned", _aligned_reason(p, unit.code, aligned)) for p in aligned]


def _to_partners_program(unit: _Unit, content: Content) -> Match:
    """No partner in our sources: 'un-served' only when a source says so; else we say we found none."""
    program = content.cu_jurisdiction().partners_program
    unserved = any(record.cu_code == unit.code for record in content.unserved)
    if unit.name is None:
        reason = (
            f"CU {unit.code} is not in COR Ready's list, which holds only the CUs our sources name. "
            f"It may well have a partner: the {program.name} can tell you which."
        )
    elif unserved:
        reason = (
            f"A source says no certifying partner serves {unit.name} (CU {unit.code}): it is un-served. "
            f"The {program.name} can tell you whether a partner can take you on."
        )
    else:
        reason = (
            f"Our sources name no certifying partner for {unit.name} (CU {unit.code}). That does not "
            f"mean there is none: the {program.name} can tell you which partner serves it."
        )
    return Match(
        cu_code=unit.code,
        cu_name=unit.name,
        partner_id=None,
        partner_name=program.name,
        partner_short_name=program.name,
        alignment="un-served" if unserved else "no partner found",
        reason=reason,
        url=str(program.url),
        known_cu=unit.name is not None,
        contact=_contact_line(program.phone, program.email),
    )


def find(cu_code: str, content: Content | None = None) -> list[Match]:
    """Partners for a CU (of the jurisdiction whose CU codes the content lists, BC): contracted
    first, then naturally aligned ones (the employer picks), or a single match pointing to that
    jurisdiction's partners program (WorkSafeBC's Partners Program) when our sources name none.

    Raises ValueError (with a message for the user) when ``cu_code`` is not six digits.
    """
    content = content or default_content()
    code = _checked_code(cu_code)
    known = content.unit(code)
    unit = _Unit(code=code, name=known.name if known else None)
    cu_partners = [p for p in content.partners if content.uses_cu_codes(p.jurisdiction)]
    matches = _contracted(unit, cu_partners) + _aligned(unit, cu_partners)
    return matches or [_to_partners_program(unit, content)]


def _contracted_reason(partner: Partner, code: str, prefix: str | None, known: bool) -> str:
    short = partner.short_name
    if prefix:
        unlisted = "" if known else f", even though COR Ready's list does not have CU {code}"
        return (
            f"Every CU whose code starts with {prefix} is contracted to {short} ({partner.industries}), so "
            f"CU {code} is too{unlisted}. {short} is your certifying partner."
        )
    if not partner.alignment_confirmed:
        return (
            f"{short}'s own material lists CU {code} among the CUs it serves, so {short} is the partner "
            "to call. Our source does not say whether the CU is contracted to it or naturally aligned."
        )
    return (
        f"CU {code} is contracted to {short}: employers in it fund {short}'s health and safety "
        f"association through a levy in their premiums, so {short} is your certifying partner."
    )


def _aligned_reason(partner: Partner, code: str, aligned: Sequence[Partner]) -> str:
    if len(aligned) > 1:
        names = _join([a.short_name for a in aligned], "and")
        return (
            f"No partner is funded by CU {code}; WorkSafeBC has aligned it with {len(aligned)} partners "
            f"({names}) and you choose one. {partner.short_name} serves: {partner.industries}."
        )
    return (
        f"No certifying partner is funded by CU {code}, so WorkSafeBC has aligned it with the partner "
        f"whose industry is closest: {partner.short_name} ({partner.industries}). Register with {partner.short_name}; "
        "WorkSafeBC may need to approve it first."
    )


def _contact_line(phone: str, email: str) -> str:
    parts = [f"Phone {phone}" if phone else "", f"email {email}" if email else ""]
    return "; ".join(part for part in parts if part)


def _join(names: Sequence[str], conjunction: str = "or") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def situation(matches: Sequence[Match]) -> Situation:
    """What the matches of one CU mean for the employer's next step."""
    alignments = [m.alignment for m in matches]
    if "contracted" in alignments:
        return "contracted"
    aligned = alignments.count("naturally aligned")
    if aligned > 1:
        return "multiply aligned"
    if aligned:
        return "naturally aligned"
    if "alignment unconfirmed" in alignments:
        return "alignment unconfirmed"
    if not all(m.known_cu for m in matches):
        return "unknown"
    return "un-served" if "un-served" in alignments else "no partner found"


def associations_for(cu_code: str, content: Content | None = None) -> list[Association]:
    """Health and safety associations (not partners) whose members are in this CU."""
    content = content or default_content()
    code = normalise_code(cu_code)
    return [a for a in content.associations if code in a.cu_codes]


# --- search --------------------------------------------------------------------------------

#: Words that say nothing about the industry ("trucking company" means "trucking").
_STOPWORDS = frozenset(
    {"a", "an", "and", "or", "the", "of", "for", "in", "on", "at", "to", "my", "our", "we", "i", "is"}
    | {"are", "with", "by", "company", "business", "employer", "industry", "sector", "cu", "code"}
)
_FIELD_WEIGHT = {"code": 5.0, "name": 3.0, "keywords": 2.0, "industry": 1.0}
_PREFIX_WEIGHT = 0.5
_PHRASE_BONUS = 10.0


def _singular(word: str) -> str:
    """A rough singular so that 'homes' finds 'home' and 'facilities' finds 'facility'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case, split on anything but letters and digits ('long-term' is 'long term'), singular."""
    return [_singular(w) for w in re.split(r"[^0-9a-z]+", str(text).lower()) if w]


def query_words(text: str) -> list[str]:
    found = words(text)
    meaningful = [w for w in found if w not in _STOPWORDS]
    return meaningful or found


def _phrases(text: str) -> list[str]:
    return [" ".join(words(p)) for p in re.split(r"[;,]", text) if words(p)]


class _Indexed(NamedTuple):
    """One searchable item: its tokens by field and its phrases, already normalised."""

    tokens: dict[str, frozenset[str]]
    phrases: tuple[str, ...]


def _index(fields: dict[str, str], phrase_fields: Iterable[str]) -> _Indexed:
    tokens = {f: frozenset(words(v)) for f, v in fields.items()}
    phrases = tuple(ph for f in phrase_fields for ph in _phrases(fields.get(f, "")))
    return _Indexed(tokens=tokens, phrases=phrases)


def _score(item: _Indexed, qwords: Sequence[str]) -> tuple[float, int]:
    """(score, number of query words matched). A word scores by the best field it is in."""
    total = 0.0
    matched = 0
    for w in qwords:
        best = max((_FIELD_WEIGHT[f] for f, toks in item.tokens.items() if w in toks), default=0.0)
        if not best and len(w) >= 3 and any(t.startswith(w) for toks in item.tokens.values() for t in toks):
            best = _PREFIX_WEIGHT
        if best:
            matched += 1
            total += best
    phrase = " ".join(qwords)  # the words as typed, together: "home care" beats "care home"
    if matched:
        if phrase in item.phrases:
            total += _PHRASE_BONUS
        elif any(f" {phrase} " in f" {p} " for p in item.phrases):
            total += _PHRASE_BONUS / 2
    return total, matched


def _rank(items: Sequence[T], indexed: Sequence[_Indexed], text: str) -> tuple[list[T], bool]:
    """Items matching every word, best first; else those matching some words (closest=True)."""
    qwords = query_words(text)
    if not qwords:
        return [], False
    scored = [(_score(ix, qwords), i) for i, ix in enumerate(indexed)]
    full = [(s, i) for (s, m), i in scored if m == len(qwords)]
    if full:
        return [items[i] for _, i in sorted(full, key=lambda x: (-x[0], x[1]))], False
    some = [(s, m, i) for (s, m), i in scored if m > 0]
    return [items[i] for _, _, i in sorted(some, key=lambda x: (-x[1], -x[0], x[2]))], True


def _unit_index(unit: ClassificationUnit) -> _Indexed:
    fields = {"code": unit.code, "name": unit.name, "keywords": unit.keywords, "industry": unit.industry}
    return _index(fields, ("name", "keywords", "industry"))


def _partner_index(partner: Partner, content: Content) -> _Indexed:
    trades = "; ".join(t.words for t in content.trade_words if t.partner == partner.id)
    fields = {
        "code": partner.short_name,
        "name": partner.name,
        "keywords": "; ".join(w for w in (partner.keywords, trades) if w),
        "industry": partner.industries,
    }
    return _index(fields, ("name", "keywords", "industry"))


class _ContentIndex(NamedTuple):
    units: tuple[_Indexed, ...]
    partners: dict[int, _Indexed]  # by position in content.partners


#: Each content's word index, built on its first search (content is frozen, so it never goes
#: stale) and dropped with the content: rebuilding it was 16% of a search rerun (issue 19). Kept
#: by the content's id (hashing a content model means hashing every fact in it) with a weak
#: reference, so an id reused by a later content never finds the old index.
_indexes: dict[int, tuple[weakref.ref[Content], _ContentIndex]] = {}
_indexes_lock = threading.RLock()  # a weak reference may call back while it is held


def _content_index(content: Content) -> _ContentIndex:
    key = id(content)
    with _indexes_lock:
        held = _indexes.get(key)
    if held is not None and held[0]() is content:
        return held[1]
    built = _ContentIndex(
        units=tuple(_unit_index(u) for u in content.units),
        partners={n: _partner_index(p, content) for n, p in enumerate(content.partners)},
    )
    with _indexes_lock:
        _indexes[key] = (weakref.ref(content, functools.partial(_forget, key)), built)
    return built


def _forget(key: int, ref: weakref.ref[Content]) -> None:
    with _indexes_lock:
        if key in _indexes and _indexes[key][0] is ref:
            del _indexes[key]


def _units_indexed(content: Content) -> tuple[list[ClassificationUnit], tuple[_Indexed, ...]]:
    return list(content.units), _content_index(content).units


def _partners_indexed(content: Content, jurisdiction: str) -> tuple[list[Partner], list[_Indexed]]:
    index = _content_index(content).partners
    chosen = [n for n, p in enumerate(content.partners) if p.jurisdiction == jurisdiction]
    return [content.partners[n] for n in chosen], [index[n] for n in chosen]


def search(text: str, content: Content | None = None) -> list[ClassificationUnit]:
    """CUs for a code prefix, or CUs whose code, name, industry or keywords match every word of
    ``text`` (case, hyphens and plurals ignored), best match first."""
    content = content or default_content()
    compact = normalise_code(text)
    if not compact:
        return []
    if compact.isdigit():
        return [u for u in content.units if u.code.startswith(compact)]
    units, indexed = _units_indexed(content)
    ranked, closest = _rank(units, indexed, text)
    return [] if closest else ranked


def trade_sector(text: str, partner_id: str, content: Content | None = None) -> TradeWords | None:
    """The trade-word list through which ``text`` found a partner (every word of it in one trade),
    so the guide can say which sector the trade belongs to, with its source."""
    content = content or default_content()
    wanted = query_words(text)
    for trade in content.trade_words:
        if trade.partner == partner_id and any(
            set(wanted) <= set(words(phrase)) for phrase in trade.words.split(";")
        ):
            return trade
    return None


def search_partners(
    text: str, jurisdiction: str | None = None, content: Content | None = None
) -> list[Partner]:
    """Partners of a jurisdiction (the content's default when none is named) whose name,
    industries or keywords match every word of ``text``."""
    content = content or default_content()
    jurisdiction = jurisdiction or content.default_jurisdiction().code
    partners, indexed = _partners_indexed(content, jurisdiction)
    ranked, closest = _rank(partners, indexed, text)
    return [] if closest else ranked


class Lookup(BaseModel):
    """What the finder understood from the text typed, and what it found."""

    model_config = ConfigDict(frozen=True)

    query: str
    kind: Literal["empty", "code", "code prefix", "words", "invalid"]
    code: str | None = None
    units: tuple[ClassificationUnit, ...] = ()
    closest: bool = Field(default=False, description="No CU matched every word; these match some")
    partners: tuple[Partner, ...] = Field(
        default=(), description="Partners whose industry matches, beyond those the CUs found lead to"
    )
    message: str = ""

    @property
    def codes(self) -> list[str]:
        """The CU codes the user can pick from (a typed six-digit code even when we lack it)."""
        if self.kind == "code" and self.code:
            return [self.code]
        return [u.code for u in self.units]


def _range_partners(compact: str, content: Content) -> tuple[Partner, ...]:
    """Partners contracted for a whole range of codes the typed start falls in, or opens onto:
    "72" or "7215" leads to the construction partner, since every 721, 722 and 723 CU is its."""
    return tuple(
        p
        for p in content.partners
        if content.uses_cu_codes(p.jurisdiction)
        and any(pre.startswith(compact) or compact.startswith(pre) for pre in p.contracted_prefixes)
    )


def _no_codes_here(query: str, jurisdiction: str, content: Content) -> Lookup:
    """Digits typed for a jurisdiction whose industries are not CU codes: search by words there."""
    here = content.jurisdictions_by_code.get(jurisdiction)
    cu = content.cu_jurisdiction()
    message = (
        f"Six-digit classification unit codes are {cu.regulator}'s, so they work for {cu.name} only. "
        f"For {here.name if here else jurisdiction}, search by industry words, e.g. “construction”."
    )
    return Lookup(query=query, kind="invalid", message=message)


def lookup(text: str, jurisdiction: str | None = None, content: Content | None = None) -> Lookup:
    """Understand a finder query: a CU code, the start of one, or industry words (in the
    content's default jurisdiction when none is named)."""
    content = content or default_content()
    jurisdiction = jurisdiction or content.default_jurisdiction().code
    query = str(text).strip()
    if not query:
        return Lookup(query=query, kind="empty")
    compact = normalise_code(query)
    if compact.isdigit():
        if not content.uses_cu_codes(jurisdiction):
            return _no_codes_here(query, jurisdiction, content)
        if len(compact) > 6:
            return Lookup(
                query=query,
                kind="invalid",
                message=(
                    f"A CU code has six digits; “{query}” has {len(compact)}. "
                    "Your CU code is on your WorkSafeBC account and your assessment notice."
                ),
            )
        units = tuple(u for u in content.units if u.code.startswith(compact))
        if len(compact) == 6:
            return Lookup(query=query, kind="code", code=compact, units=units)
        by_range = _range_partners(compact, content)
        message = (
            ""
            if units or by_range
            else f"No CU in our list starts with {compact}. Type all six digits of your CU code."
        )
        return Lookup(query=query, kind="code prefix", units=units, partners=by_range, message=message)
    partners, partners_indexed = _partners_indexed(content, jurisdiction)
    ranked_partners, partners_closest = _rank(partners, partners_indexed, query)
    if not content.uses_cu_codes(jurisdiction):
        found = () if partners_closest else tuple(ranked_partners)
        message = "" if found else f"No {jurisdiction} partner's industry matches “{query}”."
        return Lookup(query=query, kind="words", partners=found, message=message)
    units_all, units_indexed = _units_indexed(content)
    ranked, closest = _rank(units_all, units_indexed, query)
    served = {m.partner_id for u in ranked for m in find(u.code, content)}
    extra = () if partners_closest else tuple(p for p in ranked_partners if p.id not in served)
    if closest and extra:
        ranked, closest = [], False  # a partner's industry matched every word: better than a guess
    message = ""
    if not ranked and not extra:
        message = f"Nothing in COR Ready's list matches “{query}”."
    elif closest:
        message = f"No CU matches every word of “{query}”; these match some of them."
    return Lookup(
        query=query, kind="words", units=tuple(ranked), closest=closest, partners=extra, message=message
    )


# --- the guide: kinds of result, next steps, paths --------------------------------------------


def path_for(cu_code: str | None, query: str, guide: Guide) -> GuidePath | None:
    """The path for a CU (by code) or for a search (by its words), if any."""
    if cu_code:
        code = normalise_code(cu_code)
        for path in guide.paths:
            if code in path.applies_to:
                return path
    q = f" {' '.join(words(query))} "
    for path in guide.paths:
        if any(f" {' '.join(words(w))} " in q for w in path.words):
            return path
    return None


def path_points(path: GuidePath, content: Content | None = None) -> list[str]:
    """The path's points with the partner's and association's facts filled in from content."""
    content = content or default_content()
    partner = content.partner(path.partner)
    assoc = content.association(path.association)
    values = {
        "partner": partner.short_name,
        "partner_name": f"the {partner.name} ({partner.short_name})",
        "association": assoc.name,
        "association_program": assoc.program or "readiness program",
        "association_offers": assoc.offers[:1].lower() + assoc.offers[1:],
    }
    return [point.format_map(values) for point in path.points]


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}"


def next_steps(
    cu_code: str, matches: Sequence[Match], guide: Guide, content: Content | None = None
) -> list[str]:
    """This week's checklist for one CU's result, as Markdown lines, in the guide's order."""
    content = content or default_content()
    code = normalise_code(cu_code)
    sit = situation(matches)
    associations = [a for a in associations_for(code, content) if a.program]
    tags = {sit, "all"} | ({"association"} if associations else set())
    cu_jurisdiction = content.cu_jurisdiction()
    first = matches[0]
    partner_links = [f"[{m.partner_short_name or m.partner_name}]({m.url})" for m in matches]
    values = {
        "cu": code,
        "cu_name": first.cu_name or f"CU {code}",
        "partner": partner_links[0],
        "partners": _join(partner_links, "and"),
        "program_name": cu_jurisdiction.partners_program.name,
        "phone": cu_jurisdiction.partners_program.phone,
        "email": cu_jurisdiction.partners_program.email,
        "overall": _pct(cu_jurisdiction.pass_rule.overall_min_pct),
        "element": _pct(cu_jurisdiction.pass_rule.element_min_pct),
        "association": associations[0].name if associations else "",
        "association_contact": associations[0].contact if associations else "",
        "association_program": associations[0].program if associations else "",
    }
    return [s.text.format_map(values) for s in guide.steps if tags & set(s.when)]


def partner_next_steps(
    partners: Sequence[Partner], guide: Guide, content: Content | None = None
) -> list[str]:
    """This week's checklist when a search found partners by industry but no CU (always so in
    Alberta, whose industry codes are not in our content)."""
    content = content or default_content()
    jur = content.jurisdiction(partners[0].jurisdiction)
    values = dict.fromkeys(STEP_FIELDS, "") | {
        "partners": _join([f"[{p.short_name}]({p.url})" for p in partners]),
        "program_name": jur.partners_program.name,
        "phone": jur.partners_program.phone,
        "email": jur.partners_program.email,
        "overall": _pct(jur.pass_rule.overall_min_pct),
        "element": _pct(jur.pass_rule.element_min_pct),
    }
    return [s.text.format_map(values) for s in guide.steps if "partner" in s.when]


# --- directory and roles ---------------------------------------------------------------------

_PROVIDES = {
    "audit_instrument": "Audit instrument",
    "auditor_training": "Auditor training",
    "quality_assurance": "Quality assurance",
}
#: Alberta partners name programs COR / SECOR; they are the large and small programs.
_AB_PROGRAM_SIZE = {"COR": "large", "SECOR": "small"}


class DirectoryEntry(BaseModel):
    """A partner as the directory shows it: facts from content, turned into readable labels."""

    model_config = ConfigDict(frozen=True)

    partner: Partner
    programs: tuple[str, ...]
    provides: tuple[str, ...]
    contracted: tuple[str, ...]
    ranges: tuple[str, ...]
    aligned: tuple[str, ...]
    unconfirmed: tuple[str, ...] = Field(
        default=(), description="CUs a source lists with the partner without saying contracted or aligned"
    )


def program_label(jurisdiction: str, tag: str, content: Content | None = None) -> str:
    """'large' -> 'Large employer COR' (the program's name in content), else the tag itself."""
    content = content or default_content()
    size = _AB_PROGRAM_SIZE.get(tag, tag)
    program = next((p for p in content.programs if p.jurisdiction == jurisdiction and p.size == size), None)
    return program.name if program else tag


def _unit_label(code: str, content: Content) -> str:
    unit = content.unit(code)
    return f"{code} {unit.name}" if unit else code


def directory(jurisdiction: str, content: Content | None = None) -> list[DirectoryEntry]:
    """Every partner of a jurisdiction, in content order, ready to show."""
    content = content or default_content()
    entries = []
    for partner in content.partners:
        if partner.jurisdiction != jurisdiction:
            continue
        listed = tuple(_unit_label(code, content) for code in partner.contracted)
        entries.append(
            DirectoryEntry(
                partner=partner,
                programs=tuple(program_label(jurisdiction, tag, content) for tag in partner.programs),
                provides=tuple(label for name, label in _PROVIDES.items() if getattr(partner.provides, name)),
                contracted=listed if partner.alignment_confirmed else (),
                unconfirmed=() if partner.alignment_confirmed else listed,
                ranges=tuple(f"{prefix}xxx" for prefix in partner.contracted_prefixes),
                aligned=tuple(_unit_label(code, content) for code in partner.naturally_aligned),
            )
        )
    return entries


def roles_for(jurisdiction: str, content: Content | None = None) -> list[Role]:
    """Who does what in certification, in the order content gives."""
    content = content or default_content()
    return [r for r in content.roles if r.jurisdiction == jurisdiction]
