"""The consultants' workspace: clients, their assessments and their action plans.

Every read and write goes through ``cor.workspace.repository.Workspace`` as the signed-in staff
member, so a consultant only ever gets their own clients (or those shared with them). The chosen
client's opaque id is in session state and the page address (never its name), and client names
are never logged.
Progress, the client PDF, the timeline and the cohort view are in ``ui.workspace.progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from cor.assessment import Assessment
from cor.codes import ascii_digits, cu_code
from cor.exports.assessment_file import AssessmentFileError, load
from cor.formatting import count, long_date, show_pct
from cor.models import Content
from cor.workspace.imports import assessment_for, fingerprint, mismatches
from cor.workspace.models import (
    ACTION_STATUSES,
    NAME_MAX_CHARS,
    NOTES_MAX_CHARS,
    TITLE_MAX_CHARS,
    ActionStatus,
    Client,
    ClientAction,
    ClientAssessment,
    ConflictError,
    UnavailableError,
    WorkspaceError,
)
from cor.workspace.progress import action_counts, actions_from, met_on, readiness, scored
from ui.reconnect import sent_before_drawn
from ui.state import PERSIST, content, local_today, plain
from ui.workspace.auth import Staff, current_staff
from ui.workspace.repository import workspace

CLIENT_KEY = "ws.client"  # the chosen client's id ("" for a new client)
LAST_CLIENT = "ws.client_last"
CLIENT_PARAM = "client"  # the same id in the page address (a reload keeps the client)
CONFIRM_KEY = "ws.confirm_delete"  # what a "Yes, delete" would delete ("client.ID" or "visit.ID")
IMPORT_CHECK = "ws.import_check"  # a file that differs from the client record, waiting for a yes
IMPORT_CONFIRMED = "ws.import_confirmed"  # the fingerprint the consultant said yes to
RECORD_FOR = "ws.record_for"  # the client a new Readiness assessment is for
FORM_FOR = "ws.f.for"  # which client's id the form fields were filled from
#: The key Streamlit gives the form's Save (or Add) button: this prefix and the button's label.
SAVE_PREFIX = "FormSubmitter:ws.client_form-"
#: Set once this session has drawn the client form: only a session that never did (a tab that
#: reconnected to a new process) may replay a Save the browser sent.
FORM_DRAWN = "ws.f.drawn"
FORM_BASE = "ws.f.base"  # the stored copy (with its version) the form fields were filled from
CONFLICT_KEY = "ws.conflict"
STATUS_LABELS: dict[ActionStatus, str] = {"open": "Open", "in_progress": "In progress", "done": "Done"}
NEW = ""
NO_PARTNER = ""  # a selectbox shows None as "nothing chosen"; an empty id reads as an option


def flash(message: str, icon: str = ":material/check_circle:") -> None:
    """A confirmation shown once, on the next run (after a callback or a rerun)."""
    st.session_state["ws.flash"] = (message, icon)


def show_flash() -> None:
    shown = st.session_state.pop("ws.flash", None)
    if shown:
        st.success(plain(shown[0]), icon=shown[1])  # messages name clients: plain text


#: What this session last read from the database (by what it is), shown while it is away.
LAST_READ = "ws.last_read"
#: Set when a client save found the database away: the form says so under its button.
SAVE_PAUSED = "ws.f.paused"
READ_PAUSED_MESSAGE = (
    "The database is not answering right now: this page shows what it last read, and saving is "
    "paused. What you type stays here; save again once it is back."
)
SAVE_PAUSED_MESSAGE = (
    "Not saved: the database is not answering right now. What you typed stays in the form: press "
    "the button again in a minute."
)
Read = TypeVar("Read")


def remembered(what: str, read: Callable[[], Read]) -> Read:
    """``read()``, kept for this session; while the database is away (issue 20) the copy read last
    instead, so the page and the form stay on screen with what was typed. Raises as ``read`` does
    when there is no copy yet."""
    seen: dict[str, Any] = st.session_state.setdefault(LAST_READ, {})
    try:
        found = read()
    except UnavailableError:
        if what not in seen:
            raise
        return seen[what]  # type: ignore[no-any-return]
    seen[what] = found
    return found


def my_clients(staff: Staff) -> list[Client]:
    """The clients this person sees; while the database is away, the list read last, with a
    warning where the page starts."""
    try:
        found = workspace().list_clients(staff.name, admin=staff.admin)
    except UnavailableError:
        last = st.session_state.get(LAST_READ, {}).get("clients")
        if last is None:
            raise
        st.warning(READ_PAUSED_MESSAGE, icon=":material/cloud_off:")
        return list(last)
    st.session_state.setdefault(LAST_READ, {})["clients"] = found
    return found


def client_picker(staff: Staff, clients: list[Client]) -> Client | None:
    """Choose a client (by organisation) or "New client". None means a new client.

    The chosen client's opaque id (never its name) is kept in the page address, so a reload or
    a failover to another process reopens the same client in this tab."""
    by_id = {client.id: client for client in clients}
    options = [NEW, *by_id]
    if st.session_state.get(CLIENT_KEY) not in options:  # first run, or the box was off screen
        for wanted in (st.session_state.get(LAST_CLIENT), st.query_params.get(CLIENT_PARAM)):
            if wanted in options:
                st.session_state[CLIENT_KEY] = wanted
                break
        else:
            st.session_state[CLIENT_KEY] = next(iter(by_id), NEW)

    def label(client_id: str) -> str:
        if client_id == NEW:
            return "+ New client"
        client = by_id[client_id]
        mine = "" if client.owner == staff.name else f" (shared by {client.owner})"
        return client.organisation + mine

    chosen = st.selectbox("Client", options, format_func=label, key=CLIENT_KEY, persist_state=PERSIST)
    st.session_state[LAST_CLIENT] = chosen  # a plain key: kept while the box is off screen
    if chosen in by_id:
        st.query_params[CLIENT_PARAM] = chosen
    elif CLIENT_PARAM in st.query_params:
        del st.query_params[CLIENT_PARAM]
    return by_id.get(chosen)


# --- the client's details ------------------------------------------------------------------


FORM_KEYS = (
    "ws.f.org",
    "ws.f.contact",
    "ws.f.cus",
    "ws.f.workers",
    "ws.f.partner",
    "ws.f.certified",
    "ws.f.notes",
)


def _fill_form(client: Client | None) -> None:
    """Put a client's stored details in the form fields when another client is chosen, after a
    save, or when the fields were dropped (the form was off screen, e.g. on "All clients").

    Never because someone else saved meanwhile: that would wipe what this user typed. The copy
    the form was filled from is kept (``FORM_BASE``): a save is checked against *its* version,
    not the version read at the last rerun, so a colleague's save in between is a conflict."""
    marker = client.id if client else NEW
    if st.session_state.get(FORM_FOR) == marker and all(key in st.session_state for key in FORM_KEYS):
        return
    st.session_state[FORM_FOR] = marker
    st.session_state[FORM_BASE] = client
    st.session_state["ws.f.org"] = client.organisation if client else ""
    st.session_state["ws.f.contact"] = client.contact if client else ""
    st.session_state["ws.f.cus"] = ", ".join(client.cu_codes) if client else ""
    st.session_state["ws.f.workers"] = str(client.workers) if client and client.workers else ""
    st.session_state["ws.f.partner"] = (client.partner_id or NO_PARTNER) if client else NO_PARTNER
    st.session_state["ws.f.certified"] = client.certified_on if client else None
    st.session_state["ws.f.notes"] = client.notes if client else ""
    st.session_state.pop("ws.f.errors", None)


