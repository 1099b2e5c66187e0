"""Partner guide: find your certifying partner, or your naturally aligned one, and what to do next.

Reads top to bottom: finder (search -> result -> this week's checklist), the health care path,
the directory of partners, and who does what. Every rule lives in cor.partners; every fact in
content/ (partners.toml, roles.toml, guide/partner_guide.toml).
"""

from collections.abc import Iterator
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor.content import ContentError
from cor.models import Content, Partner
from cor.partners import (
    DirectoryEntry,
    Guide,
    GuidePath,
    Match,
    directory,
    find,
    lookup,
    next_steps,
    partner_guide,
    partner_next_steps,
    path_for,
    path_points,
    roles_for,
    situation,
)
from ui.state import content, jurisdiction_picker

T = TypeVar("T")

BADGE_COLOR = {
    "contracted": "green",
    "naturally aligned": "blue",
    "multiply aligned": "violet",
    "un-served": "orange",
    "unknown": "gray",
}


def source(url: object, year: str, label: str = "Source") -> str:
    return f"[{label}]({url}) ({year})"


def partner_label(p: Partner) -> str:
    return p.name if p.short_name in p.name else f"{p.name} ({p.short_name})"


def in_pairs(items: list[T]) -> Iterator[tuple[DeltaGenerator, T]]:
    """Two cards a row on a wide screen; on a phone the columns stack, so content order holds."""
    for i in range(0, len(items), 2):
        yield from zip(st.columns(2), items[i : i + 2], strict=False)


def show_match(m: Match) -> None:
    with st.container(border=True):
        st.markdown(f"**{m.partner_name}**")
        st.write(m.reason)
        if m.contact:
            st.markdown(f"**Contact:** {m.contact}")
        if m.caveat:
            st.warning(m.caveat, icon=":material/help:")
        st.link_button(
            f"{m.partner_short_name or m.partner_name} website", m.url, icon=":material/open_in_new:"
        )


def show_health_care_path(gp: GuidePath, c: Content, heading: bool = True) -> None:
    if heading:
        st.markdown(f"##### {gp.title}")
    st.markdown("\n".join(f"- {point}" for point in path_points(gp, c)))
    assoc = next(a for a in c.associations if a.id == gp.association)
    st.markdown(f"**{assoc.name}:** {assoc.members} Contact: {assoc.contact}")
    st.page_link(
        "app_pages/readiness.py", label="Try the mini-COR self-assessment", icon=":material/checklist:"
    )
    st.caption(
        f"{gp.source_note} {source(gp.source_url, gp.effective)}; membership: "
        f"{source(assoc.source_url, assoc.effective)}."
    )


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


def show_partner_entry(e: DirectoryEntry) -> None:
    p = e.partner
    with st.container(border=True):
        st.markdown(f"**{partner_label(p)}**")
        st.markdown(
            f"**Industries:** {p.industries}  \n"
            f"**Programs:** {' · '.join(e.programs)}  \n"
            f"**Provides:** {' · '.join(e.provides)}"
        )
        cus = []
        if e.ranges or e.contracted:
            cus.append("contracted: " + ", ".join([*(f"all {r}" for r in e.ranges), *e.contracted]))
        if e.aligned:
            cus.append("naturally aligned: " + ", ".join(e.aligned))
        if cus:
            st.caption("CUs in our sources, " + "; ".join(cus))
        if p.notes:
            st.caption(p.notes)
        if p.status_note:
            st.warning(p.status_note, icon=":material/help:")
        facts = [source(p.source_url, p.effective, "Main source")]
        facts += [source(s.url, s.effective, s.fact) for s in p.sources]
        st.caption("Sources: " + " · ".join(facts))
        st.link_button(f"{p.short_name} website", str(p.url), icon=":material/open_in_new:")


def directory_table(entries: list[DirectoryEntry]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Partner": partner_label(e.partner),
                "Industries": e.partner.industries,
                "Programs": ", ".join(e.programs),
                "Provides": ", ".join(e.provides),
                "Website": str(e.partner.url),
                "Source": str(e.partner.source_url),
                "Year": e.partner.effective,
                "Caveat": e.partner.status_note,
            }
            for e in entries
        ]
    )


def load_guide() -> Guide:
    try:
        return partner_guide()
    except ContentError as exc:
        st.error(f"The partner guide cannot open because a content file has a problem:\n\n**{exc}**")
        st.stop()
        raise  # unreachable: st.stop() raises


def new_query() -> None:
    st.session_state.pop("pg.pick", None)


c = content()
guide = load_guide()

st.title("Find your certifying partner")
st.write(
    "Your **certifying partner** registers you for COR, trains your auditors and checks every audit. "
    "Many employers stall here: they do not know who theirs is, and some industries have none."
)
jurisdiction = jurisdiction_picker("pg.jurisdiction")
jur = c.jurisdiction(jurisdiction)
program = jur.partners_program
st.caption(
    "Search by your classification unit (CU) code, its name, or plain words for your industry."
    if jurisdiction == "BC"
    else "In Alberta, search by plain words for your industry (CU codes are WorkSafeBC's, for BC)."
)

