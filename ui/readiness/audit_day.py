"""Audit-day preparation, as a section any page can show (Readiness results, the report).

The numbers come from cor.audit_day.prepare; this module only asks for the number of sites (and
workers, when the caller does not know them) and lays the plan out: three figures, who is
interviewed, where the points come from, and the sources in an expander.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from cor.audit_day import MAX_SITES, MAX_WORKERS, AuditDayPlan, prepare, sites_short, sites_text
from cor.formatting import show_pct
from cor.models import Content
from ui.state import plain


def _count_input(label: str, key: str, maximum: int, help_text: str) -> int | None:
    """A count kept for the session: the section is drawn on one view of a page only (Readiness
    results), and a count typed there must still be there after a visit to another view or page."""
    value = st.number_input(
        label,
        min_value=1,
        max_value=maximum,
        step=1,
        value=None,
        key=key,
        placeholder="1",
        help=help_text,
        persist_state="session",
    )
    return int(value) if value is not None else None


def _figures(plan: AuditDayPlan) -> None:
    """Three short figures (a phone stacks them); the full wording follows in the text."""
    interviews, sites, people = st.columns(3)
    interviews.metric("Interviews to expect", plan.interviews.short())
    sites.metric("Sites the auditor visits", sites_short(plan))
    people.metric("Points from people and places", show_pct(plan.people_and_places_pct))


def _points_table(plan: AuditDayPlan) -> None:
    table = [{"Checked by": p.label, "Share of the points": show_pct(p.share_pct)} for p in plan.points]
    st.table(table)


def _sources(plan: AuditDayPlan) -> None:
    with st.expander("Sources"):
        st.markdown(
            f"- Sampling: [{plan.table_publisher}]({plan.table_source_url}) ({plan.table_effective}). "
            f"{plain(plan.table_note)}"
        )
        split = plan.published_split
        if split is not None:
            st.markdown(
                f"- Points in a published audit: [{split.audit}]({split.source_url}) ({split.effective})."
            )
        st.markdown(
            "- Points by kind of evidence: COR Ready's own question bank; a question checked several "
            "ways shares its points equally among them."
        )


def audit_day_section(
    content: Content,
    workers: int | None,
    partner_id: str | None = None,
    question_ids: Sequence[str] | None = None,
    key: str = "audit_day",
) -> AuditDayPlan | None:
    """Ask for the number of sites (and workers, when ``workers`` is None), then show the plan.

    Returns the plan shown, or None while a count is missing or out of range (the message is at the
    field). Widget keys start with ``key``, so two sections on one page do not clash.
    """
    st.subheader("Audit day: who the auditor talks to, and where", anchor=False)
    st.caption(
        "Auditors check documents, but also interview your people and walk your sites. "
        "Here is what to expect for your size."
    )
    if workers is None:
        workers = _count_input("Workers", f"{key}.workers", MAX_WORKERS, "Everyone who works for you.")
    sites = _count_input(
        "Sites", f"{key}.sites", MAX_SITES, "Places where your people work: offices, yards, shops, job sites."
    )
    if workers is None or sites is None:
        st.caption("Enter your number of sites to see how many interviews and site visits to expect.")
        return None
    try:
        plan = prepare(content, workers, sites, partner_id, question_ids)
    except ValueError as exc:
        st.error(str(exc), icon=":material/error:")
        return None
    _figures(plan)
    st.markdown(
        f"**Interviews: {plain(plan.interviews.text('interview'))}.** {plain(plan.interview_mix)}  \n"
        f"**Sites: {plain(sites_text(plan))}.**"
    )
    st.caption(
        plain(
            f"From the published examples. Interviews: {plan.interviews.basis}. Sites: {plan.sites_visited.basis}."
        )
    )
    published = plan.published_people_pct
    if published is not None:
        st.info(
            f"A published audit lost {show_pct(published)} of its points when interviews and observation "
            f"were removed; counted the same way (every question they check), this question set would "
            f"lose {show_pct(plan.paper_drops_pct)}. "
            "Brief your supervisors and workers, and tidy the sites, as well as the binders.",
            icon=":material/groups:",
        )
    _points_table(plan)
    st.caption(plain(plan.caveat))
    _sources(plan)
    return plan
