"""Staff sign-in for the workspace: Streamlit's OIDC login, or else a hashed staff password.

Which one is used is configuration, never a default:

- ``[auth]`` in ``.streamlit/secrets.toml`` -> sign in with the identity provider (``st.login``);
  the user's e-mail address scopes their clients.
- else ``COR_READY_STAFF_PASSWORD_HASH`` (environment) or ``staff_password_hash`` (secrets) ->
  a user name and the shared staff password; the user name scopes their clients. Make the hash
  with ``python -m ui.auth hash``.
- else the workspace is off, and says how to turn it on.

Admins (``COR_READY_ADMINS`` or ``staff_admins`` in secrets, comma-separated user names or
e-mail addresses) can share clients between consultants. Wrong passwords are slowed down per
session and per process (see ``cor.passwords.Backoff``). Nothing here logs a name or a password.
"""

from __future__ import annotations

import getpass
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from cor.passwords import Backoff, HashFormatError, hash_password, verify_password
from ui.state import plain

HASH_ENV = "COR_READY_STAFF_PASSWORD_HASH"
HASH_SECRET = "staff_password_hash"
ADMINS_ENV = "COR_READY_ADMINS"
ADMINS_SECRET = "staff_admins"
#: Plain session key: the signed-in staff member of a password sign-in ({"name": ...}).
SESSION_KEY = "staff_session"
BACKOFF_KEY = "staff_backoff"
USER_MAX_CHARS = 100

Mode = Literal["oidc", "password", "off"]


@dataclass(frozen=True)
class Staff:
    """Who is signed in. ``name`` is the scope of their clients (a user name or an e-mail)."""

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


def mode() -> Mode:
    if _secret("auth"):
        return "oidc"
    if _setting(HASH_ENV, HASH_SECRET):
        return "password"
    return "off"


def admins() -> frozenset[str]:
    raw = _setting(ADMINS_ENV, ADMINS_SECRET)
    return frozenset(name.strip().casefold() for name in raw.split(",") if name.strip())


def current_staff() -> Staff | None:
    """The signed-in staff member, or None for everyone else (who must never see client data)."""
    how = mode()
    name: str | None = None
    if how == "oidc":
        user = st.user
        if user.get("is_logged_in"):
            name = str(user.get("email") or user.get("sub") or "").strip() or None
    elif how == "password":
        session = st.session_state.get(SESSION_KEY)
        name = session.get("name") if isinstance(session, dict) else None
    if not name:
        return None
    return Staff(name=name.casefold(), admin=name.casefold() in admins())


# --- rate limiting ------------------------------------------------------------------------


