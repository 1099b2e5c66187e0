"""The Readiness page's state: one typed object in session state, and the draft kept in step with it.

Why it is built this way:

- Answers and notes are read from the widgets' own session-state values at the top of every run,
  before anything is drawn, so progress, counts and the draft never lag the screen (a callback
  alone can miss a change).
- The chosen element and view live in :class:`ReadinessState`, not only in their widgets: the
  "Jump to element" list shows live counts in its labels, and Streamlit sends a select box's
  value back as its label, so a label that changed since the last run would otherwise no longer
  match and the list would fall back to element 1.
- The draft is read before the page is drawn, and another tab's changes merged into it; the
  run's own changes are stored once, when the run ends, through ``DraftStore.update`` with a
  three-way merge (:func:`cor.assessment.merge`), so two tabs on one draft never lose each other's
  answers and the other tab picks up the merged answers on its next run. One write per run, and
  none when nothing changed: a save is an SQLite commit, and two of them were 19% of a Results
  rerun (issue 19).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from cor.assessment import Assessment, PlanEdit, clip_note, merge
from cor.db import ConfigError
from cor.formatting import count
from cor.store import DAYS_ENV, DB_ENV, DraftStore, StoreError, new_token, valid_token
from ui.state import content

log = logging.getLogger(__name__)

STATE_KEY = "readiness"
QUESTION_PREFIX = "rd.q."
NOTE_PREFIX = "rd.n."
#: Widgets whose value is seeded from the state: dropped when an assessment replaces the screen.
SEEDED_WIDGETS = ("rd.workers", "rd.program", "rd.quick", "rd.cu", "rd.plan_editor", "rd.element")

#: The views, with the short name each has in the page's address (?view=).
VIEW_SLUGS = {"Answer": "answer", "Results": "results", "Action plan": "plan", "Save and reports": "save"}

STORE_TROUBLE = (
    "Drafts cannot be kept on this server right now. Your answers stay while this tab is open; "
    "download the assessment file to keep them."
)
STORE_DOWN = (
    "Drafts cannot be kept on this server right now: the database is not answering. Your answers "
    "stay on this page and are saved as soon as it is back (keep this tab open, or download the "
    "assessment file to be sure)."
)
STORE_BACK = "The database is back: everything on this page is saved again."
#: Said where the person is looking (a toast, on every answer while it lasts), not only at the top.
SAVING_PAUSED = (
    "Saving is paused: the database is not answering. Your answers stay on this page and are "
    "saved as soon as it is back."
)


@dataclass
class Draft:
    """The private draft behind the page's link, and what this tab last synced with it."""

    token: str = ""
    #: What this tab showed when it last read or wrote the draft (the base of the merge).
    base: Assessment = field(default_factory=Assessment)
    note: str = ""
    disabled: bool = False
    #: The last read or save failed (database down, folder unwritable): retried on every run.
    failing: bool = False
    days: int = 0


@dataclass
class Upload:
    """Resuming from a file: its message, a file waiting for confirmation, and what to undo."""

    #: Part of the uploader's key: a new uploader after each file, so rejected files never pile up.
    version: int = 0
    error: str = ""
    skipped: tuple[str, ...] = ()
    applied: str = ""
    pending: Assessment | None = None
    undo: Assessment | None = None

    def mark(self) -> tuple[int, str]:
        """Changes when a file is chosen, applied or undone: what the page around the view shows
        (program, workers, province) may differ then."""
        return self.version, self.applied


@dataclass
class ReadinessState:
    """Everything the Readiness page keeps between runs and page switches (one mechanism)."""

    workers_text: str = ""
    workers: int | None = None
    program_id: str | None = None
    program_auto: bool = True
    recommended: str | None = None
    quick: bool = False
    view: str = "Answer"
    element: str | None = None
    #: Set by "Next/Previous element": the next run scrolls to the element's heading once.
    scroll_to_element: int = 0
    #: Set by "See your result": the next run scrolls to the view switcher once.
    scroll_to_view: int = 0
    #: Whether the "Your program" box is open; None until the page first decides (see
    #: ui/readiness/program.py: it folds when the user moves on, never while they fill it in).
    program_open: bool | None = None
    cut_notes: set[str] = field(default_factory=set)
    draft: Draft = field(default_factory=Draft)
    upload: Upload = field(default_factory=Upload)
    restored: bool = False