def _read_form(staff: Staff, client: Client | None) -> Client | dict[str, str]:
    """The client as typed in the form, or the message for each field that is wrong."""
    errors: dict[str, str] = {}
    organisation = str(st.session_state.get("ws.f.org", "")).strip()
    if not organisation:
        errors["org"] = "Enter the organisation's name."
    codes: list[str] = []
    for part in str(st.session_state.get("ws.f.cus", "")).replace(";", ",").split(","):
        if part.strip():
            code = cu_code(part)
            if code is None:
                errors["cus"] = f"'{part.strip()}' is not a 6-digit CU code (for example 721027)."
            elif code not in codes:
                codes.append(code)
    workers_text = str(st.session_state.get("ws.f.workers", "")).strip()
    workers: int | None = None
    if workers_text:
        digits = ascii_digits(workers_text).replace(",", "").replace(" ", "")
        workers = int(digits) if digits.isdecimal() and len(digits) <= 6 and int(digits) >= 1 else None
        if workers is None:
            errors["workers"] = "Enter the number of workers as a whole number from 1 to 999,999."
    if errors:
        return errors
    details: dict[str, Any] = {
        "organisation": organisation,
        "contact": str(st.session_state.get("ws.f.contact", "")).strip(),
        "cu_codes": tuple(codes),
        "workers": workers,
        "partner_id": st.session_state.get("ws.f.partner") or None,
        "certified_on": st.session_state.get("ws.f.certified"),
        "notes": str(st.session_state.get("ws.f.notes", "")),
    }
    if client is None:
        return Client(owner=staff.name, **details)
    return client.model_copy(update=details)


