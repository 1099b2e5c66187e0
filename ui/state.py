"""Session state and access to content, in one place so every page starts from the same state.

Three mechanisms, one for each kind of state, so a page never invents its own:

* **Cross-page values** (the answers, the chosen CU, the province) are plain session keys with
  defaults in ``DEFAULTS``, set once per session by ``init_state()`` in ``app.py``.
* **A widget's own value across page switches**: give the widget a stable key made by
  ``widget_key(page, name, ...)`` and pass ``persist_state=PERSIST``. Streamlit then keeps the
  value while the page is not shown (since 1.59), so no shadow keys or copying are needed::

      st.number_input("Payroll", key=widget_key("sv", "payroll", row), persist_state=PERSIST)

* **A page's own state** (rows added, a view chosen, a file already merged) is one typed
  pydantic object under one key, through ``PageState``::

      class SavingsState(BaseModel):
          rows: tuple[int, ...] = (0,)
          next_row: int = 1

      SAVINGS = PageState("sv.state", SavingsState)
      state = SAVINGS.get()  # typed; made from the model's defaults on first use
      SAVINGS.update(rows=(*state.rows, state.next_row), next_row=state.next_row + 1)

  Changes go through ``update`` (validated by the model), so the state is never half-written
  and the type checker knows every field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, Final, Generic, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from pydantic import BaseModel
from streamlit.runtime.scriptrunner import get_script_run_ctx

from cor.content import ContentError, content_dir, default_content
from cor.db import StoreError, prepare
from cor.models import Content

#: Cross-page keys. Widgets keep their own keys; these hold what must survive page switches.
DEFAULTS: dict[str, object] = {
    "jurisdiction": None,  # the province the app opens on: the content's default (see init_state)
    "answers": {},  # readiness: question id -> answer option id
    "notes": {},  # readiness: question id -> the user's note
    "plan_edits": {},  # readiness: question id -> {"owner": ..., "target": "YYYY-MM-DD"}
    "cu_code": None,  # the CU chosen in the partner guide, carried to Savings and Readiness
}


@st.cache_resource(show_spinner=False)
def prepare_database() -> str | None:
    """Open and migrate the database once per process, at start-up rather than on a user's first
    save. Returns what went wrong (in words fit for a user), or None; pages that need the store
    say so themselves, the rest of the app runs without it."""
    try:
        prepare()
    except StoreError as exc:
        return str(exc)
    return None


def init_state() -> None:
    """Every cross-page key, set to its default once per session (a fresh dict each session)."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value.copy() if isinstance(value, dict) else value
    if st.session_state["jurisdiction"] is None:
        st.session_state["jurisdiction"] = _opening_jurisdiction()


def _opening_jurisdiction() -> str | None:
    """The content's default province; None while the content cannot load (every page then shows
    the content's error instead of itself, and the next session starts on the default)."""
    try:
        return default_content().default_jurisdiction().code
    except ContentError:
        return None


#: ``persist_state=`` value for every widget whose value must survive a page switch.
PERSIST: Final[Literal["session"]] = "session"


def widget_key(page: str, name: str, *parts: object) -> str:
    """A widget's stable key, namespaced by page: ``widget_key("sv", "payroll", 2)`` is
    ``"sv.payroll.2"``. Stable keys keep values across reruns; the page prefix keeps two pages'
    widgets from ever sharing one."""
    return ".".join([page, name, *(str(part) for part in parts)])


StateT = TypeVar("StateT", bound=BaseModel)