def page_state() -> ReadinessState:
    """This session's page state, created on first use (a workshop link opens the quick check)."""
    state = st.session_state.get(STATE_KEY)
    if not isinstance(state, ReadinessState):
        state = ReadinessState(quick=st.query_params.get("quick") == "1")
        st.session_state[STATE_KEY] = state
    return state


def seed(key: str, value: Any) -> None:
    """Give a widget its remembered value, only when it has none yet (never after it exists)."""
    if key not in st.session_state:
        st.session_state[key] = value


# --- the assessment as one value ---------------------------------------------------------


def current(state: ReadinessState) -> Assessment:
    """What the user has entered so far."""
    session = st.session_state
    edits = {
        question_id: PlanEdit(owner=edit.get("owner") or None, target=edit.get("target") or None)
        for question_id, edit in session["plan_edits"].items()
    }
    return Assessment(
        jurisdiction=session["jurisdiction"],
        workers=state.workers,
        cu_code=session.get("cu_code"),
        program_id=state.program_id,
        quick=state.quick,
        answers={qid: option for qid, option in session["answers"].items() if option is not None},
        notes={qid: note for qid, note in session["notes"].items() if note},
        plan_edits=edits,
    )


def apply(state: ReadinessState, assessment: Assessment) -> None:
    """Replace what is on screen with ``assessment``. Only before widgets exist, or in a callback."""
    session = st.session_state
    session["answers"] = dict(assessment.answers)
    session["notes"] = dict(assessment.notes)
    session["plan_edits"] = assessment.plan_edits_state()
    if assessment.jurisdiction:
        session["jurisdiction"] = assessment.jurisdiction
        session["rd.jurisdiction"] = assessment.jurisdiction
    if assessment.cu_code or "cu_code" in session:
        session["cu_code"] = assessment.cu_code
    state.workers = assessment.workers
    state.workers_text = "" if assessment.workers is None else str(assessment.workers)
    state.program_id = assessment.program_id
    state.program_auto = assessment.program_id is None
    state.recommended = None
    state.quick = assessment.quick
    state.cut_notes.clear()
    for key in list(session):
        if isinstance(key, str) and key.startswith((QUESTION_PREFIX, NOTE_PREFIX)):
            del session[key]
    for key in SEEDED_WIDGETS:
        if key in session:
            del session[key]


def take_widget_values(state: ReadinessState) -> None:
    """Answers and notes from the question widgets' own values (top of the run, before drawing).

    A note longer than the limit keeps what fits (counted as a person counts characters) and is
    marked so the page can say so under it.
    """
    session = st.session_state
    answers: dict[str, str] = session["answers"]
    notes: dict[str, str] = session["notes"]
    for key in [k for k in session if isinstance(k, str) and k.startswith((QUESTION_PREFIX, NOTE_PREFIX))]:
        value = session[key]
        if key.startswith(QUESTION_PREFIX):
            question_id = key.removeprefix(QUESTION_PREFIX)
            if answers.get(question_id) != (None if value is None else str(value)):
                state.program_open = False  # answering is moving on: the program box folds
            if value is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = str(value)
            continue
        question_id = key.removeprefix(NOTE_PREFIX)
        text, cut = clip_note(str(value or ""))
        if cut:
            session[key] = text
            state.cut_notes.add(question_id)
        if text:
            notes[question_id] = text
        else:
            notes.pop(question_id, None)


# --- the draft store ------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store(path: str, days: str) -> DraftStore:
    return DraftStore()


def draft_store() -> DraftStore:
    """One store per configured path (the environment may differ between test runs)."""
    return _store(os.environ.get(DB_ENV, ""), os.environ.get(DAYS_ENV, ""))


