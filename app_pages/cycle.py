"""Cycle planner: when each audit of the three-year COR cycle is due."""

import datetime as dt

import pandas as pd
import streamlit as st

from cor.cycle import plan

st.title("Your three-year audit cycle")
certified = st.date_input(
    "Certification audit completed on", value=None, key="cy.certified", format="YYYY-MM-DD"
)
if certified:
    rows = [{"Milestone": m.title, "Due by": m.due.isoformat(), "What": m.detail} for m in plan(certified)]
    st.dataframe(pd.DataFrame(rows), hide_index=True)
    st.caption(f"Today is {dt.date.today().isoformat()}.")
