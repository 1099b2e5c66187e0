"""Workshop mode building blocks: the projector frame, the attendees' address and QR code, the
room's combined picture, the reset between demos, and the attendee's consent panel.

Attendees answer on their own phones and keep their answers private. The room picture only ever
holds anonymous summaries from phones whose owner ticked the consent box (see cor.workshop).
"""

from __future__ import annotations

import io
import os
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import segno
import streamlit as st

from cor.formatting import count, show_pct
from cor.scoring import Verdict
from cor.workshop import MIN_SHOWN, normalise_code, room_picture, summaries_from, summary_of
from cor.workspace.models import WorkspaceError
from ui.records import workspace
from ui.state import content

#: Where the app is reached from outside, when the server cannot tell (behind a proxy).
PUBLIC_URL_ENV = "COR_READY_PUBLIC_URL"
ROOM_KEY = "wk.room"  # the presenter's open room code
JOIN_KEY = "wk.join"  # an attendee's room code, from their link
PHONE_KEY = "wk.phone"  # an attendee's random per-session id (never a name)
SHARED_KEY = "wk.shared"  # what this phone last sent, to send only on change
#: Session keys that survive "Reset for the next demo" (the workshop itself, and a staff sign-in).
KEEP_PREFIXES = ("wk.", "auth.", "staff_")
PROJECTOR_CSS = """
<style>
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 2.5rem; }
[data-testid="stPageLink"] p { font-size: 1.4rem; font-weight: 600; }
</style>
"""


def projector_frame() -> None:
    """Large type for a projector (every size on the page is relative to the root font size)."""
    st.html(PROJECTOR_CSS)


def public_base() -> str:
    """The app's address as attendees reach it: ``COR_READY_PUBLIC_URL`` if set, else the
    address the presenter's browser uses, without the page's own path."""
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    url = st.context.url or "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/workshop"):
        path = path[: -len("/workshop")]
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def quick_check_address(room: str | None = None) -> str:
    """The address attendees open: the quick check, in the room when one is open."""
    query = {"quick": "1"} | ({"room": room} if room else {})
    return f"{public_base()}/readiness?{urlencode(query)}"


def qr_png(address: str) -> bytes:
    """A QR code of ``address`` as PNG, made on this server (nothing is fetched)."""
    buffer = io.BytesIO()
    segno.make(address, error="m").save(buffer, kind="png", scale=12, border=4, dark="#000", light="#fff")
    return buffer.getvalue()


def join_panel(room: str | None) -> None:
    """The QR code and the address with a copy button, for attendees' phones."""
    address = quick_check_address(room)
    st.image(qr_png(address), caption="Scan to open the quick check on your phone", width=440)
    st.code(address, language=None, wrap_lines=True)
    if room:
        st.markdown(f"Room code: **{room}**")


def reset_demo() -> None:
    """Clear every answer and estimate of this browser session, so the next demo starts blank.
    The open room and a staff sign-in stay."""
    for key in list(st.session_state):
        if not (isinstance(key, str) and key.startswith(KEEP_PREFIXES)):
            del st.session_state[key]


def _open_room() -> None:
    try:
        st.session_state[ROOM_KEY] = workspace().open_room()
        st.session_state.pop("wk.error", None)
    except WorkspaceError as exc:
        st.session_state["wk.error"] = str(exc)


def _close_room() -> None:
    code = st.session_state.pop(ROOM_KEY, None)
    if code:
        workspace().close_room(code)


def presenter_room() -> str | None:
    """Open or close the room; returns the open room's code."""
    code = st.session_state.get(ROOM_KEY)
    if code and not workspace().room_is_open(code):
        del st.session_state[ROOM_KEY]
        code = None
    if st.session_state.get("wk.error"):
        st.error(st.session_state["wk.error"], icon=":material/error:")
    if code is None:
        st.write(
            "Open a room to show the room's combined quick-check picture. Attendees choose whether "
            "to add their result; no names or answers are shared, and closing the room deletes it."
        )
        st.button("Open a workshop room", on_click=_open_room, type="primary", icon=":material/groups:")
        return None
    st.button("Close the room (deletes every shared result)", on_click=_close_room, icon=":material/delete:")
    return str(code)


@st.fragment(run_every=4)
def room_picture_panel(code: str) -> None:
    """The room's combined picture, refreshed every few seconds as phones share."""
    c = content()
    names = {e.id: e.name for e in c.bank.elements}
    floor = c.jurisdiction(str(st.session_state.get("jurisdiction", "BC"))).pass_rule.element_min_pct
    picture = room_picture(summaries_from(workspace().room_answers(code)), names, floor)
    st.subheader("The room so far")
    if not picture.shown:
        st.info(
            f"{count(picture.phones, 'phone has', 'phones have')} shared a result. The picture "
            f"appears once {MIN_SHOWN} have, so no one's result can be picked out.",
            icon=":material/hourglass_top:",
        )
        return
    cols = st.columns(2)
    cols[0].metric("Phones that shared", picture.phones)
    cols[1].metric("Would pass today", f"{picture.would_pass} of {picture.phones}")
    rows = [
        {
            "Element": weak.name,
            "Average score": show_pct(weak.average_pct),
            f"Phones below {floor:.0f}%": weak.below_floor,
        }
        for weak in picture.weakest
    ]
    st.markdown("**Weakest elements in the room**")
    st.table(pd.DataFrame(rows).set_index("Element"))  # plain text table: readable from the back row


# --- the attendee's side (called by the Readiness page) ------------------------------------------


def _phone_id() -> str:
    from cor.workshop import new_phone_id

    if PHONE_KEY not in st.session_state:
        st.session_state[PHONE_KEY] = new_phone_id()
    return str(st.session_state[PHONE_KEY])


def share_with_room(result: Verdict | None) -> None:
    """On the quick check, for attendees who joined through ``/readiness?quick=1&room=CODE``: a
    consent box; when ticked, this phone's anonymous summary joins the room's picture and follows
    later answers; unticked, it is withdrawn. Does nothing without a room in the link."""
    linked = normalise_code(st.query_params.get("room"))
    if linked:
        st.session_state[JOIN_KEY] = linked
    code = st.session_state.get(JOIN_KEY)
    if not code:
        return
    rooms = workspace()
    if not rooms.room_is_open(code):
        st.caption(f"The workshop room {code} has closed and its shared summaries were deleted.")
        return
    consent = st.checkbox(
        "Add my result to the workshop's combined picture (anonymous: only my score per element and "
        "whether I would pass; never my answers, notes or name)",
        key="wk.consent",
        persist_state="session",
    )
    summary = summary_of(result).model_dump(mode="json") if consent and result is not None else None
    sent = st.session_state.get(SHARED_KEY)
    if summary != sent:
        if summary is None:
            rooms.withdraw_room_answer(code, _phone_id())
        else:
            rooms.submit_room_answer(code, _phone_id(), summary)
        st.session_state[SHARED_KEY] = summary
    if consent and result is None:
        st.caption("Answer at least one question and your result joins the room's picture.")
    elif consent:
        st.caption(f"Your result is shared with room {code}. Untick the box to withdraw it.")
