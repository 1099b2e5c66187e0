"""The browser baseline: a minimal Streamlit app served the same way as COR Ready.

A title, a short text and eight questions answered with radios and a progress line counting the
answers: the least a page with a score to update can be.
"""

import streamlit as st

st.set_page_config(page_title="Minimal", layout="wide")
st.title("A minimal page")
st.write("The same server, the same browser, none of COR Ready's pages.")
answered = sum(
    st.radio(f"Q{number}. Is this answered?", ["Yes", "No"], index=None, horizontal=True, key=f"q{number}")
    is not None
    for number in range(1, 9)
)
st.progress(answered / 8, text=f"{answered} of 8 questions answered")
