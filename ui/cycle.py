"""The Cycle planner's building blocks: its inputs, and the sections that show a schedule.

The page (app_pages/cycle.py) reads top to bottom and calls these. Each input the planner can
refuse gets an empty slot right under it (``Form.slots``), filled only once the schedule is built,
so a message appears under the field it is about even though the check runs after every input.

Dates are typed as text, year first: a text field applies its value on Enter and when it loses
focus, and what it shows is always what the planner checked, so a message can never describe a
date the field no longer holds (Streamlit's date field keeps its last accepted date while showing a
refused one, and only applies a typed date when focus leaves it).

Rules stay in cor.cycle: nothing here computes a date, decides a status or picks a text by
partner; this module lays out widgets and shows what cor returns. Altair, pandas and icalendar
load only when a schedule is shown (the chart) or the calendar file is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor.cycle import (
    MODE_LABELS,
    CycleInputError,
    CycleStatus,
    Mode,
    Schedule,
    auditor_rule,
    auditor_rule_text,
    auditor_source,
    jurisdiction_sources,
    jurisdiction_summary,
    long_date,
    maintenance_years_begun,
    partner_rule,
    read_date,
    rule_sources,
    schedule,
)
from cor.formatting import count
from cor.models import Content
from cor.programs import programs_for
from ui.state import plain

ALERT = {"error": st.error, "warning": st.warning, "info": st.info}
DATE_HINT = "Year first, e.g. 2025-03-14"


class Form:
    """A slot right under each input, by the name cor.cycle.CycleInputError gives its field, and
    the fields whose text could not be read as a date."""

    def __init__(self) -> None:
        self.slots: dict[str, DeltaGenerator] = {}
        self.refused: set[str] = set()

    def show_error(self, error: CycleInputError) -> None:
        with self.slots.get(error.field, st.container()):
            st.error(error.message, icon=":material/error:")


def _date_field(form: Form, field: str, label: str, key: str, help_text: str = "") -> dt.date | None:
    """A date typed as text, read by cor.cycle.read_date; its message, if any, right under it."""
    text = st.text_input(
        label,
        key=key,
        placeholder=DATE_HINT,
        help=(help_text + " " if help_text else "") + "Type the year first (2025-03-14) and press Enter.",
        persist_state="session",
    )
    form.slots[field] = st.container()
    try:
        return read_date(text, field)
    except CycleInputError as error:
        form.refused.add(field)
        form.show_error(error)
        return None


# --- the inputs, top to bottom -----------------------------------------------------------------


def province_note(content: Content) -> None:
    """Say so when the user picked a province whose cycle rules differ from the ones used here
    (cycle.toml's, BC's)."""
    note = jurisdiction_summary(st.session_state.get("jurisdiction"), content)
    if note:
        st.info(note)


def cycle_position(form: Form) -> tuple[Mode, dt.date | None]:
    """Certified or planning, and the certification audit's date (done or planned)."""
    mode = st.radio(
        "Where are you in the cycle?",
        list(MODE_LABELS),
        format_func=MODE_LABELS.__getitem__,
        key="cy.mode",
        persist_state="session",
    )
    if mode == "certified":
        anchor = _date_field(
            form,
            "certified_on",
            "Certification audit completed on",
            "cy.certified",
            "The last day of the certification audit on site. The certificate is valid 3 years from it.",
        )
    else:
        anchor = _date_field(form, "planned_on", "Planned certification audit date", "cy.planned")
    return mode, anchor


def maintenance_done(
    form: Form, mode: Mode, anchor: dt.date | None, today: dt.date, content: Content
) -> list[dt.date | None]:
    """The dates of maintenance audits already done, asked only for the years that have begun."""
    done: list[dt.date | None] = []
    if mode != "certified" or not anchor:
        return done
    years = maintenance_years_begun(anchor, today, content)
    if not years:
        return done
    st.markdown("**Maintenance audits already done** (leave empty if not yet)")
    for (n, calendar_year), column in zip(years, st.columns(len(years)), strict=True):
        with column:
            done.append(
                _date_field(
                    form,
                    f"maintenance_{n}",
                    f"Year {n} maintenance audit ({calendar_year}) done on",
                    f"cy.done{n}",
                )
            )
    return done


#: Session keys: the industry (CU) and Readiness program last carried into this page's fields.
CARRIED_CU = "cy.carried_cu"
CARRIED_PROGRAM = "cy.carried_program"


