"""The Answer view: one element at a time, its questions, the auditor's view of each, and notes.

The chosen element is kept in the page state and put into the "Jump to element" list before it is
drawn each run (see ui/readiness/state.py for why the list cannot be trusted to keep it: its
labels carry live counts). "Next element" also scrolls the page back to the element's heading,
so the view starts at the first question, not at the last ones of the new element.
"""

from __future__ import annotations

import streamlit as st

from cor.assessment import NOTE_MAX_CHARS
from cor.formatting import count
from cor.models import Question
from ui.readiness.run import ReadinessRun
from ui.readiness.state import NOTE_PREFIX, QUESTION_PREFIX, ReadinessState, page_state, seed

EVIDENCE = {"documentation": "documents", "interview": "interviews", "observation": "observation"}
HEADING_ANCHOR = "readiness-element"
HEADING_SELECTOR = f"#{HEADING_ANCHOR}"
#: The container around the view switcher (its CSS class is ``st-key-`` + this).
VIEW_BOX = "rd_view_box"


def answer_view(run: ReadinessRun) -> None:
    """Element by element (a full program), or every question on one scroll (the quick check:
    12 questions a workshop attendee answers on a phone without paging). Either way the last
    question is followed by "See your result", never by a dead end."""
    state = page_state()
    card = run.card
    st.progress(card.answered / card.total, text=f"{card.answered} of {card.total} questions answered")
    if run.quick:
        _all_questions(run, state)
    else:
        _one_element(run, state)
    if state.scroll_to_element:
        _scroll_to(HEADING_SELECTOR, state.scroll_to_element)
        state.scroll_to_element = 0


def _all_questions(run: ReadinessRun, state: ReadinessState) -> None:
    """The quick check on one scroll: a small heading per element, questions numbered 1 to 12."""
    numbers = {element.id: element.number for element in run.bank.elements}
    shown_element = None
    for number, question in enumerate(run.questions, start=1):
        if question.element != shown_element:
            shown_element = question.element
            element = run.bank.element(question.element)
            st.markdown(f"**{numbers[element.id]}. {element.name}**")
        _question(run, state, number, question)
    _see_result_button()


def _one_element(run: ReadinessRun, state: ReadinessState) -> None:
    card, bank = run.card, run.bank
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
    if position == len(order) - 1:
        with next_column:
            _see_result_button()
    else:
        next_column.button("Next element", on_click=_go_to, args=(order[position + 1],), key="rd.next")


def _see_result_button() -> None:
    st.button(
        "See your result", on_click=see_result, type="primary", icon=":material/flag:", key="rd.see_result"
    )


def see_result() -> None:
    """Open the Results view and bring it into sight (the switcher sits above the view)."""
    state = page_state()
    state.view = "Results"
    state.program_open = False
    state.scroll_to_view += 1


def _question(run: ReadinessRun, state: ReadinessState, number: int, question: Question) -> None:
    answers: dict[str, str] = st.session_state["answers"]
    notes: dict[str, str] = st.session_state["notes"]
    labels = {option.id: option.label for option in run.bank.scale(question.scale).options}
    key = f"{QUESTION_PREFIX}{question.id}"
    seed(key, answers.get(question.id) if answers.get(question.id) in labels else None)
    st.radio(f"Q{number}. {question.text}", list(labels), format_func=labels.__getitem__, index=None, key=key)
    noted = bool(notes.get(question.id))
    # A key per question: a panel opened on Q1 of one element is not open on Q1 of the next.
    panel = st.expander(
        "What the auditor looks for, and your notes (note written)"
        if noted
        else "What the auditor looks for, and your notes",
        key=f"rd.panel.{question.id}",
        icon=":material/sticky_note_2:" if noted else None,
        on_change="rerun",
    )
    if not panel.open:
        return  # drawn when opened: a closed panel costs an answer nothing (bench/README.md)
    with panel:
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
    state.program_open = False
    state.scroll_to_element += 1


def _scroll_to(selector: str, nonce: int) -> None:
    """Bring what ``selector`` finds to the top of the window once (a browser-only nicety).

    The nonce makes each script distinct, so the browser runs it again on the next click.
    """
    st.html(
        f"<script>/* {nonce} */ setTimeout(() => {{"
        f" const target = window.parent.document.querySelector('{selector}')"
        f" || document.querySelector('{selector}');"
        " if (target) target.scrollIntoView({block: 'start'}); }, 150);</script>",
        unsafe_allow_javascript=True,
    )


def scroll_to_view(nonce: int) -> None:
    """After "See your result": the view switcher and the verdict below it at the top."""
    _scroll_to(f".st-key-{VIEW_BOX}", nonce)
