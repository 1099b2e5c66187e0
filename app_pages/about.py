"""About the numbers: every figure the app uses, its source and year, and known source errors."""

from itertools import groupby

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
for topic, group in groupby(figures(c), key=lambda f: f.topic):
    st.subheader(topic)
    for f in group:
        with st.container(border=True, key=None):
            st.markdown(f"**{f.figure}**: {f.value} ({f.year}) · [source]({f.source_url})")
            if f.note:
                st.caption(f.note)

st.subheader("Known errors in the sources")
for e in c.errata:
    st.markdown(f"**{e.where}** ({e.effective}): {e.states}\n\n{e.correct} [Source]({e.source_url})")

st.subheader("Where the sources disagree")
bc_rule = c.incentives.bc
st.markdown(f"**BC small-employer minimum incentive.** {bc_rule.minimum_conflict_note}")
for m in bc_rule.small_employer_minimum:
    st.markdown(f"- {m.label}, stated {m.effective}: {m.wording} [Source]({m.source_url})")
st.caption(
    "The savings page shows both versions and applies one only when you ask, labelled as an assumption."
)
st.caption("COR Ready is unofficial. It uses no WorkSafeBC logo and collects no usage statistics.")
