"""The Savings page's other sections: the rate list a consultant loads, Alberta's PIR refund, the
cycle against the audit costs, the rules behind the BC number, the sources, and the link and CSV.

Rules stay in cor/ (cor.incentives, cor.rates); this module reads widgets and renders. Text from
a file or a link is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor import incentives, rates
from cor.charts.savings import cumulative_spec, describe, table_rows
from cor.models import RateRecord
from ui.savings.inputs import CUSTOM, KEEP, ExtraRow, Rows, field_message, fillable_years, key, units
from ui.state import content, local_today, plain

#: Where the rates of a list loaded in a session are said to come from (it is the user's file).
SESSION_LIST_NOTE = "From the rate list loaded in this session ({name}); not checked by COR Ready."


def amount_or_none(
    text: str, label: str, parse: incentives.Parser = incentives.parse_amount
) -> Decimal | None:
    """An optional amount, read once: None when empty or wrong (its message is shown at the field)."""
    if not text.strip():
        return None
    value, message = incentives.read(parse, text, label)
    if message:
        st.error(message, icon=":material/error:")
    return value


def amount_input(
    label: str, field_key: str, placeholder: str, help: str, width: int | Literal["stretch"] = "stretch"
) -> str:
    """A text field for dollars, kept across page switches; its text ("" when empty)."""
    return (
        st.text_input(
            label,
            key=field_key,
            placeholder=placeholder,
            max_chars=30,
            help=help,
            persist_state=KEEP,
            width=width,
        )
        or ""
    )


# --- a rate list for the session ---------------------------------------------------------------


def read_upload() -> None:
    """The rate file just chosen: read in memory, validated, kept as a list awaiting "Use"."""
    upload = st.session_state.get("sv.rate_file")
    st.session_state.pop("sv.rate_pending", None)
    st.session_state.pop("sv.rate_error", None)
    if upload is None:
        return
    try:
        st.session_state["sv.rate_pending"] = rates.read_rate_list(upload.getvalue(), upload.name)
    except rates.RateListError as error:
        st.session_state["sv.rate_error"] = str(error)


def use_rate_list() -> None:
    """Put the previewed list's CUs and rates in the picker for this session."""
    pending: rates.RateList | None = st.session_state.pop("sv.rate_pending", None)
    if pending is None:
        return
    bc = content().incentives.bc
    base = rates.bc_units(content().units)
    note = SESSION_LIST_NOTE.format(name=pending.file_name)
    source = str(bc.rate_guide_source_url or bc.source_url)
    st.session_state["sv.units"] = rates.with_rate_list(base, pending, source, str(pending.year), note)
    st.session_state["sv.rate_list"] = pending


def stop_rate_list() -> None:
    st.session_state.pop("sv.units", None)
    st.session_state.pop("sv.rate_list", None)


def rate_list_loader() -> None:
    """For consultants: load this year's rate list (CSV or XLSX) for the session, with a preview."""
    loaded: rates.RateList | None = st.session_state.get("sv.rate_list")
    with st.expander("Load a rate list (for consultants)", icon=":material/upload_file:"):
        st.write(
            "Have WorkSafeBC's base rates for a year as a spreadsheet? Load it (CSV or Excel) with "
            "columns for CU code, CU name, year and base rate; other columns are ignored. The CU list "
            "below then offers those CUs with those rates, for this session only. The file is read "
            "in memory and not kept."
        )
        st.file_uploader("Rate list (CSV or XLSX)", key="sv.rate_file", on_change=read_upload)
        error = st.session_state.get("sv.rate_error")
        if error:
            st.error(plain(error), icon=":material/error:")
        pending: rates.RateList | None = st.session_state.get("sv.rate_pending")
        if pending:
            rate_list_preview(pending)
        if loaded:
            st.success(
                plain(f"In use: {loaded.file_name}, {len(loaded.rates)} CUs, {loaded.year} rates."),
                icon=":material/check:",
            )
            st.button("Stop using the list", key="sv.rate_stop", on_click=stop_rate_list)


