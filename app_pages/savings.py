"""Savings: what COR is worth, in dollars, for the employer's own classification units (CUs).

Reads the inputs (a shared link fills them on a fresh session; a CU picked in the partner guide
fills the first row), asks cor.incentives for every number, and shows each with its formula and
source. A wrong value gets its message right under its field; every other input and result stays.
The inputs are written back into the URL on every run, so the address bar is always a link to
the estimate on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from cor import incentives as inc
from cor.charts.savings import cumulative_chart, describe, table_rows
from cor.exports.estimate import to_csv
from cor.models import ClassificationUnit
from ui.state import content, jurisdiction_picker

c = content()
bc = c.incentives.bc
ab = c.incentives.ab
YEARS = c.cycle.certificate_years
CUSTOM = "custom"
UNITS = {u.code: u for u in c.units if any(r.jurisdiction == "BC" for r in u.rates)}
THIS_YEAR = dt.date.today().year
FIRST_YEARS = list(range(THIS_YEAR - 3, THIS_YEAR + 4))
KEEP = "session"  # widgets keep their values across page switches (persist_state)


# --- small helpers: widget keys, rows, callbacks ---------------------------------------------


def k(name: str, rid: int) -> str:
    return f"sv.{name}.{rid}"


def published_rate(unit: ClassificationUnit | None, year: int | None) -> str:
    record = unit.rate_for(year) if unit and year else None
    return str(record.base_rate) if record else ""


def fill_row(rid: int, row: inc.SharedRow) -> None:
    """Seed one row's widgets: a known CU fills its year and base rate unless the row says otherwise."""
    unit = UNITS.get(row.cu)
    years = inc.rate_years(unit)
    year = int(row.year) if row.year.isdigit() and int(row.year) in years else (years[0] if years else None)
    rate = row.rate or published_rate(unit, year)
    st.session_state[k("cu", rid)] = row.cu if unit else CUSTOM
    st.session_state[k("year", rid)] = year
    st.session_state[k("pay", rid)] = row.payroll
    st.session_state[k("rate", rid)] = rate
    st.session_state[k("filled", rid)] = published_rate(unit, year)
    if row.cu and not unit:
        st.session_state.setdefault("sv.notices", []).append(
            f"CU {row.cu} is not in COR Ready's list, so that row uses a custom base rate."
        )


def add_row(row: inc.SharedRow | None = None) -> None:
    rid = st.session_state.get("sv.next_row", 0)
    st.session_state["sv.next_row"] = rid + 1
    fill_row(rid, row or inc.SharedRow())
    st.session_state["sv.rows"] = [*st.session_state.get("sv.rows", []), rid]


def remove_row(rid: int) -> None:
    st.session_state["sv.rows"] = [r for r in st.session_state["sv.rows"] if r != rid]
    for name in ("cu", "year", "pay", "rate", "filled"):
        st.session_state.pop(k(name, rid), None)


def on_cu_change(rid: int) -> None:
    """Picking a CU fills its newest published rate; a rate the user typed survives a switch to
    "Custom base rate" or to a CU that has no published rate."""
    unit = UNITS.get(st.session_state[k("cu", rid)])
    years = inc.rate_years(unit)
    typed = st.session_state.get(k("rate", rid), "") != st.session_state.get(k("filled", rid), "")
    st.session_state[k("year", rid)] = years[0] if years else None
    if years or not typed:
        st.session_state[k("rate", rid)] = published_rate(unit, years[0] if years else None)
    st.session_state[k("filled", rid)] = published_rate(unit, years[0] if years else None)


def on_year_change(rid: int) -> None:
    unit = UNITS.get(st.session_state[k("cu", rid)])
    rate = published_rate(unit, st.session_state[k("year", rid)])
    st.session_state[k("rate", rid)] = rate
    st.session_state[k("filled", rid)] = rate


def cu_label(code: str) -> str:
    return "Custom base rate (type it in)" if code == CUSTOM else f"{code} {UNITS[code].name}"


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


# --- first run: a shared link, or a CU carried from the partner guide --------------------------

if "sv.rows" not in st.session_state:
    params = st.query_params.to_dict()
    shared = inc.from_query(params) if inc.is_shared_link(params) else inc.SharedInputs()
    for row in shared.rows:
        add_row(row)
    if inc.is_shared_link(params):
        st.session_state["sv.jurisdiction"] = shared.jurisdiction
    st.session_state["sv.audit"] = shared.audit_cost
    st.session_state["sv.maint"] = shared.maintenance_cost
    first = int(shared.first_audit_year) if shared.first_audit_year.isdigit() else THIS_YEAR
    st.session_state["sv.first"] = first if first in FIRST_YEARS else THIS_YEAR
    st.session_state["sv.prem"] = shared.total_premium
    versions = range(len(bc.small_employer_minimum))
    st.session_state["sv.min"] = (
        int(shared.minimum) if shared.minimum.isdigit() and int(shared.minimum) in versions else 0
    )
    st.session_state["sv.abprem"] = shared.industry_premium
    st.session_state["sv.secor"] = shared.secor
    if inc.is_shared_link(params):  # the link decides row 1; a CU from the partner guide does not override it
        st.session_state["sv.carried"] = params.get("cu") or st.session_state.get("cu_code")

