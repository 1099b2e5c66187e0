"""Staff sign-in for the workspace: each person as themselves, never a shared password.

Two ways, both configuration and neither a default (both may be on at once):

- a staff file named by ``COR_READY_STAFF_FILE`` (see ``cor.staff``): a name and that person's
  own password; the file says who is an admin. ``python -m cor.staff add alice [--admin]``.
- OpenID Connect through Streamlit's ``st.login`` (an ``[auth]`` section in secrets): only the
  e-mail addresses in ``COR_READY_STAFF_EMAILS`` (or ``staff_emails`` in secrets; ``@example.org``
  allows a whole domain) get in; the admins are in ``COR_READY_ADMINS`` (or ``staff_admins``).

With neither, the workspace is off and says how to turn it on. The old shared-password setting
(``COR_READY_STAFF_PASSWORD_HASH``) is no longer read: the log and the sign-in say what replaced
it. Nothing here logs a name, an address or a password.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import BaseModel, ConfigDict
from streamlit.errors import StreamlitSecretNotFoundError

from cor.staff import STAFF_FILE_ENV, StaffAccount, StaffFileError, authenticate, load_staff, normal_name
from cor.workspace.models import WorkspaceError
from cor.workspace.signin import (
    DEVICE_SECONDS,
    SESSION_SECONDS,
    Limit,
    SignIn,
    account_stamp,
    cleared_by_success,
    counters,
    retry_after,
)
from ui.state import PageState, plain, widget_key
from ui.workspace.state import PAGE

LEGACY_ENV = "COR_READY_STAFF_PASSWORD_HASH"
LEGACY_SECRET = "staff_password_hash"
EMAILS_ENV = "COR_READY_STAFF_EMAILS"
EMAILS_SECRET = "staff_emails"
ADMINS_ENV = "COR_READY_ADMINS"
ADMINS_SECRET = "staff_admins"
SESSION_COOKIE = "cor_staff"
DEVICE_COOKIE = "cor_staff_device"
USER_MAX_CHARS = 100
LEGACY_NOTICE = (
    f"{LEGACY_ENV} (one password shared by all staff) is no longer used: each person now signs in "
    f"with their own account, from the staff file named by {STAFF_FILE_ENV} "
    "(python -m cor.staff add NAME [--admin]) or with the organisation's account (OpenID Connect). "
    "See docs/workspace.md."
)

log = logging.getLogger(__name__)


class StaffSession(BaseModel):
    """A password sign-in of this browser session: who, and the session cookie's value."""

    model_config = ConfigDict(frozen=True)

    name: str
    cookie: str


class SignInState(BaseModel):
    """What the sign-in keeps between runs of this browser session (one typed object)."""

    #: The signed-in staff member of a password sign-in.
    session: StaffSession | None = None
    #: The session cookie already checked in this browser session (checked once per cookie).
    tried_cookie: str | None = None
    #: This browser's device cookie, from its sign-in (until the browser sends it back itself).
    device: str | None = None
    #: Cookies to hand to the browser after a sign-in: name -> (value, max age in seconds).
    cookies: dict[str, tuple[str, int]] = {}
    #: Signed out: the next run tells the browser to forget its session cookie.
    forget_cookie: bool = False
    #: What the last sign-in attempt said went wrong.
    error: str | None = None


SIGN_IN = PageState(widget_key("auth", "state"), SignInState)
#: The sign-in form's widgets.
USER_KEY = widget_key("auth", "user")
PASSWORD_KEY = widget_key("auth", "password")


@dataclass(frozen=True)
class Staff:
    """Who is signed in. ``name`` is the scope of their clients (a staff name or an e-mail)."""

    name: str
    admin: bool


def _secret(name: str) -> Any:
    try:
        return st.secrets.get(name)
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return None


def _setting(env: str, secret: str) -> str:
    value = os.environ.get(env) or _secret(secret) or ""
    return str(value).strip()


def normal_email(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().casefold()


def _address_list(env: str, secret: str) -> frozenset[str]:
    """Comma-separated in the environment; a list or comma-separated text in secrets."""
    raw: Any = os.environ.get(env) or _secret(secret) or ""
    parts = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
    return frozenset(normal_email(str(part)) for part in parts if str(part).strip())


_legacy_logged = threading.Event()


def legacy_setting() -> bool:
    """True when the retired shared-password setting is still set (logged once per process)."""
    if not (os.environ.get(LEGACY_ENV) or _secret(LEGACY_SECRET)):
        return False
    if not _legacy_logged.is_set():
        _legacy_logged.set()
        log.warning(LEGACY_NOTICE)
    return True


def oidc_on() -> bool:
    return bool(_secret("auth"))


def staff_file() -> Path | None:
    raw = os.environ.get(STAFF_FILE_ENV, "").strip()
    return Path(raw).expanduser() if raw else None


def accounts() -> dict[str, StaffAccount]:
    """The staff file's accounts ({} when there is no file setting); StaffFileError when broken."""
    path = staff_file()
    return load_staff(path) if path is not None else {}


def email_allowed(email: str) -> bool:
    """On the staff list: the address itself, or its domain written as ``@example.org``."""
    allowed = _address_list(EMAILS_ENV, EMAILS_SECRET)
    domain = email[email.rfind("@") :] if "@" in email else None
    return bool(email) and (email in allowed or (domain is not None and domain in allowed))


def _oidc_email() -> str | None:
    """The signed-in OIDC user's e-mail address (normalised), or None."""
    if not oidc_on():
        return None
    user = st.user
    if not user.get("is_logged_in"):
        return None
    return normal_email(str(user.get("email") or "")) or None


def browser_cookie(name: str) -> str | None:
    """A cookie the browser sent when this session connected (a reload or a failover reconnects)."""
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) and value else None