def _partner_of(code: str | None, content: Content) -> str | None:
    """The certifying partner an industry (CU) leads to, when it leads to exactly one."""
    if not code:
        return None
    from cor.partners import find

    try:
        found = {match.partner_id for match in find(code, content) if match.partner_id}
    except ValueError:
        return None
    return found.pop() if len(found) == 1 else None


def carry_from_readiness(content: Content) -> str:
    """The partner of the industry chosen on Readiness or the Partner guide, and the program
    chosen on Readiness, put into this page's fields when they change there (as Savings carries
    the CU); a choice made here stays until they change again. Returns what was carried, in words."""
    planner = content.planner_jurisdiction().code
    partners = {p.id: p for p in content.partners if p.jurisdiction == planner}
    carried = []
    code = st.session_state.get("cu_code")
    if code != st.session_state.get(CARRIED_CU):
        st.session_state[CARRIED_CU] = code
        partner = _partner_of(code, content)
        if partner in partners:
            st.session_state["cy.partner"] = partner
            carried.append(f"the certifying partner of industry {code} ({partners[partner].name})")
    from ui.readiness.state import STATE_KEY

    readiness = st.session_state.get(STATE_KEY)
    program = getattr(readiness, "program_id", None)
    planner_programs = {p.id: p for p in programs_for(planner, content)}
    if program in planner_programs and program != st.session_state.get(CARRIED_PROGRAM):
        st.session_state[CARRIED_PROGRAM] = program
        st.session_state["cy.program"] = program
        carried.append(f"your program ({planner_programs[program].name})")
    return " and ".join(carried)


def program_and_partner(form: Form, content: Content) -> tuple[str, str | None]:
    """The program (of the planner's province, BC), and the certifying partner with its own cycle
    rules shown under it."""
    planner = content.planner_jurisdiction().code
    programs = programs_for(planner, content)
    partners = {p.id: p for p in content.partners if p.jurisdiction == planner}
    carried = carry_from_readiness(content)
    if carried:
        st.caption(f"Filled in from what you chose elsewhere in COR Ready: {plain(carried)}.")
    left, right = st.columns(2)
    with left:
        program_id = st.selectbox(
            "Program",
            [p.id for p in programs],
            format_func=lambda pid: content.program(pid).name,
            key="cy.program",
            persist_state="session",
        )
        form.slots["program"] = st.container()
    with right:
        partner_id = st.selectbox(
            "Certifying partner",
            [None, *partners],
            format_func=lambda pid: "Other / not sure" if pid is None else partners[pid].name,
            key="cy.partner",
            help="Some partners add rules: audits on the certification anniversary, a minimum gap "
            "between audits, a report deadline, notice of audit.",
            persist_state="session",
        )
        form.slots["partner"] = st.container()
        rule = partner_rule(partner_id, content)
        if rule:
            st.caption(f"{rule.note} Sources are at the foot of the page.")
    return program_id, partner_id


def auditor_trained_on(form: Form) -> dt.date | None:
    """When the internal auditor was trained, asked only once the user says there is one."""
    if not st.checkbox("Our internal auditor is trained", key="cy.auditor", persist_state="session"):
        return None
    return _date_field(
        form,
        "auditor_trained_on",
        "Internal auditor trained on",
        "cy.auditor_on",
        "The day the auditor finished the internal auditor course (or the last refresher).",
    )


def build(
    form: Form,
    content: Content,
    today: dt.date,
    *,
    mode: Mode,
    anchor: dt.date | None,
    done: list[dt.date | None],
    program_id: str,
    partner_id: str | None,
    trained_on: dt.date | None,
) -> Schedule | None:
    """The schedule, or None after showing the problem right under the field it came from."""
    if form.refused:
        return None  # each unreadable date already has its message under it
    field = "certified_on" if mode == "certified" else "planned_on"
    if not anchor:
        with form.slots[field]:
            st.info("Enter the date to see your schedule.", icon=":material/event:")
        return None
    try:
        return schedule(
            mode=mode,
            certified_on=anchor if mode == "certified" else None,
            planned_on=anchor if mode == "planning" else None,
            program=program_id,
            partner=partner_id,
            auditor_trained_on=trained_on,
            maintenance_done=done,
            today=today,
            content=content,
        )
    except CycleInputError as error:
        form.show_error(error)
    except ValueError as error:  # a date the calendar cannot extend far enough
        form.show_error(CycleInputError(field, str(error)))
    return None


# --- the schedule, section by section ----------------------------------------------------------