def rate_list_preview(pending: rates.RateList) -> None:
    if pending.note:  # how the file was read (e.g. as Windows text): the user checks the names
        st.warning(plain(pending.note), icon=":material/translate:")
    lines = rates.preview(pending, units())
    counts = rates.preview_counts(lines)
    st.write(
        f"{len(lines)} CUs with {pending.year} rates: {counts['changed']} change a rate COR Ready has, "
        f"{counts['new year']} add a year, {counts['new CU']} add a CU, {counts['same']} are the same."
    )
    st.dataframe(
        [
            {
                "CU": f"{line.cu_code} {line.cu_name}",
                "Change": line.change,
                "Rate now": "" if line.old_rate is None else f"${line.old_rate}",
                "Rate in the list": f"${line.new_rate}",
            }
            for line in lines
        ],
        hide_index=True,
        height=240,
    )
    st.button("Use these rates", key="sv.rate_use", on_click=use_rate_list, type="primary")


# --- Alberta: the PIR refund ----------------------------------------------------------------------


def pir_performance() -> Decimal:
    """The optional PIR performance measures; their refund percentage (0 when none given)."""
    rule = content().incentives.ab.performance
    if rule is None:
        return Decimal(0)
    st.caption(rule.wording)
    improve_column, lead_column = st.columns(2)
    with improve_column:
        improvement = amount_input(
            "Improvement on your own record (%)",
            "sv.abimprove",
            "optional, e.g. 12",
            "From WCB-Alberta's PIR statement.",
        )
    with lead_column:
        leadership = amount_input(
            "Industry-leadership refund (%)",
            "sv.ablead",
            "optional, 10 to 20",
            "Only if WCB-Alberta rates you an industry leader.",
        )
    try:
        improve = (
            incentives.parse_pct(improvement, incentives.IMPROVEMENT_FIELD) if improvement.strip() else None
        )
        lead = incentives.parse_pct(leadership, incentives.LEADERSHIP_FIELD) if leadership.strip() else None
        return incentives.performance_pct(rule, improve, lead)
    except ValueError as error:
        st.error(str(error), icon=":material/error:")
        return Decimal(0)


def pir_refund() -> incentives.PIREstimate | None:
    """The industry-rate premium, the SECOR switch, the performance measures, and the refund of
    each year of the cycle."""
    ab, years = content().incentives.ab, content().cycle.certificate_years
    st.write(ab.basis)
    premium_text = amount_input(
        "Industry-rate premium",
        "sv.abprem",
        placeholder="e.g. 250000",
        help="Your yearly WCB-Alberta premium calculated at your industry's rate, not your own experience-rated rate.",
        width=420,
    )
    premium, premium_message = (
        incentives.read(incentives.parse_amount, premium_text, incentives.PREMIUM_FIELD)
        if premium_text.strip()
        else (None, None)
    )
    field_message(premium_message, premium_text)
    secor = st.toggle("SECOR holder (10 or fewer workers)", key="sv.secor", persist_state=KEEP)
    performance = pir_performance()
    if premium is None:
        if not premium_text.strip():
            st.info("Enter your industry-rate premium to see the refund.", icon=":material/info:")
        return None
    pir = incentives.pir_cycle(premium, secor, years, performance, ab)
    first_year, *later = pir.years
    columns = st.columns(3)
    columns[0].metric(
        "SECOR refund, year 1" if secor else "Refund, first COR year", incentives.money(first_year.refund)
    )
    columns[1].metric(
        f"Each maintenance year (years 2 to {years})" if not secor else f"Years 2 to {years}, each",
        incentives.money(later[0].refund) if later else "-",
    )
    columns[2].metric(f"Over {years} years", incentives.money(pir.cycle_total))
    lines = [f"Year {y.year}: {y.formula}" for y in pir.years]
    st.code(
        "\n".join([*lines, f"Total: {incentives.sum_formula([y.refund for y in pir.years])}"]), language=None
    )
    st.caption(
        f"{ab.secor_note} Each year pays the highest measure you qualify for, at most {ab.maximum_pct}%."
    )
    return pir


# --- the cycle: cumulative savings against what the audits cost -----------------------------------