carried = st.query_params.get("cu") or st.session_state.get("cu_code")
if carried and carried != st.session_state.get("sv.carried"):
    st.session_state["sv.carried"] = carried
    first_row = st.session_state["sv.rows"][0]
    if carried in UNITS:
        fill_row(first_row, inc.SharedRow(cu=carried, payroll=st.session_state.get(k("pay", first_row), "")))
    else:
        st.session_state.setdefault("sv.notices", []).append(
            f"COR Ready has no base rate for CU {carried}: enter the one on your WorkSafeBC account "
            "as a custom base rate."
        )

# --- the page -----------------------------------------------------------------------------------

st.title("What would COR save you?")
st.write(
    "An estimate of the COR incentive for your own classification units (CUs), with the "
    "calculation written out so you can check it. It is an estimate, not a promise: WorkSafeBC "
    "or Alberta's PIR program decides the amount."
)
for notice in st.session_state.pop("sv.notices", []):
    st.warning(notice, icon=":material/info:")
jurisdiction = jurisdiction_picker("sv.jurisdiction")

lines: list[inc.LineInput] = []
pending = 0  # CU rows not in the total: not filled in yet, or wrong
wrong = 0  # of those, rows with a message at a field
est: inc.Estimate | None = None
pir: inc.PIREstimate | None = None

if jurisdiction == "BC":
    st.subheader("Your classification units")
    st.write(
        "For each CU, enter the assessable payroll you report to WorkSafeBC and the CU's base rate: "
        "dollars per $100 of payroll, before any experience-rating discount or surcharge. Pick the "
        "CU from the list to fill in the rate COR Ready knows, or type your own."
    )
    rows: list[int] = st.session_state["sv.rows"]
    many = len(rows) > 1
    for pos, rid in enumerate(rows):
        suffix = f", CU {pos + 1}" if many else ""
        code = st.session_state.get(k("cu", rid), CUSTOM)
        unit = UNITS.get(code)
        years = inc.rate_years(unit)
        if st.session_state.get(k("year", rid)) not in years:
            st.session_state[k("year", rid)] = years[0] if years else None
        with st.container(border=True):
            if many:
                head = st.container(
                    horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"
                )
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
            pick, when, pay_col, rate_col = st.columns([3, 1.2, 2, 1.6])
            with pick:
                code = st.selectbox(
                    f"Classification unit{suffix}",
                    [CUSTOM, *UNITS],
                    format_func=cu_label,
                    key=k("cu", rid),
                    on_change=on_cu_change,
                    args=(rid,),
                    help="Type a CU code or part of its name to search.",
                    persist_state=KEEP,
                )
            unit = UNITS.get(code)
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
                pay_text = st.text_input(
                    f"Assessable payroll{suffix}",
                    key=k("pay", rid),
                    placeholder="e.g. 11000000",
                    max_chars=30,
                    persist_state=KEEP,
                )
                pay_text = pay_text or ""
                started = bool(pay_text.strip() or (st.session_state.get(k("rate", rid)) or "").strip())
                pay_msg = inc.check(inc.parse_payroll, pay_text, "Assessable payroll") if started else None
                field_message(pay_msg, pay_text)
            with rate_col:
                rate_text = st.text_input(
                    f"Base rate{suffix}",
                    key=k("rate", rid),
                    placeholder="e.g. 4.54",
                    max_chars=30,
                    persist_state=KEEP,
                )
                rate_text = rate_text or ""
                rate_msg = inc.check(inc.parse_base_rate, rate_text, "Base rate") if started else None
                field_message(rate_msg, rate_text)
            record = unit.rate_for(year) if unit and year else None
            typed_rate = None if rate_msg or not rate_text.strip() else inc.parse_base_rate(rate_text)
            if record and typed_rate == record.base_rate:
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
                    "Custom base rate: use your CU's base rate from your WorkSafeBC account, "
                    "before any experience rating."
                )
            if not started:
                st.caption("Enter the assessable payroll and the base rate to see this CU's incentive.")
                pending += 1
            elif pay_msg or rate_msg:
                pending += 1
                wrong += 1
            else:
                line = inc.LineInput(
                    label=cu_label(code) if unit else f"CU {pos + 1} (custom base rate)",
                    payroll=pay_text,
                    base_rate=rate_text,
                    cu_code=code if unit else "",
                    cu_name=unit.name if unit else "",
                    rate_year=year if record and typed_rate == record.base_rate else None,
                    rate_source=str(record.source_url)
                    if record and typed_rate == record.base_rate
                    else "Base rate entered by the user",
                )
                lines.append(line)
                if many:  # with one CU, the estimate below is this CU's figure
                    amount = inc.annual_incentive(pay_text, rate_text, bc.rate_pct)
                    st.metric(f"Annual incentive{suffix}", inc.money(amount))
                st.code(inc.formula(pay_text, rate_text, bc.rate_pct), language=None, wrap_lines=True)
    st.button(
        "Add another CU",
        key="sv.add",
        on_click=add_row,
        icon=":material/add:",
        disabled=len(rows) >= inc.MAX_ROWS,
        help="An employer with several classification units earns the incentive on each certified CU.",
    )

    st.subheader("Your estimate")
    est = inc.estimate(lines) if lines else None
    if est:
        left, right = st.columns(2)
        left.metric(
            "Total annual incentive" if many else "Annual incentive",
            inc.money(est.annual_total),
        )
        right.metric(f"Over a {YEARS}-year COR cycle", inc.money(est.cycle_total))
        if many:
            st.code(
                "Total: " + inc.sum_formula([line.annual for line in est.lines]),
                language=None,
                wrap_lines=True,
            )
        st.code(f"Cycle: {inc.cycle_formula(est.annual_total, YEARS)}", language=None, wrap_lines=True)
        if pending:
            st.warning(
                f"{pending} of {len(rows)} CUs are not in the total yet: complete or fix the fields marked above.",
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
            if wrong
            else "Enter an assessable payroll and a base rate above to see your estimate.",
            icon=":material/info:",
        )
    st.markdown(f"**When it is paid.** {bc.timing}")
    share = st.container()
    amounts = [est.annual_total] * YEARS if est else []
