"""The Savings page's state and its CU rows: seeding from a link, the rows' callbacks, the rows
themselves and the BC estimate. The other sections are in ui/savings/sections.py.

What lives here is what must happen at precise moments of Streamlit's run cycle (seeding the CU
rows' widget keys on the first run, from a shared link or a CU carried from the partner guide; the
add/remove/pick callbacks) and the rendering of each section. Rules stay in cor/: every amount,
total, formula, parse and check is a call into cor.incentives, and which rate may be filled in is
cor.rates.

Anything from a link or a file is shown as plain text (``plain`` in Markdown, or a text field).
Widget keys ("sv.*"), labels and query-parameter names are a contract with the tests and with
links already shared: do not rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

import streamlit as st

from cor import incentives, rates
from cor.models import ClassificationUnit
from ui.state import content, local_today, plain

CUSTOM = "custom"  # the CU choice "Custom base rate (type it in)"
KEEP: Final = "session"  # widgets keep their values across page switches (persist_state)
ROW_FIELDS = ("cu", "year", "pay", "rate", "filled")  # "filled": the rate the app last filled in

#: One extra line of the CSV: (label, amount, formula, source).
ExtraRow = tuple[str, Decimal | None, str, str]


def key(name: str, row_id: int) -> str:
    """The widget key of field ``name`` in CU row ``row_id`` (row ids never repeat in a session)."""
    return f"sv.{name}.{row_id}"


def units() -> dict[str, ClassificationUnit]:
    """The CUs the picker offers, by code: COR Ready's, or with a rate list loaded this session."""
    loaded: dict[str, ClassificationUnit] | None = st.session_state.get("sv.units")
    return loaded if loaded is not None else rates.bc_units(content().units)


def years_back() -> int:
    return content().incentives.bc.rate_fill_years_back


def this_year() -> int:
    return local_today().year


def fillable_years(unit: ClassificationUnit | None) -> list[int]:
    return rates.fillable_years(unit, this_year(), years_back())


def fill_rate(unit: ClassificationUnit | None, year: int | None) -> str:
    """The rate to put in the field for ``year``: "" unless it is recent enough to use."""
    return rates.fill_rate(unit, year, this_year(), years_back())


def cu_labels(known: dict[str, ClassificationUnit]) -> dict[str, str]:
    """The picker's label of each choice, built once per run (not once per option and rerun)."""
    return {
        CUSTOM: "Custom base rate (type it in)",
        **{code: f"{code} {unit.name}" for code, unit in known.items()},
    }


def notice(text: str) -> None:
    """A message for the top of the page on this run (set before the page is drawn)."""
    st.session_state.setdefault("sv.notices", []).append(text)


def show_notices() -> None:
    """The notices of this run, as plain text: they may quote what a link carried."""
    for text in st.session_state.pop("sv.notices", []):
        st.warning(plain(text), icon=":material/info:")


# --- the CU rows: seeding and callbacks -------------------------------------------------------


def fill_row(row_id: int, row: incentives.SharedRow) -> None:
    """Seed one row's widgets: a known CU fills its year and a current base rate unless the row
    says otherwise; an old rate is never filled in."""
    unit = units().get(row.cu)
    years = fillable_years(unit)
    year = incentives.choice_from_link(row.year, years, years[0] if years else None)
    st.session_state[key("cu", row_id)] = row.cu if unit else CUSTOM
    st.session_state[key("year", row_id)] = year
    st.session_state[key("pay", row_id)] = row.payroll
    st.session_state[key("rate", row_id)] = row.rate or fill_rate(unit, year)
    st.session_state[key("filled", row_id)] = fill_rate(unit, year)
    if row.cu and not unit:
        code = incentives.carried_cu(row.cu)
        notice(
            f"CU {code} is not in COR Ready's list, so that row uses a custom base rate."
            if code
            else "A CU in the link is not a six-digit CU code, so that row uses a custom base rate."
        )


