"""Partner guide: find the certifying partner for a classification unit."""

import streamlit as st

from cor.partners import find, search
from ui.state import content

content()
st.title("Find your certifying partner")
query = st.text_input(
    "CU code, CU name or industry words", key="pg.query", placeholder="e.g. 766011 or long-term care"
)
if query:
    units = search(query)
    codes = [u.code for u in units] or ([query.strip()] if query.strip().isdigit() else [])
    if not codes:
        st.warning("No CU matches those words. Try a CU code (six digits) or another word.")
    for code in codes:
        for m in find(code):
            st.markdown(f"**{m.cu_code} {m.cu_name or ''}**: {m.partner_name} ({m.alignment})")
            st.write(m.reason)
