"""The Savings page's building blocks: its state plumbing and its sections.

The page (app_pages/savings.py) reads top to bottom and calls these. What lives here is what must
happen at precise moments of Streamlit's run cycle (seeding the CU rows' widget keys on the first
run, from a shared link or a CU carried from the partner guide; the add/remove/pick callbacks) and
the rendering of each section. A module is compiled once per process, while a page script is
re-parsed on every run, so a long page also reruns slower (see bench/README.md).

Rules stay in cor/: every amount, total, formula, parse and check is a call into cor.incentives.
Widget keys ("sv.*"), labels and query-parameter names are a contract with the tests and with
links already shared: do not rename them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from cor import incentives as inc
from cor.charts.savings import cumulative_chart, describe, table_rows
from cor.exports.estimate import to_csv
from cor.models import ClassificationUnit
from ui.state import content, local_today

CUSTOM = "custom"  # the CU choice "Custom base rate (type it in)"
KEEP = "session"  # widgets keep their values across page switches (persist_state)
ROW_FIELDS = ("cu", "year", "pay", "rate", "filled")  # "filled": the rate the app last filled in

#: One extra line of the CSV: (label, amount, formula, source).
ExtraRow = tuple[str, Decimal | None, str, str]


def k(name: str, rid: int) -> str:
    """The widget key of field ``name`` in CU row ``rid`` (row ids never repeat in a session)."""
    return f"sv.{name}.{rid}"


def units() -> dict[str, ClassificationUnit]:
    """The CUs COR Ready knows a BC rate for, by code, in content order."""
    return {u.code: u for u in content().units if any(r.jurisdiction == "BC" for r in u.rates)}


def audit_years() -> list[int]:
    return inc.first_audit_years(local_today().year)


def published_rate(unit: ClassificationUnit | None, year: int | None) -> str:
    """The CU's published base rate for ``year`` as the rate field shows it, or "" if none."""
    record = unit.rate_for(year) if unit and year else None
    return str(record.base_rate) if record else ""


def cu_label(code: str) -> str:
    return "Custom base rate (type it in)" if code == CUSTOM else f"{code} {units()[code].name}"


def notice(text: str) -> None:
    """A message for the top of the page on this run (set before the page is drawn)."""
    st.session_state.setdefault("sv.notices", []).append(text)


# --- the CU rows: seeding and callbacks -------------------------------------------------------


def fill_row(rid: int, row: inc.SharedRow) -> None:
    """Seed one row's widgets: a known CU fills its year and base rate unless the row says otherwise."""
    unit = units().get(row.cu)
    years = inc.rate_years(unit)
    year = inc.choice_from_link(row.year, years, years[0] if years else None)
    st.session_state[k("cu", rid)] = row.cu if unit else CUSTOM
    st.session_state[k("year", rid)] = year
    st.session_state[k("pay", rid)] = row.payroll
    st.session_state[k("rate", rid)] = row.rate or published_rate(unit, year)
    st.session_state[k("filled", rid)] = published_rate(unit, year)
    if row.cu and not unit:
        notice(f"CU {row.cu} is not in COR Ready's list, so that row uses a custom base rate.")


def add_row(row: inc.SharedRow | None = None) -> None:
    rid = st.session_state.get("sv.next_row", 0)
    st.session_state["sv.next_row"] = rid + 1
    fill_row(rid, row or inc.SharedRow())
    st.session_state["sv.rows"] = [*st.session_state.get("sv.rows", []), rid]


def remove_row(rid: int) -> None:
    st.session_state["sv.rows"] = [r for r in st.session_state["sv.rows"] if r != rid]
    for name in ROW_FIELDS:
        st.session_state.pop(k(name, rid), None)


def on_cu_change(rid: int) -> None:
    """Picking a CU fills its newest published rate; a rate the user typed survives a switch to
    "Custom base rate" or to a CU that has no published rate."""
    unit = units().get(st.session_state[k("cu", rid)])
    years = inc.rate_years(unit)
    newest = years[0] if years else None
    typed = st.session_state.get(k("rate", rid), "") != st.session_state.get(k("filled", rid), "")
    st.session_state[k("year", rid)] = newest
    if years or not typed:
        st.session_state[k("rate", rid)] = published_rate(unit, newest)
    st.session_state[k("filled", rid)] = published_rate(unit, newest)