def _store_trouble(draft: Draft, exc: StoreError, *, tell: bool = True) -> None:
    """Drafts off for this tab, with a message that never shows a server path (logged instead).
    A wrong setting is also named, so whoever runs the server knows what to fix."""
    log.warning("draft store unusable: %s", exc)
    if isinstance(exc, ConfigError):
        draft.disabled = True
        draft.note = f"{STORE_TROUBLE} Whoever runs this server can fix its setting: {exc}."
        return
    # Anything else may pass (a restart of the database, a folder made writable): keep the link
    # and retry on every run, then save everything the page holds.
    draft.failing = True
    draft.note = STORE_DOWN
    if tell:  # once a run: the end of a run tries to save again, silently
        st.toast(SAVING_PAUSED, icon=":material/cloud_off:", duration="long")


DRAFT_NOT_FOUND = (
    "The saved draft in this link was not found (it may have expired), so this is a fresh start."
)
DRAFT_OTHER_VERSION = (
    "The saved draft in this link was made by another version of COR Ready and cannot be read by "
    "this one, so this is a fresh start. The draft itself is kept under its link."
)


def _readable(data: dict[str, Any] | None) -> Assessment | None:
    if data is None:
        return None
    try:
        return Assessment.model_validate(data)
    except ValueError:
        return None


def restore_draft(state: ReadinessState) -> None:
    """On the first Readiness run of a session: the draft named in the link, the view and the
    element from the address, or a fresh draft. A tab that reconnects (say to another process
    after its own died) also sends the answers and notes it shows, the one just clicked included:
    those are this tab's changes over the stored draft, merged and saved as two tabs' are."""
    if state.restored:
        return
    state.restored = True
    _restore_place(state)
    draft = state.draft
    sent = _sent_by_browser()
    token = st.query_params.get("draft")
    try:
        store = draft_store()
        draft.days = store.days
        if token is not None:
            data = store.load(token) if valid_token(token) else None
            stored = _readable(data)
            if stored is None:
                draft.note = DRAFT_NOT_FOUND if data is None else DRAFT_OTHER_VERSION
            else:
                apply(state, stored)
                draft.token = token
                draft.base = stored
    except StoreError as exc:
        _store_trouble(draft, exc)
        if draft.failing and isinstance(token, str) and valid_token(token):
            draft.token = token  # read (and merged with this page) once the database is back
    draft.token = draft.token or new_token()
    if sent:
        apply(state, _with_sent(current(state), sent))


def _sent_by_browser() -> dict[str, str]:
    """The answers and notes the browser sent with this run, by widget key (non-empty ones).

    On a session's first run the question widgets are not drawn yet, so Streamlit holds what the
    browser sent under element ids (``$$ID-<hash>-<key>``) that ``st.session_state`` does not
    list; a value put in session state before the widget is drawn would replace it.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return {}
    sent: dict[str, str] = {}
    for widget in ctx.session_state.get_widget_states():
        key = widget.id.split("-", 2)[-1] if widget.id.startswith("$$ID-") else ""
        is_text = widget.WhichOneof("value") == "string_value"
        if key.startswith((QUESTION_PREFIX, NOTE_PREFIX)) and is_text and widget.string_value:
            sent[key] = widget.string_value
    return sent


def _with_sent(shown: Assessment, sent: dict[str, str]) -> Assessment:
    """``shown`` with the browser's answers (sent as option labels) and notes on top."""
    bank = content().bank
    questions = {question.id: question for question in bank.questions}
    answers, notes = dict(shown.answers), dict(shown.notes)
    for key, value in sent.items():
        question = questions.get(key.removeprefix(QUESTION_PREFIX).removeprefix(NOTE_PREFIX))
        if question is None:
            continue
        if key.startswith(NOTE_PREFIX):
            notes[question.id] = clip_note(value)[0]
            continue
        options = {option.label: option.id for option in bank.scale(question.scale).options}
        if value in options:
            answers[question.id] = options[value]
    return shown.model_copy(update={"answers": answers, "notes": notes})