def _save_client(staff: Staff, client: Client | None) -> None:
    base = st.session_state.get(FORM_BASE)
    if client is not None and isinstance(base, Client) and base.id == client.id:
        client = base  # the version the form was loaded from, not the one read at this rerun
    typed = _read_form(staff, client)
    if isinstance(typed, dict):
        st.session_state["ws.f.errors"] = typed
        return
    st.session_state.pop("ws.f.errors", None)
    try:
        saved = workspace().save_client(staff.name, typed, admin=staff.admin)
    except ConflictError as exc:
        st.session_state[CONFLICT_KEY] = {"stored": exc.stored, "attempted": exc.attempted, "base": client}
        return
    except UnavailableError:
        st.session_state[SAVE_PAUSED] = True  # said under the button; the fields keep what was typed
        return
    except WorkspaceError as exc:
        st.session_state["ws.f.errors"] = {"org": str(exc)}
        return
    st.session_state[CLIENT_KEY] = saved.id
    st.session_state.pop(FORM_FOR, None)  # refill the form with what is stored (CU codes tidied)
    flash(f"Saved {saved.organisation}.")


def _field_error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.error(plain(errors[field]), icon=":material/error:")


def client_form(staff: Staff, client: Client | None, c: Content) -> None:
    """The client's details; bad input is named under its field and nothing typed is lost."""
    _fill_form(client)
    st.session_state[FORM_DRAWN] = True
    errors: dict[str, str] = st.session_state.get("ws.f.errors") or {}
    partners = {p.id: f"{p.name} ({p.jurisdiction})" for p in c.partners}
    with st.form("ws.client_form", border=True):
        st.text_input("Organisation", key="ws.f.org", persist_state=PERSIST, max_chars=NAME_MAX_CHARS)
        _field_error(errors, "org")
        st.text_input(
            "Contact (name, phone or e-mail)",
            key="ws.f.contact",
            persist_state=PERSIST,
            max_chars=NAME_MAX_CHARS,
        )
        cols = st.columns(2)
        with cols[0]:
            st.text_input(
                "CU codes (comma-separated)",
                key="ws.f.cus",
                persist_state=PERSIST,
                placeholder="e.g. 721027, 766011",
            )
            _field_error(errors, "cus")
        with cols[1]:
            st.text_input("Workers", key="ws.f.workers", persist_state=PERSIST, placeholder="e.g. 24")
            _field_error(errors, "workers")
        st.selectbox(
            "Certifying partner",
            [NO_PARTNER, *partners],
            format_func=lambda pid: partners.get(pid, "Not chosen yet"),
            key="ws.f.partner",
            persist_state=PERSIST,
        )
        st.date_input(
            "Certified on (leave empty until the certification audit is passed)",
            key="ws.f.certified",
            persist_state=PERSIST,
            min_value=date(1990, 1, 1),
            max_value=date(2100, 12, 31),
            format="YYYY-MM-DD",
        )
        st.text_area("Notes", key="ws.f.notes", persist_state=PERSIST, max_chars=NOTES_MAX_CHARS, height=100)
        label = "Add the client" if client is None else "Save the client's details"
        st.form_submit_button(label, type="primary", on_click=_save_client, args=(staff, client))
        if st.session_state.pop(SAVE_PAUSED, False):
            st.warning(SAVE_PAUSED_MESSAGE, icon=":material/cloud_off:")
    _conflict_panel(staff, client)


def replay_save_after_reconnect(staff: Staff) -> None:
    """A tab that reconnected to this process (its own died) with the client form's Save click:
    save what it typed, as the click's ``on_click`` would have (call before anything is drawn).

    The new session never drew the form, so Streamlit calls no callback and the fields would be
    filled from the database over what was typed (issue 20). The client is the one in the
    address; the fields the browser sent win over the stored copy."""
    if FORM_DRAWN in st.session_state or FORM_FOR in st.session_state:
        return
    sent = sent_before_drawn()
    if not any(key.startswith(SAVE_PREFIX) and value is True for key, value in sent.items()):
        return
    wanted = st.query_params.get(CLIENT_PARAM)
    try:
        client = workspace().get_client(staff.name, wanted, admin=staff.admin) if wanted else None
    except WorkspaceError:
        return  # gone, or not theirs: the page says so as on any run
    _fill_form(client)
    for key in FORM_KEYS:
        if isinstance(sent.get(key), str):
            st.session_state[key] = sent[key]
    _save_client(staff, client)