# --- 1. Finder -------------------------------------------------------------------------------
if "pg.query" not in st.session_state:
    st.session_state["pg.query"] = st.query_params.get("cu") or st.session_state.get("cu_code") or ""
query = st.text_input(
    "CU code, CU name or industry words" if jurisdiction == "BC" else "Industry words",
    key="pg.query",
    placeholder=(
        "e.g. 766011, long-term care, trucking, municipal"
        if jurisdiction == "BC"
        else "e.g. continuing care, construction, municipal (CU codes are BC's)"
    ),
    on_change=new_query,
    help=(
        "Your six-digit CU code is on your WorkSafeBC online account and your assessment notice."
        if jurisdiction == "BC"
        else "Words for what your business does, e.g. construction or continuing care."
    ),
)
found = lookup(query, jurisdiction, c)
if found.kind == "invalid":
    st.warning(found.message, icon=":material/warning:")
elif found.message and not (found.units or found.partners):
    st.warning(
        f"{found.message} Try other words or your six-digit CU code, or ask {program.name}: "
        f"{program.phone}, {program.email}.",
        icon=":material/search_off:",
    )
elif found.message:
    st.info(found.message, icon=":material/info:")

pick = None
codes = found.codes if jurisdiction == "BC" else []
if len(codes) > 1:
    summary = []
    for code in codes:
        ms = find(code, c)
        summary.append(
            {
                "CU": code,
                "Name": ms[0].cu_name,
                "Partner": " or ".join(m.partner_short_name for m in ms),
                "How": guide.kind(situation(ms)).label,
            }
        )
    st.dataframe(pd.DataFrame(summary), hide_index=True)
    names = {row["CU"]: f"{row['CU']} {row['Name']}" for row in summary}
    pick = st.selectbox(
        "Pick your CU to see why, and what to do this week", codes, format_func=names.get, key="pg.pick"
    )
elif codes:
    pick = codes[0]

gp = None
if pick:
    matches = find(pick, c)
    sit = situation(matches)
    kind = guide.kind(sit)
    cu_name = matches[0].cu_name or "not in COR Ready's list"
    st.subheader(f"CU {pick}: {cu_name}")
    st.badge(kind.label, color=BADGE_COLOR[sit])
    st.caption(f"{kind.meaning} {source(kind.source_url, kind.effective)}")
    if sit == "multiply aligned":
        st.markdown(
            f"**This CU is aligned to {len(matches)} partners: you choose the one that fits you best.**"
        )
        for col, m in zip(st.columns(len(matches)), matches, strict=True):
            with col:
                show_match(m)
    else:
        for m in matches:
            show_match(m)
    gp = path_for(pick, query, guide)
    if gp:
        with st.container(border=True):
            show_health_care_path(gp, c)

if found.partners:
    entries_by_id = {e.partner.id: e for e in directory(jurisdiction, c)}
    if jurisdiction == "BC":
        st.subheader("Also serving this industry" if pick else "Partners for this industry")
        st.caption(
            "These partners serve the industry you typed, but none of their CUs in COR Ready's list "
            "matches your words. Check your CU code on your WorkSafeBC account, then search it here "
            "or ask the partner."
        )
    else:
        st.subheader("Partners for this industry")
    for p in found.partners:
        show_partner_entry(entries_by_id[p.id])

if pick:
    this_week(next_steps(pick, matches, guide, c), pick)
elif found.partners:
    this_week(partner_next_steps(found.partners, guide, c), None)

# --- 2. What results mean, and the health care path (BC) --------------------------------------
if jurisdiction == "BC":
    with st.expander("What the results mean: contracted, naturally aligned, several partners, un-served"):
        for k in guide.kinds:
            st.markdown(f"**{k.label}.** {k.meaning} {k.note} {source(k.source_url, k.effective)}")
    if gp is None:
        for path in guide.paths:
            with st.expander(path.title):
                show_health_care_path(path, c, heading=False)

# --- 3. Directory ----------------------------------------------------------------------------
entries = directory(jurisdiction, c)
st.header(f"Certifying partners in {jur.name}")
note = guide.directory_note(jurisdiction)
if note:
    st.write(note.text)
    st.caption(f"{note.source_note} {source(note.source_url, note.effective)}")
for col, e in in_pairs(entries):
    with col:
        show_partner_entry(e)
with st.expander("Table view (for printing or a projector)"):
    st.dataframe(
        directory_table(entries),
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

# --- 4. Roles --------------------------------------------------------------------------------
st.header("Who does what in certification")
roles = roles_for(jurisdiction, c)
for col, role in in_pairs(roles):
    with col, st.container(border=True):
        st.markdown(f"**{role.name}**")
        st.markdown("\n".join(f"- {line}" for line in role.does))
        if role.note:
            st.info(role.note, icon=":material/info:")
        st.caption(f"{role.source_note} {source(role.source_url, role.effective)}".strip())
