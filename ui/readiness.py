"""The Readiness page's building blocks: its state plumbing and its four views.

The page (app_pages/readiness.py) reads top to bottom and calls these. Two reasons they live in a
module rather than in the page: what must happen at precise moments of Streamlit's run cycle
(seeding widget keys before widgets exist, applying an upload in a callback, saving a draft once
per change) is kept out of the page's way; and a module is compiled once per process, whereas a
page script is re-parsed for Streamlit's "magic" on every run under AppTest, which made a long
page measurably slower to rerun (see bench/README.md).

Rules stay in cor/: nothing here decides a score, a verdict or an action's priority.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import streamlit as st

from cor.actions import Action, action_plan, actions_to_pass, projected
from cor.assessment import NOTE_MAX_CHARS, OWNER_MAX_CHARS, Assessment, PlanEdit
from cor.exports import assessment_file
from cor.exports.assessment_file import AssessmentFileError, load
from cor.models import Content, JurisdictionInfo, PassRule, Program, Question, QuestionBank
from cor.partners import find
from cor.programs import programs_for, recommend
from cor.scoring import Scorecard, Verdict, explain, score, show_pct, verdict
from cor.store import DAYS_ENV, DB_ENV, DraftStore, StoreError, new_token, valid_token
from ui.state import content, jurisdiction_picker, local_today, plain

#: Plain (non-widget) session keys owned by this page.
SETUP = "readiness_setup"  # {"workers", "program_id", "program_auto", "recommended", "quick"}
DRAFT = "readiness_draft"  # {"token", "digest", "note", "disabled", "days"}
UPLOAD = "readiness_upload"  # {"file_id", "error", "skipped", "applied"}

WIDGET_PREFIXES = ("rd.q.", "rd.n.")
UPLOAD_KEY = "rd.upload"


def setup() -> dict[str, Any]:
    """The program choice of this session (survives page switches, unlike widget keys)."""
    return st.session_state.setdefault(
        SETUP,
        {
            "workers": None,
            "program_id": None,
            "program_auto": True,
            "recommended": None,
            # a workshop link (/readiness?quick=1) opens the quick check on everyone's phone
            "quick": st.query_params.get("quick") == "1",
        },
    )


def seed(key: str, value: Any) -> None:
    """Give a widget its remembered value, only when it has none yet (never after it exists)."""
    if key not in st.session_state:
        st.session_state[key] = value


# --- the assessment as one value ---------------------------------------------------------


def current() -> Assessment:
    """What the user has entered so far, from session state."""
    s = setup()
    edits = {
        qid: PlanEdit(owner=e.get("owner") or None, target=e.get("target") or None)
        for qid, e in st.session_state["plan_edits"].items()
    }
    return Assessment(
        jurisdiction=st.session_state["jurisdiction"],
        workers=s["workers"],
        cu_code=st.session_state.get("cu_code"),
        program_id=s["program_id"],
        quick=s["quick"],
        answers={k: v for k, v in st.session_state["answers"].items() if v is not None},
        notes={k: v for k, v in st.session_state["notes"].items() if v},
        plan_edits=edits,
    )


def apply(assessment: Assessment) -> None:
    """Replace what is on screen with ``assessment``. Only call before widgets exist (or in a callback)."""
    ss = st.session_state
    ss["answers"] = dict(assessment.answers)
    ss["notes"] = dict(assessment.notes)
    ss["plan_edits"] = assessment.plan_edits_state()
    if assessment.jurisdiction:
        ss["jurisdiction"] = assessment.jurisdiction
        ss["rd.jurisdiction"] = assessment.jurisdiction
    if assessment.cu_code or "cu_code" in ss:
        ss["cu_code"] = assessment.cu_code
    ss[SETUP] = {
        "workers": assessment.workers,
        "program_id": assessment.program_id,
        "program_auto": assessment.program_id is None,
        "recommended": None,
        "quick": assessment.quick,
    }
    for key in list(ss):
        if isinstance(key, str) and key.startswith(WIDGET_PREFIXES):
            del ss[key]
    for key in ("rd.workers", "rd.program", "rd.quick", "rd.cu", "rd.plan_editor"):
        if key in ss:
            del ss[key]


def _digest(assessment: Assessment) -> str:
    text = json.dumps(assessment.payload(), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the draft store ------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store(path: str, days: str) -> DraftStore:
    return DraftStore()


def draft_store() -> DraftStore:
    """One store per configured path (the environment may differ between test runs)."""
    return _store(os.environ.get(DB_ENV, ""), os.environ.get(DAYS_ENV, ""))


def restore_draft() -> None:
    """On the first readiness run of a session: pick up the draft named in the URL, or start one.

    Runs before any widget of the page exists, so it may set widget keys. A malformed, unknown or
    expired token is ignored with a quiet note; a broken store disables drafts with a note.
    """
    ss = st.session_state
    if DRAFT in ss:
        return
    draft: dict[str, Any] = {"token": None, "digest": None, "note": "", "disabled": False, "days": 0}
    token = st.query_params.get("draft")
    try:
        store = draft_store()
        draft["days"] = store.days
        store.purge()  # once per session: finds an unusable store now, and keeps the file small
        if token is not None:
            data = store.load(token) if valid_token(token) else None
            if data is None:
                draft["note"] = (
                    "The saved draft in this link was not found (it may have expired), "
                    "so this is a fresh start."
                )
            else:
                try:
                    restored = Assessment.model_validate(data)
                except ValueError:
                    draft["note"] = (
                        "The saved draft in this link could not be read, so this is a fresh start."
                    )
                else:
                    if current().empty:
                        apply(restored)
                    draft["token"] = token
    except StoreError as exc:
        draft["disabled"] = True
        draft["note"] = (
            f"Drafts cannot be kept on this server ({exc}). Your answers stay while this tab is open; "
            "download the assessment file to keep them."
        )
    draft["token"] = draft["token"] or new_token()
    draft["digest"] = _digest(current())
    ss[DRAFT] = draft


def draft_caption() -> str:
    """How the draft works, in a sentence, plus any note about the link the user came with."""
    draft = st.session_state[DRAFT]
    if draft["disabled"]:
        return draft["note"]
    days = draft["days"]
    text = (
        f"Your answers are kept as a private draft for {days} days after your last change; "
        "this page's link is the key to it, so bookmark the link to come back."
    )
    return f"{text} {draft['note']}" if draft["note"] else text


def keep_draft_in_url() -> None:
    """Put the draft token in the URL each run (Streamlit clears query params on page switches)."""
    draft = st.session_state[DRAFT]
    if draft["disabled"]:
        return
    if st.query_params.get("draft") != draft["token"]:
        st.query_params["draft"] = draft["token"]


def save_draft() -> None:
    """Save the draft when what the user entered changed since the last save."""
    draft = st.session_state[DRAFT]
    if draft["disabled"]:
        return
    assessment = current()
    digest = _digest(assessment)
    if digest == draft["digest"]:
        return
    try:
        draft_store().save(draft["token"], assessment.payload())
    except StoreError as exc:
        draft["disabled"] = True
        draft["note"] = (
            f"Drafts cannot be kept on this server ({exc}). Your answers stay while this tab is open; "
            "download the assessment file to keep them."
        )
        return
    draft["digest"] = digest


def forget_draft() -> None:
    """Start over: clear answers, notes and plan edits, and drop the stored draft (callback)."""
    draft = st.session_state.get(DRAFT)
    if draft and not draft["disabled"]:
        with contextlib.suppress(StoreError):
            draft_store().delete(draft["token"])
    apply(Assessment(jurisdiction=st.session_state["jurisdiction"]))
    if draft:
        draft["digest"] = _digest(current())


# --- resuming from an assessment file ------------------------------------------------------


def upload_state() -> dict[str, Any]:
    return st.session_state.setdefault(UPLOAD, {"file_id": None, "error": "", "skipped": (), "applied": ""})


def on_upload() -> None:
    """Callback of the uploader: apply a new file once, or record why it cannot be used.

    On any error nothing already entered changes: the file is fully checked before it is applied.
    """
    state = upload_state()
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        state.update(error="", skipped=(), applied="")
        return
    if uploaded.file_id == state["file_id"]:
        return
    state["file_id"] = uploaded.file_id
    try:
        assessment = load(uploaded.getvalue(), content())
    except AssessmentFileError as exc:
        state.update(error=str(exc), skipped=(), applied="")
        return
    apply(assessment)
    n = len(assessment.answers)
    saved = f" saved {assessment.saved_at:%Y-%m-%d}" if assessment.saved_at else ""
    state.update(
        error="",
        skipped=assessment.skipped,
        applied=f"Resumed the assessment{saved}: {n} answer{'s' if n != 1 else ''} loaded.",
    )


# --- the program choice ---------------------------------------------------------------------


def program_section(c: Content) -> tuple[JurisdictionInfo, Program]:
    """Province, workers, program (recommended, or the user's override), industry, who audits."""
    s = setup()
    st.subheader("Your program", anchor=False)
    where, left, right = st.columns([1, 1, 1.3])
    with where:
        juris = c.jurisdiction(jurisdiction_picker("rd.jurisdiction"))
    programs = {p.id: p for p in programs_for(juris.code, c)}
    counting = " ".join(f"{p.name}: {p.summary}" for p in programs.values())
    seed("rd.workers", s["workers"])
    workers = left.number_input(
        "Workers",
        min_value=1,
        max_value=1_000_000,
        step=1,
        value=None,
        placeholder="How many people work for you?",
        help=f"Count everyone who works for you, the owner too when they work in the business. {counting}",
        key="rd.workers",
    )
    s["workers"] = workers
    recommended = None
    if workers is not None:
        try:
            recommended = recommend(juris.code, int(workers), c)
        except ValueError as exc:
            left.error(str(exc))
    s["recommended"] = recommended.id if recommended else None
    if s["program_auto"] and recommended:
        s["program_id"] = recommended.id
    if s["program_id"] not in programs:
        s["program_id"] = recommended.id if recommended else next(iter(programs))
        s["program_auto"] = True
    st.session_state["rd.program"] = s["program_id"]
    program = programs[
        right.selectbox(
            "Program",
            list(programs),
            format_func=lambda pid: (
                programs[pid].name + (" (recommended)" if pid == s["recommended"] else "")
            ),
            key="rd.program",
            on_change=_program_changed,
            help="Follows your number of workers; choose another if your certifying partner told you to.",
        )
    ]
    if workers is None:
        st.caption("Enter your number of workers to get a recommendation.")
    elif recommended is not None and program.id != recommended.id:
        st.caption(f"You chose this program; for {workers} workers we would suggest {recommended.name}.")
    st.markdown(
        f"**{program.name}** ({juris.name}). {program.summary}\n\n"
        f"- **Certification audit:** {program.certification_auditor}.\n"
        f"- **Maintenance audits:** {program.maintenance_auditor}."
    )
    if juris.code == "BC":
        _industry(c)
    st.caption(f"Worker thresholds: [{program.source_url}]({program.source_url}) ({program.effective}).")
    if juris.iso_equivalency:
        st.info(f"**ISO 45001 / CSA Z45001 route.** {juris.iso_equivalency_note}", icon=":material/route:")
    else:
        st.caption(f"No ISO 45001 / CSA Z45001 route here. {juris.iso_equivalency_note}")
    direction = [n for n in juris.notes if n.status != "background"]  # background belongs in the guide
    if direction:
        with st.expander(f"Where {juris.name}'s program is heading (dated notes)"):
            for n in direction:
                st.markdown(f"**{n.title}** ({n.status}, {n.effective}). {n.text}")
                st.caption(f"Source: [{n.source_url}]({n.source_url}). {n.source_note}")
    return juris, program


def _program_changed() -> None:
    s = setup()
    s["program_id"] = st.session_state["rd.program"]
    s["program_auto"] = s["program_id"] == s["recommended"]


def _industry(c: Content) -> None:
    """Optional CU: it names the certifying partner who runs the audits (shared with other pages)."""
    units = {u.code: u for u in c.units}
    chosen = st.session_state.get("cu_code")
    seed("rd.cu", chosen if chosen in units else None)
    cu = st.selectbox(
        "Industry (classification unit, optional)",
        [None, *units],
        format_func=lambda k: "Not chosen" if k is None else f"{k} {units[k].name}",
        key="rd.cu",
        placeholder="Not chosen",
        filter_mode="contains",  # fuzzy matching offered 732014 Ferry Service for "721"
        help="Your CU decides which certifying partner runs your audits. Find yours in the Partner guide.",
    )
    st.session_state["cu_code"] = cu
    if cu:
        for m in find(cu, c):
            st.markdown(f"**Audits with: {m.partner_name}** ({m.alignment}).")


def quick_toggle() -> bool:
    s = setup()
    seed("rd.quick", s["quick"])
    s["quick"] = st.toggle(
        "Quick check (12 questions, indicative)",
        key="rd.quick",
        help="For workshops: a short, indicative result. Switch off to answer your program's full question set.",
    )
    return s["quick"]


# --- the views ------------------------------------------------------------------------------

EVIDENCE = {"documentation": "documents", "interview": "interviews", "observation": "observation"}


@dataclass(frozen=True)
class Ctx:
    """What every view needs, computed once per run by the page."""

    content: Content
    juris: JurisdictionInfo
    program: Program
    quick: bool
    questions: tuple[Question, ...]
    card: Scorecard
    verdict: Verdict | None

    @property
    def bank(self) -> QuestionBank:
        return self.content.bank

    @property
    def rule(self) -> PassRule:
        return self.juris.pass_rule


def context(c: Content, juris: JurisdictionInfo, program: Program, quick: bool) -> Ctx:
    questions = c.bank.question_set("quick" if quick else program.question_set)
    card = score(c.bank, questions, st.session_state["answers"])
    try:
        v: Verdict | None = verdict(card.points(), juris.pass_rule)
    except ValueError:
        v = None
    return Ctx(c, juris, program, quick, questions, card, v)


def answer_view(ctx: Ctx) -> None:
    """Element by element, with progress, the auditor's view of each question, and notes."""
    answers: dict[str, str] = st.session_state["answers"]
    notes: dict[str, str] = st.session_state["notes"]
    card, bank = ctx.card, ctx.bank
    st.progress(card.answered / card.total, text=f"{card.answered} of {card.total} questions answered")
    by_element = {e.element: e for e in card.elements}
    order = list(by_element)
    numbers = {e.id: e.number for e in bank.elements}
    if st.session_state.get("rd.element") not in by_element:
        st.session_state["rd.element"] = order[0]
    element_id = st.selectbox(
        "Jump to element",
        order,
        format_func=lambda eid: (
            f"{numbers[eid]}. {by_element[eid].name} ({by_element[eid].answered}/{by_element[eid].total} answered)"
        ),
        key="rd.element",
    )
    st.caption(bank.element(element_id).summary)
    for i, q in enumerate((q for q in ctx.questions if q.element == element_id), start=1):
        labels = {o.id: o.label for o in bank.scale(q.scale).options}
        key = f"rd.q.{q.id}"
        seed(key, answers.get(q.id) if answers.get(q.id) in labels else None)
        st.radio(
            f"Q{i}. {q.text}",
            list(labels),
            format_func=labels.__getitem__,
            index=None,
            key=key,
            on_change=_answered,
            args=(q.id,),
        )
        with st.expander("What the auditor looks for, and your notes"):
            st.markdown(f"**Why it is asked.** {q.why}")
            st.markdown(
                f"**Evidence ({', '.join(EVIDENCE[e] for e in q.evidence)}).** {q.look_for}  \n"
                f"Worth {q.points} points."
            )
            nkey = f"rd.n.{q.id}"
            seed(nkey, notes.get(q.id, ""))
            text = st.text_area("Your notes", key=nkey, max_chars=NOTE_MAX_CHARS, height=80)
            if text:
                notes[q.id] = text
            else:
                notes.pop(q.id, None)
    position = order.index(element_id)
    prev_col, next_col = st.columns(2)
    prev_col.button(
        "Previous element", on_click=_go_to, args=(order, position - 1), disabled=position == 0, key="rd.prev"
    )
    next_col.button(
        "Next element",
        on_click=_go_to,
        args=(order, position + 1),
        disabled=position == len(order) - 1,
        key="rd.next",
    )


def _answered(question_id: str) -> None:
    """Radio callback: record the answer before the rerun, so progress and scores drawn above the
    question (and computed before it is rendered) already count it."""
    choice = st.session_state[f"rd.q.{question_id}"]
    if choice is None:
        st.session_state["answers"].pop(question_id, None)
    else:
        st.session_state["answers"][question_id] = choice


def _go_to(order: list[str], position: int) -> None:
    st.session_state["rd.element"] = order[position]


def _verdict_box(ctx: Ctx, v: Verdict, *, projection: bool = False) -> None:
    text = explain(v, ctx.card.names())
    if v.passed:
        st.success(text, icon=":material/check_circle:")
    elif projection:
        st.warning(text, icon=":material/trending_up:")
    else:
        st.error(text, icon=":material/cancel:")


def _caveats(ctx: Ctx) -> None:
    card, rule, juris = ctx.card, ctx.rule, ctx.juris
    if ctx.quick:
        full = len(ctx.bank.question_set(ctx.program.question_set))
        st.caption(
            f"Quick check: {card.total} of the {full} questions of your program, so the result is indicative only."
        )
    if card.answered < card.total:
        st.caption(
            f"Provisional: {card.answered} of {card.total} questions answered. "
            "Unanswered questions are not counted yet."
        )
    st.caption(
        f"Pass rule ({juris.name}): at least {rule.overall_min_pct:.0f}% overall and "
        f"{rule.element_min_pct:.0f}% on every element. Source: [{juris.source_url}]({juris.source_url}) "
        f'({juris.effective}). A "Not applicable" answer leaves the question out of the score.'
    )


def results_view(ctx: Ctx) -> None:
    """The verdict in words, the chart with its thresholds, and the same facts as a table."""
    v = ctx.verdict
    if v is None:
        st.info("Answer at least one applicable question to see a result.")
        return
    cols = st.columns(3)
    cols[0].metric("Overall score", show_pct(v.overall_pct))
    cols[1].metric("Questions answered", f"{ctx.card.answered} of {ctx.card.total}")
    cols[2].metric("Elements below the floor", len(v.blocking_elements))
    _verdict_box(ctx, v)
    _caveats(ctx)
    from cor.charts.readiness import element_chart, element_table  # altair: only when results are shown

    names = ctx.card.names()
    st.altair_chart(element_chart(v, names), width="stretch")
    st.table(element_table(v, names), hide_index=True)


def _plan(ctx: Ctx, today: date) -> list[Action]:
    return action_plan(
        ctx.bank,
        ctx.questions,
        st.session_state["answers"],
        ctx.rule,
        today=today,
        edits=st.session_state["plan_edits"],
    )


EDITABLE = ("Owner", "Target date")


def _points(a: Action) -> str:
    value = a.points_recoverable.normalize()
    return f"{value:f}"


def _write_plan_edits(ctx: Ctx, plan: list[Action], table: list[dict[str, Any]]) -> None:
    """Keep the user's owner and target edits in plain state, keyed by question id.

    ``edited_rows`` says which rows the user touched; ``table`` (what the editor returned) has
    their values already parsed by Streamlit (dates as dates).
    """
    touched = st.session_state.get("rd.plan_editor", {}).get("edited_rows", {})
    edits: dict[str, dict[str, str]] = st.session_state["plan_edits"]
    by_id = {q.id: q for q in ctx.questions}
    for row, change in touched.items():
        action, values = plan[int(row)], table[int(row)]
        edit = dict(edits.get(action.question_id, {}))
        if "Owner" in change:
            owner = str(values.get("Owner") or "").strip()[:OWNER_MAX_CHARS]
            if owner and owner != by_id[action.question_id].owner:
                edit["owner"] = owner
            else:
                edit.pop("owner", None)
        if "Target date" in change:
            target = values.get("Target date")
            if isinstance(target, datetime):
                target = target.date()
            if isinstance(target, date):
                edit["target"] = target.isoformat()
            else:
                edit.pop("target", None)
        if edit:
            edits[action.question_id] = edit
        else:
            edits.pop(action.question_id, None)


def plan_view(ctx: Ctx) -> None:
    """Every shortfall as an action, blockers first; what finishing the first N would do."""
    v = ctx.verdict
    if v is None:
        st.info("Answer at least one applicable question to build your action plan.")
        return
    _verdict_box(ctx, v)
    plan = _plan(ctx, local_today())
    if not plan:
        st.success("No gaps in the questions answered so far: every answer earns its full points.")
        return
    st.caption(
        "Actions in elements below the floor come first (no overall score makes up for them), "
        "then the largest point gains. Owner and target date are yours to change."
    )
    st.markdown("**Start here**")
    for a in plan[:3]:
        blocks = ", in an element that blocks certification" if a.blocking else ""
        st.markdown(f"{a.rank}. **{a.action}** ({a.element_name}{blocks}; recovers {_points(a)} points)")
        st.caption(f"Why it matters: {a.why} Evidence to produce: {a.look_for}")
    rows = [
        {
            "#": a.rank,
            "Action": a.action,
            "Owner": a.owner,
            "Target date": a.target,
            "Element": a.element_name,
            "Points": float(a.points_recoverable),
            "Blocking": a.blocking,
            "Why it matters": a.why,
            "Evidence to produce": a.look_for,
        }
        for a in plan
    ]
    st.markdown("**The whole plan** (edit Owner and Target date in the table)")
    table = st.data_editor(
        rows,
        key="rd.plan_editor",
        hide_index=True,
        width="stretch",
        disabled=[k for k in rows[0] if k not in EDITABLE],
        column_config={
            "#": st.column_config.NumberColumn(width="small", pinned=True),
            "Action": st.column_config.TextColumn(width="large"),
            "Owner": st.column_config.TextColumn(max_chars=OWNER_MAX_CHARS, help="Yours to change"),
            "Target date": st.column_config.DateColumn(format="YYYY-MM-DD", help="Yours to change"),
            "Points": st.column_config.NumberColumn(help="Points recovered when fully met", format="%.1f"),
            "Blocking": st.column_config.CheckboxColumn(help="In an element below the floor: do these first"),
        },
    )
    _write_plan_edits(ctx, plan, table)
    answers = st.session_state["answers"]
    needed = actions_to_pass(ctx.bank, ctx.questions, answers, plan, ctx.rule)
    if v.passed:
        st.caption("You would already pass; these actions widen your margin.")
    elif needed is not None:
        st.markdown(
            f"**Completing the first {needed} action{'s' if needed != 1 else ''} would be enough to pass** "
            "(estimate, if each is fully met)."
        )
    done = st.slider(
        "If you complete the first N actions", 0, len(plan), min(len(plan), needed or 5), key="rd.done"
    )
    after = projected(ctx.bank, ctx.questions, answers, plan, done, ctx.rule)
    st.metric(
        f"Projected overall after {done} action{'s' if done != 1 else ''}",
        show_pct(after.overall_pct),
        delta=f"{after.overall_pct - v.overall_pct:+.1f} points",
    )
    _verdict_box(ctx, after, projection=True)


def save_view(ctx: Ctx) -> None:
    """Downloads (assessment file, PDF, CSV, XLSX) and resuming from a file."""
    today = local_today()
    st.subheader("Save your assessment", anchor=False)
    try:
        data = assessment_file.dump(current())
    except AssessmentFileError as exc:
        st.error(str(exc))
    else:
        st.download_button(
            "Download assessment file (JSON)",
            data=data,
            file_name=assessment_file.file_name(today),
            mime=assessment_file.MIME,
            on_click="ignore",
            icon=":material/save:",
            key="rd.dl_json",
        )
    st.caption("Keep the file to continue later on any computer, or send it to your safety consultant.")
    st.file_uploader(
        "Resume from an assessment file",
        type=["json"],
        key=UPLOAD_KEY,
        on_change=on_upload,
        help="Replaces the answers on screen with those in the file.",
    )
    upload = upload_state()
    # These messages can quote a file's contents: shown as text, never as Markdown.
    if upload["error"]:
        st.error(plain(upload["error"]), icon=":material/error:")
        st.caption("Your current answers were not changed.")
    elif upload["applied"]:
        st.success(upload["applied"])
    for message in upload["skipped"]:
        st.warning(plain(message))

    st.subheader("Reports", anchor=False)
    if ctx.verdict is None:
        st.info("Answer at least one applicable question to build the report and the action plan.")
    else:
        _report_buttons(ctx, today)
    with st.expander("Start over"):
        st.write("Clears every answer, note and plan edit on this page and deletes the saved draft.")
        st.button("Clear everything and start over", on_click=forget_draft, key="rd.reset")


def _report_buttons(ctx: Ctx, today: date) -> None:
    """PDF, CSV and XLSX built only when clicked (deferred), from a snapshot of this run.

    Their libraries are imported on first use too: they add most of a second to the first load
    of the page, which a user answering questions should not wait for.
    """
    assert ctx.verdict is not None
    plan = _plan(ctx, today)
    notes = dict(st.session_state["notes"])
    v = ctx.verdict

    def pdf() -> bytes:
        from cor.exports.report_pdf import build_report  # fpdf2: loaded on the first click only

        return build_report(
            program=ctx.program,
            jurisdiction=ctx.juris,
            scorecard=ctx.card,
            verdict=v,
            plan=plan,
            questions=ctx.questions,
            notes=notes,
            generated_on=today,
        )

    def csv() -> bytes:
        from cor.exports.action_plan import to_csv

        return to_csv(plan)

    def xlsx() -> bytes:
        from cor.exports.action_plan import to_xlsx  # openpyxl: loaded on the first click only

        return to_xlsx(plan)

    row = st.container(horizontal=True)
    row.download_button(
        "Download PDF report",
        data=pdf,
        file_name=f"cor-ready-report-{today:%Y-%m-%d}.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key="rd.dl_pdf",
    )
    row.download_button(
        "Download action plan (CSV)",
        data=csv,
        file_name=f"cor-ready-action-plan-{today:%Y-%m-%d}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
        key="rd.dl_csv",
    )
    row.download_button(
        "Download action plan (XLSX)",
        data=xlsx,
        file_name=f"cor-ready-action-plan-{today:%Y-%m-%d}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/table_view:",
        key="rd.dl_xlsx",
    )


VIEWS = {
    "Answer": answer_view,
    "Results": results_view,
    "Action plan": plan_view,
    "Save and reports": save_view,
}