@dataclass(frozen=True)
class AuditCosts:
    """The cycle section's inputs, as typed (for the link) and as read (for the numbers)."""

    audit_text: str
    maint_text: str
    audit: Decimal | None
    maint: Decimal | None
    first_audit_year: int

    def csv_rows(self) -> list[ExtraRow]:
        """The costs the user entered, as extra lines of the CSV."""
        entered = (("Cost of the audit", self.audit), ("Cost of each maintenance audit", self.maint))
        return [(label, amount, "", "Entered by the user") for label, amount in entered if amount is not None]


def audit_costs() -> AuditCosts:
    """The three inputs of the cycle: the two audit costs (optional) and the first audit's year."""
    years = content().cycle.certificate_years
    cost_column, maint_column, year_column = st.columns(3)
    with cost_column:
        audit_text = amount_input(
            "Cost of the audit",
            "sv.audit",
            placeholder="optional, e.g. 8000",
            help="What the certification audit costs you in year 1: auditor fees and staff time.",
        )
        audit = amount_or_none(audit_text, "Cost of the audit")
    with maint_column:
        maint_text = amount_input(
            "Cost of each maintenance audit",
            "sv.maint",
            placeholder="optional",
            help=f"What each maintenance audit (years 2 to {years}) costs you.",
        )
        maint = amount_or_none(maint_text, "Cost of each maintenance audit")
    with year_column:
        choices = incentives.first_audit_years(local_today().year)
        first = st.selectbox("Year of the certification audit", choices, key="sv.first", persist_state=KEEP)
    return AuditCosts(audit_text, maint_text, audit, maint, first or choices[0])


def cycle_chart(result: incentives.Estimate | incentives.PIREstimate | None, costs: AuditCosts) -> None:
    """Cumulative savings year by year against the audit costs: a chart, the same figures as a
    table, and whether the cycle pays for its audits."""
    amounts = incentives.cycle_amounts(result)
    if result is None or not amounts:
        st.caption("The chart appears once there is an estimate above.")
        return
    credited = result.credited_next_year
    yearly_costs = incentives.cycle_costs(len(amounts), costs.audit, costs.maint)
    cycle_rows = incentives.cumulative(amounts, yearly_costs, costs.first_audit_year)
    st.vega_lite_chart(cumulative_spec(cycle_rows))
    st.caption(describe(cycle_rows))
    st.table(table_rows(cycle_rows, credited=credited), hide_index=True)
    if costs.audit is not None or costs.maint is not None:
        net = cycle_rows[-1].net
        st.markdown(
            f"Over the cycle, the {result.noun} **{incentives.cost_verdict(net)}** the audit costs you entered: net {incentives.money(net)}."
        )
    st.caption(
        "The table holds the same figures as the chart. "
        + (
            f"The incentive is the same each year ({incentives.money(amounts[0])}) and is credited the year after "
            "its audit; audit costs are paid in the audit year."
            if credited
            else "Assumes the same industry-rate premium each year."
        )
    )


# --- what to enter (BC) ------------------------------------------------------------------------------


def rates_intro() -> None:
    """What to enter, promising a filled-in rate only when COR Ready holds one of the audit year
    (the page must not promise a fill it never makes)."""
    bc = content().incentives.bc
    current = sorted({year for unit in units().values() for year in fillable_years(unit)}, reverse=True)
    fill = (
        f"Picking a CU fills in its base rate where COR Ready holds one for {' or '.join(map(str, current))}; "
        "check it against yours."
        if current
        else "COR Ready holds no base rate for this year or last, so no rate is filled in: type yours."
    )
    st.write(
        "For each CU, enter the assessable payroll you report to WorkSafeBC and the CU's base rate: "
        f"dollars per $100 of payroll, before any experience-rating discount or surcharge. {fill} "
        f"{bc.rate_where}"
    )


# --- the rules behind the number (BC) --------------------------------------------------------------


