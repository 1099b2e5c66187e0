"""Workspace views over time and across clients: progress between visits (chart, table, client
PDF), the client's timeline, and the cohort view with its spreadsheet export."""

from __future__ import annotations

from datetime import date

import streamlit as st

from cor.charts.progress import comparison_spec, trend_spec
from cor.exports.cells import Percent
from cor.exports.cohort import Cell, to_csv, to_xlsx
from cor.formatting import count, long_date, show_pct
from cor.workspace.models import Client, ClientAction, ClientAssessment
from cor.workspace.progress import (
    READINESS_ORDER,
    UPCOMING_DAYS,
    Cohort,
    cohort,
    compare,
    met_on,
    next_audit,
    outstanding,
    overdue,
    readiness,
    scored,
    timeline,
    trend,
)
from ui.state import content, local_today
from ui.workspace.auth import Staff
from ui.workspace.repository import workspace

STATUS_WORDS = {"open": "Open", "in_progress": "In progress", "done": "Done"}


def _visit_label(visit: ClientAssessment) -> str:
    return f"{visit.taken_on.isoformat()} {visit.label}".strip()


def _signed(value: object) -> str:
    text = f"{float(str(value)):+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def progress_section(
    staff: Staff, client: Client, visits: list[ClientAssessment], actions: list[ClientAction]
) -> None:
    """Compare two visits (chart and table), the trend, and the client PDF."""
    if len(visits) >= 2:
        _compare_visits(visits)
    elif visits:
        st.info("Record a second assessment to compare two visits.", icon=":material/info:")
    else:
        st.info("Record an assessment first: progress compares the client's visits.", icon=":material/info:")
        return
    _client_pdf_button(staff, client, visits, actions)


def _compare_visits(visits: list[ClientAssessment]) -> None:
    """Two visits the user picks, compared: the overall change, a chart and a table by element;
    then the trend over every visit."""
    facts = content()
    ids = [v.id for v in visits]
    by_id = {v.id: v for v in visits}
    cols = st.columns(2)
    before_id = cols[0].selectbox(
        "Earlier visit",
        ids,
        index=len(ids) - 2,
        format_func=lambda i: _visit_label(by_id[i]),
        key="ws.before",
    )
    after_id = cols[1].selectbox(
        "Later visit",
        ids,
        index=len(ids) - 1,
        format_func=lambda i: _visit_label(by_id[i]),
        key="ws.after",
    )
    before, after = by_id[before_id], by_id[after_id]
    comparison = compare(facts, before.assessment, after.assessment)
    if comparison.before_overall is not None and comparison.after_overall is not None:
        st.metric(
            "Overall score",
            show_pct(comparison.after_overall),
            delta=f"{_signed(comparison.overall_change)} percentage points since {long_date(before.taken_on)}",
        )
    st.vega_lite_chart(
        comparison_spec(comparison, _visit_label(before), _visit_label(after)), width="stretch"
    )
    rows = [
        {
            "Element": row.name,
            _visit_label(before): show_pct(row.before_pct) if row.before_pct is not None else "-",
            _visit_label(after): show_pct(row.after_pct) if row.after_pct is not None else "-",
            "Change (percentage points)": _signed(row.change) if row.change is not None else "-",
        }
        for row in comparison.elements
    ]
    st.dataframe(rows, hide_index=True, width="stretch", key="ws.comparison")
    _trend(visits)


def _trend(visits: list[ClientAssessment]) -> None:
    """The scores of every visit over time, as a chart and a table (from two visits with scores)."""
    facts = content()
    points = trend(facts, visits)
    if len(points) >= 2:
        names = {e.id: e.name for e in facts.bank.elements}
        st.vega_lite_chart(trend_spec(points, names), width="stretch")
        table = [
            {
                "Date": p.taken_on.isoformat(),
                "Overall": show_pct(p.overall_pct),
                "Would pass": "Yes" if p.passed else "No",
            }
            | {names.get(e, e): show_pct(pct) for e, pct in p.element_pct.items()}
            for p in points
        ]
        st.dataframe(table, hide_index=True, width="stretch", key="ws.trend")


def _client_pdf_button(
    staff: Staff, client: Client, visits: list[ClientAssessment], actions: list[ClientAction]
) -> None:
    today = local_today()

    def pdf() -> bytes:
        from cor.exports.client_report import build_client_report  # fpdf2: loaded on the first click

        return build_client_report(
            content=content(),
            client=client,
            visits=visits,
            actions=actions,
            consultant=staff.name,
            generated_on=today,
        )

    st.download_button(
        "Download the client report (PDF)",
        data=pdf,
        file_name=f"cor-ready-client-report-{today:%Y-%m-%d}.pdf",  # no client name in file names either
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key="ws.client_pdf",
    )


def timeline_section(client: Client, visits: list[ClientAssessment], actions: list[ClientAction]) -> None:
    today = local_today()
    entries = timeline(client, visits, actions, content(), today)
    if not entries:
        st.info("Nothing on the timeline yet.")
        return
    rows = [
        {
            "Date": entry.on.isoformat(),
            "When": "past" if entry.on < today else ("today" if entry.on == today else "coming"),
            "What": entry.kind.capitalize(),
            "Detail": entry.text,
        }
        for entry in entries
    ]
    st.dataframe(rows, hide_index=True, width="stretch", key="ws.timeline")
    if client.certified_on is None:
        st.caption("Audit milestones appear once the client's certification date is set in Details.")