def _restored() -> StaffSession | None:
    """The sign-in a session cookie carries, checked once per cookie and browser session."""
    cookie = browser_cookie(SESSION_COOKIE)
    if not cookie or SIGN_IN.get().tried_cookie == cookie:
        return None
    SIGN_IN.update(tried_cookie=cookie)
    try:
        live = _signin().resume(cookie)
    except WorkspaceError:
        return None
    if live is None:
        return None
    session = StaffSession(name=live[0], cookie=cookie)
    SIGN_IN.update(session=session)
    return session


def _password_staff() -> Staff | None:
    """The password-signed-in person, while their session lives on the server and their account
    (with the same password) is still in the staff file."""
    session = SIGN_IN.get().session or _restored()
    if session is None or staff_file() is None:
        return None
    try:
        account = accounts().get(session.name)
        live = _signin().resume(session.cookie) if account else None
    except StaffFileError:
        account = live = None
    except WorkspaceError:  # the database is down: keep the sign-in this session already checked
        live = (account.name, account_stamp(account.password_hash)) if account else None
    if account is None or live != (account.name, account_stamp(account.password_hash)):
        SIGN_IN.update(session=None)  # signed out elsewhere, expired, removed, new password
        return None
    return Staff(name=account.name, admin=account.admin)


def _start_session(signin: SignIn, account: StaffAccount) -> None:
    cookie = signin.start(account.name, account_stamp(account.password_hash))
    device = signin.device(account.name)
    SIGN_IN.update(
        session=StaffSession(name=account.name, cookie=cookie),
        device=device,
        cookies={SESSION_COOKIE: (cookie, SESSION_SECONDS), DEVICE_COOKIE: (device, DEVICE_SECONDS)},
    )


def _cookie_script(cookies: dict[str, tuple[str, int]]) -> None:
    """Hand cookies to the browser. Streamlit cannot set a cookie from the server, so a tiny
    script does (``st.html``; the values are ours: base64url, dots and digits, never user text)."""
    lines = [
        f"document.cookie = {json.dumps(f'{name}={value}; Path=/; Max-Age={age}; SameSite=Lax')}"
        ' + (location.protocol === "https:" ? "; Secure" : "");'
        for name, (value, age) in cookies.items()
    ]
    st.html("<script>" + "\n".join(lines) + "</script>", unsafe_allow_javascript=True, width="content")


def current_staff() -> Staff | None:
    """The signed-in staff member, or None for everyone else (who must never see client data)."""
    legacy_setting()
    staff = _password_staff()
    if staff is not None:
        return staff
    email = _oidc_email()
    if email and email_allowed(email):
        return Staff(name=email, admin=email in _address_list(ADMINS_ENV, ADMINS_SECRET))
    return None


# --- the back-off, shared by every process in the database -----------------------------------


@st.cache_resource(show_spinner=False)
def _signin() -> SignIn:
    return SignIn()


