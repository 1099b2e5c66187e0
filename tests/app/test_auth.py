"""Staff sign-in: OIDC when configured, else a hashed password; off (and saying how) otherwise."""

from __future__ import annotations

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from cor.passwords import hash_password
from tests.app.conftest import open_page
from tests.conftest import ROOT

PASSWORD = "correct horse battery staple"
HASH = hash_password(PASSWORD)


@pytest.fixture
def password_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COR_READY_STAFF_PASSWORD_HASH", HASH)
    monkeypatch.delenv("COR_READY_ADMINS", raising=False)


def sign_in(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="auth.user").input(user)
    at.text_input(key="auth.password").input(password)
    at.button[0].click().run()
    return at


def texts(at: AppTest) -> str:
    """What the page says, as a reader sees it (user text is Markdown-escaped in the source)."""
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.info, *at.error, *at.caption, *at.warning])
    return shown.replace("\\", "").replace("\u200b", "")  # escapes and plain()'s link breakers


def test_without_any_sign_in_configured_the_workspace_is_off_and_says_how_to_turn_it_on(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COR_READY_STAFF_PASSWORD_HASH", raising=False)
    at = open_page(app, "workspace")
    message = at.info[0].value
    assert (
        "off" in message
        and "python -m ui.auth hash" in message
        and "COR_READY_STAFF_PASSWORD_HASH" in message
    )
    assert "no default password" in message
    assert len(at.text_input) == 0  # no password box to guess at


def test_the_right_password_opens_the_workspace_and_lists_it_in_the_navigation(
    app: AppTest, password_configured: None
) -> None:
    at = open_page(app, "workspace")
    assert "Staff sign-in" in [s.value for s in at.subheader]
    sign_in(at, "Dana", PASSWORD)
    assert not at.exception
    assert "Signed in as dana" in texts(at)
    assert at.selectbox(key="ws.client").value == ""  # "New client": no clients yet


def test_a_wrong_password_is_refused_with_a_message_and_no_client_data(
    app: AppTest, password_configured: None
) -> None:
    at = open_page(app, "workspace")
    sign_in(at, "dana", "not the password at all")
    assert "do not match" in at.error[0].value
    assert "Signed in" not in texts(at)
    with pytest.raises(KeyError):
        at.selectbox(key="ws.client")


def test_repeated_wrong_passwords_are_slowed_down_even_before_the_right_one(
    app: AppTest, password_configured: None
) -> None:
    at = open_page(app, "workspace")
    for _ in range(3):  # three slips cost nothing
        sign_in(at, "dana", "wrong password guess")
        assert at.error[0].value.endswith("Check them and try again.")
    sign_in(at, "dana", "wrong password guess")
    assert "Too many wrong attempts: try again in 3 seconds" in at.error[0].value
    sign_in(at, "dana", PASSWORD)  # right, but inside the wait: still refused
    assert "Too many wrong attempts" in at.error[0].value
    assert "Signed in" not in texts(at)


def test_the_back_off_is_shared_by_every_session_of_the_server_for_a_user_name(
    password_configured: None,
) -> None:
    for _ in range(6):  # each attempt in a fresh session (a new browser tab), same user name
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        open_page(at, "workspace")
        sign_in(at, "dana", "wrong password guess")
    assert "Too many wrong attempts" in at.error[0].value


def test_oidc_sign_in_is_used_when_auth_is_configured_in_secrets(
    app: AppTest, password_configured: None
) -> None:
    app.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
    app.user = {"is_logged_in": False}
    at = open_page(app, "workspace")
    assert at.button(key="auth.oidc").label == "Sign in"
    assert len(at.text_input) == 0  # no password form when OIDC is set up
    at.user = {"is_logged_in": True, "email": "Consultant@Example.org"}
    at.run()
    assert "Signed in as consultant@example.org" in texts(at)


def menu(at: AppTest) -> list[str]:
    """The labels of the frame's page menu (the one phones see; it lists the navigation's pages)."""
    return [link.label for link in at.get("page_link")]


def test_the_workspace_is_listed_in_the_navigation_only_for_signed_in_staff(
    app: AppTest, password_configured: None
) -> None:
    at = open_page(app, "workspace")
    assert "Workspace" not in menu(at)
    sign_in(at, "dana", PASSWORD)
    assert "Workspace" in menu(at)


def test_the_hash_command_makes_a_hash_the_sign_in_accepts(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "ui.auth", "hash"],
        input="a long staff password\na long staff password\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        start_new_session=True,  # no terminal: the password is read from stdin
        check=True,
    )
    monkeypatch.setenv("COR_READY_STAFF_PASSWORD_HASH", made.stdout.strip())
    at = open_page(app, "workspace")
    sign_in(at, "dana", "a long staff password")
    assert "Signed in as dana" in texts(at)


def test_the_hash_command_refuses_two_different_passwords() -> None:
    made = subprocess.run(
        [sys.executable, "-m", "ui.auth", "hash"],
        input="a long staff password\nanother long password\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        start_new_session=True,
    )
    assert made.returncode == 1 and made.stdout == ""
    assert "differ" in made.stderr