def merged(base: Client, stored: Client, mine: Client) -> Client:
    """Their saved copy with the fields this user changed (from the copy they read) on top."""
    editable = ("organisation", "contact", "cu_codes", "workers", "partner_id", "notes", "certified_on")
    changes = {name: getattr(mine, name) for name in editable if getattr(mine, name) != getattr(base, name)}
    return stored.model_copy(update=changes)


FIELD_LABELS = {
    "organisation": "Organisation",
    "contact": "Contact",
    "cu_codes": "CU codes",
    "workers": "Workers",
    "partner_id": "Certifying partner",
    "notes": "Notes",
    "certified_on": "Certified on",
}


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(part) for part in value)
    return str(value)


def conflict_rows(base: Client, stored: Client, attempted: Client) -> list[dict[str, str]]:
    """Each field either side changed: their saved value, yours, and what saving yours gives."""
    mine = merged(base, stored, attempted)
    return [
        {
            "Field": label,
            "Saved by them": _shown(getattr(stored, name)),
            "Yours": _shown(getattr(attempted, name)),
            "After saving yours": _shown(getattr(mine, name)),
        }
        for name, label in FIELD_LABELS.items()
        if len({_shown(getattr(c, name)) for c in (base, stored, attempted)}) > 1
    ]


def _conflict_panel(staff: Staff, client: Client | None) -> None:
    conflict = st.session_state.get(CONFLICT_KEY)
    if not conflict or client is None or conflict["stored"].id != client.id:
        return
    stored: Client = conflict["stored"]
    mine = merged(conflict["base"], stored, conflict["attempted"])
    st.warning(
        "Someone else saved this client while you were editing it, so your changes were **not** "
        "saved yet. They are still in the form. Saving again keeps their changes and puts yours "
        "on top; where you both changed a field, yours wins:",
        icon=":material/sync_problem:",
    )
    st.dataframe(
        pd.DataFrame(conflict_rows(conflict["base"], stored, conflict["attempted"])),
        hide_index=True,
        key="ws.conflict.table",
    )
    cols = st.columns(2)
    if cols[0].button("Save my changes on top of theirs", key="ws.conflict.mine"):
        st.session_state.pop(CONFLICT_KEY, None)
        try:
            saved = workspace().save_client(staff.name, mine, admin=staff.admin)
            st.session_state.pop(FORM_FOR, None)
            flash(f"Saved your changes with theirs (now version {saved.version}).")
        except WorkspaceError as exc:
            st.session_state["ws.f.errors"] = {"org": str(exc)}
        st.rerun()
    if cols[1].button("Use theirs (discard my changes)", key="ws.conflict.theirs"):
        st.session_state.pop(CONFLICT_KEY, None)
        st.session_state.pop(FORM_FOR, None)
        st.rerun()


def _share(staff: Staff, client: Client) -> None:
    other = str(st.session_state.get("ws.share_with", "")).strip().casefold()
    if not other:
        return
    try:
        workspace().share_client(staff.name, client.id, other, admin=staff.admin)
    except WorkspaceError as exc:
        st.session_state["ws.share_error"] = str(exc)
        return
    st.session_state["ws.share_with"] = ""
    flash(f"Shared with {other}.")


def _unshare(staff: Staff, client: Client, other: str) -> None:
    workspace().unshare_client(staff.name, client.id, other, admin=staff.admin)
    flash(f"No longer shared with {other}.")


def sharing_panel(staff: Staff, client: Client) -> None:
    """Admins share a client with other consultants (user names or e-mail addresses)."""
    if not staff.admin:
        if client.shared_with:
            st.caption("Shared with: " + plain(", ".join(client.shared_with)))
        return
    with st.container(border=True):
        st.markdown(f"**Sharing** (owner: {plain(client.owner)})")
        for other in client.shared_with:
            row = st.container(horizontal=True, vertical_alignment="center")
            row.text(other)
            row.button(
                "Stop sharing", key=f"ws.unshare.{other}", on_click=_unshare, args=(staff, client, other)
            )
        st.text_input("Share with (user name or e-mail)", key="ws.share_with", max_chars=NAME_MAX_CHARS)
        st.button("Share", on_click=_share, args=(staff, client), key="ws.share", icon=":material/share:")
        if st.session_state.get("ws.share_error"):
            st.error(plain(st.session_state.pop("ws.share_error")), icon=":material/error:")


# --- assessments ---------------------------------------------------------------------------


