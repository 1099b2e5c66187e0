"""Workshop mode: a projector layout for outreach events.

Up front: the quick check attendees open on their phones (QR code and address), the savings
estimator, the room's combined picture (only with attendees' consent), and a reset between demos.
"""

import streamlit as st

from cor.workspace.models import UnavailableError
from ui import workshop as wk
from ui.reconnect import ROOMS_DOWN

wk.projector_frame()
st.title("COR workshop")
st.write(
    "Would your workplace pass a **Certificate of Recognition** audit today, and what would COR "
    "save you? Everyone answers on their own phone; your answers stay on your phone."
)
join, demo = st.columns([3, 2], gap="large")
with demo:
    st.subheader("Try it together")
    st.page_link(
        "app_pages/readiness.py",
        label="Quick check: 12 questions",
        icon=":material/checklist:",
        query_params={"quick": "1"},
    )
    st.page_link("app_pages/savings.py", label="Savings estimator", icon=":material/savings:")
    st.button(
        "Reset for the next demo",
        on_click=wk.reset_demo,
        icon=":material/restart_alt:",
        help="Clears the answers and estimates on this screen; the room stays open.",
    )
    st.divider()
    try:  # the database away: say so plainly, the rest of the page still works (issue 20)
        room = wk.presenter_room()
        if room:
            wk.room_picture_panel(room)
    except UnavailableError:
        room = None
        st.warning(ROOMS_DOWN, icon=":material/cloud_off:")
with join:
    st.subheader("On your phone")
    wk.join_panel(room)