def today_section(plan: Schedule, view: CycleStatus, today: dt.date) -> None:
    """What is next, how many days are left, what is wrong, and what is done."""
    st.header("Today", divider="gray")
    st.caption(f"Today is {long_date(today)}.")
    first, second, third = st.columns(3)
    if view.next:
        first.metric("Next deadline", long_date(view.next.due))
        if view.days_left is not None and view.days_left < 0:
            second.metric("Overdue by", count(-view.days_left, "day"))
        else:
            second.metric("Days left", view.days_left)
    else:
        first.metric("Next deadline", "None in this cycle")
    third.metric("Certificate valid until", long_date(plan.expires_on))
    if view.next:
        st.markdown(f"**Next: {view.next.title}** ({long_date(view.next.due)})")
        st.caption(view.next.detail)
    for alert in view.alerts:
        ALERT[alert.level](alert.text)
    if view.done:
        st.markdown(
            "**Done:** " + "; ".join(f"{m.title.lower().capitalize()} ({long_date(m.on)})" for m in view.done)
        )


def when(days: int) -> str:
    """A distance from today as a person says it: "in 12 days", "today", "633 days ago"."""
    if days == 0:
        return "today"
    if days > 0:
        return f"in {count(days, 'day')}"
    return f"{count(-days, 'day')} ago"


def _calendar_file(plan: Schedule, content: Content) -> Callable[[], bytes]:
    """The .ics file, built only when the user clicks the download button."""

    def build_file() -> bytes:
        from cor.exports.calendar import to_ics

        return to_ics(plan, content=content)

    return build_file


def glance_section(plan: Schedule, view: CycleStatus, today: dt.date, content: Content) -> None:
    """The timeline chart, the same milestones as a table, and the calendar file."""
    from cor.charts.cycle import milestone_rows, timeline_spec

    st.header("Your cycle at a glance", divider="gray")
    st.vega_lite_chart(timeline_spec(plan, today, view), width="stretch")
    st.caption(
        "Shaded bands are calendar years; dashed lines are the on-site deadlines and the "
        "certificate's expiry; the red line is today. Thin bars show the dates an audit is "
        "allowed on when your partner sets a minimum gap between audits. The table below has "
        "the same milestones."
    )
    rows = milestone_rows(plan, view)
    rows["When"] = rows["Days from today"].map(when)
    st.dataframe(
        rows[["Date", "Milestone", "Status", "When", "Details", "Source"]],
        hide_index=True,
        height=(len(rows) + 1) * 35 + 3,  # every row visible: the table stands in for the chart
        column_config={"Source": st.column_config.LinkColumn("Source", display_text="source")},
    )
    st.download_button(
        "Download calendar (.ics)",
        data=_calendar_file(plan, content),
        file_name="cor-audit-cycle.ics",
        mime="text/calendar",
        key="cy.ics",
        on_click="ignore",
        icon=":material/calendar_month:",
    )
    reminders = " and ".join(str(days) for days in sorted(content.cycle.reminder_days, reverse=True))
    st.caption(
        f"Every milestone as an all-day event, with reminders {reminders} days before each audit "
        "still to do. Opens in Google Calendar, Outlook and Apple Calendar (import the file)."
    )


def auditor_section(plan: Schedule, content: Content) -> None:
    """Who may do each audit under the program, and what keeps the internal auditor certified
    under the chosen partner's rule."""
    program = content.program(plan.program_id)
    rule = auditor_rule_text(plan.partner_id, content)
    st.header("Your internal auditor", divider="gray")
    st.write(
        f"**{program.name}.** Certification audit: {program.certification_auditor}. "
        f"Maintenance audits: {program.maintenance_auditor}."
    )
    if plan.auditor_trained_on:
        lapses = plan.milestone("auditor-expiry").due
        st.write(
            f"Trained on {long_date(plan.auditor_trained_on)}: certified until {long_date(lapses)}. {rule}"
        )
    else:
        st.write(
            "No trained internal auditor entered. A trained internal auditor (a permanent employee, "
            f"after the partner's course) can do the maintenance audits. {rule}"
        )


def sources_section(plan: Schedule, today: dt.date, content: Content) -> None:
    """Every rule the schedule applied, with its source and year, out of the way in an expander."""
    program = content.program(plan.program_id)
    lines = [
        *rule_sources(plan, today, content),
        f"- Internal auditors: [{'your partner' if auditor_rule(plan.partner_id, content) else 'general rule'}]"
        f"({auditor_source(plan.partner_id, content)}).",
        f"- {program.name}: [who audits, {program.effective}]({program.source_url}).",
        *jurisdiction_sources(st.session_state.get("jurisdiction"), content),
    ]
    with st.expander("Sources"):
        st.markdown("\n".join(lines))
    st.caption("An unofficial planner: confirm your dates with your certifying partner.")