def visits_table(c: Content, visits: list[ClientAssessment]) -> pd.DataFrame:
    rows = []
    for visit in visits:
        result = scored(c, visit.assessment)
        rows.append(
            {
                "Date": visit.taken_on.isoformat(),
                "Label": visit.label,
                "Check": "Quick check" if visit.assessment.quick else result.program.name,
                "Answered": f"{result.card.answered} of {result.card.total}",
                "Overall": show_pct(result.verdict.overall_pct) if result.verdict else "-",
                "Readiness": readiness(result.verdict),
            }
        )
    return pd.DataFrame(rows)


def record(
    staff: Staff, client_id: str, assessment: Assessment, taken_on: date, label: str, with_plan: bool
) -> ClientAssessment:
    """Store an assessment for a client, and (optionally) its action plan as the client's actions.
    The same assessment recorded for the client before is refused (WorkspaceError saying when);
    actions for questions that already have an open action are not added twice."""
    repo = workspace()
    mark = fingerprint(assessment)
    before = repo.find_recorded(staff.name, client_id, mark, admin=staff.admin)
    if before is not None:
        raise WorkspaceError(
            f"This assessment is already recorded for this client (the visit of {long_date(before.taken_on)}), "
            "so it was not added again."
        )
    visit = repo.add_assessment(
        staff.name, client_id, assessment, taken_on, label, admin=staff.admin, fingerprint=mark
    )
    if with_plan:
        have = {
            a.question_id
            for a in repo.list_actions(staff.name, client_id, admin=staff.admin)
            if a.question_id and a.status != "done"
        }
        for action in actions_from(content(), client_id, visit, taken_on):
            if action.question_id not in have:
                repo.save_action(staff.name, action, admin=staff.admin)
    return visit


def _import_file(staff: Staff, client: Client) -> None:
    upload = st.session_state.get("ws.upload")
    st.session_state.pop(IMPORT_CHECK, None)
    if upload is None:
        st.session_state["ws.import_error"] = "Choose the assessment file (JSON) first."
        return
    try:
        assessment = load(upload.getvalue(), content())  # read in memory only, never written to disk
    except AssessmentFileError as exc:
        st.session_state["ws.import_error"] = str(exc)
        return
    if assessment.empty:
        st.session_state["ws.import_error"] = "The file holds no answers, so there is nothing to record."
        return
    problems = mismatches(client, assessment)
    if problems and st.session_state.pop(IMPORT_CONFIRMED, None) != fingerprint(assessment):
        st.session_state[IMPORT_CHECK] = {"mark": fingerprint(assessment), "problems": problems}
        st.session_state.pop("ws.import_error", None)
        return
    taken_on = st.session_state.get("ws.visit_date") or local_today()
    label = str(st.session_state.get("ws.visit_label", "")).strip()
    try:
        record(staff, client.id, assessment, taken_on, label, bool(st.session_state.get("ws.visit_plan")))
    except WorkspaceError as exc:
        st.session_state["ws.import_error"] = str(exc)
        return
    st.session_state.pop("ws.import_error", None)
    st.session_state["ws.visit_label"] = ""
    skipped = " ".join(assessment.skipped)
    flash(f"Recorded the assessment of {long_date(taken_on)}. {skipped}".strip())


def _import_anyway(staff: Staff, client: Client) -> None:
    check = st.session_state.get(IMPORT_CHECK) or {}
    st.session_state[IMPORT_CONFIRMED] = check.get("mark")
    _import_file(staff, client)


def _import_check_panel(staff: Staff, client: Client) -> None:
    """A file that may be another employer's: say how it differs, and record it only if asked."""
    check = st.session_state.get(IMPORT_CHECK)
    if not check:
        return
    st.warning(
        plain(
            "This file may be another employer's: "
            + "; ".join(check["problems"])
            + ". Nothing is recorded yet."
        ),
        icon=":material/warning:",
    )
    st.button(
        "Record it for this client anyway",
        on_click=_import_anyway,
        args=(staff, client),
        key="ws.import_anyway",
    )


def _readiness_session() -> Assessment | None:
    """The assessment open on the Readiness page in this browser session, if it has answers."""
    if not st.session_state.get("answers"):
        return None
    from ui.readiness.state import current, page_state  # the Readiness page's own reading

    assessment = current(page_state())
    return None if assessment.empty else assessment


def _record_session(staff: Staff, client: Client) -> None:
    assessment = _readiness_session()
    if assessment is None:
        return
    taken_on = st.session_state.get("ws.visit_date") or local_today()
    label = str(st.session_state.get("ws.visit_label", "")).strip()
    try:
        record(staff, client.id, assessment, taken_on, label, bool(st.session_state.get("ws.visit_plan")))
    except WorkspaceError as exc:
        st.session_state["ws.import_error"] = str(exc)
        return
    st.session_state["ws.visit_label"] = ""
    flash(f"Recorded the Readiness page's assessment ({count(len(assessment.answers), 'answer')}).")


