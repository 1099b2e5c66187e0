"""The workspace page's own state, typed, under one session key; and every widget key it uses.

What the page keeps between runs (the client the form was filled from, a conflict waiting for a
choice, a delete waiting for "Yes", the messages of the last action) is one
:class:`WorkspaceState` through ``ui.state.PageState``: a change goes through
``WORKSPACE.update(...)``, validated, never half-written. Widget values stay in their widgets;
their keys are made here, by ``ui.state.widget_key``, so no key is spelled twice.

Everything is under the ``ws.`` prefix: signing out clears it all (``ui.workspace.auth``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from cor.workspace.models import Client, ClientAction
from ui.state import PageState, widget_key

PAGE = "ws"


def key(name: str, *parts: object) -> str:
    """A workspace widget's key: ``key("f", "org")`` is ``"ws.f.org"``."""
    return widget_key(PAGE, name, *parts)


# --- widget keys ---------------------------------------------------------------------------


class Keys:
    """Every widget key of the workspace (and of its box on the Readiness page), made here once."""

    VIEW = key("view")  # "Clients" or "All clients"
    TAB = key("tab")
    CLIENT = key("client")  # the chosen client's id ("" for a new client)
    #: The client form: each field's key by the field it fills.
    CLIENT_FORM = key("client_form")
    ORGANISATION = key("f", "org")
    CONTACT = key("f", "contact")
    CU_CODES = key("f", "cus")
    WORKERS = key("f", "workers")
    PARTNER = key("f", "partner")
    CERTIFIED_ON = key("f", "certified")
    NOTES = key("f", "notes")
    FORM_FIELDS = (ORGANISATION, CONTACT, CU_CODES, WORKERS, PARTNER, CERTIFIED_ON, NOTES)
    #: Set once this session has drawn the client form: only a session that never did (a tab that
    #: reconnected to a new process) may replay a Save the browser sent.
    FORM_DRAWN = key("f", "drawn")
    CONFLICT_TABLE = key("conflict", "table")
    CONFLICT_MINE = key("conflict", "mine")
    CONFLICT_THEIRS = key("conflict", "theirs")
    SHARE_WITH = key("share_with")
    SHARE = key("share")
    VISIT_DATE = key("visit_date")
    VISIT_LABEL = key("visit_label")
    VISIT_PLAN = key("visit_plan")
    UPLOAD = key("upload")
    IMPORT_ANYWAY = key("import_anyway")
    DELETE_CLIENT = key("delete_client")
    DELETE_PICK = key("delete_pick")
    DELETE_VISIT = key("delete_visit")
    #: The Readiness page's "save this assessment for a client" box.
    SAVE_CLIENT = key("save_client")
    SAVE_DATE = key("save_date")
    SAVE_LABEL = key("save_label")
    SAVE_PLAN = key("save_plan")
    SAVE_BUTTON = key("save_button")
    #: Updating one action of the plan.
    EDIT_PICK = key("edit", "pick")
    EDIT_FORM = key("edit_action")
    EDIT_STATUS = key("edit", "status")
    EDIT_OWNER = key("edit", "owner")
    EDIT_DUE = key("edit", "due")
    EDIT_FIELDS = (EDIT_STATUS, EDIT_OWNER, EDIT_DUE)
    #: Adding an action by hand.
    NEW_FORM = key("new_action")
    NEW_TITLE = key("new", "title")
    NEW_OWNER = key("new", "owner")
    NEW_DUE = key("new", "due")
    NEW_FIELDS = (NEW_TITLE, NEW_OWNER, NEW_DUE)

    @staticmethod
    def unshare(other: str) -> str:
        return key("unshare", other)

    @staticmethod
    def yes(target: str) -> str:
        return key("yes", target)

    @staticmethod
    def no(target: str) -> str:
        return key("no", target)


#: A plain cross-page key: the client a new Readiness assessment is for (the Readiness page reads
#: it to show whom the assessment is for, without loading the workspace's code).
RECORD_FOR = key("record_for")
#: The chosen client's id in the page address (a reload keeps the client).
CLIENT_PARAM = "client"


# --- the page's state ----------------------------------------------------------------------


class Conflict(BaseModel):
    """A save refused because a colleague saved first: their copy, this user's, and the copy the
    form was filled from (the base of the merge)."""

    model_config = ConfigDict(frozen=True)

    stored: Client
    attempted: Client
    base: Client


class ImportCheck(BaseModel):
    """A file whose employer details differ from the client record, waiting for a "record anyway"."""

    model_config = ConfigDict(frozen=True)

    mark: str
    problems: tuple[str, ...]


class WorkspaceState(BaseModel):
    """Everything the workspace page keeps between runs, besides its widgets' values."""

    #: A confirmation shown once on the next run: (message, icon).
    flash: tuple[str, str] | None = None
    #: The client chosen last (kept while the picker is off screen, e.g. on "All clients").
    last_client: str | None = None
    #: Which client's id the form fields were filled from ("" for a new client), and that copy:
    #: a save is checked against its version, so a colleague's save in between is a conflict.
    form_for: str | None = None
    form_base: Client | None = None
    form_errors: dict[str, str] = {}
    conflict: Conflict | None = None
    share_error: str = ""
    #: What a "Yes, delete" would delete ("client.ID" or "visit.ID"), while it is being asked.
    confirm_delete: str | None = None
    delete_error: str = ""
    import_error: str = ""
    import_check: ImportCheck | None = None
    #: The fingerprint of the file the consultant said "record anyway" to.
    import_confirmed: str | None = None
    #: Which action the edit fields were filled from, and that copy (the base of its save).
    edit_for: str | None = None
    edit_base: ClientAction | None = None
    actions_error: str = ""


WORKSPACE = PageState(key("state"), WorkspaceState)