def on_year_change(rid: int) -> None:
    unit = units().get(st.session_state[k("cu", rid)])
    rate = published_rate(unit, st.session_state[k("year", rid)])
    st.session_state[k("rate", rid)] = rate
    st.session_state[k("filled", rid)] = rate


# --- first run: a shared link, or a CU carried from the partner guide --------------------------


def seed_from_link() -> None:
    """On a session's first visit, fill every input from the link (or leave them empty).

    Runs before any widget exists, so it may set widget keys. Values that make no sense (a year
    outside the list, a version that does not exist) fall back to the defaults; wrong numbers are
    kept as typed so the field shows them with their message.
    """
    if "sv.rows" in st.session_state:
        return
    c = content()
    params = st.query_params.to_dict()
    is_link = inc.is_shared_link(params)
    shared = inc.from_query(params) if is_link else inc.SharedInputs()
    for row in shared.rows:
        add_row(row)
    if is_link:
        st.session_state["sv.jurisdiction"] = shared.jurisdiction
    st.session_state["sv.audit"] = shared.audit_cost
    st.session_state["sv.maint"] = shared.maintenance_cost
    this_year = local_today().year
    st.session_state["sv.first"] = inc.choice_from_link(shared.first_audit_year, audit_years(), this_year)
    versions = range(len(c.incentives.bc.small_employer_minimum))
    st.session_state["sv.min"] = inc.choice_from_link(shared.minimum, versions, 0)
    st.session_state["sv.prem"] = shared.total_premium
    st.session_state["sv.abprem"] = shared.industry_premium
    st.session_state["sv.secor"] = shared.secor
    if is_link:  # the link decides row 1; a CU from the partner guide does not override it
        st.session_state["sv.carried"] = params.get("cu") or st.session_state.get("cu_code")


def apply_carried_cu() -> None:
    """A CU picked in the partner guide (or in a ?cu= link) fills row 1, once per new CU."""
    carried = st.query_params.get("cu") or st.session_state.get("cu_code")
    if not carried or carried == st.session_state.get("sv.carried"):
        return
    st.session_state["sv.carried"] = carried
    first_row = st.session_state["sv.rows"][0]
    if carried in units():
        fill_row(first_row, inc.SharedRow(cu=carried, payroll=st.session_state.get(k("pay", first_row), "")))
    else:
        notice(
            f"COR Ready has no base rate for CU {carried}: enter the one on your WorkSafeBC account "
            "as a custom base rate."
        )


def show_notices() -> None:
    for text in st.session_state.pop("sv.notices", []):
        st.warning(text, icon=":material/info:")


# --- small widgets ------------------------------------------------------------------------------


def field_message(message: str | None, value: str) -> None:
    """The message for one field, right under it: a warning when empty, an error when wrong."""
    if message:
        (st.warning if not value.strip() else st.error)(message, icon=":material/error:")


def amount_or_none(
    text: str, field: str, parse: Callable[[str, str], Decimal] = inc.parse_amount
) -> Decimal | None:
    """An optional amount: None when empty or wrong (its message is shown at the field)."""
    if not text.strip():
        return None
    message = inc.check(parse, text, field)
    if message:
        st.error(message, icon=":material/error:")
        return None
    return parse(text, field)


def amount_input(label: str, key: str, placeholder: str, help: str, width: int | str = "stretch") -> str:
    """A text field for dollars, kept across page switches; its text ("" when empty)."""
    return (
        st.text_input(
            label,
            key=key,
            placeholder=placeholder,
            max_chars=30,
            help=help,
            persist_state=KEEP,
            width=width,  # type: ignore[arg-type]
        )
        or ""
    )


# --- BC: the CU rows and the estimate -------------------------------------------------------------