else:
    st.subheader("Your Alberta PIR refund")
    st.write(ab.basis)
    premium_text = (
        st.text_input(
            "Industry-rate premium",
            key="sv.abprem",
            placeholder="e.g. 250000",
            max_chars=30,
            help="Your yearly WCB-Alberta premium calculated at your industry's rate, not your own experience-rated rate.",
            persist_state=KEEP,
            width=420,
        )
        or ""
    )
    premium_msg = (
        inc.check(inc.parse_amount, premium_text, "Industry-rate premium") if premium_text.strip() else None
    )
    field_message(premium_msg, premium_text)
    secor = st.toggle("SECOR holder (10 or fewer workers)", key="sv.secor", persist_state=KEEP)
    if premium_text.strip() and not premium_msg:
        pir = inc.pir_estimate(premium_text, secor)
        first_year, *later = pir.years
        cols = st.columns(3)
        cols[0].metric(
            "SECOR refund, year 1" if secor else "Refund, first COR year", inc.money(first_year.refund)
        )
        cols[1].metric(
            f"Each maintenance year (years 2 to {YEARS})" if not secor else f"Years 2 to {YEARS}, each",
            inc.money(later[0].refund) if later else "-",
        )
        cols[2].metric(f"Over {YEARS} years", inc.money(pir.cycle_total))
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
    share = st.container()
    amounts = [y.refund for y in pir.years] if pir else []

# --- the cycle: cumulative savings against what the audits cost -------------------------------

st.subheader("Savings over the cycle")
cost_col, maint_col, year_col = st.columns(3)
with cost_col:
    audit_text = (
        st.text_input(
            "Cost of the audit",
            key="sv.audit",
            placeholder="optional, e.g. 8000",
            max_chars=30,
            help="What the certification audit costs you in year 1: auditor fees and staff time.",
            persist_state=KEEP,
        )
        or ""
    )
    audit_cost = amount_or_none(audit_text, "Cost of the audit")
with maint_col:
    maint_text = (
        st.text_input(
            "Cost of each maintenance audit",
            key="sv.maint",
            placeholder="optional",
            max_chars=30,
            help=f"What each maintenance audit (years 2 to {YEARS}) costs you.",
            persist_state=KEEP,
        )
        or ""
    )
    maint_cost = amount_or_none(maint_text, "Cost of each maintenance audit")
with year_col:
    first_audit_year = st.selectbox(
        "Year of the certification audit", FIRST_YEARS, key="sv.first", persist_state=KEEP
    )
