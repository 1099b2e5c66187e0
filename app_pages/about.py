"""About the numbers: every figure the app uses, its source and year, and known source errors."""

from itertools import groupby

import streamlit as st

from cor.figures import figures
from cor.formatting import SCORE_RULE
from ui.state import content

facts = content()
st.title("About the numbers")
st.write(
    "Every figure COR Ready uses, with the year it applies to and where it comes from. "
    "Rates and rules change: check anything you rely on with WorkSafeBC, the Government of Alberta or your "
    "certifying partner."
)
for topic, group in groupby(figures(facts), key=lambda figure: figure.topic):
    st.subheader(topic)
    for figure in group:
        with st.container(border=True, key=None):
            st.markdown(
                f"**{figure.figure}**: {figure.value} ({figure.year}) · [source]({figure.source_url})"
            )
            if figure.note:
                st.caption(figure.note)

st.subheader("Known errors in the sources")
for erratum in facts.errata:
    st.markdown(
        f"**{erratum.where}** ({erratum.effective}): {erratum.states}\n\n"
        f"{erratum.correct} [Source]({erratum.source_url})"
    )

st.subheader("Where the sources disagree")
bc_rule = facts.incentives.bc
st.markdown(
    f"**BC small-employer minimum incentive.** {bc_rule.minimum_conflict_note} The Savings page applies "
    "the rule in force "
    f"({bc_rule.minimum_in_force.label}); both versions, with their sources, are listed above under "
    "Incentive (BC)."
)

st.subheader("How scores are shown")
st.write(SCORE_RULE)
st.caption("COR Ready is unofficial. It uses no WorkSafeBC logo and collects no usage statistics.")