def client_address() -> str:
    """The browser's address as the server sees it. Behind a proxy this is the forwarded address
    only when the proxy is trusted: Streamlit's server (uvicorn) believes ``X-Forwarded-For``
    only from the addresses in ``FORWARDED_ALLOW_IPS`` (default: this machine). A browser on this
    machine, or a proxy that forwards nothing, counts as one address, "local"."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "local"


def _device_id(signin: SignIn, name: str) -> str | None:
    cookie = browser_cookie(DEVICE_COOKIE) or SIGN_IN.get().device
    return signin.device_id(str(cookie), name) if cookie else None


def _counters(signin: SignIn, name: str) -> list[tuple[Limit, str]]:
    """What a wrong attempt counts against (the policy: ``cor.workspace.signin.counters``)."""
    return counters(name, client_address(), _device_id(signin, name))


def _wait_message(wait: float) -> str:
    return f"Too many wrong attempts. Try again in {retry_after(wait)} seconds."


def attempt(name: str, password: str) -> str | None:
    """Check a password sign-in. None when it succeeded (the session is signed in), else the
    message to show. Waits are checked before the password, so guessing gains nothing."""
    name = normal_name(name)
    if not name or not password:
        return "Enter your staff name and your password."
    if len(name) > USER_MAX_CHARS:
        return f"A staff name has at most {USER_MAX_CHARS} characters."
    try:
        known = accounts()
        signin = _signin()
        counted = _counters(signin, name)
        wait = signin.wait(counted)
        if wait > 0:
            return _wait_message(wait)
        account = authenticate(known, name, password)
        if account is None:
            wait = signin.failed(counted)
            later = f" {_wait_message(wait)}" if wait > 0 else " Check them and try again."
            return "That staff name and password do not match." + later
        signin.succeeded(cleared_by_success(counted))
        _start_session(signin, account)
    except StaffFileError as exc:
        return f"Password sign-in is set up wrongly ({exc}); ask whoever runs COR Ready."
    except WorkspaceError as exc:
        return f"Sign-in cannot be checked right now ({exc}). Try again in a minute."
    return None


# --- the panels -----------------------------------------------------------------------------


def _off_panel() -> None:
    st.info(
        "The consultants' workspace is **off** on this server: no sign-in is set up, and there is "
        "no default password.\n\n"
        "To turn it on, whoever runs COR Ready either\n"
        f"- gives each person an account in a staff file (`python -m cor.staff add NAME [--admin]`, "
        f"which asks for the password twice) and names that file in `{STAFF_FILE_ENV}`, or\n"
        "- adds an `[auth]` section for an OpenID Connect provider to `.streamlit/secrets.toml` and "
        f"lists the staff's e-mail addresses in `{EMAILS_ENV}` (admins in `{ADMINS_ENV}`).\n\n"
        "docs/workspace.md shows both.",
        icon=":material/lock:",
    )


def _legacy_panel() -> None:
    st.warning(
        f"`{LEGACY_ENV}` (one password shared by all staff) is set on this server but no longer "
        f"used: each person now has their own account. Whoever runs COR Ready sets up `{STAFF_FILE_ENV}` "
        "or OpenID Connect instead (docs/workspace.md).",
        icon=":material/info:",
    )


def _submit_password() -> None:
    message = attempt(str(st.session_state.get(USER_KEY, "")), str(st.session_state.get(PASSWORD_KEY, "")))
    SIGN_IN.update(error=message)
    st.session_state[PASSWORD_KEY] = ""


def _password_panel() -> None:
    with st.form(widget_key("auth", "form"), border=True):
        st.subheader("Staff sign-in")
        st.text_input("Staff name", key=USER_KEY, max_chars=USER_MAX_CHARS, autocomplete="username")
        st.text_input("Password", type="password", key=PASSWORD_KEY, autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_submit_password, icon=":material/login:")
    message = SIGN_IN.get().error
    if message:
        st.error(plain(message), icon=":material/error:")


def _oidc_panel() -> None:
    email = _oidc_email()
    if email:  # signed in with the provider, but not on the staff list
        st.warning(
            f"Your account ({plain(email)}) is not on this workspace's staff list. Ask whoever runs "
            f"COR Ready to add it to `{EMAILS_ENV}`.",
            icon=":material/block:",
        )
        if st.button("Sign out", icon=":material/logout:", key=widget_key("auth", "oidc_out")):
            st.logout()
        return
    st.subheader("Staff sign-in with your organisation's account")
    if st.button(
        "Sign in with your organisation's account",
        type="primary",
        icon=":material/login:",
        key=widget_key("auth", "oidc"),
    ):
        st.login()


def sign_in_panel() -> None:
    """What an anonymous visitor of a staff page sees: sign-in, or how to turn the workspace on."""
    if SIGN_IN.get().forget_cookie:
        SIGN_IN.update(forget_cookie=False)
        _cookie_script({SESSION_COOKIE: ("", 0)})
    if legacy_setting():
        _legacy_panel()
    password = staff_file() is not None
    if not password and not oidc_on():
        _off_panel()
        return
    if oidc_on():
        _oidc_panel()
    if password:
        _password_panel()


def sign_out(staff: Staff) -> None:
    """Who is signed in, and a button to sign out: the session ends on the server (every process
    refuses its cookie from then on) and the session's client data is cleared."""
    row = st.container(horizontal=True, vertical_alignment="center")
    row.caption(f"Signed in as {plain(staff.name)}" + (" (admin)" if staff.admin else ""))
    pending = SIGN_IN.get().cookies
    if pending:
        with row:
            _cookie_script(pending)
    if row.button("Sign out", icon=":material/logout:", key=widget_key("auth", "sign_out")):
        session = SIGN_IN.get().session
        if session is not None:
            # the database down: the cookie is still forgotten below, and expires by itself
            with contextlib.suppress(WorkspaceError):
                _signin().end(session.cookie)
        SIGN_IN.update(session=None, cookies={}, error=None, forget_cookie=session is not None)
        for key in list(st.session_state):
            if isinstance(key, str) and key.startswith(f"{PAGE}."):  # every client's data
                del st.session_state[key]
        if session is None and oidc_on():
            st.logout()
        st.rerun()