def good_standing_checklist() -> None:
    """The conditions that void the incentive, as a checklist that warns until all are ticked."""
    bc = content().incentives.bc
    st.write(
        "Tick each condition that holds for your audit year. The incentive is paid only if all of them hold."
    )
    unmet = [
        condition
        for index, condition in enumerate(bc.good_standing)
        if not st.checkbox(condition, key=f"sv.gs.{index}", persist_state=KEEP)
    ]
    if unmet:
        st.warning(
            f"Not yet confirmed: {len(unmet)} of {len(bc.good_standing)} conditions. If any of them fails, "
            "the incentive for that year is void, even with a valid certificate.",
            icon=":material/gpp_maybe:",
        )
    else:
        st.info(bc.all_conditions_ticked, icon=":material/fact_check:")
    st.caption(f"{bc.good_standing_note} {bc.misrepresentation}")


def small_employer_minimum(estimate: incentives.Estimate | None) -> list[ExtraRow]:
    """The minimum in force and what it gives with the user's total premium. Returns the line it
    adds to the CSV (none until it can be computed)."""
    version = content().incentives.bc.minimum_in_force
    st.write(version.wording)
    premium_text = amount_input(
        "Total premium",
        "sv.prem",
        placeholder="optional, to try the minimum",
        help="Your total WorkSafeBC assessment for the year, after experience rating.",
        width=420,
    )
    total_premium = amount_or_none(premium_text, "Total premium", incentives.parse_premium)
    if total_premium is None:
        return []
    if not estimate:
        st.caption("Enter a payroll and base rate above to try the minimum.")
        return []
    minimum = incentives.apply_minimum(total_premium, estimate.annual_total, version)
    if minimum.raises:
        st.info(
            f"With the small-employer minimum, your annual incentive would be **{incentives.money(minimum.amount)}** "
            f"instead of {incentives.money(estimate.annual_total)}. Confirm it with WorkSafeBC or your certifying partner.",
            icon=":material/savings:",
        )
    else:
        st.info(
            f"The minimum does not raise your incentive: {incentives.show_rate_pct(estimate.rate_pct)} of your base "
            "assessment is already larger.",
            icon=":material/savings:",
        )
    st.code(minimum.formula, language=None, wrap_lines=True)
    return [
        (
            f"Small-employer minimum ({version.label})",
            minimum.amount,
            minimum.formula,
            str(version.source_url),
        )
    ]


# --- sources -------------------------------------------------------------------------------------


def rates_in_use() -> list[RateRecord]:
    """The rate records behind the CU rows now on the page (each CU's rates, once)."""
    known = units()
    codes = dict.fromkeys(
        st.session_state.get(key("cu", row_id), CUSTOM) for row_id in st.session_state["sv.rows"]
    )
    return [record for code in codes if code in known for record in known[code].rates]


def source_line(text: str, url: object, effective: str, note: str = "") -> None:
    st.markdown(f"- {text} ({effective}): [source]({url})" + (f". {note}" if note else ""))


def bc_sources(jurisdiction: str) -> None:
    """Every source and caveat behind BC's incentive on experience rating."""
    bc = content().incentives.bc
    source_line("BC incentive formula and worked examples", bc.source_url, bc.effective, bc.source_note)
    source_line("Conditions that void the incentive", bc.good_standing_source_url, bc.effective)
    source_line(
        "A valid certificate can be refused an incentive; each year's audit must be passed",
        bc.eligibility_source_url,
        bc.effective,
    )
    source_line("Fraud or misrepresentation", bc.misrepresentation_source_url, "2019")
    for policy in content().jurisdiction(jurisdiction).policies:
        source_line(f"WorkSafeBC {policy.name}", policy.source_url, policy.effective, policy.covers)
    if bc.rate_guide_source_url:
        source_line("WorkSafeBC's industry base rates", bc.rate_guide_source_url, bc.effective)
    st.caption(bc.minimum_conflict_note)
    for version in bc.small_employer_minimum:
        status = incentives.minimum_status(version, history="history, replaced")
        source_line(
            f"Small-employer minimum, {status}: {version.wording}", version.source_url, version.effective
        )
    for record in rates_in_use():
        rate = f"${record.base_rate}" if record.base_rate is not None else "no rate"
        text = plain(f"CU {record.cu_code}, {record.year}: {rate} ({rates.stage_words(record)})")
        source_line(text, record.source_url, record.effective, plain(record.source_note))
    st.caption("SafeCare BC's own examples have a typo, explained on About the numbers.")