@dataclass
class Rows:
    """What the CU rows add up to: the lines of the estimate and the rows left out of it."""

    count: int
    lines: list[inc.LineInput]
    pending: int = 0  # rows not in the total: not filled in yet, or wrong
    wrong: int = 0  # of those, rows with a message at a field

    @property
    def many(self) -> bool:
        return self.count > 1


def cu_rows() -> Rows:
    """Every CU row, each in its own box, then the button that adds one."""
    rows: list[int] = st.session_state["sv.rows"]
    result = Rows(count=len(rows), lines=[])
    for pos, rid in enumerate(rows):
        with st.container(border=True):
            line, check = cu_row(rid, pos, result.many)
        if line:
            result.lines.append(line)
        else:
            result.pending += 1
            result.wrong += check.started  # started but not complete: a field has a message
    st.button(
        "Add another CU",
        key="sv.add",
        on_click=add_row,
        icon=":material/add:",
        disabled=len(rows) >= inc.MAX_ROWS,
        help="An employer with several classification units earns the incentive on each certified CU.",
    )
    return result


def cu_row(rid: int, pos: int, many: bool) -> tuple[inc.LineInput | None, inc.RowCheck]:
    """One CU row: CU, rate year, payroll and base rate, their messages, where the rate comes
    from, and (once complete) the row's incentive written out."""
    suffix = f", CU {pos + 1}" if many else ""
    known = units()
    years = inc.rate_years(known.get(st.session_state.get(k("cu", rid), CUSTOM)))
    if st.session_state.get(k("year", rid)) not in years:
        st.session_state[k("year", rid)] = years[0] if years else None
    if many:
        row_header(rid, pos)
    pick, when, pay_col, rate_col = st.columns([3, 1.2, 2, 1.6])
    with pick:
        code = st.selectbox(
            f"Classification unit{suffix}",
            [CUSTOM, *known],
            format_func=cu_label,
            key=k("cu", rid),
            on_change=on_cu_change,
            args=(rid,),
            help="Type a CU code or part of its name to search.",
            persist_state=KEEP,
        )
    unit = known.get(code)
    years = inc.rate_years(unit)
    with when:
        year = (
            st.selectbox(
                f"Rate year{suffix}",
                years,
                key=k("year", rid),
                on_change=on_year_change,
                args=(rid,),
                persist_state=KEEP,
            )
            if years
            else None
        )
    with pay_col:
        pay_text = (
            st.text_input(
                f"Assessable payroll{suffix}",
                key=k("pay", rid),
                placeholder="e.g. 11000000",
                max_chars=30,
                persist_state=KEEP,
            )
            or ""
        )
    with rate_col:
        rate_text = (
            st.text_input(
                f"Base rate{suffix}",
                key=k("rate", rid),
                placeholder="e.g. 4.54",
                max_chars=30,
                persist_state=KEEP,
            )
            or ""
        )
    check = inc.check_row(pay_text, rate_text)
    with pay_col:
        field_message(check.payroll, pay_text)
    with rate_col:
        field_message(check.base_rate, rate_text)
    rate_caption(code, unit, year, rate_text)
    if not check.started:
        st.caption("Enter the assessable payroll and the base rate to see this CU's incentive.")
    if not check.complete:
        return None, check
    label = cu_label(code) if unit else f"CU {pos + 1} (custom base rate)"
    line = inc.line_input(label, pay_text, rate_text, unit, year)
    if many:  # with one CU, the estimate below is this CU's figure
        amount = inc.annual_incentive(pay_text, rate_text, content().incentives.bc.rate_pct)
        st.metric(f"Annual incentive{suffix}", inc.money(amount))
    st.code(
        inc.formula(pay_text, rate_text, content().incentives.bc.rate_pct), language=None, wrap_lines=True
    )
    return line, check


def row_header(rid: int, pos: int) -> None:
    head = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center")
    head.markdown(f"**CU {pos + 1}**")
    head.button(
        "Remove",
        key=f"sv.remove.{rid}",
        on_click=remove_row,
        args=(rid,),
        icon=":material/close:",
        type="tertiary",
        help=f"Remove CU {pos + 1} from the estimate",
    )


