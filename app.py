"""COR Ready: router and frame. Page config, session defaults, navigation; nothing else."""

import streamlit as st

from ui.navigation import phone_menu
from ui.reconnect import rerun_after_reconnect
from ui.state import init_state, prepare_database
from ui.workspace.auth import current_staff

st.set_page_config(page_title="COR Ready", page_icon=":material/verified_user:", layout="wide")
init_state()
prepare_database()

pages = [
    st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("app_pages/readiness.py", title="Readiness", icon=":material/checklist:", url_path="readiness"),
    st.Page("app_pages/savings.py", title="Savings", icon=":material/savings:", url_path="savings"),
    st.Page("app_pages/cycle.py", title="Cycle planner", icon=":material/event:", url_path="cycle"),
    st.Page("app_pages/partners.py", title="Partner guide", icon=":material/handshake:", url_path="partners"),
    st.Page("app_pages/about.py", title="About the numbers", icon=":material/menu_book:", url_path="about"),
    st.Page("app_pages/workshop.py", title="Workshop", icon=":material/co_present:", url_path="workshop"),
    # staff only: listed once signed in; for everyone else it is just the sign-in page
    st.Page(
        "app_pages/workspace.py",
        title="Workspace",
        icon=":material/work:",
        url_path="workspace",
        visibility="visible" if current_staff() else "hidden",
    ),
]
navigation = st.navigation(pages, position="top")
phone_menu(pages, navigation)
navigation.run()
rerun_after_reconnect()  # after the page, so a page's own widgets come first
