"""The "Your program" box of the Readiness page: province, workers, program, industry, sources.

Once a program is chosen the box folds away (on a phone it was a screen and a half tall before
the first question), with the choice named in its label. Sources and dated caveats sit in a
"Sources" expander: the page speaks to an employer, the research trail is there for whoever
wants it.
"""

from __future__ import annotations

import streamlit as st

from cor.assessment import WorkersError, parse_workers
from cor.models import Content, JurisdictionInfo, Program
from cor.partners import find
from cor.programs import Recommendation, programs_for, recommend
from ui.readiness_state import ReadinessState, page_state, seed
from ui.state import jurisdiction_picker, plain


def _box_label(state: ReadinessState, content: Content) -> tuple[str, bool]:
    """The box's label and whether it starts open: open until a program is chosen."""
    programs = {program.id: program for program in content.programs}
    workers_typed = str(st.session_state.get("rd.workers", state.workers_text) or "").strip()
    chosen = programs.get(state.program_id or "")
    if chosen is None or (not workers_typed and state.program_auto):
        return "Your program", True
    return f"Your program: {chosen.name} (tap to change)", False


def program_section(content: Content) -> tuple[JurisdictionInfo, Program]:
    """Province, workers, program (recommended, or the user's override), industry, who audits."""
    state = page_state()
    label, open_box = _box_label(state, content)
    with st.expander(label, expanded=open_box, icon=":material/tune:"):
        where, left, right = st.columns([1, 1, 1.3])
        with where:
            jurisdiction = content.jurisdiction(jurisdiction_picker("rd.jurisdiction"))
        programs = {program.id: program for program in programs_for(jurisdiction.code, content)}
        with left:
            recommended = _workers(state, jurisdiction, programs, content)
        program = _program_choice(state, programs, recommended, right)
        st.markdown(
            f"**{program.name}** ({jurisdiction.name}). {program.summary}\n\n"
            f"- **Certification audit:** {program.certification_auditor}.\n"
            f"- **Maintenance audits:** {program.maintenance_auditor}."
        )
        if jurisdiction.code == "BC":
            _industry(content)
        if jurisdiction.iso_equivalency:
            st.info(
                f"**ISO 45001 / CSA Z45001 route.** {jurisdiction.iso_equivalency_note}",
                icon=":material/route:",
            )
        else:
            st.caption(f"No ISO 45001 / CSA Z45001 route here. {jurisdiction.iso_equivalency_note}")
        _direction(jurisdiction)
    return jurisdiction, program


def _workers(
    state: ReadinessState, jurisdiction: JurisdictionInfo, programs: dict[str, Program], content: Content
) -> Program | None:
    """The workers field, read through :func:`cor.assessment.parse_workers`: an impossible count
    gets its message at the field and no recommendation (never the previous one)."""
    counting = " ".join(f"{program.name}: {program.summary}" for program in programs.values())
    seed("rd.workers", state.workers_text)
    typed = st.text_input(
        "Workers",
        key="rd.workers",
        placeholder="How many people work for you?",
        max_chars=20,
        help=f"Count everyone who works for you, the owner too when they work in the business. {counting}",
    )
    state.workers_text = typed
    try:
        state.workers = parse_workers(typed)
    except WorkersError as exc:
        state.workers = None
        st.error(str(exc), icon=":material/error:")
    recommended = (
        recommend(jurisdiction.code, state.workers, content, cu_code=_chosen_cu()) if state.workers else None
    )
    state.recommended = recommended.id if recommended else None
    if recommended is not None:
        _whose_rule(recommended)
    return recommended


def _chosen_cu() -> str | None:
    """The industry picked in this run's widget (it is drawn below the workers field, so the
    shared key still holds the previous run's choice), else the one carried from another page."""
    if "rd.cu" in st.session_state:
        chosen: str | None = st.session_state["rd.cu"]
        return chosen
    carried: str | None = st.session_state.get("cu_code")
    return carried


