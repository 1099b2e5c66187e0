"""Session defaults and access to content, in one place so every page starts from the same state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from cor.content import ContentError, content_dir, default_content
from cor.models import Content

#: Cross-page keys. Widgets keep their own keys; these hold what must survive page switches.
DEFAULTS: dict[str, object] = {
    "jurisdiction": "BC",
    "answers": {},  # readiness: question id -> answer option id
    "notes": {},  # readiness: question id -> the user's note
    "plan_edits": {},  # readiness: question id -> {"owner": ..., "target": "YYYY-MM-DD"}
    "cu_code": None,  # the CU chosen in the partner guide, carried to Savings and Readiness
}


def init_state() -> None:
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value.copy() if isinstance(value, dict) else value


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
    c = content()
    codes = [j.code for j in c.jurisdictions]
    names = {j.code: j.name for j in c.jurisdictions}
    if key not in st.session_state:
        st.session_state[key] = st.session_state["jurisdiction"]
    choice = st.radio("Province", codes, format_func=names.__getitem__, horizontal=True, key=key)
    st.session_state["jurisdiction"] = choice
    return choice


def guide(name: str) -> str:
    """A Markdown text from content/guide/, without its editor's comment line."""
    path = content_dir() / "guide" / f"{name}.md"
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return f"*(The guide text {path.name} could not be read: {exc}.)*"
    return "\n".join(line for line in text.splitlines() if not line.startswith("<!--"))


_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$:"


def plain(text: str) -> str:
    """Text the user typed, escaped so Streamlit's Markdown shows it exactly as typed (no links,
    no formatting, no emoji shortcodes or maths)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in text)