def rate_caption(code: str, unit: ClassificationUnit | None, year: int | None, rate_text: str) -> None:
    """Where the row's base rate comes from: the CU's published rate (with its source), or the
    user's own, next to the one COR Ready has."""
    record = unit.rate_for(year) if unit and year else None
    if record and inc.is_published_rate(rate_text, record):
        st.caption(
            f"Base rate: the {record.year} rate for CU {code}, confidence {record.confidence}. "
            f"[Source]({record.source_url}). {record.source_note}"
        )
    elif record:
        st.caption(
            f"Custom base rate: the {record.year} rate COR Ready has for CU {code} is "
            f"${record.base_rate} ([source]({record.source_url})); you entered another."
        )
    elif unit:
        note = unit.rates[0].source_note if unit.rates else ""
        st.caption(
            f"COR Ready has no published base rate for CU {code}: enter the one on your "
            f"WorkSafeBC account. {note}"
        )
    else:
        st.caption(
            "Custom base rate: use your CU's base rate from your WorkSafeBC account, before any experience rating."
        )


def bc_estimate(rows: Rows) -> inc.Estimate | None:
    """The total (and its value over a cycle) of the complete rows, written out, with when it is paid."""
    c = content()
    bc, years = c.incentives.bc, c.cycle.certificate_years
    est = inc.estimate(rows.lines) if rows.lines else None
    if est:
        left, right = st.columns(2)
        left.metric(
            "Total annual incentive" if rows.many else "Annual incentive", inc.money(est.annual_total)
        )
        right.metric(f"Over a {years}-year COR cycle", inc.money(est.cycle_total))
        if rows.many:
            st.code(
                "Total: " + inc.sum_formula([line.annual for line in est.lines]),
                language=None,
                wrap_lines=True,
            )
        st.code(f"Cycle: {inc.cycle_formula(est.annual_total, years)}", language=None, wrap_lines=True)
        if rows.pending:
            st.warning(
                f"{rows.pending} of {rows.count} CUs are not in the total yet: complete or fix the fields marked above.",
                icon=":material/warning:",
            )
        st.caption(
            f"{bc.basis} The cycle value assumes the same payroll and base rate each year. "
            f"Formula: [source]({bc.source_url}) ({bc.effective}). Checking SafeCare BC's own "
            "examples? One of them has a typo, explained on About the numbers."
        )
    else:
        st.info(
            "Fix the fields marked above to see your estimate."
            if rows.wrong
            else "Enter an assessable payroll and a base rate above to see your estimate.",
            icon=":material/info:",
        )
    st.markdown(f"**When it is paid.** {bc.timing}")
    return est


# --- Alberta: the PIR refund ----------------------------------------------------------------------


