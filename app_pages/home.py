"""Home: what COR Ready answers, and where to start."""

import streamlit as st

from ui.state import content, guide

# a workshop link (/?mode=workshop) or the switch below opens the projector layout
if st.query_params.get("mode") == "workshop":
    st.switch_page("app_pages/workshop.py")

facts = content()
st.title("COR Ready")
st.write(
    "Find out, in a few minutes, whether your health and safety management system would pass a "
    "**Certificate of Recognition (COR)** audit, what COR would save you, what the three-year audit "
    "cycle asks of you, and which certifying partner to call."
)
rule = facts.jurisdiction_or_default(st.session_state.get("jurisdiction")).pass_rule  # the province chosen
st.info(
    f"To certify you need **{rule.overall_min_pct:.0f}% overall and at least {rule.element_min_pct:.0f}% "
    "on every audit element**. COR Ready gives an unofficial readiness estimate using its own "
    "questions; it is not your certifying partner's audit.",
    icon=":material/info:",
)
cols = st.columns(2)
with cols[0]:
    st.page_link(
        "app_pages/readiness.py", label="Am I ready? Readiness self-assessment", icon=":material/checklist:"
    )
    st.page_link(
        "app_pages/savings.py", label="What would it save me? Incentive estimate", icon=":material/savings:"
    )
with cols[1]:
    st.page_link("app_pages/cycle.py", label="When are my audits due? Cycle planner", icon=":material/event:")
    st.page_link("app_pages/partners.py", label="Who do I call? Partner guide", icon=":material/handshake:")
st.page_link(
    "app_pages/about.py", label="About the numbers: every figure and its source", icon=":material/menu_book:"
)
if st.toggle(
    "Workshop mode: projector layout with a QR code for attendees' phones",
    key="home.workshop",
    help="Large type, the quick check and the savings estimator up front, and a reset between demos.",
):
    st.switch_page("app_pages/workshop.py")
st.page_link(
    "app_pages/workspace.py", label="Association staff: sign in to the workspace", icon=":material/work:"
)

st.divider()
st.markdown(guide("what-is-cor"))
st.page_link("app_pages/cycle.py", label="Your partner's audit dates: Cycle planner", icon=":material/event:")
