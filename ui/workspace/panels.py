"""The consultants' workspace: clients, their assessments and their action plans.

Every read and write goes through ``cor.workspace.repository.Workspace`` as the signed-in staff
member, so a consultant only ever gets their own clients (or those shared with them). The chosen
client's opaque id is in session state and the page address (never its name), and client names
are never logged.
What the page keeps between runs is one typed ``WorkspaceState`` and every widget key is made in
``ui.workspace.state``; the rules (merging two saves, recording a visit once) are in
``cor.workspace``. Progress, the client PDF, the timeline and the cohort view are in
``ui.workspace.progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import streamlit as st

from cor.assessment import Assessment
from cor.exports.assessment_file import AssessmentFileError, load
from cor.formatting import count, long_date, show_pct
from cor.models import Content
from cor.workspace.conflicts import conflict_rows, merged
from cor.workspace.imports import assessment_for, fingerprint, mismatches
from cor.workspace.models import (
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
    cu_codes_from_text,
    workers_from_text,
)
from cor.workspace.progress import action_counts, actions_from, met_on, readiness, scored
from ui.reconnect import sent_before_drawn
from ui.state import PERSIST, content, local_today, plain
from ui.workspace.auth import Staff, current_staff
from ui.workspace.repository import workspace
from ui.workspace.state import CLIENT_PARAM, RECORD_FOR, WORKSPACE, Conflict, ImportCheck, Keys

if TYPE_CHECKING:
    import pandas as pd
else:
    from ui.lazy import pandas as pd  # imported when a table is first drawn (cold start)

#: The key Streamlit gives the form's Save (or Add) button: this prefix and the button's label.
SAVE_PREFIX = f"FormSubmitter:{Keys.CLIENT_FORM}-"
STATUS_LABELS: dict[ActionStatus, str] = {"open": "Open", "in_progress": "In progress", "done": "Done"}
NEW = ""
NO_PARTNER = ""  # a selectbox shows None as "nothing chosen"; an empty id reads as an option


def flash(message: str, icon: str = ":material/check_circle:") -> None:
    """A confirmation shown once, on the next run (after a callback or a rerun)."""
    WORKSPACE.update(flash=(message, icon))


def show_flash() -> None:
    shown = WORKSPACE.get().flash
    if shown:
        WORKSPACE.update(flash=None)
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
        return seen[what]
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
    if st.session_state.get(Keys.CLIENT) not in options:  # first run, or the box was off screen
        for wanted in (WORKSPACE.get().last_client, st.query_params.get(CLIENT_PARAM)):
            if wanted in options:
                st.session_state[Keys.CLIENT] = wanted
                break
        else:
            st.session_state[Keys.CLIENT] = next(iter(by_id), NEW)

    def label(client_id: str) -> str:
        if client_id == NEW:
            return "+ New client"
        client = by_id[client_id]
        mine = "" if client.owner == staff.name else f" (shared by {client.owner})"
        return client.organisation + mine

    chosen = st.selectbox("Client", options, format_func=label, key=Keys.CLIENT, persist_state=PERSIST)
    if WORKSPACE.get().last_client != chosen:
        WORKSPACE.update(last_client=chosen)  # page state: kept while the box is off screen
    if chosen in by_id:
        st.query_params[CLIENT_PARAM] = chosen
    elif CLIENT_PARAM in st.query_params:
        del st.query_params[CLIENT_PARAM]
    return by_id.get(chosen)


# --- the client's details ------------------------------------------------------------------


def _fill_form(client: Client | None) -> None:
    """Put a client's stored details in the form fields when another client is chosen, after a
    save, or when the fields were dropped (the form was off screen, e.g. on "All clients").

    Never because someone else saved meanwhile: that would wipe what this user typed. The copy
    the form was filled from is kept (``form_base``): a save is checked against *its* version,
    not the version read at the last rerun, so a colleague's save in between is a conflict."""
    marker = client.id if client else NEW
    if WORKSPACE.get().form_for == marker and all(field in st.session_state for field in Keys.FORM_FIELDS):
        return
    WORKSPACE.update(form_for=marker, form_base=client, form_errors={})
    stored: dict[str, object] = {
        Keys.ORGANISATION: client.organisation if client else "",
        Keys.CONTACT: client.contact if client else "",
        Keys.CU_CODES: ", ".join(client.cu_codes) if client else "",
        Keys.WORKERS: str(client.workers) if client and client.workers else "",
        Keys.PARTNER: (client.partner_id or NO_PARTNER) if client else NO_PARTNER,
        Keys.CERTIFIED_ON: client.certified_on if client else None,
        Keys.NOTES: client.notes if client else "",
    }
    shown = {} if Keys.FORM_DRAWN in st.session_state else sent_before_drawn()
    for key, value in stored.items():
        # A tab that reconnected to this process shows the form already, perhaps with text typed
        # while it reconnected (a form sends it only on Save): a field whose saved value is the
        # stored one is left to the browser, since setting it here would replace what was typed.
        if not (isinstance(value, str) and shown.get(key) == value):
            st.session_state[key] = value