def pir_refund() -> inc.PIREstimate | None:
    """The industry-rate premium, the SECOR switch, and the refund of each year of the cycle."""
    c = content()
    ab, years = c.incentives.ab, c.cycle.certificate_years
    st.write(ab.basis)
    premium_text = amount_input(
        "Industry-rate premium",
        "sv.abprem",
        placeholder="e.g. 250000",
        help="Your yearly WCB-Alberta premium calculated at your industry's rate, not your own experience-rated rate.",
        width=420,
    )
    premium_msg = (
        inc.check(inc.parse_amount, premium_text, "Industry-rate premium") if premium_text.strip() else None
    )
    field_message(premium_msg, premium_text)
    secor = st.toggle("SECOR holder (10 or fewer workers)", key="sv.secor", persist_state=KEEP)
    pir = None
    if premium_text.strip() and not premium_msg:
        pir = inc.pir_estimate(premium_text, secor)
        first_year, *later = pir.years
        cols = st.columns(3)
        cols[0].metric(
            "SECOR refund, year 1" if secor else "Refund, first COR year", inc.money(first_year.refund)
        )
        cols[1].metric(
            f"Each maintenance year (years 2 to {years})" if not secor else f"Years 2 to {years}, each",
            inc.money(later[0].refund) if later else "-",
        )
        cols[2].metric(f"Over {years} years", inc.money(pir.cycle_total))
        st.code(
            "\n".join(f"Year {y.year}: {y.formula}" for y in pir.years)
            + f"\nTotal: {inc.sum_formula([y.refund for y in pir.years])}",
            language=None,
            wrap_lines=True,
        )
    elif not premium_text.strip():
        st.info("Enter your industry-rate premium to see the refund.", icon=":material/info:")
    secor_source = f" [Source]({ab.secor_source_url})." if ab.secor_source_url else ""
    st.caption(
        f"{ab.secor_note}{secor_source} The most any employer can receive from PIR is {ab.maximum_pct}%; "
        f"other PIR measures (improving on your own or your industry's record) are not estimated here. "
        f"[Source]({ab.source_url}) ({ab.effective}). {ab.source_note}"
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
    cost_col, maint_col, year_col = st.columns(3)
    with cost_col:
        audit_text = amount_input(
            "Cost of the audit",
            "sv.audit",
            placeholder="optional, e.g. 8000",
            help="What the certification audit costs you in year 1: auditor fees and staff time.",
        )
        audit = amount_or_none(audit_text, "Cost of the audit")
    with maint_col:
        maint_text = amount_input(
            "Cost of each maintenance audit",
            "sv.maint",
            placeholder="optional",
            help=f"What each maintenance audit (years 2 to {years}) costs you.",
        )
        maint = amount_or_none(maint_text, "Cost of each maintenance audit")
    with year_col:
        first_audit_year = st.selectbox(
            "Year of the certification audit", audit_years(), key="sv.first", persist_state=KEEP
        )
    return AuditCosts(audit_text, maint_text, audit, maint, first_audit_year)


def cycle_chart(jurisdiction: str, result: inc.Estimate | inc.PIREstimate | None, costs: AuditCosts) -> None:
    """Cumulative savings year by year against the audit costs: a chart, the same figures as a
    table, and whether the cycle pays for its audits."""
    amounts = inc.cycle_amounts(result)
    if not amounts:
        st.caption("The chart appears once there is an estimate above.")
        return
    bc = jurisdiction == "BC"
    cycle_rows = inc.cumulative(
        amounts, inc.cycle_costs(len(amounts), costs.audit, costs.maint), costs.first_audit_year
    )
    st.altair_chart(cumulative_chart(cycle_rows, title=""), alt=describe(cycle_rows))
    st.table(pd.DataFrame(table_rows(cycle_rows, credited=bc)), hide_index=True)
    if costs.audit is not None or costs.maint is not None:
        net: Decimal = cycle_rows[-1]["net"]  # type: ignore[assignment]
        what = "incentive" if bc else "refund"
        st.markdown(
            f"Over the cycle, the {what} **{inc.cost_verdict(net)}** the audit costs you entered: "
            f"net {inc.money(net)}."
        )
    st.caption(
        "The table holds the same figures as the chart. "
        + (
            f"The incentive is the same each year ({inc.money(amounts[0])}) and is credited the year after "
            "its audit; audit costs are paid in the audit year."
            if bc
            else "Assumes the same industry-rate premium each year."
        )
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
        for i, condition in enumerate(bc.good_standing)
        if not st.checkbox(condition, key=f"sv.gs.{i}", persist_state=KEEP)
    ]
    if unmet:
        st.warning(
            f"Not yet confirmed: {len(unmet)} of {len(bc.good_standing)} conditions. If any of them fails, "
            "the incentive for that year is void, even with a valid certificate.",
            icon=":material/gpp_maybe:",
        )
    else:
        st.success("All conditions confirmed: the estimate above applies.", icon=":material/verified:")
    st.caption(f"{bc.good_standing_note} [Source]({bc.good_standing_source_url}).")


def small_employer_minimum(est: inc.Estimate | None) -> list[ExtraRow]:
    """Both versions of the disputed minimum, and what the chosen one would give, as an
    assumption. Returns the line it adds to the CSV (none until it can be computed)."""
    bc = content().incentives.bc
    versions = bc.small_employer_minimum
    st.warning(bc.minimum_conflict_note, icon=":material/balance:")
    for version in versions:
        st.markdown(
            f"**{version.label}**, stated {version.effective}: {version.wording} [Source]({version.source_url})"
        )
        if version.source_note:
            st.caption(version.source_note)
    premium_col, version_col = st.columns([1, 2])
    with premium_col:
        prem_text = amount_input(
            "Total premium",
            "sv.prem",
            placeholder="optional, to try the minimum",
            help="Your total WorkSafeBC assessment for the year, after experience rating.",
        )
        total_premium = amount_or_none(prem_text, "Total premium", inc.parse_premium)
    with version_col:
        chosen = st.radio(
            "Version to assume",
            list(range(len(versions))),
            format_func=lambda i: versions[i].label,
            key="sv.min",
            horizontal=True,
            persist_state=KEEP,
        )
    version = versions[chosen or 0]
    if total_premium is None:
        return []
    if not est:
        st.caption("Enter a payroll and base rate above to try the minimum.")
        return []
    with_minimum = inc.small_employer_minimum(total_premium, est.annual_total, version)
    explained = inc.minimum_formula(total_premium, est.annual_total, version)
    if with_minimum > est.annual_total:
        st.info(
            f"**Assumption, not confirmed by WorkSafeBC:** under the {version.label}, your "
            f"annual incentive would be **{inc.money(with_minimum)}** instead of "
            f"{inc.money(est.annual_total)}.",
            icon=":material/science:",
        )
    else:
        st.info(
            f"Under the {version.label}, the minimum does not raise your incentive: "
            f"10% of your base assessment is already larger.",
            icon=":material/science:",
        )
    st.code(explained, language=None, wrap_lines=True)
    return [
        (
            f"Assumption: small-employer minimum ({version.label})",
            with_minimum,
            explained,
            str(version.source_url),
        )
    ]


# --- share: the link and the CSV --------------------------------------------------------------------


def shared_inputs(jurisdiction: str, costs: AuditCosts) -> inc.SharedInputs:
    """Every input on the page, as it travels in a link."""
    state = st.session_state
    return inc.SharedInputs(
        jurisdiction=jurisdiction,  # type: ignore[arg-type]
        rows=tuple(
            inc.SharedRow(
                cu="" if state.get(k("cu", rid), CUSTOM) == CUSTOM else state[k("cu", rid)],
                year=str(state.get(k("year", rid)) or ""),
                payroll=state.get(k("pay", rid)) or "",
                rate=state.get(k("rate", rid)) or "",
            )
            for rid in state["sv.rows"]
        ),
        audit_cost=costs.audit_text,
        maintenance_cost=costs.maint_text,
        first_audit_year=str(costs.first_audit_year),
        total_premium=state.get("sv.prem") or "",
        minimum=str(state.get("sv.min") or ""),  # 0, the newer version, is the default
        industry_premium=state.get("sv.abprem") or "",
        secor=bool(state.get("sv.secor")),
    )


def share(
    where: DeltaGenerator,
    jurisdiction: str,
    result: inc.Estimate | inc.PIREstimate | None,
    costs: AuditCosts,
    extra: list[ExtraRow],
) -> None:
    """Write the inputs into the address bar, and show the link and the CSV download in ``where``
    (a place under the estimate, filled last because it needs every input on the page)."""
    query = inc.to_query(shared_inputs(jurisdiction, costs))
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    with where:
        st.markdown("**Link to this estimate**")
        base = (st.context.url or "/savings").split("?")[0]
        st.code(f"{base}?{urlencode(query)}", language=None, wrap_lines=True)
        if result is not None:
            st.download_button(
                "Download the estimate (CSV)",
                data=to_csv(result, extra=[*extra, *costs.csv_rows()]),
                file_name="cor-savings-estimate.csv",
                mime="text/csv",
                on_click="ignore",
                icon=":material/download:",
            )
