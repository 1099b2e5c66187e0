"""The Partner guide's building blocks: the search box, the result, the directory and the roles.

The page (app_pages/partners.py) reads top to bottom and calls these. Rules stay in cor.partners:
what a search means, which partner a CU leads to and how (contracted, aligned...), which health
care path applies and what to do this week are all decided there; this module lays them out.
Facts come from content/ (partners.toml, roles.toml, guide/partner_guide.toml).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor.content import partner_guide
from cor.models import Contact, Content, Guide, GuidePath, JurisdictionInfo, Partner, Sourced
from cor.partners import (
    DirectoryEntry,
    Lookup,
    Match,
    directory,
    find,
    path_points,
    roles_for,
    situation,
    trade_sector,
)
from ui.state import or_stop, plain

if TYPE_CHECKING:
    import pandas as pd
else:
    from ui.lazy import pandas as pd  # imported when a table is first drawn (issue 19)

T = TypeVar("T")

BadgeColor = Literal["green", "blue", "violet", "orange", "gray"]

BADGE_COLOR: dict[str, BadgeColor] = {
    "contracted": "green",
    "naturally aligned": "blue",
    "multiply aligned": "violet",
    "alignment unconfirmed": "blue",
    "un-served": "orange",
    "no partner found": "gray",
    "unknown": "gray",
}


def source(url: object, year: str, label: str = "Source") -> str:
    return f"[{label}]({url}) ({year})"


def sources_expander(records: list[tuple[str, Sourced]]) -> None:
    """Where the facts above come from: kept out of the page's body, one line per source."""
    with st.expander("Sources", icon=":material/menu_book:"):
        lines = []
        for label, record in records:
            note = f" {record.source_note}" if record.source_note else ""
            lines.append(f"- {label}: {source(record.source_url, record.effective)}.{note}")
        st.markdown("\n".join(lines))


def partner_label(partner: Partner) -> str:
    return partner.name if partner.short_name in partner.name else f"{partner.name} ({partner.short_name})"


def in_pairs(items: list[T]) -> Iterator[tuple[DeltaGenerator, T]]:
    """Two cards a row on a wide screen; on a phone the columns stack, so content order holds."""
    for i in range(0, len(items), 2):
        yield from zip(st.columns(2), items[i : i + 2], strict=False)


def load_guide() -> Guide:
    """The guide, or the error in its place."""
    return or_stop(partner_guide, "The partner guide cannot open")


# --- 1. Finder ---------------------------------------------------------------------------------


def _new_query() -> None:
    """A new search forgets the CU picked among the last one's results."""
    st.session_state.pop("pg.pick", None)
    st.session_state.pop("pg.one", None)


def search_box(jurisdiction: JurisdictionInfo, codes_from: JurisdictionInfo) -> str:
    """The search field, opened on a CU carried in the link (?cu=) or chosen on another page.
    A province whose industries are not CU codes is told whose codes they are (``codes_from``)."""
    by_code = jurisdiction.cu_codes
    st.caption(
        "Search by your classification unit (CU) code, its name, or plain words for your industry."
        if by_code
        else f"In {jurisdiction.name}, search by plain words for your industry (CU codes are "
        f"{codes_from.regulator}'s, for {codes_from.code})."
    )
    if "pg.query" not in st.session_state:
        st.session_state["pg.query"] = st.query_params.get("cu") or st.session_state.get("cu_code") or ""
    return st.text_input(
        "CU code, CU name or industry words" if by_code else "Industry words",
        key="pg.query",
        placeholder=f"e.g. {jurisdiction.search_examples}"
        + ("" if by_code else f" (CU codes are {codes_from.code}'s)"),
        on_change=_new_query,
        help=(
            f"Your six-digit CU code is on your {jurisdiction.regulator} online account and your assessment notice."
            if by_code
            else "Words for what your business does, e.g. construction or continuing care."
        ),
    )