def _read_form(staff: Staff, client: Client | None) -> Client | dict[str, str]:
    """The client as typed in the form, or the message for each field that is wrong."""
    errors: dict[str, str] = {}
    organisation = str(st.session_state.get(Keys.ORGANISATION, "")).strip()
    if not organisation:
        errors["org"] = "Enter the organisation's name."
    codes, wrong = cu_codes_from_text(str(st.session_state.get(Keys.CU_CODES, "")))
    if wrong is not None:
        errors["cus"] = f"'{wrong}' is not a 6-digit CU code (for example 721027)."
    workers_text = str(st.session_state.get(Keys.WORKERS, "")).strip()
    workers = workers_from_text(workers_text) if workers_text else None
    if workers_text and workers is None:
        errors["workers"] = "Enter the number of workers as a whole number from 1 to 999,999."
    if errors:
        return errors
    details: dict[str, Any] = {
        "organisation": organisation,
        "contact": str(st.session_state.get(Keys.CONTACT, "")).strip(),
        "cu_codes": codes,
        "workers": workers,
        "partner_id": st.session_state.get(Keys.PARTNER) or None,
        "certified_on": st.session_state.get(Keys.CERTIFIED_ON),
        "notes": str(st.session_state.get(Keys.NOTES, "")),
    }
    if client is None:
        return Client(owner=staff.name, **details)
    return client.model_copy(update=details)


def _save_client(staff: Staff, client: Client | None) -> None:
    base = WORKSPACE.get().form_base
    if client is not None and base is not None and base.id == client.id:
        client = base  # the version the form was loaded from, not the one read at this rerun
    typed = _read_form(staff, client)
    if isinstance(typed, dict):
        WORKSPACE.update(form_errors=typed)
        return
    WORKSPACE.update(form_errors={})
    try:
        saved = workspace().save_client(staff.name, typed, admin=staff.admin)
    except ConflictError as exc:
        WORKSPACE.update(
            conflict=Conflict.model_validate(
                {"stored": exc.stored, "attempted": exc.attempted, "base": client}
            )
        )
        return
    except UnavailableError:
        st.session_state[SAVE_PAUSED] = True  # said under the button; the fields keep what was typed
        return
    except WorkspaceError as exc:
        WORKSPACE.update(form_errors={"org": str(exc)})
        return
    st.session_state[Keys.CLIENT] = saved.id
    WORKSPACE.update(form_for=None)  # refill the form with what is stored (CU codes tidied)
    flash(f"Saved {saved.organisation}.")


def _field_error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.error(plain(errors[field]), icon=":material/error:")


