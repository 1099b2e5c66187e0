"""The Results and Action plan views of the Readiness page.

Three kinds of "points" meet here, each worded so a reader can tell them apart: *question points*
(what a question is worth and what an action recovers), *percentage points* (a gap to the floor or
the bar) and the *projected gain* of finishing actions (in percentage points of the overall score).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import streamlit as st

from cor.actions import Action, action_plan, actions_to_pass, projected
from cor.assessment import OWNER_MAX_CHARS, target_warning
from cor.formatting import count, pct_change, show_pct
from cor.scoring import Verdict, explain
from ui.readiness.run import ReadinessRun
from ui.readiness.state import page_state
from ui.state import local_today

EDITABLE = ("Owner", "Target date")
#: Plan table column widths in pixels, sized for reading: the action gets the room
#: (the element name is a label, not a paragraph); the long "why" and "evidence" texts follow
#: and scroll sideways. Rows are tall enough for an action's text to wrap over three lines.
PLAN_WIDTHS = {
    "#": 40,
    "Action": 380,
    "Owner": 130,
    "Target date": 110,
    "Element": 150,
    "Question points": 115,
    "Blocking": 80,
    "Why it matters": 360,
    "Evidence to produce": 360,
}
PLAN_ROW_HEIGHT = 72
LIST_LAYOUT = "rd.plan_as_list"


def verdict_box(run: ReadinessRun, result: Verdict, *, projection: bool = False) -> None:
    """The verdict in words. A quick check's headline itself says it is indicative, and a pass
    there is not drawn as the big green box of a full assessment's pass."""
    text = explain(result, run.card.names())
    if run.quick:
        text = f"Indicative only (quick check of {run.card.total} questions). {text}"
        if result.passed:
            st.info(text, icon=":material/check_circle:")
        else:
            st.warning(text, icon=":material/trending_up:" if projection else ":material/cancel:")
    elif result.passed:
        st.success(text, icon=":material/check_circle:")
    elif projection:
        st.warning(text, icon=":material/trending_up:")
    else:
        st.error(text, icon=":material/cancel:")


def _caveats(run: ReadinessRun) -> None:
    card, rule = run.card, run.rule
    if run.quick:
        full = len(run.bank.question_set(run.program.question_set))
        st.caption(
            f"Quick check: {card.total} of the {full} questions of your program, so the result is indicative only."
        )
    if card.answered < card.total:
        st.caption(
            f"Provisional: {card.answered} of {card.total} questions answered. "
            "Unanswered questions are not counted yet."
        )
    st.caption(
        f"Pass rule ({run.jurisdiction.name}): at least {rule.overall_min_pct:.0f}% overall and "
        f'{rule.element_min_pct:.0f}% on every element. A "Not applicable" answer leaves the question '
        "out of the score; an element answered only with it is not scored."
    )


def results_view(run: ReadinessRun) -> None:
    """The verdict in words, the chart with its thresholds, and the same facts as a table."""
    result = run.verdict
    if result is None:
        st.info("Answer at least one applicable question to see a result.")
        return
    columns = st.columns(3)
    columns[0].metric("Overall score", show_pct(result.overall_pct))
    columns[1].metric("Questions answered", f"{run.card.answered} of {run.card.total}")
    columns[2].metric("Elements below the floor", len(result.blocking_elements))
    verdict_box(run, result)
    _caveats(run)
    from cor.charts.readiness import element_table

    names = run.card.names()
    spec = _element_chart_spec(result.model_dump_json(), tuple(names.items()), tuple(run.charted.items()))
    st.vega_lite_chart(spec, width="stretch")
    st.table(element_table(result, names, run.unscored), hide_index=True)
    _audit_day(run)
    _reports(run)


def _reports(run: ReadinessRun) -> None:
    """The PDF report and the plan's spreadsheets, here as well as under "Save": where people
    look for them once they have a result."""
    from ui.readiness.reports import report_buttons

    st.markdown("**Take your report with you**")
    report_buttons(run, local_today())


@st.cache_data(max_entries=512, show_spinner=False)
def _element_chart_spec(
    verdict_json: str, names: tuple[tuple[str, str], ...], charted: tuple[tuple[str, str], ...]
) -> dict[str, Any]:
    """The element chart's Vega-Lite spec, built once per verdict: a rerun that changes nothing
    the chart shows (a note, the workers field, another view and back) reuses it instead of
    building the Altair chart and its dictionary again, most of a Results rerun's cost."""
    from cor.charts.readiness import element_spec  # a plain dict: no Altair objects, no validation

    verdict = Verdict.model_validate_json(verdict_json)
    return element_spec(verdict, dict(names), dict(charted))


#: Session key of the audit-day rows the PDF report includes (kept current by :func:`audit_day_rows`).
AUDIT_DAY_ROWS = "rd.audit_day_rows"
AUDIT_DAY_KEY = "rd.audit_day"