# --- the cohort ------------------------------------------------------------------------------


def _cohort_rows(
    clients: list[Client],
    visits: dict[str, list[ClientAssessment]],
    actions: dict[str, list[ClientAction]],
    today: date,
    met: dict[str, date],
) -> list[dict[str, Cell]]:
    facts = content()
    rows = []
    for client in clients:
        latest = visits[client.id][-1] if visits[client.id] else None
        result = scored(facts, latest.assessment).verdict if latest else None
        audit = next_audit(client, today)
        names = {e.id: e.name for e in facts.bank.elements}
        rows.append(
            {
                "Organisation": client.organisation,
                "Contact": client.contact,
                "CU codes": " ".join(client.cu_codes),
                "Latest assessment": latest.taken_on.isoformat() if latest else "",
                "Overall": Percent.of(result.overall_pct) if result else None,
                "Readiness": readiness(result),
                "Blocking elements": "; ".join(names.get(e, e) for e in result.blocking_elements)
                if result
                else "",
                "Open actions": len(outstanding(actions[client.id], met)),
                "Overdue actions": len(overdue(actions[client.id], today, met)),
                "Next audit": f"{audit.title} by {audit.due.isoformat()}" if audit else "",
            }
        )
    return rows


def cohort_section(staff: Staff, clients: list[Client]) -> None:
    """Across the consultant's clients: readiness, weakest elements, overdue actions, audits."""
    if not clients:
        st.info("Add clients to see the picture across them.")
        return
    today = local_today()
    repo = workspace()
    visits = {cl.id: repo.list_assessments(staff.name, cl.id, admin=staff.admin) for cl in clients}
    actions = {cl.id: repo.list_actions(staff.name, cl.id, admin=staff.admin) for cl in clients}
    latest = {cid: v[-1].assessment for cid, v in visits.items() if v}
    met: dict[str, date] = {}
    for cl in clients:
        met.update(met_on(content(), actions[cl.id], visits[cl.id]))
    picture = cohort(content(), clients, latest, actions, today, met=met)
    names = {cl.id: cl.organisation for cl in clients}
    _readiness(picture)
    _weakest(picture)
    _overdue(picture, names)
    _upcoming(picture)
    _cohort_downloads(_cohort_rows(clients, visits, actions, today, met), today)


def _readiness(picture: Cohort) -> None:
    """How many clients stand at each readiness, as a chart and the same figures as a table."""
    st.subheader(f"Readiness of {count(picture.clients, 'client')} (latest assessment)")
    st.bar_chart(
        {
            "Readiness": list(READINESS_ORDER),
            "Clients": [picture.distribution[r] for r in READINESS_ORDER],
        },
        x="Readiness",
        y="Clients",
        horizontal=True,
        sort=False,
    )
    st.dataframe(
        [{"Readiness": r, "Clients": picture.distribution[r]} for r in READINESS_ORDER],
        hide_index=True,
        key="ws.distribution",
    )


def _weakest(picture: Cohort) -> None:
    st.subheader("Weakest elements across clients")
    st.dataframe(
        [
            {
                "Element": spot.name,
                "Average score": show_pct(spot.average_pct),
                "Clients below the element floor": f"{spot.clients_below_floor} of {spot.clients_scored}",
            }
            for spot in picture.weakest
        ],
        hide_index=True,
        key="ws.weakest",
    )


def _overdue(picture: Cohort, names: dict[str, str]) -> None:
    st.subheader(f"Overdue actions ({len(picture.overdue)})")
    if picture.overdue:
        st.dataframe(
            [
                {
                    "Client": names[cid],
                    "Action": a.title,
                    "Owner": a.owner,
                    "Was due": a.due.isoformat() if a.due else "",
                    "Status": STATUS_WORDS[a.status],
                }
                for cid, a in picture.overdue
            ],
            hide_index=True,
            key="ws.overdue",
        )
    else:
        st.caption("No overdue action.")


def _upcoming(picture: Cohort) -> None:
    st.subheader(f"Audits due in the next {UPCOMING_DAYS} days ({len(picture.upcoming)})")
    if picture.upcoming:
        st.dataframe(
            [
                {
                    "Client": u.organisation,
                    "Audit": u.milestone.title,
                    "Due by": u.milestone.due.isoformat(),
                }
                for u in picture.upcoming
            ],
            hide_index=True,
            key="ws.upcoming",
        )
    else:
        st.caption("No audit due in that time (audits show for clients with a certification date).")


def _cohort_downloads(rows: list[dict[str, Cell]], today: date) -> None:
    """The clients' table as CSV and XLSX, built on click."""
    row = st.container(horizontal=True)
    row.download_button(
        "Download clients (CSV)",
        data=lambda: to_csv(rows),
        file_name=f"cor-ready-clients-{today:%Y-%m-%d}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
        key="ws.cohort_csv",
    )
    row.download_button(
        "Download clients (XLSX)",
        data=lambda: to_xlsx(rows),
        file_name=f"cor-ready-clients-{today:%Y-%m-%d}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/table_view:",
        key="ws.cohort_xlsx",
    )