def add_row(row: incentives.SharedRow | None = None) -> None:
    row_id = st.session_state.get("sv.next_row", 0)
    st.session_state["sv.next_row"] = row_id + 1
    fill_row(row_id, row or incentives.SharedRow())
    st.session_state["sv.rows"] = [*st.session_state.get("sv.rows", []), row_id]


def remove_row(row_id: int) -> None:
    st.session_state["sv.rows"] = [r for r in st.session_state["sv.rows"] if r != row_id]
    for name in ROW_FIELDS:
        st.session_state.pop(key(name, row_id), None)


def on_cu_change(row_id: int) -> None:
    """Picking a CU fills its newest current rate; a rate the user typed survives a switch to
    "Custom base rate" or to a CU that has no current rate."""
    unit = units().get(st.session_state[key("cu", row_id)])
    years = fillable_years(unit)
    newest = years[0] if years else None
    typed = st.session_state.get(key("rate", row_id), "") != st.session_state.get(key("filled", row_id), "")
    st.session_state[key("year", row_id)] = newest
    if years or not typed:
        st.session_state[key("rate", row_id)] = fill_rate(unit, newest)
    st.session_state[key("filled", row_id)] = fill_rate(unit, newest)


def on_year_change(row_id: int) -> None:
    unit = units().get(st.session_state[key("cu", row_id)])
    rate = fill_rate(unit, st.session_state[key("year", row_id)])
    st.session_state[key("rate", row_id)] = rate
    st.session_state[key("filled", row_id)] = rate


# --- first run: a shared link, or a CU carried from the partner guide --------------------------


def seed_from_link() -> None:
    """On a session's first visit, fill every input from the link (or leave them empty).

    Runs before any widget exists, so it may set widget keys. Values that make no sense (a year
    outside the list) fall back to the defaults; wrong numbers are kept as typed so the field
    shows them with their message; values too long to be real are left out, with a notice.
    """
    if "sv.rows" in st.session_state:
        return
    params = st.query_params.to_dict()
    is_link = incentives.is_shared_link(params)
    facts = content()  # stops the page with its message when the content cannot load
    default = facts.default_jurisdiction().code
    shared = (
        incentives.from_query(params, facts.jurisdictions_by_code)
        if is_link
        else incentives.SharedInputs(jurisdiction=default)
    )
    for row in shared.rows:
        add_row(row)
    if shared.ignored:
        notice(
            "Some values in the link were too long to be real and were left out: "
            f"{', '.join(shared.ignored)}. Enter them again below."
        )
    if is_link:
        st.session_state["sv.jurisdiction"] = shared.jurisdiction
    st.session_state["sv.audit"] = shared.audit_cost
    st.session_state["sv.maint"] = shared.maintenance_cost
    years = incentives.first_audit_years(this_year())
    st.session_state["sv.first"] = incentives.choice_from_link(shared.first_audit_year, years, this_year())
    st.session_state["sv.prem"] = shared.total_premium
    st.session_state["sv.abprem"] = shared.industry_premium
    st.session_state["sv.secor"] = shared.secor
    if is_link:  # the link decides row 1; a CU from the partner guide does not override it
        st.session_state["sv.carried"] = incentives.carried_cu(params.get("cu")) or st.session_state.get(
            "cu_code"
        )


def apply_carried_cu() -> None:
    """A CU picked in the partner guide (or in a ?cu= link) fills row 1, once per new CU."""
    raw = st.query_params.get("cu")
    carried = incentives.carried_cu(raw) or incentives.carried_cu(st.session_state.get("cu_code"))
    if raw and not incentives.carried_cu(raw) and st.session_state.get("sv.bad_cu") != raw[:80]:
        st.session_state["sv.bad_cu"] = raw[:80]
        notice("The CU in the link is not a six-digit CU code, so it was left out.")
    if not carried or carried == st.session_state.get("sv.carried"):
        return
    st.session_state["sv.carried"] = carried
    first_row = st.session_state["sv.rows"][0]
    if carried in units():
        payroll = st.session_state.get(key("pay", first_row), "")
        fill_row(first_row, incentives.SharedRow(cu=carried, payroll=payroll))
    else:
        notice(
            f"COR Ready has no base rate for CU {carried}: enter the one on your WorkSafeBC account "
            "as a custom base rate."
        )