def search_message(found: Lookup, program: Contact) -> None:
    """What the finder made of the search, right under the field; with nothing found, who to ask."""
    message = plain(found.message)  # it quotes what the user typed: show it as typed, never as Markdown
    if found.kind == "invalid":
        st.warning(message, icon=":material/warning:")
    elif found.message and not (found.units or found.partners):
        st.warning(
            f"{message} Try other words or your six-digit CU code, or ask {program.name}: "
            f"{program.phone}, {program.email}.",
            icon=":material/search_off:",
        )
    elif found.message:
        st.info(message, icon=":material/info:")


def pick_cu(found: Lookup, guide: Guide, facts: Content) -> str | None:
    """The CU to explain: a full code as typed, or the user's own pick among the CUs a search found.

    A search by words or by the start of a code never picks for the user, even when one CU
    matches: the employer's CU is theirs to confirm. A single match is confirmed with
    one button, not a dropdown of one."""
    codes = found.codes
    if found.kind == "code":
        return codes[0]
    if not codes:
        return None
    if len(codes) == 1:
        return _confirm_one(codes[0], facts)
    summary = []
    for code in codes:
        matches = find(code, facts)
        summary.append(
            {
                "CU": code,
                "Name": matches[0].cu_name,
                "Partner": " or ".join(m.partner_short_name for m in matches),
                "How": guide.kind(situation(matches)).label,
            }
        )
    matching = "1 CU in our list matches" if len(codes) == 1 else f"{len(codes)} CUs in our list match"
    st.markdown(f"**{matching}.** Which one is yours?")
    names = {row["CU"]: f"{row['CU']} {row['Name']}" for row in summary}
    chosen = st.selectbox(
        "Pick your CU to see its partner, and what to do this week",
        codes,
        index=None,
        format_func=lambda code: names[code],
        key="pg.pick",
        placeholder="Choose your CU",
        filter_mode="contains",
        help="Your CU code is on your WorkSafeBC online account and your assessment notice.",
    )
    st.dataframe(pd.DataFrame(summary), hide_index=True)
    st.caption(
        "Not in the list? COR Ready holds only the CUs its sources name: type your six-digit CU code, "
        "from your WorkSafeBC online account or assessment notice."
    )
    return chosen


def _confirm_one(code: str, facts: Content) -> str | None:
    """The only CU a search found, offered with one button; chosen once the user says it is theirs."""
    matches = find(code, facts)
    name = matches[0].cu_name or ""
    partner = " or ".join(m.partner_short_name for m in matches if m.partner_id)
    st.markdown(
        f"**1 CU in our list matches: {code} {name}**" + (f" (partner: {partner})." if partner else ".")
    )
    if st.session_state.get("pg.one") == code:
        return code
    if st.button(f"This is my CU: {code}", key="pg.confirm", icon=":material/check:", type="primary"):
        st.session_state["pg.one"] = code
        return code
    st.caption(
        "Not yours? Type your six-digit CU code, from your WorkSafeBC online account or assessment notice."
    )
    return None


def _match_card(match: Match) -> None:
    with st.container(border=True):
        st.markdown(f"**{match.partner_name}**")
        st.write(match.reason)
        if match.contact:
            st.markdown(f"**Contact:** {match.contact}")
        if match.caveat:
            st.warning(match.caveat, icon=":material/help:")
        st.link_button(
            f"{match.partner_short_name or match.partner_name} website",
            match.url,
            icon=":material/open_in_new:",
        )


def cu_result(
    cu: str, matches: list[Match], guide_path: GuidePath | None, guide: Guide, facts: Content
) -> None:
    """One CU's result: what kind it is, its partner(s) and why, and its health care path if any."""
    sit = situation(matches)
    kind = guide.kind(sit)
    cu_name = matches[0].cu_name or "not in COR Ready's list"
    st.subheader(f"CU {cu}: {plain(cu_name)}")  # the name may come from an imported rate list
    st.badge(kind.label, color=BADGE_COLOR[sit])
    st.caption(kind.meaning)
    if sit == "multiply aligned":
        st.markdown(
            f"**This CU is aligned to {len(matches)} partners: you choose the one that fits you best.**"
        )
        for col, m in zip(st.columns(len(matches)), matches, strict=True):
            with col:
                _match_card(m)
    else:
        for m in matches:
            _match_card(m)
    if guide_path:
        with st.container(border=True):
            health_care_path(guide_path, facts)
    sources_expander([(f"What “{kind.label}” means", kind)])


