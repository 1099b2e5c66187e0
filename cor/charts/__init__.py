"""Altair chart specifications, shared by the pages and the PDF report (no streamlit here)."""
