"""Partner guide: find your certifying partner, or your naturally aligned one, and what to do next.

Reads top to bottom: finder (search -> result -> this week's checklist), the health care path,
the directory of partners, and who does what. Every rule lives in cor.partners; every fact in
content/ (partners.toml, roles.toml, guide/partner_guide.toml). The building blocks are in
ui/partners.py.
"""

import streamlit as st

from cor.partners import find, lookup, next_steps, normalise_code, partner_next_steps, path_for
from ui import partners
from ui.state import content, jurisdiction_picker, widget_key

facts = content()
guide = partners.load_guide()

st.title("Find your certifying partner")
st.write(
    "Your **certifying partner** registers you for COR, trains your auditors and checks every audit. "
    "Many employers stall here: they do not know who theirs is, and some industries have none."
)
jurisdiction = jurisdiction_picker(widget_key("pg", "jurisdiction"))
info = facts.jurisdiction(jurisdiction)

# --- 1. Finder: search -> result -> this week's checklist -------------------------------------
query = partners.search_box(info, facts.cu_jurisdiction())
found = lookup(query, jurisdiction, facts)
partners.search_message(found, info.partners_program)
pick = partners.pick_cu(found, guide, facts)
matches = find(pick, facts) if pick else []
gp = path_for(pick, query, guide) if info.cu_codes and (pick or query) else None
if pick:
    partners.cu_result(pick, matches, gp, guide, facts)
elif gp:
    partners.path_for_search(gp, facts)
if found.partners:
    code_start = normalise_code(found.query) if found.kind == "code prefix" else ""
    partners.industry_partners(found.partners, jurisdiction, bool(pick), facts, code_start, query)
if pick:
    partners.this_week(next_steps(pick, matches, guide, facts), pick)
elif found.partners:
    partners.this_week(partner_next_steps(found.partners, guide, facts), None)

# --- 2. What results mean, and the health care paths (for CUs, BC's) ---------------------------
if info.cu_codes:
    partners.result_kinds(guide)
    if gp is None:
        partners.health_care_paths(guide, facts)

# --- 3. Directory, and 4. who does what ---------------------------------------------------------
partners.directory_section(info, guide, facts)
partners.roles_section(jurisdiction, facts)