def _delete_client(staff: Staff, client: Client) -> None:
    st.session_state.pop(CONFIRM_KEY, None)
    try:
        workspace().delete_client(staff.name, client.id, admin=staff.admin)
    except WorkspaceError as exc:
        st.session_state["ws.delete_error"] = str(exc)
        return
    for key in (CLIENT_KEY, LAST_CLIENT, FORM_FOR):
        st.session_state.pop(key, None)
    if CLIENT_PARAM in st.query_params:
        del st.query_params[CLIENT_PARAM]
    flash(f"Deleted {client.organisation} with its assessments and actions.", ":material/delete:")


def _delete_visit(staff: Staff, visit: ClientAssessment) -> None:
    st.session_state.pop(CONFIRM_KEY, None)
    try:
        workspace().delete_assessment(staff.name, visit.id, admin=staff.admin)
    except WorkspaceError as exc:
        st.session_state["ws.delete_error"] = str(exc)
        return
    flash(f"Deleted the assessment of {long_date(visit.taken_on)}.", ":material/delete:")


def _confirm(what: str, target: str, on_yes: Any, args: tuple[Any, ...]) -> None:
    """Ask once more before deleting; nothing is deleted until "Yes, delete" is pressed."""
    if st.session_state.get(CONFIRM_KEY) != target:
        return
    st.warning(plain(what) + " This cannot be undone.", icon=":material/warning:")
    row = st.container(horizontal=True)
    row.button("Yes, delete", type="primary", on_click=on_yes, args=args, key=f"ws.yes.{target}")
    row.button("Cancel", on_click=st.session_state.pop, args=(CONFIRM_KEY, None), key=f"ws.no.{target}")


def delete_client_panel(staff: Staff, client: Client, visits: list[ClientAssessment]) -> None:
    """Delete the client with everything recorded for it (owner or admin), after a confirmation."""
    target = f"client.{client.id}"
    st.button(
        "Delete this client",
        icon=":material/delete:",
        on_click=st.session_state.__setitem__,
        args=(CONFIRM_KEY, target),
        key="ws.delete_client",
    )
    _confirm(
        f"Delete {client.organisation} with its {count(len(visits), 'assessment')} and actions?",
        target,
        _delete_client,
        (staff, client),
    )
    if st.session_state.get("ws.delete_error"):
        st.error(plain(st.session_state.pop("ws.delete_error")), icon=":material/error:")


def delete_visit_panel(staff: Staff, visits: list[ClientAssessment]) -> None:
    """Delete one recorded assessment (say, one recorded by mistake), after a confirmation."""
    if not visits:
        return
    by_id = {visit.id: visit for visit in visits}
    with st.expander("Delete an assessment"):
        chosen = st.selectbox(
            "Assessment",
            list(by_id),
            format_func=lambda i: f"{by_id[i].taken_on.isoformat()} {by_id[i].label}".strip(),
            key="ws.delete_pick",
        )
        target = f"visit.{chosen}"
        st.button(
            "Delete this assessment",
            icon=":material/delete:",
            on_click=st.session_state.__setitem__,
            args=(CONFIRM_KEY, target),
            key="ws.delete_visit",
        )
        _confirm(
            f"Delete the assessment of {long_date(by_id[chosen].taken_on)}?",
            target,
            _delete_visit,
            (staff, by_id[chosen]),
        )


def start_for_client(client: Client) -> None:
    """Begin a new Readiness assessment for a client, set up from the client record (province,
    workers, CU code, the program they give), under a new draft link: the previous assessment
    stays with its own link."""
    from ui.readiness.state import apply, page_state, start_over  # the Readiness page's own setup

    start_over()
    apply(page_state(), assessment_for(client, content()))
    st.session_state[RECORD_FOR] = client.id


def record_for_banner() -> None:
    """On Readiness: whom the assessment on screen is for, when a consultant started it from a
    client (signed-in staff only; nobody else sees a client's name)."""
    client_id = st.session_state.get(RECORD_FOR)
    staff = current_staff() if isinstance(client_id, str) else None
    if staff is None or not isinstance(client_id, str):
        return
    try:
        client = workspace().get_client(staff.name, client_id, admin=staff.admin)
    except WorkspaceError:
        return
    st.info(
        f"This assessment is for **{plain(client.organisation)}** (a workspace client). Save it to "
        "the client from the Save view when you are done.",
        icon=":material/work:",
    )


