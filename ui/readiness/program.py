"""The "Your program" box of the Readiness page: province, workers, program, industry, sources.

The box folds away once the user moves on (answers a question, changes view or element; on the
quick check it starts folded: on a phone it was a screen and a half tall before the first
question), never while they are still filling it in, and its label always names the program in
force, worked out before the box is drawn. Sources and dated caveats sit in a
"Sources" expander: the page speaks to an employer, the research trail is there for whoever
wants it.
"""

from __future__ import annotations

import streamlit as st

from cor.assessment import WorkersError, parse_workers
from cor.models import Content, JurisdictionInfo, Program
from cor.partners import find
from cor.programs import Recommendation, programs_for, recommend
from ui.readiness.state import ReadinessState, page_state, seed
from ui.state import jurisdiction_picker, plain

#: Key of the "Your program" box (an expander whose open state the page keeps).
BOX_KEY = "rd.program_box"


def _box_label(program: Program, jurisdiction: JurisdictionInfo, summary: bool) -> str:
    """One line naming the program as it is now (worked out before the box is drawn, so a new
    worker count never leaves the old program in the header). No "tap" or "click": the same
    words serve a phone and a mouse."""
    if not summary:
        return "Your program"
    return f"Your program: {program.name} ({jurisdiction.code}) · change"


def _box_open(state: ReadinessState, chosen: bool) -> bool:
    """Open on a first visit until a program is chosen; folded on the quick check (the first
    question comes first on a phone). Once decided, it only folds when the user moves on
    (answers, changes view or element), never while they are still filling it in."""
    if state.program_open is None:
        state.program_open = not (chosen or state.quick)
    return state.program_open


def _box_toggled() -> None:
    page_state().program_open = bool(st.session_state[BOX_KEY])


def program_section(content: Content) -> tuple[JurisdictionInfo, Program]:
    """Province, workers, program (recommended, or the user's override), industry, who audits."""
    state = page_state()
    jurisdiction = content.jurisdiction(_jurisdiction_code())
    programs = {program.id: program for program in programs_for(jurisdiction.code, content)}
    recommended, workers_error = _recommendation(state, jurisdiction, programs, content)
    program = _settle_program(state, programs, recommended)
    chosen = bool(state.workers_text.strip()) or not state.program_auto
    st.session_state[BOX_KEY] = _box_open(state, chosen)
    label = _box_label(program, jurisdiction, chosen or state.quick)
    with st.expander(label, key=BOX_KEY, on_change=_box_toggled, icon=":material/tune:"):
        where, left, right = st.columns([1, 1, 1.3])
        with where:
            jurisdiction_picker("rd.jurisdiction")
        with left:
            _workers_field(state, programs, workers_error, recommended)
        _program_choice(state, programs, recommended, right)
        st.markdown(
            f"**{program.name}** ({jurisdiction.name}). {program.summary}\n\n"
            f"- **Certification audit:** {program.certification_auditor}.\n"
            f"- **Maintenance audits:** {program.maintenance_auditor}."
        )
        if jurisdiction.cu_codes:  # its industries are CUs: the CU names the partner
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


def _jurisdiction_code() -> str:
    """The province as the picker holds it now (it is drawn inside the box, after its label)."""
    chosen = st.session_state.get("rd.jurisdiction", st.session_state["jurisdiction"])
    return str(chosen)


def _recommendation(
    state: ReadinessState, jurisdiction: JurisdictionInfo, programs: dict[str, Program], content: Content
) -> tuple[Recommendation | None, str]:
    """The worker count as typed (read through :func:`cor.assessment.parse_workers`) and the
    program it recommends; an impossible count gives its message and no recommendation (never
    the previous one)."""
    state.workers_text = str(st.session_state.get("rd.workers", state.workers_text) or "")
    error = ""
    try:
        state.workers = parse_workers(state.workers_text)
    except WorkersError as exc:
        state.workers = None
        error = str(exc)
    recommended = (
        recommend(jurisdiction.code, state.workers, content, cu_code=_chosen_cu()) if state.workers else None
    )
    state.recommended = recommended.id if recommended else None
    return recommended, error


def _workers_field(
    state: ReadinessState, programs: dict[str, Program], error: str, recommended: Recommendation | None
) -> None:
    counting = " ".join(f"{program.name}: {program.summary}" for program in programs.values())
    seed("rd.workers", state.workers_text)
    st.text_input(
        "Workers",
        key="rd.workers",
        placeholder="How many people work for you?",
        max_chars=20,
        help=f"Count everyone who works for you, the owner too when they work in the business. {counting}",
    )
    if error:
        st.error(error, icon=":material/error:")
    if recommended is not None:
        _whose_rule(recommended)


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


def _settle_program(
    state: ReadinessState, programs: dict[str, Program], recommended: Program | None
) -> Program:
    """The program in force: the recommendation while the user has not chosen one themselves."""
    if state.program_auto and recommended:
        state.program_id = recommended.id
    if state.program_id not in programs:
        state.program_id = recommended.id if recommended else next(iter(programs))
        state.program_auto = True
    return programs[state.program_id]


def _program_choice(
    state: ReadinessState,
    programs: dict[str, Program],
    recommended: Program | None,
    column: st.delta_generator.DeltaGenerator,
) -> None:
    st.session_state["rd.program"] = state.program_id
    column.selectbox(
        "Program",
        list(programs),
        format_func=lambda pid: programs[pid].name + (" (recommended)" if pid == state.recommended else ""),
        key="rd.program",
        on_change=_program_changed,
        help="Follows your number of workers; choose another if your certifying partner told you to.",
    )
    if state.workers is None and not state.workers_text.strip():
        column.caption("Enter your number of workers to get a recommendation.")
    elif recommended is not None and state.program_id != recommended.id:
        column.caption(
            f"You chose this program; for {state.workers:,} workers we would suggest {recommended.name}."
        )


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