# --- small widgets ------------------------------------------------------------------------------


def field_message(message: str | None, value: str) -> None:
    """The message for one field, right under it: a warning when empty, an error when wrong."""
    if message:
        (st.warning if not value.strip() else st.error)(message, icon=":material/error:")


def text_field(label: str, field_key: str, placeholder: str) -> str:
    """A short text field kept across page switches; its text ("" when empty)."""
    return (
        st.text_input(label, key=field_key, placeholder=placeholder, max_chars=30, persist_state=KEEP) or ""
    )


# --- BC: the CU rows and the estimate -------------------------------------------------------------


@dataclass
class Rows:
    """What the CU rows add up to: the lines of the estimate and the rows left out of it."""

    count: int
    lines: list[incentives.CUEstimate]
    pending: int = 0  # rows not in the total: not filled in yet, or wrong
    wrong: int = 0  # of those, rows with a message at a field
    incomplete: list[tuple[str, str]] = field(default_factory=list)  # (row, what is missing)

    @property
    def many(self) -> bool:
        return self.count > 1


def cu_rows() -> Rows:
    """Every CU row, each in its own box, then the button that adds one."""
    row_ids: list[int] = st.session_state["sv.rows"]
    result = Rows(count=len(row_ids), lines=[])
    for position, row_id in enumerate(row_ids):
        with st.container(border=True):
            line, check, label = cu_row(row_id, position, result.many)
        if line:
            result.lines.append(line)
        else:
            result.pending += 1
            result.wrong += check.started  # started but not complete: a field has a message
            result.incomplete.append((label, incentives.missing_text(check)))
    st.button(
        "Add another CU",
        key="sv.add",
        on_click=add_row,
        icon=":material/add:",
        disabled=len(row_ids) >= incentives.MAX_ROWS,
        help="An employer with several classification units earns the incentive on each certified CU.",
    )
    return result


def cu_row(
    row_id: int, position: int, many: bool
) -> tuple[incentives.CUEstimate | None, incentives.RowCheck, str]:
    """One CU row: CU, rate year, payroll and base rate, their messages, where the rate comes
    from, and (once complete) the row's incentive written out. Each field is read once."""
    suffix = f", CU {position + 1}" if many else ""
    known = units()
    if st.session_state.get(key("cu", row_id), CUSTOM) not in (CUSTOM, *known):
        st.session_state[key("cu", row_id)] = CUSTOM  # a CU of a rate list no longer in use
    years = fillable_years(known.get(st.session_state.get(key("cu", row_id), CUSTOM)))
    if st.session_state.get(key("year", row_id)) not in years:
        st.session_state[key("year", row_id)] = years[0] if years else None
    if many:
        row_header(row_id, position)
    labels = cu_labels(known)
    pick, when, pay_column, rate_column = st.columns([3, 1.2, 2, 1.6])
    with pick:
        code = st.selectbox(
            f"Classification unit{suffix}",
            list(labels),
            format_func=labels.__getitem__,
            key=key("cu", row_id),
            on_change=on_cu_change,
            args=(row_id,),
            help="Type a CU code or part of its name to search.",
            persist_state=KEEP,
        )
    unit = known.get(code)
    years = fillable_years(unit)
    with when:
        year = rate_year_picker(row_id, years, suffix)
    with pay_column:
        pay_text = text_field(f"Assessable payroll{suffix}", key("pay", row_id), "e.g. 11000000")
    with rate_column:
        rate_text = text_field(f"Base rate{suffix}", key("rate", row_id), "e.g. 4.54")
    check = incentives.check_row(pay_text, rate_text)
    with pay_column:
        field_message(check.payroll, pay_text)
    with rate_column:
        field_message(check.base_rate, rate_text)
        rate_origin(unit, year, check.base_rate_value, rate_text)
    label = labels[code] if unit else f"CU {position + 1} (custom base rate)"
    if not check.started:
        st.caption("Enter the assessable payroll and the base rate to see this CU's incentive.")
    if not check.complete or check.payroll_value is None or check.base_rate_value is None:
        return None, check, label
    pct = content().incentives.bc.rate_pct
    line = incentives.row_estimate(label, check.payroll_value, check.base_rate_value, pct, unit, year)
    if many:  # with one CU, the estimate below is this CU's figure
        st.metric(f"Annual incentive{suffix}", incentives.money(line.annual))
    st.code(line.formula, language=None, wrap_lines=True)
    return line, check, label


