"""The Cycle planner's building blocks: its inputs, and the sections that show a schedule.

The page (app_pages/cycle.py) reads top to bottom and calls these. Each input the planner can
refuse gets an empty slot right under it (``Fields``), filled only once the schedule is built, so
a message appears under the field it is about even though the check runs after every input.

Rules stay in cor.cycle: nothing here computes a date, decides a status or picks a text by
partner; this module lays out widgets and shows what cor returns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor.charts.cycle import milestone_rows, timeline_chart
from cor.cycle import (
    MODE_LABELS,
    CycleInputError,
    CycleStatus,
    Mode,
    Schedule,
    jurisdiction_note,
    long_date,
    maintenance_years_begun,
    partner_rule,
    rule_sources,
    schedule,
)
from cor.exports.calendar import to_ics
from cor.models import Content
from cor.programs import programs_for

#: A slot right under each input, by the name cor.cycle.CycleInputError gives its field.
Fields = dict[str, DeltaGenerator]

ALERT = {"error": st.error, "warning": st.warning, "info": st.info}


def _date_args(today: dt.date) -> dict[str, Any]:
    """Wide bounds on purpose: a date the widget refuses gets no explanation; the planner's own
    checks say what is wrong with a date (future, expired, before the program existed)."""
    return {
        "min_value": dt.date(1990, 1, 1),
        "max_value": dt.date(today.year + 10, 12, 31),
        "format": "YYYY-MM-DD",
    }


# --- the inputs, top to bottom -----------------------------------------------------------------


def province_note(c: Content) -> None:
    """Say so when the user picked a province whose cycle rules differ from the BC ones used here."""
    note = jurisdiction_note(st.session_state.get("jurisdiction"), c)
    if note:
        st.info(note)


def cycle_position(fields: Fields, today: dt.date) -> tuple[Mode, dt.date | None]:
    """Certified or planning, and the certification audit's date (done or planned)."""
    mode = st.radio(
        "Where are you in the cycle?",
        list(MODE_LABELS),
        format_func=MODE_LABELS.__getitem__,
        key="cy.mode",
        persist_state="session",
    )
    if mode == "certified":
        anchor = st.date_input(
            "Certification audit completed on",
            value=None,
            key="cy.certified",
            help="The last day of the certification audit on site. The certificate is valid 3 years from it.",
            persist_state="session",
            **_date_args(today),
        )
        fields["certified_on"] = st.container()
    else:
        anchor = st.date_input(
            "Planned certification audit date",
            value=None,
            key="cy.planned",
            persist_state="session",
            **_date_args(today),
        )
        fields["planned_on"] = st.container()
    return mode, anchor


def maintenance_done(
    fields: Fields, mode: Mode, anchor: dt.date | None, today: dt.date, c: Content
) -> list[dt.date | None]:
    """The dates of maintenance audits already done, asked only for the years that have begun."""
    done: list[dt.date | None] = []
    if mode != "certified" or not anchor:
        return done
    years = maintenance_years_begun(anchor, today, c)
    if not years:
        return done
    st.markdown("**Maintenance audits already done** (leave empty if not yet)")
    for (n, calendar_year), column in zip(years, st.columns(len(years)), strict=True):
        with column:
            done.append(
                st.date_input(
                    f"Year {n} maintenance audit ({calendar_year}) done on",
                    value=None,
                    key=f"cy.done{n}",
                    persist_state="session",
                    **_date_args(today),
                )
            )
            fields[f"maintenance_{n}"] = st.container()
    return done


def program_and_partner(fields: Fields, c: Content) -> tuple[str, str | None]:
    """The BC program, and the certifying partner with its own cycle rules shown under it."""
    programs = programs_for("BC", c)
    partners = {p.id: p for p in c.partners if p.jurisdiction == "BC"}
    left, right = st.columns(2)
    with left:
        program_id = st.selectbox(
            "Program",
            [p.id for p in programs],
            format_func=lambda pid: c.program(pid).name,
            key="cy.program",
            persist_state="session",
        )
        fields["program"] = st.container()
    with right:
        partner_id = st.selectbox(
            "Certifying partner",
            [None, *partners],
            format_func=lambda pid: "Other / not sure" if pid is None else partners[pid].name,
            key="cy.partner",
            help="Some partners add rules: a minimum gap between audits, a report deadline, notice of audit.",
            persist_state="session",
        )
        fields["partner"] = st.container()
        rule = partner_rule(partner_id, c)
        if rule:
            st.caption(f"{rule.note} ([source, {rule.effective}]({rule.source_url}))")
    return program_id, partner_id