@dataclass
class _ProcessLimits:
    """Back-off shared by every session of this server process: per user name, and overall."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    per_name: dict[str, Backoff] = field(default_factory=dict)
    overall: Backoff = field(default_factory=lambda: Backoff(free=30, base=1.0, cap=60.0))

    def for_name(self, name: str) -> Backoff:
        if len(self.per_name) > 10_000:  # bounded: forget the oldest names
            self.per_name.pop(next(iter(self.per_name)))
        return self.per_name.setdefault(name, Backoff(free=5))


@st.cache_resource(show_spinner=False)
def _process_limits() -> _ProcessLimits:
    return _ProcessLimits()


def _session_backoff() -> Backoff:
    backoff = st.session_state.get(BACKOFF_KEY)
    if not isinstance(backoff, dict):
        backoff = {"failures": 0, "not_before": 0.0}
        st.session_state[BACKOFF_KEY] = backoff
    return Backoff(failures=int(backoff["failures"]), not_before=float(backoff["not_before"]))


def _keep_session_backoff(backoff: Backoff) -> None:
    st.session_state[BACKOFF_KEY] = {"failures": backoff.failures, "not_before": backoff.not_before}


def attempt(name: str, password: str, now: float | None = None) -> str | None:
    """Check a password sign-in. None when it succeeded (the session is signed in), else the
    message to show. Waits are checked before the password, so guessing gains nothing."""
    now = time.monotonic() if now is None else now
    name = name.strip()
    if not name or not password:
        return "Enter your user name and the staff password."
    if len(name) > USER_MAX_CHARS:
        return f"A user name has at most {USER_MAX_CHARS} characters."
    limits = _process_limits()
    session = _session_backoff()
    with limits.lock:
        per_name = limits.for_name(name.casefold())
        wait = max(session.wait(now), per_name.wait(now), limits.overall.wait(now))
        if wait > 0:
            return f"Too many wrong attempts. Try again in {int(wait) + 1} seconds."
    try:
        ok = verify_password(password, _setting(HASH_ENV, HASH_SECRET))
    except HashFormatError as exc:
        return f"Password sign-in is set up wrongly ({exc}); ask whoever runs COR Ready."
    with limits.lock:
        if ok:
            session.succeeded()
            per_name.succeeded()
        else:
            session.failed(now)
            per_name.failed(now)
            limits.overall.failed(now)
    _keep_session_backoff(session)
    if not ok:
        wait = max(session.wait(now), per_name.wait(now), limits.overall.wait(now))
        later = f" Too many wrong attempts: try again in {int(wait) + 1} seconds." if wait > 0 else ""
        return "That user name and password do not match." + (later or " Check them and try again.")
    st.session_state[SESSION_KEY] = {"name": name}
    return None


# --- the panels -----------------------------------------------------------------------------


def _off_panel() -> None:
    st.info(
        "The consultants' workspace is **off** on this server: no sign-in is set up, and there is "
        "no default password.\n\n"
        "To turn it on, whoever runs COR Ready either\n"
        "- adds an `[auth]` section for an OpenID Connect provider to `.streamlit/secrets.toml` "
        "(staff then sign in with that account), or\n"
        f"- makes a password hash with `python -m ui.auth hash` and sets it in the `{HASH_ENV}` "
        f"environment variable (or `{HASH_SECRET}` in secrets); staff then sign in with a user "
        "name and that password.\n\n"
        f"Admins who may share clients are listed in `{ADMINS_ENV}` (comma-separated).",
        icon=":material/lock:",
    )


def _submit_password() -> None:
    message = attempt(
        str(st.session_state.get("auth.user", "")), str(st.session_state.get("auth.password", ""))
    )
    st.session_state["auth.error"] = message
    st.session_state["auth.password"] = ""


def _password_panel() -> None:
    with st.form("auth.form", border=True):
        st.subheader("Staff sign-in")
        st.text_input("User name", key="auth.user", max_chars=USER_MAX_CHARS, autocomplete="username")
        st.text_input("Staff password", type="password", key="auth.password", autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_submit_password, icon=":material/login:")
    message = st.session_state.get("auth.error")
    if message:
        st.error(message, icon=":material/error:")


def sign_in_panel() -> None:
    """What an anonymous visitor of a staff page sees: sign-in, or how to turn the workspace on."""
    how = mode()
    if how == "off":
        _off_panel()
    elif how == "oidc":
        st.subheader("Staff sign-in")
        st.write("Sign in with your organisation's account to open your clients.")
        if st.button("Sign in", type="primary", icon=":material/login:", key="auth.oidc"):
            st.login()
    else:
        _password_panel()


def sign_out(staff: Staff) -> None:
    """Who is signed in, and a button to sign out (clears the session's client data)."""
    row = st.container(horizontal=True, vertical_alignment="center")
    row.caption(f"Signed in as {plain(staff.name)}" + (" (admin)" if staff.admin else ""))
    if row.button("Sign out", icon=":material/logout:", key="auth.sign_out"):
        for key in list(st.session_state):
            if isinstance(key, str) and (key.startswith("ws.") or key in (SESSION_KEY, "auth.error")):
                del st.session_state[key]
        if mode() == "oidc":
            st.logout()
        st.rerun()


def _hash_command() -> int:
    first = getpass.getpass("Staff password: ")
    second = getpass.getpass("Again: ")
    if first != second:
        print("The two passwords differ; nothing was made.", file=sys.stderr)
        return 1
    try:
        print(hash_password(first))
    except ValueError as exc:
        print(f"Not made: {exc}.", file=sys.stderr)
        return 1
    print(f"Set it as {HASH_ENV} (environment) or {HASH_SECRET} (secrets.toml).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["hash"]:
        print("usage: python -m ui.auth hash", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(_hash_command())