class PageState(Generic[StateT]):
    """A page's own state: one typed pydantic object kept in ``st.session_state[key]``.

    ``get()`` returns it (made from the model's defaults on first use, or when what is stored is
    not this model, e.g. after a code reload); ``update(**changes)`` validates the changed object
    and stores it; ``reset()`` starts over. It survives page switches like any session key.
    """

    def __init__(self, key: str, model: type[StateT]) -> None:
        self.key = key
        self.model = model

    def get(self) -> StateT:
        stored = st.session_state.get(self.key)
        if isinstance(stored, self.model):
            return stored
        return self.reset()

    def set(self, value: StateT) -> StateT:
        st.session_state[self.key] = value
        return value

    def update(self, **changes: Any) -> StateT:
        """The state with ``changes`` applied, validated by the model (a bad value raises
        pydantic's ValidationError and leaves the stored state as it was)."""
        current = self.get()
        return self.set(self.model.model_validate({**dict(current), **changes}))

    def reset(self) -> StateT:
        return self.set(self.model())


T = TypeVar("T")


def or_stop(load: Callable[[], T], what: str) -> T:
    """Content loaded by ``load``, or a clear error on the page and a stop (never half the facts)."""
    try:
        return load()
    except ContentError as exc:
        st.error(
            f"{what} because a content file has a problem. Whoever edits the content can fix it "
            f"here:\n\n**{exc}**",
            icon=":material/error:",
        )
        st.stop()
        raise  # unreachable: st.stop() raises


def content() -> Content:
    """The validated content, or the error in its place."""
    return or_stop(default_content, "COR Ready cannot start")


def local_today() -> dt.date:
    """Today in the user's own time zone (a deadline day ends at their midnight, not the server's).
    Tests pin the date through the plain session key "today"."""
    pinned = st.session_state.get("today")
    if isinstance(pinned, dt.date):
        return pinned
    try:
        return dt.datetime.now(ZoneInfo(st.context.timezone or "UTC")).date()
    except (ZoneInfoNotFoundError, ValueError):
        return dt.date.today()


def jurisdiction_picker(key: str) -> str:
    """A province choice shared by every page: seeded from, and written back to, session state."""
    jurisdictions = content().jurisdictions
    codes = [info.code for info in jurisdictions]
    names = {info.code: info.name for info in jurisdictions}
    if key not in st.session_state:
        st.session_state[key] = st.session_state["jurisdiction"]
    choice = st.radio("Province", codes, format_func=names.__getitem__, horizontal=True, key=key)
    st.session_state["jurisdiction"] = choice
    return choice


def guide(name: str) -> str:
    """A Markdown text from content/guide/, without its editor's comment line.

    A missing or unreadable file is named by its place in the content folder only: the reason
    Python gives carries the server's absolute path, which no page shows."""
    path = content_dir() / "guide" / f"{name}.md"
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return f"*(The guide text guide/{path.name} is missing from the content folder.)*"
    except (OSError, UnicodeDecodeError):
        return f"*(The guide text guide/{path.name} could not be read: it is not readable UTF-8 text.)*"
    return "\n".join(line for line in text.splitlines() if not line.startswith("<!--"))


_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"

# GFM turns a bare "https://...", "www.x.y" or "a@b.c" into a link after the Markdown is parsed, so
# escaping the specials does not stop it. A zero-width space where such a link would start (before
# "://" and "@", between "www" and ".") breaks the pattern without changing what the reader sees.
_ZERO_WIDTH_SPACE: Final = "\u200b"
_AUTOLINK_STARTS: Final = re.compile(r"(?=://)|(?=@)|(?<=www)(?=\.)", re.IGNORECASE)


def plain(text: str) -> str:
    """Text the user typed, or that came from a file or an address, escaped so Streamlit's Markdown
    shows it exactly as typed: no links (not even GFM's bare-address autolinks), no formatting, no
    emoji shortcodes or maths."""
    unlinked = _AUTOLINK_STARTS.sub(_ZERO_WIDTH_SPACE, text)
    return "".join("\\" + char if char in _MARKDOWN_SPECIALS else char for char in unlinked)


def fragment_rerun() -> bool:
    """True while only fragments run (a widget inside one changed), False on a run of the page.

    A fragment's body also runs as part of every whole run of the page; work it must do only when
    it runs alone (read its widgets, store what changed) asks this, from the run itself rather
    than from a flag the page sets before calling it."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)