def client_form(staff: Staff, client: Client | None, facts: Content) -> None:
    """The client's details; bad input is named under its field and nothing typed is lost."""
    _fill_form(client)
    st.session_state[Keys.FORM_DRAWN] = True
    errors = WORKSPACE.get().form_errors
    partners = {p.id: f"{p.name} ({p.jurisdiction})" for p in facts.partners}
    with st.form(Keys.CLIENT_FORM, border=True):
        st.text_input("Organisation", key=Keys.ORGANISATION, persist_state=PERSIST, max_chars=NAME_MAX_CHARS)
        _field_error(errors, "org")
        st.text_input(
            "Contact (name, phone or e-mail)",
            key=Keys.CONTACT,
            persist_state=PERSIST,
            max_chars=NAME_MAX_CHARS,
        )
        cols = st.columns(2)
        with cols[0]:
            st.text_input(
                "CU codes (comma-separated)",
                key=Keys.CU_CODES,
                persist_state=PERSIST,
                placeholder="e.g. 721027, 766011",
            )
            _field_error(errors, "cus")
        with cols[1]:
            st.text_input("Workers", key=Keys.WORKERS, persist_state=PERSIST, placeholder="e.g. 24")
            _field_error(errors, "workers")
        st.selectbox(
            "Certifying partner",
            [NO_PARTNER, *partners],
            format_func=lambda pid: partners.get(pid, "Not chosen yet"),
            key=Keys.PARTNER,
            persist_state=PERSIST,
        )
        st.date_input(
            "Certified on (leave empty until the certification audit is passed)",
            key=Keys.CERTIFIED_ON,
            persist_state=PERSIST,
            min_value=date(1990, 1, 1),
            max_value=date(2100, 12, 31),
            format="YYYY-MM-DD",
        )
        st.text_area("Notes", key=Keys.NOTES, persist_state=PERSIST, max_chars=NOTES_MAX_CHARS, height=100)
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
    if Keys.FORM_DRAWN in st.session_state or WORKSPACE.get().form_for is not None:
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
    for key in Keys.FORM_FIELDS:
        if isinstance(sent.get(key), str):
            st.session_state[key] = sent[key]
    _save_client(staff, client)


def _conflict_panel(staff: Staff, client: Client | None) -> None:
    conflict = WORKSPACE.get().conflict
    if conflict is None or client is None or conflict.stored.id != client.id:
        return
    base = conflict.base
    mine = merged(base, conflict.stored, conflict.attempted)
    st.warning(
        "Someone else saved this client while you were editing it, so your changes were **not** "
        "saved yet. They are still in the form. Saving again keeps their changes and puts yours "
        "on top; where you both changed a field, yours wins:",
        icon=":material/sync_problem:",
    )
    st.dataframe(
        pd.DataFrame(conflict_rows(base, conflict.stored, conflict.attempted)),
        hide_index=True,
        key=Keys.CONFLICT_TABLE,
    )
    cols = st.columns(2)
    if cols[0].button("Save my changes on top of theirs", key=Keys.CONFLICT_MINE):
        WORKSPACE.update(conflict=None)
        try:
            saved = workspace().save_client(staff.name, mine, admin=staff.admin)
            WORKSPACE.update(form_for=None)
            flash(f"Saved your changes with theirs (now version {saved.version}).")
        except WorkspaceError as exc:
            WORKSPACE.update(form_errors={"org": str(exc)})
        st.rerun()
    if cols[1].button("Use theirs (discard my changes)", key=Keys.CONFLICT_THEIRS):
        WORKSPACE.update(conflict=None, form_for=None)
        st.rerun()


def _share(staff: Staff, client: Client) -> None:
    other = str(st.session_state.get(Keys.SHARE_WITH, "")).strip().casefold()
    if not other:
        return
    try:
        workspace().share_client(staff.name, client.id, other, admin=staff.admin)
    except WorkspaceError as exc:
        WORKSPACE.update(share_error=str(exc))
        return
    st.session_state[Keys.SHARE_WITH] = ""
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
                "Stop sharing", key=Keys.unshare(other), on_click=_unshare, args=(staff, client, other)
            )
        st.text_input("Share with (user name or e-mail)", key=Keys.SHARE_WITH, max_chars=NAME_MAX_CHARS)
        st.button("Share", on_click=_share, args=(staff, client), key=Keys.SHARE, icon=":material/share:")
        error = WORKSPACE.get().share_error
        if error:
            WORKSPACE.update(share_error="")
            st.error(plain(error), icon=":material/error:")


# --- assessments ---------------------------------------------------------------------------


def visits_table(facts: Content, visits: list[ClientAssessment]) -> pd.DataFrame:
    rows = []
    for visit in visits:
        result = scored(facts, visit.assessment)
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
    """Store an assessment for a client, and (optionally) its action plan as the client's actions,
    in one transaction (``Workspace.record``: the same assessment twice is refused, saying when;
    a question that already has an open action gets no second one)."""
    visit = ClientAssessment(client_id=client_id, taken_on=taken_on, label=label, assessment=assessment)
    plan = actions_from(content(), client_id, visit, taken_on) if with_plan else []
    return workspace().record(staff.name, visit, plan, admin=staff.admin)