def ab_sources(jurisdiction: str) -> None:
    """The sources behind Alberta's PIR refund."""
    ab = content().incentives.ab
    source_line("Alberta PIR refunds", ab.source_url, ab.effective, ab.source_note)
    if ab.secor_source_url:
        source_line("SECOR refund", ab.secor_source_url, ab.effective)
    if ab.performance:
        performance = ab.performance
        source_line("PIR performance measures", performance.source_url, performance.effective)


def jurisdiction_sources(jurisdiction: str) -> None:
    """A jurisdiction without an estimator: where its program is described."""
    info = content().jurisdiction(jurisdiction)
    source_line(info.incentive_program, info.source_url, info.effective)


def sources(jurisdiction: str, listed: Callable[[str], None]) -> None:
    """Every source and caveat behind the page's numbers (``listed``, the estimator's own), out of
    the way of the estimate."""
    with st.expander("Sources", icon=":material/menu_book:"):
        listed(jurisdiction)


# --- share: the link and the CSV --------------------------------------------------------------------


def shared_inputs(jurisdiction: str, costs: AuditCosts) -> incentives.SharedInputs:
    """Every input on the page, as it travels in a link."""
    state = st.session_state
    return incentives.SharedInputs(
        jurisdiction=jurisdiction,
        rows=tuple(
            incentives.SharedRow(
                cu="" if state.get(key("cu", row_id), CUSTOM) == CUSTOM else state[key("cu", row_id)],
                year=str(state.get(key("year", row_id)) or ""),
                payroll=state.get(key("pay", row_id)) or "",
                rate=state.get(key("rate", row_id)) or "",
            )
            for row_id in state["sv.rows"]
        ),
        audit_cost=costs.audit_text,
        maintenance_cost=costs.maint_text,
        first_audit_year=str(costs.first_audit_year),
        total_premium=state.get("sv.prem") or "",
        industry_premium=state.get("sv.abprem") or "",
        secor=bool(state.get("sv.secor")),
    )


def share(
    where: DeltaGenerator,
    jurisdiction: str,
    result: incentives.Estimate | incentives.PIREstimate | None,
    costs: AuditCosts,
    extra: list[ExtraRow],
    rows: Rows | None,
) -> None:
    """Write the inputs into the address bar, and show the link and the CSV download in ``where``
    (a place under the estimate, filled last because it needs every input on the page)."""
    query = incentives.to_query(shared_inputs(jurisdiction, costs))
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    with where:
        st.markdown("**Link to this estimate**")
        base = (st.context.url or "/savings").split("?")[0]
        with st.container(key="sv-link"):
            st.code(f"{base}?{urlencode(query)}", language=None, wrap_lines=True)
        st.caption("Copy it with the button at the link's top right corner, or select it.")
        st.html(ALWAYS_SHOW_COPY)
        if result is not None:
            st.download_button(
                "Download the estimate (CSV)",
                data=lambda: csv_bytes(result, [*extra, *costs.csv_rows()], rows),
                file_name="cor-savings-estimate.csv",
                mime="text/csv",
                on_click="ignore",
                icon=":material/download:",
            )


def csv_bytes(
    result: incentives.Estimate | incentives.PIREstimate, extra: list[ExtraRow], rows: Rows | None
) -> bytes:
    from cor.exports.estimate import to_csv  # built on click, not on every rerun

    return to_csv(result, extra=extra, incomplete=rows.incomplete if rows else ())


#: Streamlit shows a code block's copy button on hover only, and a phone has no hover: in the
#: link's box (``st-key-sv-link``) the button and the wrappers that hide it are always shown.
ALWAYS_SHOW_COPY = (
    "<style>"
    ".st-key-sv-link [data-testid='stCode'] div:has(button),"
    ".st-key-sv-link [data-testid='stCode'] span:has(button),"
    ".st-key-sv-link [data-testid='stCode'] button"
    "{opacity: 1 !important; visibility: visible !important}"
    "</style>"
)
