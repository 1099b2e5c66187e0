"""Cycle planner: every date of the three-year COR cycle, today's view of it, and a calendar file.

Missing a maintenance audit loses the COR and the incentive, so this page turns the rules (and
the certifying partner's own rules, from content) into dates, says what is next and how long is
left, and warns early about anything late or impossible.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor.charts.cycle import milestone_rows, timeline_chart
from cor.cycle import MODE_LABELS, CycleInputError, Schedule, long_date, schedule, status, year_end
from cor.exports.calendar import to_ics
from ui.state import content


def local_today() -> dt.date:
    """Today in the user's own time zone (a deadline day ends at their midnight, not the server's).
    Tests pin the date through the plain session key "cy.today"."""
    pinned = st.session_state.get("cy.today")
    if isinstance(pinned, dt.date):
        return pinned
    try:
        return dt.datetime.now(ZoneInfo(st.context.timezone or "UTC")).date()
    except (ZoneInfoNotFoundError, ValueError):
        return dt.date.today()


c = content()
rules = c.cycle
today = local_today()
# Wide bounds on purpose: a date the widget refuses gets no explanation; the planner's own
# checks say what is wrong with a date (future, expired, before the program existed).
earliest_pick, latest_pick = dt.date(1990, 1, 1), dt.date(today.year + 10, 12, 31)
date_args = {"min_value": earliest_pick, "max_value": latest_pick, "format": "YYYY-MM-DD"}

st.title("Your three-year audit cycle")
st.write(
    "A COR certificate lasts three years: the certification audit, a maintenance audit in each of "
    "the next two calendar years, then re-certification before it expires. Miss one and the COR, "
    "and its incentive, are lost. Enter where you are to get every date, and a calendar file."
)
if st.session_state.get("jurisdiction") == "AB":
    ab = next((p for p in c.programs if p.jurisdiction == "AB" and p.size == "large"), None)
    st.info(
        "This planner follows British Columbia's rules. In Alberta: "
        + (f"{ab.maintenance_auditor.lower()} ([source, {ab.effective}]({ab.source_url}))." if ab else "")
    )

slots: dict[str, DeltaGenerator] = {}
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
        **date_args,
    )
    slots["certified_on"] = st.container()
else:
    anchor = st.date_input(
        "Planned certification audit date",
        value=None,
        key="cy.planned",
        persist_state="session",
        **date_args,
    )
    slots["planned_on"] = st.container()

done_dates: list[dt.date | None] = []
if mode == "certified" and anchor:
    open_years = [n for n in range(2, rules.certificate_years + 1) if anchor.year + n - 1 <= today.year]
    if open_years:
        st.markdown("**Maintenance audits already done** (leave empty if not yet)")
        columns = st.columns(len(open_years))
        for n, column in zip(open_years, columns, strict=True):
            with column:
                done_dates.append(
                    st.date_input(
                        f"Year {n} maintenance audit ({anchor.year + n - 1}) done on",
                        value=None,
                        key=f"cy.done{n}",
                        persist_state="session",
                        **date_args,
                    )
                )
                slots[f"maintenance_{n}"] = st.container()


bc_programs = [p for p in c.programs if p.jurisdiction == "BC"]
bc_partners = {p.id: p for p in c.partners if p.jurisdiction == "BC"}
left, right = st.columns(2)
with left:
    program_id = st.selectbox(
        "Program",
        [p.id for p in bc_programs],
        format_func=lambda pid: c.program(pid).name,
        key="cy.program",
        persist_state="session",
    )
    slots["program"] = st.container()
with right:
    partner_id = st.selectbox(
        "Certifying partner",
        [None, *bc_partners],
        format_func=lambda pid: "Other / not sure" if pid is None else bc_partners[pid].name,
        key="cy.partner",
        help="Some partners add rules: a minimum gap between audits, a report deadline, notice of audit.",
        persist_state="session",
    )
    slots["partner"] = st.container()
    partner_rule = next((r for r in rules.partner_rules if r.partner == partner_id), None)
    if partner_rule:
        st.caption(f"{partner_rule.note} ([source, {partner_rule.effective}]({partner_rule.source_url}))")

trained = st.checkbox("Our internal auditor is trained", key="cy.auditor", persist_state="session")
trained_on = None
if trained:
    trained_on = st.date_input(
        "Internal auditor trained on",
        value=None,
        key="cy.auditor_on",
        help="The day the auditor finished the internal auditor course (or the last refresher).",
        persist_state="session",
        **date_args,
    )
    slots["auditor_trained_on"] = st.container()


def build() -> Schedule | None:
    """The schedule, or None after showing the problem right under the field it came from."""
    if not anchor:
        field = "certified_on" if mode == "certified" else "planned_on"
        with slots[field]:
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
            maintenance_done=done_dates,
            today=today,
            content=c,
        )
    except CycleInputError as exc:
        with slots.get(exc.field, st.container()):
            st.error(exc.message, icon=":material/error:")
        return None


plan = build()
if plan is not None:
    view = status(plan, today)

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
    show = {"error": st.error, "warning": st.warning, "info": st.info}
    for alert in view.alerts:
        show[alert.level](alert.text)
    if view.done:
        st.markdown(
            "**Done:** " + "; ".join(f"{m.title.lower().capitalize()} ({long_date(m.on)})" for m in view.done)
        )

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
    reminders = " and ".join(str(d) for d in sorted(rules.reminder_days, reverse=True))
    st.caption(
        f"Every milestone as an all-day event, with reminders {reminders} days before each audit "
        "still to do. Opens in Google Calendar, Outlook and Apple Calendar (import the file)."
    )

    st.header("Your internal auditor", divider="gray")
    program = c.program(program_id)
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

    st.header("Where these rules come from", divider="gray")
    deadline = year_end(today.year, rules.maintenance_due)
    lines = [
        f"- Certificate valid {rules.certificate_years} years; one audit each calendar year, on site by "
        f"{deadline.day} {deadline:%B} ([WorkSafeBC, {rules.effective}]({rules.source_url})).",
        f"- Incentive timing: {rules.incentive_credit} Credit dates shown are our estimate "
        f"([WorkSafeBC incentives]({rules.incentive_source_url})).",
    ]
    if partner_rule:
        lines.append(
            f"- {plan.partner_name}: {partner_rule.note} ([source, {partner_rule.effective}]"
            f"({partner_rule.source_url}))."
        )
    elif plan.partner_id:
        lines.append(
            f"- {plan.partner_name}: no extra cycle rules in our sources; ask them about notice and reports."
        )
    st.markdown("\n".join(lines))
    st.caption("An unofficial planner: confirm your dates with your certifying partner.")
