"""The Readiness page's widgets with none of its logic: the baseline for bench/readiness_rerun.py.

Same frame (page config, navigation), same widgets in the same order as the real page's default
"Answer" view, for the same element, but no cor import: no scoring, no recommendation, no draft
store. Question texts come straight from the TOML files (cached, as the real page caches content),
so the widgets carry the same labels and options.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import streamlit as st

CONTENT = Path(__file__).resolve().parents[1] / "content"
VIEWS = ["Answer", "Results", "Action plan", "Save and reports"]


@st.cache_resource(show_spinner=False)
def _load() -> tuple[list[dict], list[dict], dict[str, list[dict]], list[dict]]:
    qdir = CONTENT / "questions"
    elements = tomllib.loads((qdir / "elements.toml").read_text("utf-8"))["element"]
    scales = {
        s["id"]: s["options"] for s in tomllib.loads((qdir / "scales.toml").read_text("utf-8"))["scale"]
    }
    questions = [
        q
        for f in sorted(qdir.glob("[0-9]*.toml"))
        for q in tomllib.loads(f.read_text("utf-8"))["question"]
        if "large" in q["sets"]
    ]
    programs = tomllib.loads((CONTENT / "programs.toml").read_text("utf-8"))["program"]
    return elements, questions, scales, programs


def page() -> None:
    elements, questions, scales, programs = _load()
    answers: dict[str, str] = st.session_state.setdefault("answers", {})
    notes: dict[str, str] = st.session_state.setdefault("notes", {})
    st.title("Would you pass a COR audit today?")
    st.caption("An unofficial estimate from COR Ready's own questions, not your certifying partner's audit.")
    with st.container(border=True):
        st.subheader("Your program")
        st.radio("Province", ["BC", "AB"], horizontal=True, key="b.jurisdiction")
        bc = [p for p in programs if p["jurisdiction"] == "BC"]
        left, right = st.columns(2)
        left.number_input("Workers", min_value=1, max_value=1_000_000, step=1, value=None, key="b.workers")
        right.selectbox("Program", [p["id"] for p in bc], key="b.program")
        st.markdown(f"**{bc[0]['name']}**. {bc[0]['summary']}")
        st.selectbox("Industry (classification unit, optional)", [None, "766011"], key="b.cu")
        st.caption(f"Worker thresholds: {bc[0]['source_url']}")
        st.caption("No ISO 45001 / CSA Z45001 route here.")
    st.toggle("Quick check (12 questions, indicative)", key="b.quick")
    st.segmented_control("View", VIEWS, default=VIEWS[0], required=True, key="b.view")
    st.progress(len(answers) / len(questions), text=f"{len(answers)} of {len(questions)} questions answered")
    ids = [e["id"] for e in elements]
    element_id = st.selectbox("Jump to element", ids, key="b.element")
    st.caption(elements[0]["summary"])
    for i, q in enumerate((q for q in questions if q["element"] == element_id), start=1):
        labels = {o["id"]: o["label"] for o in scales[q["scale"]]}
        key = f"b.q.{q['id']}"
        if key not in st.session_state:
            st.session_state[key] = answers.get(q["id"])
        st.radio(f"Q{i}. {q['text']}", list(labels), format_func=labels.__getitem__, index=None, key=key)
        with st.expander("What the auditor looks for, and your notes"):
            st.markdown(f"**Why it is asked.** {q['why']}")
            st.markdown(f"**Evidence.** {q['look_for']}  \nWorth {q['points']} points.")
            nkey = f"b.n.{q['id']}"
            if nkey not in st.session_state:
                st.session_state[nkey] = notes.get(q["id"], "")
            st.text_area("Your notes", key=nkey, max_chars=2000, height=80)
    prev_col, next_col = st.columns(2)
    prev_col.button("Previous element", disabled=True, key="b.prev")
    next_col.button("Next element", key="b.next")


st.set_page_config(page_title="COR Ready", page_icon=":material/verified_user:", layout="wide")
st.navigation([st.Page(page, title="Readiness", url_path="readiness")], position="top").run()