def assessments_section(staff: Staff, client: Client, visits: list[ClientAssessment]) -> None:
    c = content()
    if visits:
        st.dataframe(visits_table(c, visits), hide_index=True, width="stretch")
    else:
        st.info("No assessment recorded yet for this client.", icon=":material/info:")
    st.subheader("Record an assessment")
    cols = st.columns(2)
    cols[0].date_input("Date of the visit", key="ws.visit_date", value=local_today(), format="YYYY-MM-DD")
    cols[1].text_input(
        "Label (optional)", key="ws.visit_label", max_chars=NAME_MAX_CHARS, placeholder="e.g. First visit"
    )
    st.checkbox("Add its action plan to the client's actions", key="ws.visit_plan", value=True)
    st.file_uploader("Assessment file (JSON) the employer downloaded", type=["json"], key="ws.upload")
    st.button(
        "Add the file's assessment",
        on_click=_import_file,
        args=(staff, client),
        icon=":material/upload_file:",
    )
    if st.session_state.get("ws.import_error"):
        st.error(plain(st.session_state["ws.import_error"]), icon=":material/error:")
    _import_check_panel(staff, client)
    session = _readiness_session()
    if session is not None:
        st.button(
            f"Record the assessment open on the Readiness page ({count(len(session.answers), 'answer')})",
            on_click=_record_session,
            args=(staff, client),
            icon=":material/save:",
        )
    if st.button("Start a new assessment for this client on the Readiness page", icon=":material/checklist:"):
        start_for_client(client)
        st.switch_page("app_pages/readiness.py")


def save_to_client_panel(assessment: Assessment) -> None:
    """For the Readiness page: signed-in staff can record the assessment on screen for a client.

    Shows nothing to anyone else. Call it anywhere on the page (e.g. in the Save view).
    """
    staff = current_staff()
    if staff is None or assessment.empty:
        return
    try:
        clients = my_clients(staff)
    except WorkspaceError as exc:
        st.error(plain(str(exc)))
        return
    with st.container(border=True):
        st.markdown("**Workspace: save this assessment for a client**")
        if not clients:
            st.caption("Add a client on the Workspace page first.")
            return
        by_id = {client.id: client for client in clients}
        if st.session_state.get("ws.save_client") not in by_id:
            st.session_state["ws.save_client"] = (
                st.session_state.get(RECORD_FOR)
                if st.session_state.get(RECORD_FOR) in by_id
                else next(iter(by_id))
            )
        client_id = st.selectbox(
            "Client", list(by_id), format_func=lambda cid: by_id[cid].organisation, key="ws.save_client"
        )
        cols = st.columns(2)
        taken_on = cols[0].date_input(
            "Date of the visit", value=local_today(), key="ws.save_date", format="YYYY-MM-DD"
        )
        label = cols[1].text_input("Label (optional)", key="ws.save_label", max_chars=NAME_MAX_CHARS)
        with_plan = st.checkbox("Add its action plan to the client's actions", value=True, key="ws.save_plan")
        if st.button("Save to the client", icon=":material/save:", key="ws.save_button"):
            try:
                record(staff, client_id, assessment, taken_on or local_today(), label.strip(), with_plan)
            except WorkspaceError as exc:
                st.error(plain(str(exc)), icon=":material/error:")
                return
            st.success(f"Saved for {plain(by_id[client_id].organisation)}.", icon=":material/check_circle:")


# --- actions -------------------------------------------------------------------------------


def _status(action: ClientAction, met: dict[str, date]) -> str:
    if action.id in met:
        return f"Met at the visit of {long_date(met[action.id])}"
    return STATUS_LABELS[action.status]


def _actions_frame(actions: list[ClientAction], met: dict[str, date]) -> pd.DataFrame:
    """Status and due date first: on a phone the long action text is what gets cut off."""
    return pd.DataFrame(
        [
            {
                "Status": _status(a, met),
                "Due": a.due.isoformat() if a.due else "",
                "Owner": a.owner,
                "Action": a.title,
            }
            for a in actions
        ],
        columns=["Status", "Due", "Owner", "Action"],
    )


def _as_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


EDIT_KEYS = ("ws.edit.status", "ws.edit.owner", "ws.edit.due")


def _fill_action(action: ClientAction) -> None:
    """Put an action's stored values in the edit fields when another action is picked, after a
    save, or when the fields were dropped; the copy they came from is kept for the save."""
    if st.session_state.get("ws.edit.for") == action.id and all(key in st.session_state for key in EDIT_KEYS):
        return
    st.session_state["ws.edit.for"] = action.id
    st.session_state["ws.edit.base"] = action
    st.session_state["ws.edit.status"] = action.status
    st.session_state["ws.edit.owner"] = action.owner
    st.session_state["ws.edit.due"] = action.due


