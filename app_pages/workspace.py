"""Workspace (placeholder while it is built)."""

import streamlit as st

from ui.auth import current_staff, sign_in_panel

st.title("Consultants' workspace")
if current_staff() is None:
    sign_in_panel()
    st.stop()