def rate_year_picker(row_id: int, years: list[int], suffix: str) -> int | None:
    if not years:
        return None
    year: int | None = st.selectbox(
        f"Rate year{suffix}",
        years,
        key=key("year", row_id),
        on_change=on_year_change,
        args=(row_id,),
        persist_state=KEEP,
    )
    return year


def row_header(row_id: int, position: int) -> None:
    head = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center")
    head.markdown(f"**CU {position + 1}**")
    head.button(
        "Remove",
        key=f"sv.remove.{row_id}",
        on_click=remove_row,
        args=(row_id,),
        icon=":material/close:",
        type="tertiary",
        help=f"Remove CU {position + 1} from the estimate",
    )


def rate_origin(
    unit: ClassificationUnit | None, year: int | None, rate: Decimal | None, rate_text: str
) -> None:
    """Beside the rate field: the year and stage of a filled-in rate (``rate``, the field already
    read), the one COR Ready has when the user typed another, or (no current rate) the last one
    known as history and where to look."""
    record = unit.rate_for(year) if unit and year else None
    if record and incentives.same_rate(rate, record):
        st.caption(f"{rates.rate_label(record)}.")
    elif record:
        st.caption(f"Your own rate. COR Ready's {rates.rate_label(record)}: ${record.base_rate}.")
    else:
        stale = rates.stale_rate(unit, this_year(), years_back())
        if stale and rate_text.strip():
            st.caption(f"Your own rate. {rates.history_text(stale)}")
        elif stale:
            st.caption(f"{rates.history_text(stale)} Too old to use: enter your current base rate.")
        rate_guide()


def rate_guide() -> None:
    with st.popover("Find your rate", icon=":material/help:", width="stretch"):
        st.write(content().incentives.bc.rate_guide)


def bc_estimate(rows: Rows) -> incentives.Estimate | None:
    """The total (and its value over a cycle) of the complete rows, written out, with when it is paid."""
    bc, years = content().incentives.bc, content().cycle.certificate_years
    estimate = incentives.total_estimate(rows.lines, bc, years) if rows.lines else None
    if estimate:
        left, right = st.columns(2)
        left.metric(
            "Total annual incentive" if rows.many else "Annual incentive",
            incentives.money(estimate.annual_total),
        )
        right.metric(f"Over a {years}-year COR cycle", incentives.money(estimate.cycle_total))
        if rows.many:
            total = incentives.sum_formula([line.annual for line in estimate.lines])
            st.code(f"Total: {total}", language=None, wrap_lines=True)
        st.code(
            f"Cycle: {incentives.cycle_formula(estimate.annual_total, years)}", language=None, wrap_lines=True
        )
        if rows.pending:
            st.warning(
                f"{rows.pending} of {rows.count} CUs are not in the total yet: complete or fix the fields marked above.",
                icon=":material/warning:",
            )
        st.caption(f"{bc.basis} The cycle value assumes the same payroll and base rate each year.")
    else:
        st.info(
            "Fix the fields marked above to see your estimate."
            if rows.wrong
            else "Enter an assessable payroll and a base rate above to see your estimate.",
            icon=":material/info:",
        )
    st.markdown(f"**When it is paid.** {bc.timing}")
    return estimate