def _partner_id(run: ReadinessRun) -> str | None:
    """The certifying partner of the industry (CU) chosen on the page, if it names one."""
    from cor.partners import find

    code = st.session_state.get("cu_code")
    matches = find(code, run.content) if code else []
    return next((match.partner_id for match in matches if match.partner_id), None)


def _audit_day(run: ReadinessRun) -> None:
    """Interviews and site visits to expect, from the partner's sampling table when we have one."""
    from cor.audit_day import rows
    from ui.readiness.audit_day import audit_day_section

    with st.container(border=True):
        plan = audit_day_section(
            run.content,
            page_state().workers,
            partner_id=_partner_id(run),
            question_ids=[question.id for question in run.questions],
            key=AUDIT_DAY_KEY,
        )
    st.session_state[AUDIT_DAY_ROWS] = rows(plan) if plan else []


def audit_day_rows(run: ReadinessRun) -> list[tuple[str, str]]:
    """The audit-day rows for the report, from the counts entered on Results (kept for the session)
    and the workers and industry on the page now: a count or CU changed on another view after the
    Results were seen must not leave the report with the old figures."""
    from cor.audit_day import prepare, rows

    workers = page_state().workers or st.session_state.get(f"{AUDIT_DAY_KEY}.workers")
    sites = st.session_state.get(f"{AUDIT_DAY_KEY}.sites")
    found: list[tuple[str, str]] = []
    if workers and sites:
        try:
            plan = prepare(
                run.content, int(workers), int(sites), _partner_id(run), [q.id for q in run.questions]
            )
        except ValueError:  # out of range: the Results view says why at the field
            plan = None
        found = rows(plan) if plan else []
    st.session_state[AUDIT_DAY_ROWS] = found
    return found


def current_plan(run: ReadinessRun, today: date) -> list[Action]:
    return action_plan(
        run.bank,
        run.questions,
        st.session_state["answers"],
        run.rule,
        today=today,
        edits=st.session_state["plan_edits"],
    )


def question_points(action: Action) -> str:
    """ "7.5 question points": what an action recovers, worded apart from percentage points."""
    value = action.points_recoverable.normalize()
    return f"{value:f} question point" + ("" if value == 1 else "s")


def _owner_value(values: dict[str, Any], default_owner: str) -> str | None:
    owner = str(values.get("Owner") or "").strip()[:OWNER_MAX_CHARS]
    return owner if owner and owner != default_owner else None


def _target_value(target: Any) -> str | None:
    if isinstance(target, datetime):
        target = target.date()
    return target.isoformat() if isinstance(target, date) else None


def _keep_edit(question_id: str, owner: str | None, target: str | None, changed: set[str]) -> None:
    """One action's owner and target kept in plain state, keyed by question id."""
    edits: dict[str, dict[str, str]] = st.session_state["plan_edits"]
    edit = dict(edits.get(question_id, {}))
    for name, value in (("owner", owner), ("target", target)):
        if name not in changed:
            continue
        if value:
            edit[name] = value
        else:
            edit.pop(name, None)
    if edit:
        edits[question_id] = edit
    else:
        edits.pop(question_id, None)


def _write_table_edits(run: ReadinessRun, plan: list[Action], table: list[dict[str, Any]]) -> None:
    """``edited_rows`` says which rows the user touched; ``table`` has their values parsed."""
    touched = st.session_state.get("rd.plan_editor", {}).get("edited_rows", {})
    by_id = {q.id: q for q in run.questions}
    for row, change in touched.items():
        action, values = plan[int(row)], table[int(row)]
        changed = {"owner"} if "Owner" in change else set()
        changed |= {"target"} if "Target date" in change else set()
        owner = _owner_value(values, by_id[action.question_id].owner)
        _keep_edit(action.question_id, owner, _target_value(values.get("Target date")), changed)


