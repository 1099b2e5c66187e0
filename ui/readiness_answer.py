"""The Answer view: one element at a time, its questions, the auditor's view of each, and notes.

The chosen element is kept in the page state and put into the "Jump to element" list before it is
drawn each run (see ui/readiness_state.py for why the list cannot be trusted to keep it: its
labels carry live counts). "Next element" also scrolls the page back to the element's heading,
so the view starts at the first question, not at the last ones of the new element.
"""

from __future__ import annotations

import streamlit as st

from cor.assessment import NOTE_MAX_CHARS
from cor.formatting import count
from cor.models import Question
from ui.readiness_run import ReadinessRun
from ui.readiness_state import NOTE_PREFIX, QUESTION_PREFIX, ReadinessState, page_state, seed

EVIDENCE = {"documentation": "documents", "interview": "interviews", "observation": "observation"}
HEADING_ANCHOR = "readiness-element"


def answer_view(run: ReadinessRun) -> None:
    """Element by element, with progress, the auditor's view of each question, and notes."""
    state = page_state()
    card, bank = run.card, run.bank
    st.progress(card.answered / card.total, text=f"{card.answered} of {card.total} questions answered")
    by_element = {element.element: element for element in card.elements}
    order = list(by_element)
    numbers = {element.id: element.number for element in bank.elements}
    if state.element not in by_element:
        state.element = order[0]
    st.session_state["rd.element"] = state.element
    st.selectbox(
        "Jump to element",
        order,
        format_func=lambda eid: (
            f"{numbers[eid]}. {by_element[eid].name} ({by_element[eid].answered}/{by_element[eid].total} answered)"
        ),
        key="rd.element",
        on_change=_element_chosen,
    )
    element_id = state.element
    st.subheader(f"{numbers[element_id]}. {by_element[element_id].name}", anchor=HEADING_ANCHOR)
    st.caption(bank.element(element_id).summary)
    for number, question in enumerate((q for q in run.questions if q.element == element_id), start=1):
        _question(run, state, number, question)
    position = order.index(element_id)
    previous_column, next_column = st.columns(2)
    previous_column.button(
        "Previous element",
        on_click=_go_to,
        args=(order[max(position - 1, 0)],),
        disabled=position == 0,
        key="rd.prev",
    )
    next_column.button(
        "Next element",
        on_click=_go_to,
        args=(order[min(position + 1, len(order) - 1)],),
        disabled=position == len(order) - 1,
        key="rd.next",
    )
    if state.scroll_to_element:
        _scroll_to_heading(state.scroll_to_element)
        state.scroll_to_element = 0


def _question(run: ReadinessRun, state: ReadinessState, number: int, question: Question) -> None:
    answers: dict[str, str] = st.session_state["answers"]
    notes: dict[str, str] = st.session_state["notes"]
    labels = {option.id: option.label for option in run.bank.scale(question.scale).options}
    key = f"{QUESTION_PREFIX}{question.id}"
    seed(key, answers.get(question.id) if answers.get(question.id) in labels else None)
    st.radio(f"Q{number}. {question.text}", list(labels), format_func=labels.__getitem__, index=None, key=key)
    with st.expander("What the auditor looks for, and your notes"):
        st.markdown(f"**Why it is asked.** {question.why}")
        kinds = ", ".join(EVIDENCE[kind] for kind in question.evidence)
        st.markdown(
            f"**Evidence to produce.** {question.look_for}  \n"
            f"The auditor checks it by {kinds}. Worth {count(question.points, 'question point')}."
        )
        note_key = f"{NOTE_PREFIX}{question.id}"
        seed(note_key, notes.get(question.id, ""))
        st.text_area(
            "Your notes",
            key=note_key,
            height=80,
            placeholder=f"Where the evidence is, who has it (up to {NOTE_MAX_CHARS:,} characters)",
        )
        if question.id in state.cut_notes:
            st.warning(
                f"This note was longer than {NOTE_MAX_CHARS:,} characters: the first {NOTE_MAX_CHARS:,} are kept "
                "and the rest was left out.",
                icon=":material/content_cut:",
            )


def _element_chosen() -> None:
    """The list's own choice (decoded with the labels the user saw) becomes the page's element."""
    page_state().element = st.session_state["rd.element"]


def _go_to(element_id: str) -> None:
    state = page_state()
    state.element = element_id
    state.scroll_to_element += 1


def _scroll_to_heading(nonce: int) -> None:
    """Bring the element's heading to the top of the window once (a browser-only nicety).

    The nonce makes each script distinct, so the browser runs it again on the next click.
    """
    st.html(
        f"<script>/* {nonce} */ setTimeout(() => {{"
        f" const heading = window.parent.document.getElementById('{HEADING_ANCHOR}')"
        f" || document.getElementById('{HEADING_ANCHOR}');"
        " if (heading) heading.scrollIntoView({block: 'start'}); }, 150);</script>",
        unsafe_allow_javascript=True,
    )