if amounts:
    costs = [audit_cost or Decimal(0)] + [maint_cost or Decimal(0)] * (len(amounts) - 1)
    cycle_rows = inc.cumulative(amounts, costs, first_audit_year)
    st.altair_chart(cumulative_chart(cycle_rows, title=""), alt=describe(cycle_rows))
    with_costs = audit_cost is not None or maint_cost is not None
    st.table(pd.DataFrame(table_rows(cycle_rows, credited=jurisdiction == "BC")), hide_index=True)
    net = cycle_rows[-1]["net"]
    if with_costs:
        verdict = "more than pays for" if net > 0 else "exactly covers" if net == 0 else "does not cover"  # type: ignore[operator]
        what = "incentive" if jurisdiction == "BC" else "refund"
        st.markdown(
            f"Over the cycle, the {what} **{verdict}** the audit costs you entered: net {inc.money(net)}."  # type: ignore[arg-type]
        )
    st.caption(
        "The table holds the same figures as the chart. "
        + (
            f"The incentive is the same each year ({inc.money(amounts[0])}) and is credited the year after "
            "its audit; audit costs are paid in the audit year."
            if jurisdiction == "BC"
            else "Assumes the same industry-rate premium each year."
        )
    )
else:
    st.caption("The chart appears once there is an estimate above.")

# --- the rules behind the number (BC) --------------------------------------------------------

minimum_extra: list[tuple[str, Decimal | None, str, str]] = []
if jurisdiction == "BC":
    st.subheader("Conditions that void the incentive")
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

    st.subheader("Small-employer minimum")
    st.warning(bc.minimum_conflict_note, icon=":material/balance:")
    for version in bc.small_employer_minimum:
        st.markdown(
            f"**{version.label}**, stated {version.effective}: {version.wording} "
            f"[Source]({version.source_url})"
        )
        if version.source_note:
            st.caption(version.source_note)
    premium_col, version_col = st.columns([1, 2])
    with premium_col:
        prem_text = (
            st.text_input(
                "Total premium",
                key="sv.prem",
                placeholder="optional, to try the minimum",
                max_chars=30,
                help="Your total WorkSafeBC assessment for the year, after experience rating.",
                persist_state=KEEP,
            )
            or ""
        )
        total_premium = amount_or_none(prem_text, "Total premium", inc.parse_premium)
    with version_col:
        chosen = st.radio(
            "Version to assume",
            list(range(len(bc.small_employer_minimum))),
            format_func=lambda i: bc.small_employer_minimum[i].label,
            key="sv.min",
            horizontal=True,
            persist_state=KEEP,
        )
    version = bc.small_employer_minimum[chosen or 0]
    if total_premium is not None and est:
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
        minimum_extra.append(
            (
                f"Assumption: small-employer minimum ({version.label})",
                with_minimum,
                explained,
                str(version.source_url),
            )
        )
    elif total_premium is not None:
        st.caption("Enter a payroll and base rate above to try the minimum.")

# --- share: the link and the CSV (shown under the estimate, filled now that all inputs are read) ---

shared_now = inc.SharedInputs(
    jurisdiction=jurisdiction,  # type: ignore[arg-type]
    rows=tuple(
        inc.SharedRow(
            cu="" if st.session_state.get(k("cu", rid), CUSTOM) == CUSTOM else st.session_state[k("cu", rid)],
            year=str(st.session_state.get(k("year", rid)) or ""),
            payroll=st.session_state.get(k("pay", rid)) or "",
            rate=st.session_state.get(k("rate", rid)) or "",
        )
        for rid in st.session_state["sv.rows"]
    ),
    audit_cost=audit_text,
    maintenance_cost=maint_text,
    first_audit_year=str(first_audit_year),
    total_premium=st.session_state.get("sv.prem") or "",
    minimum=str(st.session_state.get("sv.min") or ""),  # 0, the newer version, is the default
    industry_premium=st.session_state.get("sv.abprem") or "",
    secor=bool(st.session_state.get("sv.secor")),
)
query = inc.to_query(shared_now)
if st.query_params.to_dict() != query:
    st.query_params.from_dict(query)
with share:
    st.markdown("**Link to this estimate**")
    base = (st.context.url or "/savings").split("?")[0]
    st.code(f"{base}?{urlencode(query)}", language=None, wrap_lines=True)
    cost_rows = [
        (label, amount, "", "Entered by the user")
        for label, amount in (
            ("Cost of the audit", audit_cost),
            ("Cost of each maintenance audit", maint_cost),
        )
        if amount is not None
    ]
    exported = est if jurisdiction == "BC" else pir
    if exported is not None:
        st.download_button(
            "Download the estimate (CSV)",
            data=to_csv(exported, extra=[*minimum_extra, *cost_rows]),
            file_name="cor-savings-estimate.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
        )
