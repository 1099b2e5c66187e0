"""Readiness: a mini-COR audit an employer can run alone, leave, and come back to.

Top to bottom: read what the widgets hold and store it in the draft (merged with any other tab)
-> choose the program -> one view at a time (answer, results, action plan, save and reports)
-> store what changed while drawing. Only the selected view is drawn, so a rerun after each
answer stays close to the cost of a page of plain widgets (bench/rerun.py measures it: the
"Readiness" rows of `python -m bench`). The building blocks are in ui/readiness/.
"""

import streamlit as st

from ui.readiness import views
from ui.readiness.program import program_section, sources
from ui.readiness.state import (
    draft_caption,
    keep_address,
    page_state,
    restore_draft,
    sync_draft,
    take_widget_values,
)
from ui.state import content

facts = content()
state = page_state()
restore_draft(state)
take_widget_values(state)
sync_draft(state, before_widgets=True)

st.title("Would you pass a COR audit today?")
st.caption(
    "An **unofficial estimate** from COR Ready's own questions, not your certifying partner's audit. "
    f"{draft_caption(state)}"
)
if st.session_state.get("ws.record_for"):  # started from a workspace client (staff only)
    from ui.workspace.panels import record_for_banner

    record_for_banner()
room = views.workshop_banner()
jurisdiction, program = program_section(facts)
quick = views.quick_toggle()
view = views.view_switcher()
views.view_body(views.Settled(facts, jurisdiction, program, quick, view, room, state.upload.mark()))
sources(jurisdiction, program)
keep_address(state)
sync_draft(state, before_widgets=False)
