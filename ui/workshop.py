"""Workshop mode building blocks: the projector frame, the attendees' address and QR code, the
presenter's room (kept across a reload by a key in the presenter's address), the room picture,
the reset between demos, and the attendee's room banner with its consent box.

The rules (what a phone shares, how the picture is estimated) are in cor.workshop; the rooms are
kept by cor.workshop_rooms in the database every app process shares.
"""

from __future__ import annotations

import binascii
import io
import ipaddress
import os
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno
import streamlit as st

from cor.db import DATABASE_URL_ENV, DB_ENV
from cor.formatting import count
from cor.scoring import Verdict
from cor.store import StoreError, configured_days
from cor.workshop import MIN_SHOWN, blurred, new_phone_id, normalise_code, phone_of, room_picture, shares_from
from cor.workshop_rooms import ROOM_HOURS, OpenedRoom, RoomError, Rooms
from ui.state import content, fragment_rerun, plain

if TYPE_CHECKING:
    import pandas as pd
else:
    from ui.lazy import pandas as pd  # imported when a table is first drawn (issue 19)

#: Where the app is reached from outside, when the server cannot tell (behind a proxy).
PUBLIC_URL_ENV = "COR_READY_PUBLIC_URL"
ROOM_KEY = "wk.room"  # the presenter's open room: {"code": ..., "key": ...}
CONFIRM_KEY = "wk.confirm_close"
NOTICE_KEY = "wk.notice"  # a message for the presenter's next run
JOIN_KEY = "wk.join"  # an attendee's room code, from their link
PHONE_KEY = "wk.phone"  # this session's random id, when the browser cannot be recognised
SHARED_KEY = "wk.shared"  # what this phone last sent, to send only on change
SALT_KEY = "wk.salt"  # (room code, its salt): read once a session
RESULT_KEY = "wk.result"  # the quick check's result the page last showed (None before an answer)
CONSENT_KEY = "wk.consent"
#: Streamlit's own cookie, the same for every tab of one browser: one browser, one phone.
BROWSER_COOKIE = "_streamlit_xsrf"
#: Session keys that survive "Reset for the next demo" (the workshop itself, and a staff sign-in).
KEEP_PREFIXES = ("wk.", "auth.", "staff_")
#: How often the presenter's picture is read again (the issue asks for an update within 2 s).
PICTURE_SECONDS = 1.5
PROJECTOR_CSS = """
<style>
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-top: 2.5rem; }
[data-testid="stPageLink"] p { font-size: 1.4rem; font-weight: 600; }
/* the room picture, readable from the back row */
[data-testid="stTable"] th, [data-testid="stTable"] td { font-size: 1.3rem; padding: 0.45rem 0.8rem; color: inherit; }
[data-testid="stMetricValue"] { font-size: 3rem; }
/* the room picture is read again every 1.5 s: no dimming of the picture while it is (no flicker
   on the projector, and text keeps its contrast) */
[data-testid="stElementContainer"][data-stale="true"] { opacity: 1 !important; transition: none !important; }
</style>
"""


def projector_frame() -> None:
    """Large type for a projector (every size on the page is relative to the root font size)."""
    st.html(PROJECTOR_CSS)


# --- the address attendees open ------------------------------------------------------------


def public_base() -> str:
    """The app's address as attendees reach it: ``COR_READY_PUBLIC_URL`` if set, else the
    address the presenter's browser uses, without the page's own path."""
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured and public_url_ok(configured):
        return configured.rstrip("/")
    url = st.context.url or "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/workshop"):
        path = path[: -len("/workshop")]
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def public_url_ok(configured: str) -> bool:
    """``COR_READY_PUBLIC_URL`` must be an http(s) address with a host, and nothing after its path."""
    parts = urlsplit(configured)
    return (
        parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.query and not parts.fragment
    )


def quick_check_address(room: str | None = None) -> str:
    """The address attendees open: the quick check, in the room when one is open."""
    query = {"quick": "1"} | ({"room": room} if room else {})
    return f"{public_base()}/readiness?{urlencode(query)}"