def _plan_table(run: ReadinessRun, plan: list[Action]) -> None:
    rows = [
        {
            "#": action.rank,
            "Action": action.action,
            "Owner": action.owner,
            "Target date": action.target,
            "Element": action.element_name,
            "Question points": float(action.points_recoverable),
            "Blocking": action.blocking,
            "Why it matters": action.why,
            "Evidence to produce": action.look_for,
        }
        for action in plan
    ]
    table = st.data_editor(
        rows,
        key="rd.plan_editor",
        hide_index=True,
        width="stretch",
        row_height=PLAN_ROW_HEIGHT,
        disabled=[column for column in rows[0] if column not in EDITABLE],
        column_config={
            "#": st.column_config.NumberColumn(width=PLAN_WIDTHS["#"], pinned=True),
            "Action": st.column_config.TextColumn(width=PLAN_WIDTHS["Action"]),
            "Owner": st.column_config.TextColumn(
                width=PLAN_WIDTHS["Owner"], max_chars=OWNER_MAX_CHARS, help="Yours to change"
            ),
            "Target date": st.column_config.DateColumn(
                width=PLAN_WIDTHS["Target date"], format="YYYY-MM-DD", help="Yours to change"
            ),
            "Element": st.column_config.TextColumn(width=PLAN_WIDTHS["Element"]),
            "Question points": st.column_config.NumberColumn(
                width=PLAN_WIDTHS["Question points"],
                help="Question points recovered when the action is fully met",
                format="%.1f",
            ),
            "Blocking": st.column_config.CheckboxColumn(
                width=PLAN_WIDTHS["Blocking"], help="In an element below the floor: do these first"
            ),
            "Why it matters": st.column_config.TextColumn(width=PLAN_WIDTHS["Why it matters"]),
            "Evidence to produce": st.column_config.TextColumn(width=PLAN_WIDTHS["Evidence to produce"]),
        },
    )
    _write_table_edits(run, plan, table)


def _plan_list(run: ReadinessRun, plan: list[Action]) -> None:
    """The plan stacked, one action per card, for a phone: owner and date right under the action."""
    by_id = {q.id: q for q in run.questions}
    for action in plan:
        with st.container(border=True):
            blocks = " Blocks certification: do it first." if action.blocking else ""
            st.markdown(f"**{action.rank}. {action.action}**")
            st.caption(f"{action.element_name}; recovers {question_points(action)}.{blocks}")
            owner_key, target_key = f"rd.owner.{action.question_id}", f"rd.target.{action.question_id}"
            owner = st.text_input("Owner", value=action.owner, key=owner_key, max_chars=OWNER_MAX_CHARS)
            target = st.date_input("Target date", value=action.target, key=target_key, format="YYYY-MM-DD")
            changed = {"owner"} if owner != action.owner else set()
            changed |= {"target"} if target != action.target else set()
            if changed:  # untouched rows keep following the suggested dates
                _keep_edit(
                    action.question_id,
                    _owner_value({"Owner": owner}, by_id[action.question_id].owner),
                    _target_value(target),
                    changed,
                )
            st.caption(f"Why it matters: {action.why} Evidence to produce: {action.look_for}")


def _target_warnings(plan: list[Action], today: date) -> None:
    for action in plan:
        warning = target_warning(action.target, today)
        if warning:
            st.warning(f"Action {action.rank}: {warning}", icon=":material/event_busy:")


def plan_view(run: ReadinessRun) -> None:
    """Every shortfall as an action, blockers first; what finishing the first N would do."""
    result = run.verdict
    if result is None:
        st.info("Answer at least one applicable question to build your action plan.")
        return
    verdict_box(run, result)
    today = local_today()
    plan = current_plan(run, today)
    if not plan:
        st.success("No gaps in the questions answered so far: every answer earns its full question points.")
        _reports(run)
        return
    st.caption(
        "Actions in elements below the floor come first (no overall score makes up for them), "
        "then the largest gains in question points. Owner and target date are yours to change."
    )
    st.markdown("**Start here**")
    for action in plan[:3]:
        blocks = ", in an element that blocks certification" if action.blocking else ""
        st.markdown(
            f"{action.rank}. **{action.action}** ({action.element_name}{blocks}; recovers {question_points(action)})"
        )
        st.caption(f"Why it matters: {action.why} Evidence to produce: {action.look_for}")
    st.markdown("**The whole plan** (Owner and Target date are yours to change)")
    as_list = st.toggle("Show the plan as a list (easier on a phone)", key=LIST_LAYOUT)
    if as_list:
        _plan_list(run, plan)
    else:
        _plan_table(run, plan)
    _target_warnings(current_plan(run, today), today)
    _reports(run)
    _projection(run, result, plan)


def _projection(run: ReadinessRun, result: Verdict, plan: list[Action]) -> None:
    answers = st.session_state["answers"]
    needed = actions_to_pass(run.bank, run.questions, answers, plan, run.rule)
    if result.passed:
        st.caption("You would already pass; these actions widen your margin.")
    elif needed is not None:
        st.markdown(
            f"**Completing the first {count(needed, 'action')} would be enough to pass** "
            "(estimate, if each is fully met)."
        )
    done = st.slider(
        "If you complete the first N actions", 0, len(plan), min(len(plan), needed or 5), key="rd.done"
    )
    after = projected(run.bank, run.questions, answers, plan, done, run.rule)
    st.metric(
        f"Projected overall after {count(done, 'action')}",
        show_pct(after.overall_pct),
        delta=f"{pct_change(result.overall_pct, after.overall_pct)} (projected gain)",
    )
    verdict_box(run, after, projection=True)