def _import_file(staff: Staff, client: Client) -> None:
    upload = st.session_state.get(Keys.UPLOAD)
    WORKSPACE.update(import_check=None)
    if upload is None:
        WORKSPACE.update(import_error="Choose the assessment file (JSON) first.")
        return
    try:
        assessment = load(upload.getvalue(), content())  # read in memory only, never written to disk
    except AssessmentFileError as exc:
        WORKSPACE.update(import_error=str(exc))
        return
    if assessment.empty:
        WORKSPACE.update(import_error="The file holds no answers, so there is nothing to record.")
        return
    problems = mismatches(client, assessment)
    if problems:
        confirmed = WORKSPACE.get().import_confirmed
        WORKSPACE.update(import_confirmed=None)
        if confirmed != fingerprint(assessment):
            check = ImportCheck(mark=fingerprint(assessment), problems=tuple(problems))
            WORKSPACE.update(import_check=check, import_error="")
            return
    taken_on = _record_with_form(staff, client, assessment)
    if taken_on is None:
        return
    WORKSPACE.update(import_error="")
    st.session_state[Keys.VISIT_LABEL] = ""
    skipped = " ".join(assessment.skipped)
    flash(f"Recorded the assessment of {long_date(taken_on)}. {skipped}".strip())


def _import_anyway(staff: Staff, client: Client) -> None:
    check = WORKSPACE.get().import_check
    WORKSPACE.update(import_confirmed=check.mark if check else None)
    _import_file(staff, client)


def _import_check_panel(staff: Staff, client: Client) -> None:
    """A file that may be another employer's: say how it differs, and record it only if asked."""
    check = WORKSPACE.get().import_check
    if check is None:
        return
    st.warning(
        plain(
            "This file may be another employer's: " + "; ".join(check.problems) + ". Nothing is recorded yet."
        ),
        icon=":material/warning:",
    )
    st.button(
        "Record it for this client anyway",
        on_click=_import_anyway,
        args=(staff, client),
        key=Keys.IMPORT_ANYWAY,
    )


def _readiness_session() -> Assessment | None:
    """The assessment open on the Readiness page in this browser session, if it has answers."""
    if not st.session_state.get("answers"):
        return None
    from ui.readiness.state import current, page_state  # the Readiness page's own reading

    assessment = current(page_state())
    return None if assessment.empty else assessment


def _record_with_form(staff: Staff, client: Client, assessment: Assessment) -> date | None:
    """Record ``assessment`` for the client with the visit form's date, label and plan choice:
    the visit's date, or None (the message kept for the page) when the repository refuses it."""
    taken_on = st.session_state.get(Keys.VISIT_DATE) or local_today()
    label = str(st.session_state.get(Keys.VISIT_LABEL, "")).strip()
    try:
        record(staff, client.id, assessment, taken_on, label, bool(st.session_state.get(Keys.VISIT_PLAN)))
    except WorkspaceError as exc:
        WORKSPACE.update(import_error=str(exc))
        return None
    return taken_on


def _record_session(staff: Staff, client: Client) -> None:
    assessment = _readiness_session()
    if assessment is None:
        return
    if _record_with_form(staff, client, assessment) is None:
        return
    st.session_state[Keys.VISIT_LABEL] = ""
    flash(f"Recorded the Readiness page's assessment ({count(len(assessment.answers), 'answer')}).")


def _delete_client(staff: Staff, client: Client) -> None:
    WORKSPACE.update(confirm_delete=None)
    try:
        workspace().delete_client(staff.name, client.id, admin=staff.admin)
    except WorkspaceError as exc:
        WORKSPACE.update(delete_error=str(exc))
        return
    st.session_state.pop(Keys.CLIENT, None)
    WORKSPACE.update(last_client=None, form_for=None)
    if CLIENT_PARAM in st.query_params:
        del st.query_params[CLIENT_PARAM]
    flash(f"Deleted {client.organisation} with its assessments and actions.", ":material/delete:")


def _delete_visit(staff: Staff, visit: ClientAssessment) -> None:
    WORKSPACE.update(confirm_delete=None)
    try:
        workspace().delete_assessment(staff.name, visit.id, admin=staff.admin)
    except WorkspaceError as exc:
        WORKSPACE.update(delete_error=str(exc))
        return
    flash(f"Deleted the assessment of {long_date(visit.taken_on)}.", ":material/delete:")


def _ask_delete(target: str) -> None:
    WORKSPACE.update(confirm_delete=target)


def _cancel_delete() -> None:
    WORKSPACE.update(confirm_delete=None)