def auditor_trained_on(fields: Fields, today: dt.date) -> dt.date | None:
    """When the internal auditor was trained, asked only once the user says there is one."""
    if not st.checkbox("Our internal auditor is trained", key="cy.auditor", persist_state="session"):
        return None
    trained_on = st.date_input(
        "Internal auditor trained on",
        value=None,
        key="cy.auditor_on",
        help="The day the auditor finished the internal auditor course (or the last refresher).",
        persist_state="session",
        **_date_args(today),
    )
    fields["auditor_trained_on"] = st.container()
    return trained_on


def build(
    fields: Fields,
    c: Content,
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
    if not anchor:
        field = "certified_on" if mode == "certified" else "planned_on"
        with fields[field]:
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
            content=c,
        )
    except CycleInputError as exc:
        with fields.get(exc.field, st.container()):
            st.error(exc.message, icon=":material/error:")
        return None


# --- the schedule, section by section ----------------------------------------------------------


def today_section(plan: Schedule, view: CycleStatus, today: dt.date) -> None:
    """What is next, how many days are left, what is wrong, and what is done."""
    st.header("Today", divider="gray")
    st.caption(f"Today is {long_date(today)}.")
    first, second, third = st.columns(3)
    if view.next:
        first.metric("Next deadline", long_date(view.next.due))
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


def glance_section(plan: Schedule, view: CycleStatus, today: dt.date, c: Content) -> None:
    """The timeline chart, the same milestones as a table, and the calendar file."""
    st.header("Your cycle at a glance", divider="gray")
    st.altair_chart(timeline_chart(plan, today, view), width="stretch")
    st.caption(
        "Shaded bands are calendar years; dashed lines are the on-site deadlines and the "
        "certificate's expiry; the red line is today. Thin bars show the dates an audit is "
        "allowed on when your partner sets a minimum gap between audits. The table below has "
        "the same milestones."
    )
    rows = milestone_rows(plan, view)
    st.dataframe(
        rows[["Date", "Milestone", "Status", "Days from today", "Details", "Source"]],
        hide_index=True,
        height=(len(rows) + 1) * 35 + 3,  # every row visible: the table stands in for the chart
        column_config={"Source": st.column_config.LinkColumn("Source", display_text="source")},
    )
    st.download_button(
        "Download calendar (.ics)",
        data=to_ics(plan, content=c),
        file_name="cor-audit-cycle.ics",
        mime="text/calendar",
        key="cy.ics",
        on_click="ignore",
        icon=":material/calendar_month:",
    )
    reminders = " and ".join(str(d) for d in sorted(c.cycle.reminder_days, reverse=True))
    st.caption(
        f"Every milestone as an all-day event, with reminders {reminders} days before each audit "
        "still to do. Opens in Google Calendar, Outlook and Apple Calendar (import the file)."
    )


def auditor_section(plan: Schedule, c: Content) -> None:
    """Who may do each audit under the program, and when the internal auditor's training lapses."""
    rules = c.cycle
    program = c.program(plan.program_id)
    st.header("Your internal auditor", divider="gray")
    st.write(
        f"**{program.name}.** Certification audit: {program.certification_auditor}. "
        f"Maintenance audits: {program.maintenance_auditor}."
    )
    if plan.auditor_trained_on:
        lapses = plan.milestone("auditor-expiry").due
        st.write(
            f"Trained on {long_date(plan.auditor_trained_on)}: certified until {long_date(lapses)}. "
            f"{rules.internal_auditor_refresher}"
        )
    else:
        st.write(
            "No trained internal auditor entered. A trained internal auditor (a permanent employee, "
            f"after the partner's course) can do the maintenance audits. {rules.internal_auditor_refresher}"
        )
    st.caption(
        f"Sources: [internal auditors]({rules.internal_auditor_source_url}), [programs, {program.effective}]"
        f"({program.source_url})."
    )


def sources_section(plan: Schedule, today: dt.date, c: Content) -> None:
    """Every rule the schedule applied, with its source and year."""
    st.header("Where these rules come from", divider="gray")
    st.markdown("\n".join(rule_sources(plan, today, c)))
    st.caption("An unofficial planner: confirm your dates with your certifying partner.")
