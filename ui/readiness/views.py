"""The Readiness page's building blocks, in focused modules; this one ties them together.

- ui/readiness/state.py: the typed page state, reading the widgets, the draft and its merge;
- ui/readiness/program.py: the "Your program" box and the Sources expander;
- ui/readiness/run.py: what every view needs, computed once per run;
- ui/readiness/answer.py, ui/readiness/results.py, ui/readiness/save.py: the four views.

Why modules rather than the page: what must happen at precise moments of Streamlit's run cycle
(reading widget values and storing the draft before anything is drawn, applying an upload in a
callback) is kept out of the page's way; and a module is compiled once per process, whereas a
page script is re-parsed on every run under AppTest (see bench/README.md).

Rules stay in cor/: nothing here decides a score, a verdict or an action's priority.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from ui.readiness.answer import VIEW_BOX, answer_view, scroll_to_view
from ui.readiness.program import BOX_KEY
from ui.readiness.results import plan_view, results_view
from ui.readiness.run import ReadinessRun, readiness_run
from ui.readiness.save import save_view
from ui.readiness.state import (
    ReadinessState,
    keep_address,
    page_state,
    seed,
    sync_draft,
    take_widget_values,
)
from ui.state import fragment_rerun

if TYPE_CHECKING:
    from cor.models import Content, JurisdictionInfo, Program
    from ui.workshop import RoomBanner

VIEWS: dict[str, Callable[[ReadinessRun], None]] = {
    "Answer": answer_view,
    "Results": results_view,
    "Action plan": plan_view,
    "Save and reports": save_view,
}

#: Short names on the switcher, so its four parts fit one row on a 390 px phone.
SHORT_NAMES = {"Answer": "Answer", "Results": "Results", "Action plan": "Plan", "Save and reports": "Save"}


def quick_toggle() -> bool:
    state = page_state()
    seed("rd.quick", state.quick)
    state.quick = st.toggle(
        "Quick check (12 questions, indicative)",
        key="rd.quick",
        on_change=_quick_switched,
        help="For workshops: a short, indicative result. Switch off to answer your program's full question set.",
    )
    return state.quick


def _quick_switched() -> None:
    page_state().program_open = False  # the questions are what the user wants now


def view_switcher() -> str:
    """The four views; the choice is kept in the page state (and so in the address)."""
    state = page_state()
    st.session_state["rd.view"] = state.view
    with st.container(key=VIEW_BOX):
        st.segmented_control(
            "View",
            list(VIEWS),
            format_func=SHORT_NAMES.__getitem__,
            required=True,
            key="rd.view",
            on_change=_view_chosen,
            width="stretch",
        )
    if state.scroll_to_view:
        scroll_to_view(state.scroll_to_view)
        state.scroll_to_view = 0
    return state.view


def _view_chosen() -> None:
    state = page_state()
    state.view = st.session_state["rd.view"]
    state.program_open = False  # the user has moved on from the program box


def workshop_banner() -> RoomBanner | None:
    """For an attendee who joined a workshop room (``?room=CODE`` on the quick-check link): the
    room banner and consent box, at the top of the page. The workshop module (QR codes, tables) is
    imported only for such attendees, so everyone else's page stays light."""
    if not (st.query_params.get("room") or st.session_state.get("wk.join")):
        return None
    from ui.workshop import room_banner

    return room_banner()  # the database away: a plain message, the quick check goes on


def workshop_room(run: ReadinessRun, banner: RoomBanner | None) -> None:
    """Share the attendee's blurred result with the room once the page knows it (end of the run)."""
    if banner is not None:
        banner.share(run.verdict if run.quick else None)


@dataclass(frozen=True)
class Settled:
    """What the page settled before the view (program, quick check, view, room): the view's own
    reruns draw with these, and a change to any of them reruns the whole page."""

    content: Content
    jurisdiction: JurisdictionInfo
    program: Program
    quick: bool
    view: str
    banner: RoomBanner | None
    upload: tuple[int, str]  # the Save view's file state when the page ran whole (Upload.mark)


@st.fragment
def view_body(settled: Settled) -> None:
    """The chosen view. Why a fragment: an answer changes only this view (its questions, counts,
    result, plan and the room's share), so a phone's answer reruns this part alone, not the page's
    frame, title and program box (bench/README.md: the served CPU per answer).

    On its own reruns it reads the widgets and stores the draft itself (merged in the store with
    another tab's changes, as the page does at the end of a whole run); a change that the page
    around it must show reruns the whole page."""
    state = page_state()
    on_its_own = fragment_rerun()
    if on_its_own:
        take_widget_values(state)
        if _page_must_rerun(state, settled):
            st.rerun(scope="app")
        # no read of another tab's changes here: putting them on screen replaces widgets outside
        # the view too; the save at the end merges them in the store, the next whole run shows them
    run = readiness_run(settled.content, settled.jurisdiction, settled.program, settled.quick)
    VIEWS[settled.view](run)
    workshop_room(run, settled.banner)
    if on_its_own:
        keep_address(state)
        sync_draft(state, before_widgets=False)


def _page_must_rerun(state: ReadinessState, settled: Settled) -> bool:
    """Another view or the quick-check switch; the program box to fold (the user moved on while it
    is open); a file loaded or undone (program, workers); or the draft store away (a whole run
    reads it first, says it is back, then saves)."""
    moved_on = state.view != settled.view or state.quick != settled.quick
    box_to_fold = state.program_open is False and bool(st.session_state.get(BOX_KEY))
    return moved_on or box_to_fold or state.upload.mark() != settled.upload or state.draft.failing
