"""Readiness: a mini-COR audit an employer can run alone, leave, and come back to.

Top to bottom: pick up the draft -> choose the program -> one view at a time (answer, results,
action plan, save and reports) -> save the draft if anything changed. Only the selected view is
rendered, so a rerun after each answer stays close to the cost of a page of plain widgets
(bench/readiness_rerun.py measures it). The building blocks are in ui/readiness.py.
"""

import streamlit as st

from ui import readiness as rd
from ui.state import content

c = content()
rd.restore_draft()
rd.keep_draft_in_url()

st.title("Would you pass a COR audit today?")
st.caption(
    "An **unofficial estimate** from COR Ready's own questions, not your certifying partner's audit. "
    f"{rd.draft_caption()}"
)
with st.container(border=True):
    juris, program = rd.program_section(c)
quick = rd.quick_toggle()
ctx = rd.context(c, juris, program, quick)

view = st.segmented_control("View", list(rd.VIEWS), default="Answer", required=True, key="rd.view")
rd.VIEWS[view](ctx)
rd.save_draft()
