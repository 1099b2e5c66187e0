"""Savings: what COR is worth, in dollars, for the employer's own classification units (CUs).

Top to bottom: fill the inputs on a fresh session (from a shared link; a CU picked in the partner
guide fills the first row) -> province -> BC: a rate list for the session (consultants), the CU
rows and their estimate, or Alberta: the PIR refund -> the cycle against the audit costs -> the
rules behind the BC number -> the sources -> the link and the CSV, shown under the estimate but
filled last since they need every input. Every number comes from cor.incentives, with its formula;
a wrong value gets its message right under its field and every other input and result stays. The
building blocks are in ui/savings/inputs.py and ui/savings/sections.py.
"""

import streamlit as st

from cor.incentives import Estimate, PIREstimate
from ui.savings import inputs, sections
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

estimate: Estimate | None = None
refund: PIREstimate | None = None
rows: inputs.Rows | None = None
if jurisdiction == "BC":
    st.subheader("Your classification units")
    sections.rates_intro()
    sections.rate_list_loader()
    rows = inputs.cu_rows()
    st.subheader("Your estimate")
    estimate = inputs.bc_estimate(rows)
else:
    st.subheader("Your Alberta PIR refund")
    refund = sections.pir_refund()
result = estimate or refund  # the estimate on screen, BC or Alberta
share_here = st.container()

st.subheader("Savings over the cycle")
costs = sections.audit_costs()
sections.cycle_chart(jurisdiction, result, costs)

extra: list[inputs.ExtraRow] = []
if jurisdiction == "BC":
    st.subheader("Conditions that void the incentive")
    sections.good_standing_checklist()
    st.subheader("Small-employer minimum")
    extra = sections.small_employer_minimum(estimate)
sections.sources(jurisdiction)

sections.share(share_here, jurisdiction, result, costs, extra, rows)
