"""Savings: the COR incentive for a classification unit."""

import streamlit as st

from cor.incentives import annual_incentive, formula, money
from ui.state import content

c = content()
st.title("What would COR save you?")
units = {u.code: u for u in c.units}
code = st.selectbox(
    "Classification unit (type a code or name)",
    [None, *units],
    format_func=lambda k: "Custom base rate" if k is None else f"{k} {units[k].name}",
    key="sv.cu",
)
rate_record = units[code].latest_rate() if code else None
default_rate = str(rate_record.base_rate) if rate_record else ""
payroll_text = st.text_input("Assessable payroll", key="sv.payroll", placeholder="e.g. 11000000")
rate_text = st.text_input("Base rate", value=default_rate, key="sv.rate", placeholder="e.g. 4.54")
if rate_record:
    st.caption(f"{rate_record.year} base rate, source: [{rate_record.source_url}]({rate_record.source_url})")
if payroll_text and rate_text:
    try:
        amount = annual_incentive(payroll_text, rate_text)
    except ValueError as exc:
        st.error(str(exc))
    else:
        st.metric("Annual incentive", money(amount))
        st.code(formula(payroll_text, rate_text), language=None)
