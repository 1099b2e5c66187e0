"""About the numbers: every figure the app uses, its source and year, and known source errors."""

import pandas as pd
import streamlit as st

from cor.figures import figures
from ui.state import content

c = content()
st.title("About the numbers")
st.write(
    "Every figure COR Ready uses, with the year it applies to and where it comes from. "
    "Rates and rules change: check anything you rely on with WorkSafeBC, Alberta PIR or your "
    "certifying partner."
)
table = pd.DataFrame([f.model_dump() for f in figures(c)])
st.dataframe(
    table,
    hide_index=True,
    column_config={
        "topic": "Topic",
        "figure": "Figure",
        "value": "Value",
        "year": "Year",
        "source_url": st.column_config.LinkColumn("Source"),
        "note": st.column_config.TextColumn("Note", width="large"),
    },
)
st.subheader("Known errors in the sources")
for e in c.errata:
    st.markdown(f"**{e.where}** ({e.effective}): {e.states}\n\n{e.correct} [Source]({e.source_url})")
st.caption("COR Ready is unofficial. It uses no WorkSafeBC logo and collects no usage statistics.")
