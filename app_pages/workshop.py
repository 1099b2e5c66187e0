"""Workshop mode: a projector layout for outreach events.

Up front: the quick check attendees open on their phones (QR code and address), the savings
estimator, the room's combined picture (only with attendees' consent), and a reset between demos.
The room survives a reload of this tab: its key is in the presenter's address (ui/workshop.py).
"""

import streamlit as st

from ui import workshop

workshop.projector_frame()
st.title("COR workshop")
st.write(
    "Would your workplace pass a **Certificate of Recognition** audit today, and what would COR "
    f"save you? Everyone answers on their own phone, and no name is asked. {workshop.kept_sentence(presenter=True)}"
)
join, demo = st.columns([2, 3], gap="large")
with demo:
    room = workshop.presenter_room()  # the database away: a plain message, the rest of the page works
    if room:
        workshop.room_picture_panel(room)
        workshop.room_controls(room)
    st.divider()
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
        on_click=workshop.reset_demo,
        icon=":material/restart_alt:",
        help="Clears the answers and estimates on this screen; the room stays open.",
    )
with join:
    st.subheader("On your phone")
    workshop.join_panel(room)