def _confirm(what: str, target: str, on_yes: Any, args: tuple[Any, ...]) -> None:
    """Ask once more before deleting; nothing is deleted until "Yes, delete" is pressed."""
    if WORKSPACE.get().confirm_delete != target:
        return
    st.warning(plain(what) + " This cannot be undone.", icon=":material/warning:")
    row = st.container(horizontal=True)
    row.button("Yes, delete", type="primary", on_click=on_yes, args=args, key=Keys.yes(target))
    row.button("Cancel", on_click=_cancel_delete, key=Keys.no(target))


def _delete_button(
    label: str, key: str, question: str, target: str, on_yes: Any, args: tuple[Any, ...]
) -> None:
    """A delete button and, once pressed, the question it asks before anything is deleted."""
    st.button(label, icon=":material/delete:", on_click=_ask_delete, args=(target,), key=key)
    _confirm(question, target, on_yes, args)


def delete_client_panel(staff: Staff, client: Client, visits: list[ClientAssessment]) -> None:
    """Delete the client with everything recorded for it (owner or admin), after a confirmation."""
    _delete_button(
        "Delete this client",
        Keys.DELETE_CLIENT,
        f"Delete {client.organisation} with its {count(len(visits), 'assessment')} and actions?",
        f"client.{client.id}",
        _delete_client,
        (staff, client),
    )
    error = WORKSPACE.get().delete_error
    if error:
        WORKSPACE.update(delete_error="")
        st.error(plain(error), icon=":material/error:")