def _save_action(staff: Staff, action: ClientAction) -> None:
    base = st.session_state.get("ws.edit.base")
    if isinstance(base, ClientAction) and base.id == action.id:
        action = base  # the version the fields were filled from, not the one read at this rerun
    update = {
        "status": st.session_state.get("ws.edit.status", action.status),
        "owner": str(st.session_state.get("ws.edit.owner", "")).strip()[:NAME_MAX_CHARS],
        "due": _as_date(st.session_state.get("ws.edit.due")),
    }
    try:
        workspace().save_action(staff.name, action.model_copy(update=update), admin=staff.admin)
    except ConflictError as exc:
        stored = exc.stored
        assert isinstance(stored, ClientAction)
        st.session_state["ws.actions_error"] = (
            f"Someone else updated this action meanwhile (now {STATUS_LABELS[stored.status]}, owner "
            f"{stored.owner or 'none'}). Yours is still in the form: save again to put it on top."
        )
        st.session_state["ws.edit.base"] = stored  # keep what was typed; the next save goes on top
        return
    except WorkspaceError as exc:
        st.session_state["ws.actions_error"] = str(exc)
        return
    st.session_state.pop("ws.edit.for", None)
    flash("Saved the action.")


def _edit_action(staff: Staff, actions: list[ClientAction]) -> None:
    """One action at a time, stacked: readable on a phone, where a wide grid is not."""
    by_id = {a.id: a for a in actions}
    if st.session_state.get("ws.edit.pick") not in by_id:
        st.session_state["ws.edit.pick"] = next(iter(by_id))
    picked = st.selectbox(
        "Action to update", list(by_id), format_func=lambda i: by_id[i].title, key="ws.edit.pick"
    )
    action = by_id[picked]
    _fill_action(action)
    with st.form("ws.edit_action"):
        st.radio(
            "Status",
            list(STATUS_LABELS),
            format_func=STATUS_LABELS.__getitem__,
            horizontal=True,
            key="ws.edit.status",
        )
        cols = st.columns(2)
        cols[0].text_input("Owner", key="ws.edit.owner", max_chars=NAME_MAX_CHARS)
        cols[1].date_input("Due", key="ws.edit.due", format="YYYY-MM-DD", min_value=date(1990, 1, 1))
        st.form_submit_button("Save this action", type="primary", on_click=_save_action, args=(staff, action))


def actions_section(
    staff: Staff, client: Client, actions: list[ClientAction], visits: list[ClientAssessment]
) -> None:
    """The client's actions. One met by a later visit reads "Met at the visit of DATE" and counts
    as neither open nor overdue, here, in the cohort export and in the client PDF alike."""
    c = content()
    met = met_on(c, actions, visits)
    if st.session_state.get("ws.actions_error"):
        st.warning(plain(st.session_state.pop("ws.actions_error")), icon=":material/sync_problem:")
    if actions:
        today = local_today()
        st.caption(action_counts(actions, met, today))
        st.dataframe(_actions_frame(actions, met), hide_index=True, width="stretch")
        _edit_action(staff, actions)
        questions = {q.id: q for q in c.bank.questions}
        with st.expander("Evidence to produce and why each action matters"):
            for action in actions:
                question = questions.get(action.question_id)
                if question is None:
                    continue
                st.markdown(f"**{plain(action.title)}**")
                st.markdown(f"Why it matters: {question.why}")
                st.markdown(f"Evidence the auditor looks for: {question.look_for}")
    else:
        st.info("No actions yet: record an assessment with its action plan, or add one below.")
    with st.form("ws.new_action"):
        st.markdown("**Add an action**")
        title = st.text_input("What to do", key="ws.new.title", max_chars=TITLE_MAX_CHARS).strip()
        cols = st.columns(2)
        owner = cols[0].text_input("Owner", key="ws.new.owner", max_chars=NAME_MAX_CHARS).strip()
        due = cols[1].date_input("Due", value=None, key="ws.new.due", format="YYYY-MM-DD")
        submitted = st.form_submit_button("Add the action")
    if submitted:
        if not title:
            st.error("Say what to do before adding the action.", icon=":material/error:")
            return
        workspace().save_action(
            staff.name,
            ClientAction(client_id=client.id, title=title, owner=owner, due=_as_date(due)),
            admin=staff.admin,
        )
        for key in ("ws.new.title", "ws.new.owner", "ws.new.due"):
            st.session_state.pop(key, None)
        flash("Added the action.")
        st.rerun()


assert set(STATUS_LABELS) == set(ACTION_STATUSES)