def path_for_search(guide_path: GuidePath, facts: Content) -> None:
    """The path the words typed lead to, before the user has picked a CU."""
    with st.container(border=True):
        health_care_path(guide_path, facts)


def health_care_path(guide_path: GuidePath, facts: Content, heading: bool = True) -> None:
    """A path for an industry without a contracted partner: the steps, its association, a way on."""
    if heading:
        st.markdown(f"##### {guide_path.title}")
    st.markdown("\n".join(f"- {point}" for point in path_points(guide_path, facts)))
    assoc = facts.association(guide_path.association)
    st.markdown(f"**{assoc.name}:** {assoc.members} Contact: {assoc.contact}")
    st.page_link(
        "app_pages/readiness.py", label="Try the mini-COR self-assessment", icon=":material/checklist:"
    )
    sources_expander([(guide_path.title, guide_path), (assoc.name, assoc)])


def industry_partners(
    partners: tuple[Partner, ...],
    jurisdiction: str,
    after_cu: bool,
    facts: Content,
    code_start: str = "",
    query: str = "",
) -> None:
    """Partners whose industry matches the words typed, beyond those a CU found leads to; or, for
    the start of a code, the partners contracted for the whole range it falls in."""
    entries_by_id = {entry.partner.id: entry for entry in directory(jurisdiction, facts)}
    if code_start:
        st.subheader(f"Every CU starting {code_start}")
        for partner in partners:
            ranges = " or ".join(partner.contracted_prefixes)
            st.caption(
                f"Every CU whose code starts with {ranges} is contracted to {partner.short_name}. Type all six "
                "digits of your CU code to see yours."
            )
            partner_card(entries_by_id[partner.id])
        return
    if facts.uses_cu_codes(jurisdiction):
        st.subheader("Also serving this industry" if after_cu else "Partners for this industry")
        st.caption(
            "These partners serve the industry you typed, but none of their CUs in COR Ready's list "
            "matches your words. Check your CU code on your WorkSafeBC account, then search it here "
            "or ask the partner."
        )
    else:
        st.subheader("Partners for this industry")
    for partner in partners:
        trade = trade_sector(query, partner.id, facts) if query else None
        if trade:
            st.caption(
                f"“{plain(query.strip())}” is one of the trades of {trade.sector}, which is "
                f"{partner.short_name}'s. {source(trade.source_url, trade.effective)}"
            )
        partner_card(entries_by_id[partner.id])


def this_week(steps: list[str], cu: str | None) -> None:
    """The checklist and the two ways on, carrying the CU when there is one."""
    st.subheader("This week")
    st.markdown("\n".join(f"{i}. {step}" for i, step in enumerate(steps, 1)))
    params = {"cu": cu} if cu else None
    left, right = st.columns(2)
    label = f"Estimate savings for CU {cu}" if cu else "Estimate your savings"
    if left.button(label, key="pg.to_savings", icon=":material/savings:", type="primary"):
        if cu:
            st.session_state["cu_code"] = cu
        st.switch_page("app_pages/savings.py", query_params=params)
    if right.button("Check your readiness", key="pg.to_readiness", icon=":material/checklist:"):
        if cu:
            st.session_state["cu_code"] = cu
        st.switch_page("app_pages/readiness.py", query_params=params)
    if cu:
        st.caption(f"Both carry CU {cu} over, so you do not have to type it again.")


# --- 2. What results mean, and the health care paths (BC) ----------------------------------------


