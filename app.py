"""COR Ready: router and frame. Page config, session defaults, navigation; nothing else."""

import streamlit as st

from ui.state import init_state

st.set_page_config(page_title="COR Ready", page_icon=":material/verified_user:", layout="wide")
init_state()

pages = [
    st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("app_pages/readiness.py", title="Readiness", icon=":material/checklist:", url_path="readiness"),
    st.Page("app_pages/savings.py", title="Savings", icon=":material/savings:", url_path="savings"),
    st.Page("app_pages/cycle.py", title="Cycle planner", icon=":material/event:", url_path="cycle"),
    st.Page("app_pages/partners.py", title="Partner guide", icon=":material/handshake:", url_path="partners"),
    st.Page("app_pages/about.py", title="About the numbers", icon=":material/menu_book:", url_path="about"),
]
st.navigation(pages, position="top").run()
