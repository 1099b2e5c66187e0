"""Streamlit helpers shared by the pages: state, content access and small render functions."""
