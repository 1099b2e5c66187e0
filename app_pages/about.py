"""About the numbers: every figure the app uses, its source and year, and known source errors.

A contents list at the top links to each topic; figures read as a person says them
(the formatting lives in cor), and names that can come from an imported rate list are plain text.
"""

import re
from itertools import groupby

import streamlit as st

from cor.figures import figures
from cor.formatting import SCORE_RULE
from ui.state import content, plain

facts = content()
ERRATA, DISAGREE, SCORES = "Known errors in the sources", "Where the sources disagree", "How scores are shown"


def anchor(title: str) -> str:
    """The heading's id, for the contents list's links."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


st.title("About the numbers")
st.write(
    "Every figure COR Ready uses, with the year it applies to and where it comes from. "
    "Rates and rules change: check anything you rely on with WorkSafeBC, the Government of Alberta or your "
    "certifying partner."
)
groups = [(topic, list(group)) for topic, group in groupby(figures(facts), key=lambda f: f.topic)]
with st.container(border=True):
    st.markdown("**Contents**")
    titles = [topic for topic, _ in groups] + [ERRATA, DISAGREE, SCORES]
    st.markdown("\n".join(f"- [{title}](#{anchor(title)})" for title in titles))

for topic, group in groups:
    st.subheader(topic, anchor=anchor(topic))
    for figure in group:
        with st.container(border=True, key=None):
            st.markdown(
                f"**{plain(figure.figure)}**: {plain(figure.value)} ({figure.year}) · [source]({figure.source_url})"
            )
            if figure.note:
                st.caption(plain(figure.note))

st.subheader(ERRATA, anchor=anchor(ERRATA))
for erratum in facts.errata:
    st.markdown(
        f"**{erratum.where}** ({erratum.effective}): {erratum.states}\n\n"
        f"{erratum.correct} [Source]({erratum.source_url})"
    )

st.subheader(DISAGREE, anchor=anchor(DISAGREE))
bc_rule = facts.incentives.bc
st.markdown(
    f"**BC small-employer minimum incentive.** {bc_rule.minimum_conflict_note} The Savings page applies "
    "the rule in force "
    f"({bc_rule.minimum_in_force.label}); both versions, with their sources, are listed above under "
    "Incentive (BC)."
)

st.subheader(SCORES, anchor=anchor(SCORES))
st.write(SCORE_RULE)
st.caption("COR Ready is unofficial. It uses no WorkSafeBC logo and collects no usage statistics.")
