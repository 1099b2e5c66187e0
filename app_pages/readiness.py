"""Readiness: a quick self-assessment against the COR pass rule."""

import streamlit as st

from cor.scoring import explain, score, show_pct, verdict
from ui.state import content

c = content()
st.title("Would you pass a COR audit today?")
bank = c.bank
questions = bank.question_set("quick")
answers: dict[str, str | None] = st.session_state["answers"]
for q in questions:
    scale = bank.scale(q.scale)
    labels = {o.id: o.label for o in scale.options}
    key = f"rd.q.{q.id}"
    if key not in st.session_state:
        st.session_state[key] = answers.get(q.id)
    answers[q.id] = st.radio(q.text, list(labels), format_func=labels.__getitem__, key=key, index=None)
card = score(bank, questions, answers)
try:
    v = verdict(card.points(), c.jurisdiction(st.session_state["jurisdiction"]).pass_rule)
except ValueError as exc:
    st.info(str(exc))
else:
    st.metric("Overall", show_pct(v.overall_pct))
    (st.success if v.passed else st.error)(explain(v, card.names()))