def result_kinds(guide: Guide) -> None:
    """Every kind of result, explained once, with its source."""
    with st.expander("What the results mean: contracted, naturally aligned, several partners, un-served"):
        for k in guide.kinds:
            st.markdown(f"**{k.label}.** {k.meaning} {k.note} {source(k.source_url, k.effective)}")


def health_care_paths(guide: Guide, facts: Content) -> None:
    """Every path, folded, for a user whose search has not led to one yet."""
    for path in guide.paths:
        with st.expander(path.title):
            health_care_path(path, facts, heading=False)


# --- 3. Directory --------------------------------------------------------------------------------


def partner_card(entry: DirectoryEntry) -> None:
    partner = entry.partner
    with st.container(border=True):
        st.markdown(f"**{partner_label(partner)}**")
        st.markdown(
            f"**Industries:** {partner.industries}  \n"
            f"**Programs:** {' · '.join(entry.programs)}  \n"
            f"**Provides:** {' · '.join(entry.provides)}"
        )
        cus = []
        if entry.ranges or entry.contracted:
            cus.append("contracted: " + ", ".join([*(f"all {r}" for r in entry.ranges), *entry.contracted]))
        if entry.aligned:
            cus.append("naturally aligned: " + ", ".join(entry.aligned))
        if entry.unconfirmed:
            cus.append("listed, contracted or aligned not stated: " + ", ".join(entry.unconfirmed))
        if cus:
            st.caption("CUs in our sources, " + "; ".join(cus))
        if partner.notes:
            st.caption(partner.notes)
        if partner.status_note:
            st.warning(partner.status_note, icon=":material/help:")
        st.link_button(f"{partner.short_name} website", str(partner.url), icon=":material/open_in_new:")
        with st.expander("Sources", icon=":material/menu_book:"):
            lines = [
                f"- {source(partner.source_url, partner.effective, 'Main source')}. {partner.source_note}".rstrip()
            ]
            lines += [f"- {source(fact.url, fact.effective, fact.fact)}" for fact in partner.sources]
            st.markdown("\n".join(lines))


def _directory_table(entries: list[DirectoryEntry]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Partner": partner_label(entry.partner),
                "Industries": entry.partner.industries,
                "Programs": ", ".join(entry.programs),
                "Provides": ", ".join(entry.provides),
                "Website": str(entry.partner.url),
                "Source": str(entry.partner.source_url),
                "Year": entry.partner.effective,
                "Caveat": entry.partner.status_note,
            }
            for entry in entries
        ]
    )


def directory_section(info: JurisdictionInfo, guide: Guide, facts: Content) -> None:
    """Every partner of the province as a card, the same as a printable table, and who to ask."""
    entries = directory(info.code, facts)
    program = info.partners_program
    st.header(f"Certifying partners in {info.name}")
    note = guide.directory_note(info.code)
    if note:
        st.write(note.text)
        sources_expander([("About the partners", note)])
    for col, entry in in_pairs(entries):
        with col:
            partner_card(entry)
    with st.expander("Table view (for printing or a projector)"):
        st.dataframe(
            _directory_table(entries),
            hide_index=True,
            column_config={
                "Website": st.column_config.LinkColumn("Website"),
                "Source": st.column_config.LinkColumn("Source"),
                "Caveat": st.column_config.TextColumn("Caveat", width="large"),
            },
        )
    st.markdown(
        f"**No partner for your industry, or unsure?** {program.name}: {program.phone}, "
        f"{program.email}. [Website]({program.url})"
    )


# --- 4. Roles ------------------------------------------------------------------------------------


def roles_section(jurisdiction: str, facts: Content) -> None:
    """Who does what in certification: the employer, the partner, the auditors, the regulator."""
    st.header("Who does what in certification")
    roles = roles_for(jurisdiction, facts)
    for col, role in in_pairs(roles):
        with col, st.container(border=True):
            st.markdown(f"**{role.name}**")
            st.markdown("\n".join(f"- {line}" for line in role.does))
            if role.note:
                st.info(role.note, icon=":material/info:")
    sources_expander([(role.name, role) for role in roles])
