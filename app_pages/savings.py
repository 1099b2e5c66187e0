"""Savings: what COR is worth, in dollars, for the employer's own classification units (CUs).

Top to bottom: fill the inputs on a fresh session (from a shared link; a CU picked in the partner
guide fills the first row) -> province -> its estimator, chosen by the jurisdiction's
``incentive_model`` in content (BC: a rate list for the session, the CU rows and their estimate;
Alberta: the PIR refund; none yet for a jurisdiction added as content) -> the cycle against the
audit costs -> the rules behind the number (BC) -> the sources -> the link and the CSV, shown
under the estimate but filled last since they need every input. Every number comes from
cor.incentives, with its formula; a wrong value gets its message right under its field and every
other input and result stays. The building blocks are in ui/savings/ (inputs, sections, and
estimators for the choice by incentive model).
"""

import streamlit as st

from ui.savings import inputs, sections
from ui.savings.estimators import estimator
from ui.state import jurisdiction_picker

inputs.seed_from_link()
inputs.apply_carried_cu()

st.title("What would COR save you?")
st.write(
    "An estimate of the COR incentive for your own classification units (CUs), with the "
    "calculation written out so you can check it. It is an estimate, not a promise: WorkSafeBC "
    "or Alberta's PIR program decides the amount."
)
inputs.show_notices()
jurisdiction = jurisdiction_picker("sv.jurisdiction")
chosen = estimator(jurisdiction)  # the jurisdiction's incentive model, from content

shown = chosen.estimate(jurisdiction)  # the estimate on screen, BC or Alberta
share_here = st.container()

st.subheader("Savings over the cycle")
costs = sections.audit_costs()
sections.cycle_chart(shown.result, costs)

extra = chosen.rules(shown.result)
sections.sources(jurisdiction, chosen.sources)

sections.share(share_here, jurisdiction, shown.result, costs, extra, shown.rows)