def is_loopback(address: str) -> bool:
    """True when no other device can reach ``address`` (localhost, 127.x, ::1, 0.0.0.0)."""
    host = (urlsplit(address).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def network_address() -> str | None:
    """This computer's own address on its network, if it has one (no packet is sent: connecting
    a UDP socket only picks the outgoing interface)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            found = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if ipaddress.ip_address(found).is_loopback else found


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(address: str) -> bytes:
    """A QR code of ``address`` as PNG, made on this server (nothing is fetched); made once per
    address, not on every rerun of the projector page."""
    buffer = io.BytesIO()
    segno.make(address, error="m").save(buffer, kind="png", scale=12, border=4, dark="#000", light="#fff")
    return buffer.getvalue()


def loopback_warning(address: str) -> None:
    """Say so when the QR code points at this laptop only, and how to fix it."""
    if not is_loopback(address):
        return
    port = urlsplit(address).port or 8501
    nearby = network_address()
    example = (
        f"http://{nearby}:{port}/workshop" if nearby else f"http://<this laptop's address>:{port}/workshop"
    )
    st.warning(
        "**No phone can open this address**: it is this computer's own (localhost). Open this page "
        f"at the laptop's address on the room's Wi-Fi instead, such as `{example}`, with the app "
        "listening on the network (`./scripts/start.sh --server.address 0.0.0.0`). On a hosted "
        f"server, set `{PUBLIC_URL_ENV}`.",
        icon=":material/wifi_off:",
    )


def join_panel(room: str | None) -> None:
    """The QR code (with the address it encodes as its text alternative), the address itself to
    copy, the room code, and a warning when no phone could reach the address."""
    address = quick_check_address(room)
    if room:
        st.markdown(f"## Room code: {room}")
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured and not public_url_ok(configured):
        st.error(
            f"`{PUBLIC_URL_ENV}` is not an http(s) address, so it is not used: the QR code below carries "
            "the address this browser uses. Set it like `https://cor.example.org`.",
            icon=":material/error:",
        )
    loopback_warning(address)
    st.image(
        qr_png(address),
        caption="Scan to open the quick check on your phone",
        width=360,
        alt=f"QR code for the quick-check address: {address}",
    )
    st.markdown("The QR code opens:")
    st.code(address, language=None, wrap_lines=True)


def reset_demo() -> None:
    """Clear every answer and estimate of this browser session, so the next demo starts blank.
    The open room and a staff sign-in stay."""
    for key in list(st.session_state):
        if not (isinstance(key, str) and key.startswith(KEEP_PREFIXES)):
            del st.session_state[key]


# --- the presenter's room ------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _rooms(database: str, path: str) -> Rooms:
    return Rooms()


def rooms() -> Rooms:
    """One room store per configured database (the environment may differ between test runs)."""
    return _rooms(os.environ.get(DATABASE_URL_ENV, ""), os.environ.get(DB_ENV, ""))


def _open_room() -> None:
    try:
        opened = rooms().open_room()
    except RoomError as exc:
        st.session_state[NOTICE_KEY] = str(exc)
        return
    st.session_state[ROOM_KEY] = {"code": opened.code, "key": opened.key}


def _ask_to_close() -> None:
    st.session_state[CONFIRM_KEY] = True


def _keep_open() -> None:
    st.session_state.pop(CONFIRM_KEY, None)


def _close_room() -> None:
    st.session_state.pop(CONFIRM_KEY, None)
    held = st.session_state.pop(ROOM_KEY, None)
    for name in ("room", "key"):
        st.query_params.pop(name, None)
    if not held:
        return
    try:
        rooms().close(held["code"], held["key"])
        st.session_state[NOTICE_KEY] = f"Room {held['code']} is closed, and every shared result is deleted."
    except RoomError as exc:
        st.session_state[NOTICE_KEY] = str(exc)


def _room_from_address() -> OpenedRoom | None:
    """The room named in the presenter's address (after a reload), if its key is in it too."""
    code = normalise_code(st.query_params.get("room"))
    if code is None:
        return None
    key = str(st.query_params.get("key") or "")
    if key and rooms().reopen(code, key):
        return OpenedRoom(code=code, key=key)
    status = rooms().status(code)
    if status == "unknown":
        st.warning(f"There is no workshop room with the code {code}.", icon=":material/search_off:")
    elif status == "closed":
        st.info(f"Workshop room {code} has closed; its shared results were deleted.", icon=":material/lock:")
    else:
        st.warning(
            f"Room {code} is open, but this address cannot run it: only the presenter's own address, "
            "which carries the room's key, reopens or closes a room.",
            icon=":material/key_off:",
        )
    for name in ("room", "key"):
        st.query_params.pop(name, None)
    return None


def _held_room() -> OpenedRoom | None:
    """The room this tab runs: from the session, or from the address after a reload."""
    held = st.session_state.get(ROOM_KEY)
    if held:
        room = OpenedRoom(code=held["code"], key=held["key"])
        if rooms().reopen(room.code, room.key):
            return room
        del st.session_state[ROOM_KEY]
        st.info(
            f"Workshop room {room.code} has closed (a room closes itself {ROOM_HOURS} hours after it "
            "opens); its shared results were deleted.",
            icon=":material/lock:",
        )
        return None
    found = _room_from_address()
    if found is not None:
        st.session_state[ROOM_KEY] = {"code": found.code, "key": found.key}
    return found


def presenter_room() -> str | None:
    """Open, keep (across a reload) or close the room; returns the open room's code."""
    try:
        room = _held_room()
    except RoomError as exc:
        st.error(str(exc), icon=":material/error:")
        return None
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(notice, icon=":material/info:")
    if room is None:
        st.write(
            "Open a room to show the room's combined quick-check picture. Attendees choose whether "
            f"to add their result; no names or answers are shared, and closing the room (or {ROOM_HOURS} "
            "hours) deletes it."
        )
        st.button("Open a workshop room", on_click=_open_room, type="primary", icon=":material/groups:")
        return None
    for name, value in (("room", room.code), ("key", room.key)):
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    return room.code


def room_controls(code: str) -> None:
    """Below the picture: how the room survives a reload, and closing it (after a confirmation)."""
    st.caption(
        "This tab's address holds the room's key: a reload brings the room back. Keep the address "
        "to yourself (full screen, F11, hides it): anyone with it can close the room."
    )
    if not st.session_state.get(CONFIRM_KEY):
        st.button("Close the room…", on_click=_ask_to_close, icon=":material/delete:")
        return
    st.warning(
        f"Close room {code} now? Every shared result is deleted and phones can no longer share.",
        icon=":material/warning:",
    )
    yes, no = st.columns(2)
    yes.button("Yes, close and delete", on_click=_close_room, type="primary", icon=":material/delete:")
    no.button("Keep it open", on_click=_keep_open)


@st.fragment(run_every=PICTURE_SECONDS)
def room_picture_panel(code: str) -> None:
    """The room's picture, read again every ``PICTURE_SECONDS`` as phones share."""
    names = {e.id: e.name for e in content().bank.elements}
    try:
        picture = room_picture(shares_from(rooms().shares(code)), names)
    except RoomError as exc:
        st.error(str(exc), icon=":material/error:")
        return
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
    cols[1].metric("Would pass today", f"about {picture.would_pass} of {picture.phones}")
    if picture.weakest:
        rows = [
            {"Element": weak.name, "Phones below 50%": f"about {weak.below} of {weak.phones}"}
            for weak in picture.weakest
        ]
        st.markdown("**Weakest elements in the room**")
        st.table(pd.DataFrame(rows).set_index("Element"))  # plain text table: readable from the back row
    st.caption(
        "Estimates: each phone's result is blurred before it is stored, so no one's answers can be "
        "worked out from these figures."
    )


# --- the attendee's side (called by the Readiness page) ------------------------------------


def _browser_token() -> str:
    """This browser's own token (the same in every tab), or a token for this session only."""
    raw = str(st.context.cookies.get(BROWSER_COOKIE) or "").strip("\"'")
    parts = raw.split("|")
    if len(parts) == 4 and parts[0] == "2":
        try:
            mask, masked = binascii.a2b_hex(parts[1]), binascii.a2b_hex(parts[2])
        except binascii.Error:
            masked = b""
        if len(mask) == 4 and len(masked) >= 16:
            return bytes(byte ^ mask[i % 4] for i, byte in enumerate(masked)).hex()
    if PHONE_KEY not in st.session_state:
        st.session_state[PHONE_KEY] = new_phone_id()
    return str(st.session_state[PHONE_KEY])


def kept_sentence(presenter: bool = False) -> str:
    """What a quick check keeps, where and for how long: said the same way on the Workshop page
    and in the room banner (a workshop quick check is kept as a draft like any other)."""
    try:
        days = count(configured_days(), "day")
    except StoreError:
        return "This server cannot keep drafts right now: answers stay in the phone's open tab only."
    if presenter:
        return (
            f"Each phone's answers are kept on this app's server as a private draft for {days} after the "
            "last change, opened only through that phone's own link."
        )
    return (
        f"Your answers are kept on this app's server as a private draft for {days} after your last "
        "change, opened only through this page's link, like any readiness check."
    )


@dataclass
class RoomBanner:
    """The room banner at the top of the quick check; ``share`` runs at the end of the page's (or
    the view's) run with the result it shows, and when the consent box is ticked or unticked."""

    code: str
    status: st.delta_generator.DeltaGenerator  # the line under the consent box

    @property
    def consent(self) -> bool:
        """Read when sharing, not when the banner was drawn: the box reruns on its own."""
        return bool(st.session_state.get(CONSENT_KEY))

    def share(self, result: Verdict | None) -> None:
        """Send this phone's blurred share when it changed; withdraw it when the box is unticked."""
        st.session_state[RESULT_KEY] = result  # what the consent box shares when it is ticked later
        try:
            sent = self._send(result)
        except RoomError as exc:
            self.status.caption(str(exc))
            return
        self.say(sent, result)

    def say(self, sent: bool, result: Verdict | None) -> None:
        """The line under the box. Always written (empty when there is nothing to say): a fragment
        may write to it on its own reruns only if it wrote to it in the page's last whole run."""
        if not sent:
            self.status.caption(f"Room {self.code} has just closed; nothing more is shared with it.")
        elif self.consent and result is None:
            self.status.caption("Answer at least one question and your result joins the room's picture.")
        elif self.consent:
            self.status.caption(
                f"Your result is shared with room {self.code}. Untick the box to withdraw it."
            )
        else:
            self.status.empty()

    def _send(self, result: Verdict | None) -> bool:
        store = rooms()
        salt = self._salt()
        if salt is None:
            return False
        phone = phone_of(salt, _browser_token())
        share = blurred(result, salt, phone).model_dump() if self.consent and result is not None else None
        if share != st.session_state.get(SHARED_KEY):
            if share is None:
                store.withdraw(self.code, phone)
            elif not store.share(self.code, phone, share):
                st.session_state.pop(SALT_KEY, None)
                return False
            st.session_state[SHARED_KEY] = share
        return True

    def _salt(self) -> str | None:
        """The room's salt, read once a session: it never changes while the room is open, and an
        answer that leaves the blurred share as it was then costs the room no database read (the
        page's whole runs check that the room is still open; a changed share is refused once closed)."""
        known = st.session_state.get(SALT_KEY)
        if isinstance(known, tuple) and known[0] == self.code:
            return str(known[1])
        salt = rooms().salt(self.code)
        if salt is not None:
            st.session_state[SALT_KEY] = (self.code, salt)
        return salt


def room_banner() -> RoomBanner | None:
    """At the top of the quick check, for attendees who came through ``/readiness?quick=1&room=CODE``:
    which room, what is shared, what is kept and for how long, and the consent box. Says plainly
    when the room has closed or never existed. None without a room in the link."""
    linked = normalise_code(st.query_params.get("room"))
    if linked:
        st.session_state[JOIN_KEY] = linked
    code = st.session_state.get(JOIN_KEY)
    if not code:
        return None
    try:
        status = rooms().status(code)
    except RoomError as exc:
        st.warning(str(exc), icon=":material/error:")
        return None
    if status == "unknown":
        st.warning(
            f"There is no workshop room with the code {plain(code)}: check the code on the projector. "
            "You can still answer the quick check for yourself.",
            icon=":material/search_off:",
        )
        return None
    if status == "closed":
        st.info(
            f"Workshop room {code} has closed: nothing more is shared with it, and what was shared has "
            f"been deleted. {kept_sentence()}",
            icon=":material/lock:",
        )
        return None
    with st.container(border=True):
        st.markdown(f"**Workshop room {code}**")
        st.markdown(
            "**Shared, only if you tick the box:** whether you would pass and which parts of the check "
            "are below 50%, blurred on purpose so no one can tell what you answered. Never your answers, "
            f"notes or name. The room deletes it when the presenter closes it, at the latest {ROOM_HOURS} "
            f"hours after it opened.  \n**Kept:** {kept_sentence()}"
        )
        box = st.container()
        # the line under the box, outside its fragment: the view's fragment writes it too (after
        # an answer), and a fragment cannot write into another fragment's elements
        banner = RoomBanner(code=code, status=st.empty())
        with box:
            _consent_box(banner)
    return banner


@st.fragment
def _consent_box(banner: RoomBanner) -> None:
    """Why a fragment: in a room, every phone ticks the box in the same minute as the others open
    the page; a tick then reruns this box alone (sharing the result the page last showed), not the
    whole page (bench/workshop_room.py). On the page's whole runs the view shares at the end."""
    st.checkbox("Add my result to the room's picture", key=CONSENT_KEY)
    if fragment_rerun():
        banner.share(st.session_state.get(RESULT_KEY))
    else:  # the view shares at the end of this run; the line is written here too (see ``say``)
        banner.say(True, st.session_state.get(RESULT_KEY))