def _whose_rule(recommended: Recommendation) -> None:
    """Whose size bands chose the program: the certifying partner's own when the CU names one."""
    if recommended.partner_id:
        program = f" ({plain(recommended.partner_program)})" if recommended.partner_program else ""
        whose = f"Recommended by {plain(recommended.rule_owner)}'s size rule{program}."
    else:
        whose = "Recommended by the general size rule."
    st.caption(f"{whose} {plain(recommended.caveat)}".strip())


def _program_choice(
    state: ReadinessState,
    programs: dict[str, Program],
    recommended: Program | None,
    column: st.delta_generator.DeltaGenerator,
) -> Program:
    if state.program_auto and recommended:
        state.program_id = recommended.id
    if state.program_id not in programs:
        state.program_id = recommended.id if recommended else next(iter(programs))
        state.program_auto = True
    st.session_state["rd.program"] = state.program_id
    program = programs[
        column.selectbox(
            "Program",
            list(programs),
            format_func=lambda pid: (
                programs[pid].name + (" (recommended)" if pid == state.recommended else "")
            ),
            key="rd.program",
            on_change=_program_changed,
            help="Follows your number of workers; choose another if your certifying partner told you to.",
        )
    ]
    if state.workers is None and not state.workers_text.strip():
        column.caption("Enter your number of workers to get a recommendation.")
    elif recommended is not None and program.id != recommended.id:
        column.caption(
            f"You chose this program; for {state.workers:,} workers we would suggest {recommended.name}."
        )
    return program


def _program_changed() -> None:
    state = page_state()
    state.program_id = st.session_state["rd.program"]
    state.program_auto = state.program_id == state.recommended


def _industry(content: Content) -> None:
    """Optional CU: it names the certifying partner who runs the audits (shared with other pages)."""
    units = {unit.code: unit for unit in content.units}
    chosen = st.session_state.get("cu_code")
    seed("rd.cu", chosen if chosen in units else None)
    code = st.selectbox(
        "Industry (classification unit, optional)",
        [None, *units],
        format_func=lambda unit: "Not chosen" if unit is None else f"{unit} {units[unit].name}",
        key="rd.cu",
        placeholder="Not chosen",
        filter_mode="contains",  # fuzzy matching offered 732014 Ferry Service for "721"
        help="Your CU decides which certifying partner runs your audits. Find yours in the Partner guide.",
    )
    st.session_state["cu_code"] = code
    if code:
        for match in find(code, content):
            st.markdown(f"**Audits with: {plain(match.partner_name)}** ({plain(match.alignment)}).")


def _direction(jurisdiction: JurisdictionInfo) -> None:
    direction = [note for note in jurisdiction.notes if note.status != "background"]
    if direction:
        with st.popover(f"Where {jurisdiction.name}'s program is heading", icon=":material/event_note:"):
            for note in direction:
                st.markdown(f"**{note.title}** ({note.status}, {note.effective}). {note.text}")


def sources(jurisdiction: JurisdictionInfo, program: Program) -> None:
    """Where the page's facts come from, with their dates and the research caveats: kept out of
    the page body, which speaks to an employer, and gathered here for whoever wants to check."""
    with st.expander("Sources", icon=":material/menu_book:"):
        st.markdown(f"- Worker thresholds ({program.name}): {program.source_url} ({program.effective}).")
        st.markdown(
            f"- Pass rule and ISO route ({jurisdiction.name}): {jurisdiction.source_url} "
            f"({jurisdiction.effective}). {jurisdiction.source_note}"
        )
        for note in jurisdiction.notes:
            if note.status != "background":
                st.markdown(f"- {note.title}: {note.source_url} ({note.effective}). {note.source_note}")
        st.caption(
            "The questions are COR Ready's own, organised by a common list of elements. Each certifying "
            "partner owns its audit tool and scoring: ask yours for its current audit tool before your audit."
        )
