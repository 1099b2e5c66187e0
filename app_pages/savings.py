"""Savings: what COR is worth, in dollars, for the employer's own classification units (CUs).

Top to bottom: fill the inputs on a fresh session (from a shared link; a CU picked in the partner
guide fills the first row) -> province -> BC: the CU rows and their estimate, or Alberta: the PIR
refund -> the cycle against the audit costs -> the rules behind the BC number -> the link and the
CSV, shown under the estimate but filled last since they need every input. Every number comes from
cor.incentives, with its formula and source; a wrong value gets its message right under its field
and every other input and result stays. The building blocks are in ui/savings.py.
"""

import streamlit as st

from cor.incentives import Estimate, PIREstimate
from ui import savings as sv
from ui.state import jurisdiction_picker

sv.seed_from_link()
sv.apply_carried_cu()

st.title("What would COR save you?")
st.write(
    "An estimate of the COR incentive for your own classification units (CUs), with the "
    "calculation written out so you can check it. It is an estimate, not a promise: WorkSafeBC "
    "or Alberta's PIR program decides the amount."
)
sv.show_notices()
jurisdiction = jurisdiction_picker("sv.jurisdiction")

est: Estimate | None = None
pir: PIREstimate | None = None
if jurisdiction == "BC":
    st.subheader("Your classification units")
    st.write(
        "For each CU, enter the assessable payroll you report to WorkSafeBC and the CU's base rate: "
        "dollars per $100 of payroll, before any experience-rating discount or surcharge. Pick the "
        "CU from the list to fill in the rate COR Ready knows, or type your own."
    )
    rows = sv.cu_rows()
    st.subheader("Your estimate")
    est = sv.bc_estimate(rows)
else:
    st.subheader("Your Alberta PIR refund")
    pir = sv.pir_refund()
result = est or pir  # the estimate on screen, BC or Alberta
share_here = st.container()

st.subheader("Savings over the cycle")
costs = sv.audit_costs()
sv.cycle_chart(jurisdiction, result, costs)

extra: list[sv.ExtraRow] = []
if jurisdiction == "BC":
    st.subheader("Conditions that void the incentive")
    sv.good_standing_checklist()
    st.subheader("Small-employer minimum")
    extra = sv.small_employer_minimum(est)

sv.share(share_here, jurisdiction, result, costs, extra)