def _restore_place(state: ReadinessState) -> None:
    """The view and element named in the address (?view=, ?element=); unknown values are ignored."""
    slug = st.query_params.get("view")
    for view, view_slug in VIEW_SLUGS.items():
        if slug == view_slug:
            state.view = view
    element = st.query_params.get("element")
    if isinstance(element, str) and len(element) <= 64:
        state.element = element  # checked against the program's elements when the list is drawn


def keep_address(state: ReadinessState) -> None:
    """The draft, view and element in the address each run, so a reload returns to the same place
    (Streamlit clears query parameters on page switches)."""
    wanted = {"view": VIEW_SLUGS[state.view]}
    if state.element:
        wanted["element"] = state.element
    if not state.draft.disabled:
        wanted["draft"] = state.draft.token
    for name, value in wanted.items():
        if st.query_params.get(name) != value:
            st.query_params[name] = value


def sync_draft(state: ReadinessState, *, before_widgets: bool) -> None:
    """Pick up what another tab stored (top of a run), and store this tab's changes merged with
    theirs (end of a run): at most one write per run, and none when nothing changed.

    At the top of a run (``before_widgets``) the draft is read and another tab's changes are
    merged into what this tab shows before anything is drawn; this tab's own changes (answers
    read from their widgets, and the program box drawn during the run) are stored once, at the
    end, through ``DraftStore.update`` with a three-way merge, so neither tab loses the other's.
    """
    draft = state.draft
    if draft.disabled:
        return
    mine = current(state)
    if not before_widgets:
        if mine != draft.base and not draft.failing:  # failing: this run's read failed; next run
            try:
                _merged_save(draft, mine)
                _back(draft)
            except StoreError as exc:
                _store_trouble(draft, exc)
                return
            draft.base = mine  # the other tab's part of the merge is shown on the next run
        return
    try:
        stored = _readable(draft_store().load(draft.token))
        _back(draft)
    except StoreError as exc:
        _store_trouble(draft, exc, tell=before_widgets)
        return
    if stored is None or stored == draft.base:
        return  # nothing new from another tab; this tab's changes are stored at the end of the run
    merged = merge(draft.base, mine, stored)
    if merged != mine:
        apply(state, merged)
    draft.base = stored  # what the store holds: this tab's own changes are what differ from it


def _back(draft: Draft) -> None:
    """The store answered again after a failure: say so (the caller has just saved or read)."""
    if draft.failing:
        draft.failing = False
        draft.days = draft_store().days
        draft.note = STORE_BACK
        st.toast(STORE_BACK, icon=":material/cloud_done:", duration="long")


def _merged_save(draft: Draft, mine: Assessment) -> Assessment:
    """Merge and store in one atomic step of the store; returns what was stored."""
    result: list[Assessment] = []

    def change(data: dict[str, Any] | None) -> dict[str, Any]:
        merged = merge(draft.base, mine, _readable(data))
        result.append(merged)
        return merged.payload()

    draft_store().update(draft.token, change)
    return result[-1]


def start_over() -> None:
    """Start over (a callback): a new, empty draft under a NEW link; the old link keeps its answers."""
    state = page_state()
    apply(state, Assessment(jurisdiction=st.session_state["jurisdiction"]))
    state.draft.token = new_token()
    state.draft.base = current(state)
    state.draft.note = ""
    state.upload = Upload(version=state.upload.version + 1)
    state.element = None


def draft_caption(state: ReadinessState) -> str:
    """How the draft works, in a sentence, plus any note about the link the user came with."""
    draft = state.draft
    if draft.disabled or draft.failing:
        return draft.note
    text = (
        f"Your answers are kept as a private draft for {count(draft.days, 'day')} after your last change; "
        "this page's link is the key to it, so bookmark the link to come back."
    )
    return f"{text} {draft.note}" if draft.note else text