def delete_visit_panel(staff: Staff, visits: list[ClientAssessment]) -> None:
    """Delete one recorded assessment (say, one recorded by mistake), after a confirmation."""
    if not visits:
        return
    by_id = {visit.id: visit for visit in visits}
    with st.expander("Delete an assessment"):
        chosen = st.selectbox(
            "Assessment",
            list(by_id),
            format_func=lambda visit_id: (
                f"{by_id[visit_id].taken_on.isoformat()} {by_id[visit_id].label}".strip()
            ),
            key=Keys.DELETE_PICK,
        )
        _delete_button(
            "Delete this assessment",
            Keys.DELETE_VISIT,
            f"Delete the assessment of {long_date(by_id[chosen].taken_on)}?",
            f"visit.{chosen}",
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
    facts = content()
    if visits:
        st.dataframe(visits_table(facts, visits), hide_index=True, width="stretch")
    else:
        st.info("No assessment recorded yet for this client.", icon=":material/info:")
    st.subheader("Record an assessment")
    cols = st.columns(2)
    cols[0].date_input("Date of the visit", key=Keys.VISIT_DATE, value=local_today(), format="YYYY-MM-DD")
    cols[1].text_input(
        "Label (optional)", key=Keys.VISIT_LABEL, max_chars=NAME_MAX_CHARS, placeholder="e.g. First visit"
    )
    st.checkbox("Add its action plan to the client's actions", key=Keys.VISIT_PLAN, value=True)
    st.file_uploader("Assessment file (JSON) the employer downloaded", type=["json"], key=Keys.UPLOAD)
    st.button(
        "Add the file's assessment",
        on_click=_import_file,
        args=(staff, client),
        icon=":material/upload_file:",
    )
    if WORKSPACE.get().import_error:
        st.error(plain(WORKSPACE.get().import_error), icon=":material/error:")
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
        if st.session_state.get(Keys.SAVE_CLIENT) not in by_id:
            st.session_state[Keys.SAVE_CLIENT] = (
                st.session_state.get(RECORD_FOR)
                if st.session_state.get(RECORD_FOR) in by_id
                else next(iter(by_id))
            )
        client_id = st.selectbox(
            "Client", list(by_id), format_func=lambda cid: by_id[cid].organisation, key=Keys.SAVE_CLIENT
        )
        cols = st.columns(2)
        taken_on = cols[0].date_input(
            "Date of the visit", value=local_today(), key=Keys.SAVE_DATE, format="YYYY-MM-DD"
        )
        label = cols[1].text_input("Label (optional)", key=Keys.SAVE_LABEL, max_chars=NAME_MAX_CHARS)
        with_plan = st.checkbox("Add its action plan to the client's actions", value=True, key=Keys.SAVE_PLAN)
        if st.button("Save to the client", icon=":material/save:", key=Keys.SAVE_BUTTON):
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


def _fill_action(action: ClientAction) -> None:
    """Put an action's stored values in the edit fields when another action is picked, after a
    save, or when the fields were dropped; the copy they came from is kept for the save."""
    if WORKSPACE.get().edit_for == action.id and all(field in st.session_state for field in Keys.EDIT_FIELDS):
        return
    WORKSPACE.update(edit_for=action.id, edit_base=action)
    st.session_state[Keys.EDIT_STATUS] = action.status
    st.session_state[Keys.EDIT_OWNER] = action.owner
    st.session_state[Keys.EDIT_DUE] = action.due


def _save_action(staff: Staff, action: ClientAction) -> None:
    base = WORKSPACE.get().edit_base
    if base is not None and base.id == action.id:
        action = base  # the version the fields were filled from, not the one read at this rerun
    update = {
        "status": st.session_state.get(Keys.EDIT_STATUS, action.status),
        "owner": str(st.session_state.get(Keys.EDIT_OWNER, "")).strip()[:NAME_MAX_CHARS],
        "due": _as_date(st.session_state.get(Keys.EDIT_DUE)),
    }
    try:
        workspace().save_action(staff.name, action.model_copy(update=update), admin=staff.admin)
    except ConflictError as exc:
        stored = exc.stored
        assert isinstance(stored, ClientAction)
        WORKSPACE.update(
            actions_error=(
                f"Someone else updated this action meanwhile (now {STATUS_LABELS[stored.status]}, owner "
                f"{stored.owner or 'none'}). Yours is still in the form: save again to put it on top."
            ),
            edit_base=stored,  # keep what was typed; the next save goes on top
        )
        return
    except WorkspaceError as exc:
        WORKSPACE.update(actions_error=str(exc))
        return
    WORKSPACE.update(edit_for=None)
    flash("Saved the action.")


def _edit_action(staff: Staff, actions: list[ClientAction]) -> None:
    """One action at a time, stacked: readable on a phone, where a wide grid is not."""
    by_id = {a.id: a for a in actions}
    if st.session_state.get(Keys.EDIT_PICK) not in by_id:
        st.session_state[Keys.EDIT_PICK] = next(iter(by_id))
    picked = st.selectbox(
        "Action to update",
        list(by_id),
        format_func=lambda action_id: by_id[action_id].title,
        key=Keys.EDIT_PICK,
    )
    action = by_id[picked]
    _fill_action(action)
    with st.form(Keys.EDIT_FORM):
        st.radio(
            "Status",
            list(STATUS_LABELS),
            format_func=STATUS_LABELS.__getitem__,
            horizontal=True,
            key=Keys.EDIT_STATUS,
        )
        cols = st.columns(2)
        cols[0].text_input("Owner", key=Keys.EDIT_OWNER, max_chars=NAME_MAX_CHARS)
        cols[1].date_input("Due", key=Keys.EDIT_DUE, format="YYYY-MM-DD", min_value=date(1990, 1, 1))
        st.form_submit_button("Save this action", type="primary", on_click=_save_action, args=(staff, action))


def actions_section(
    staff: Staff, client: Client, actions: list[ClientAction], visits: list[ClientAssessment]
) -> None:
    """The client's actions. One met by a later visit reads "Met at the visit of DATE" and counts
    as neither open nor overdue, here, in the cohort export and in the client PDF alike."""
    facts = content()
    met = met_on(facts, actions, visits)
    error = WORKSPACE.get().actions_error
    if error:
        WORKSPACE.update(actions_error="")
        st.warning(plain(error), icon=":material/sync_problem:")
    if actions:
        today = local_today()
        st.caption(action_counts(actions, met, today))
        st.dataframe(_actions_frame(actions, met), hide_index=True, width="stretch")
        _edit_action(staff, actions)
        questions = {q.id: q for q in facts.bank.questions}
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
    with st.form(Keys.NEW_FORM):
        st.markdown("**Add an action**")
        title = st.text_input("What to do", key=Keys.NEW_TITLE, max_chars=TITLE_MAX_CHARS).strip()
        cols = st.columns(2)
        owner = cols[0].text_input("Owner", key=Keys.NEW_OWNER, max_chars=NAME_MAX_CHARS).strip()
        due = cols[1].date_input("Due", value=None, key=Keys.NEW_DUE, format="YYYY-MM-DD")
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
        for field in Keys.NEW_FIELDS:
            st.session_state.pop(field, None)
        flash("Added the action.")
        st.rerun()
