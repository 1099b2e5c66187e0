"""Staff sign-in: each person with their own account (a staff file, or OIDC with an allowed list);
off, and saying how to turn it on, when neither is set up. The old shared password is gone."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.passwords import hash_password
from cor.staff import StaffAccount, write_staff
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT
from tests.staff_accounts import PASSWORD, use_staff_file

OIDC = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}


@pytest.fixture
def staff_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    return use_staff_file(monkeypatch, tmp_path)


def sign_in(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="auth.user").input(user)
    at.text_input(key="auth.password").input(password)
    at.button(key="FormSubmitter:auth.form-Sign in").click().run()
    return at


def shown_error(at: AppTest) -> str:
    """The first error as a reader sees it (its Markdown escapes taken out)."""
    return str(at.error[0].value).replace("\\", "")


def texts(at: AppTest) -> str:
    """What the page says, as a reader sees it (user text is Markdown-escaped in the source)."""
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.info, *at.error, *at.caption, *at.warning])
    return shown.replace("\\", "").replace("\u200b", "")  # escapes and plain()'s link breakers


def test_without_any_sign_in_configured_the_workspace_is_off_and_says_how_to_turn_it_on(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("COR_READY_STAFF_FILE", "COR_READY_STAFF_PASSWORD_HASH"):
        monkeypatch.delenv(name, raising=False)
    at = open_page(app, "workspace")
    message = at.info[0].value
    assert "off" in message and "no default password" in message
    assert "python -m cor.staff add NAME [--admin]" in message and "COR_READY_STAFF_FILE" in message
    assert "COR_READY_STAFF_EMAILS" in message
    assert len(at.text_input) == 0  # no password box to guess at


def test_the_retired_shared_password_setting_says_what_replaced_it_and_lets_nobody_in(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("COR_READY_STAFF_FILE", raising=False)
    monkeypatch.setenv("COR_READY_STAFF_PASSWORD_HASH", hash_password(PASSWORD))
    with caplog.at_level(logging.WARNING, logger="ui.workspace.auth"):
        at = open_page(app, "workspace")
    assert "no longer used" in at.warning[0].value and "COR_READY_STAFF_FILE" in at.warning[0].value
    assert len(at.text_input) == 0
    logged = [r.getMessage() for r in caplog.records if r.name == "ui.workspace.auth"]
    assert any("no longer used" in line and "python -m cor.staff add" in line for line in logged)


def test_a_person_signs_in_as_themselves_whatever_case_or_spaces_they_type(
    app: AppTest, staff_file: Path
) -> None:
    at = open_page(app, "workspace")
    assert "Staff sign-in" in [s.value for s in at.subheader]
    sign_in(at, "  DANA ", PASSWORD)
    assert not at.exception
    assert "Signed in as dana" in texts(at) and "(admin)" not in texts(at)
    assert at.selectbox(key="ws.client").value == ""  # "New client": no clients yet


def test_the_admin_flag_comes_from_the_file_not_from_the_name_typed(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "staff.toml"
    write_staff(
        path,
        {
            "dana": StaffAccount("dana", hash_password("dana's own password")),
            "boss": StaffAccount("boss", hash_password("the boss's password"), admin=True),
        },
    )
    monkeypatch.setenv("COR_READY_STAFF_FILE", str(path))
    at = open_page(app, "workspace")
    sign_in(at, "Boss ", "dana's own password")  # Dana's password does not make her the boss
    assert "do not match" in shown_error(at) and "Signed in" not in texts(at)
    sign_in(at, "ＢＯＳＳ", "the boss's password")
    assert "Signed in as boss (admin)" in texts(at)


def test_a_wrong_password_or_an_unknown_name_is_refused_alike_with_no_client_data(
    app: AppTest, staff_file: Path
) -> None:
    at = open_page(app, "workspace")
    sign_in(at, "dana", "not the password at all")
    wrong_password = shown_error(at)
    sign_in(at, "nobody", PASSWORD)
    assert shown_error(at) == wrong_password and "do not match" in wrong_password
    assert "Signed in" not in texts(at)
    with pytest.raises(KeyError):
        at.selectbox(key="ws.client")


def test_a_person_taken_out_of_the_file_is_signed_out_at_their_next_step(
    app: AppTest, staff_file: Path
) -> None:
    at = open_page(app, "workspace")
    sign_in(at, "lee", PASSWORD)
    assert "Signed in as lee" in texts(at)
    write_staff(staff_file, {"dana": StaffAccount("dana", hash_password(PASSWORD))})
    at.run()
    assert "Signed in" not in texts(at) and "Staff sign-in" in [s.value for s in at.subheader]


def test_a_broken_staff_file_is_a_message_without_a_path_or_a_hash(app: AppTest, staff_file: Path) -> None:
    staff_file.write_text('[staff.dana]\npassword_hash = "scrypt$1$2$3$not$right"\n')
    at = open_page(app, "workspace")
    sign_in(at, "dana", PASSWORD)
    message = at.error[0].value.replace("\\", "")
    assert "set up wrongly" in message and "staff.dana" in message
    assert str(staff_file.parent) not in message and "not$right" not in message


def oidc(app: AppTest, monkeypatch: pytest.MonkeyPatch, emails: str, admins: str = "") -> AppTest:
    monkeypatch.delenv("COR_READY_STAFF_FILE", raising=False)
    monkeypatch.setenv("COR_READY_STAFF_EMAILS", emails)
    monkeypatch.setenv("COR_READY_ADMINS", admins)
    app.secrets["auth"] = OIDC
    app.user = {"is_logged_in": False}
    return open_page(app, "workspace")


def test_oidc_lets_in_an_address_on_the_staff_list_and_makes_listed_admins_admins(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = oidc(app, monkeypatch, "consultant@example.org, Boss@Example.org", admins="boss@example.org")
    assert at.button(key="auth.oidc").label == "Sign in with your organisation's account"
    assert len(at.text_input) == 0  # no password form without a staff file
    at.user = {"is_logged_in": True, "email": "Consultant@Example.org"}
    at.run()
    assert "Signed in as consultant@example.org" in texts(at) and "(admin)" not in texts(at)
    at.user = {"is_logged_in": True, "email": "boss@example.org"}
    at.run()
    assert "Signed in as boss@example.org (admin)" in texts(at)


def test_oidc_refuses_an_address_not_on_the_list_and_says_so(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = oidc(app, monkeypatch, "consultant@example.org")
    at.user = {"is_logged_in": True, "email": "stranger@elsewhere.com"}
    at.run()
    assert "Signed in" not in texts(at)
    assert "stranger@elsewhere.com) is not on this workspace's staff list" in texts(at)
    with pytest.raises(KeyError):
        at.selectbox(key="ws.client")


def test_oidc_can_allow_a_whole_domain(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    at = oidc(app, monkeypatch, "@example.org")
    at.user = {"is_logged_in": True, "email": "new.hire@example.org"}
    at.run()
    assert "Signed in as new.hire@example.org" in texts(at)
    at.user = {"is_logged_in": True, "email": "someone@notexample.org"}
    at.run()
    assert "Signed in" not in texts(at)


def test_both_ways_can_be_on_at_once(app: AppTest, monkeypatch: pytest.MonkeyPatch, staff_file: Path) -> None:
    monkeypatch.setenv("COR_READY_STAFF_FILE", str(staff_file))
    app.secrets["auth"] = OIDC
    app.user = {"is_logged_in": False}
    at = open_page(app, "workspace")
    assert at.button(key="auth.oidc") is not None
    sign_in(at, "dana", PASSWORD)
    assert "Signed in as dana" in texts(at)


def menu(at: AppTest) -> list[str]:
    """The labels of the frame's page menu (the one phones see; it lists the navigation's pages)."""
    return [link.label for link in elements(at, "page_link")]


def test_the_workspace_is_listed_in_the_navigation_only_for_signed_in_staff(
    app: AppTest, staff_file: Path
) -> None:
    at = open_page(app, "workspace")
    assert "Workspace" not in menu(at)
    sign_in(at, "dana", PASSWORD)
    assert "Workspace" in menu(at)


def staff_command(*args: str, typed: str, file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cor.staff", "--file", str(file), *args],
        input=typed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        start_new_session=True,  # no terminal: the password is read from stdin
        check=False,
    )


def test_the_staff_command_adds_a_person_the_sign_in_then_accepts(
    app: AppTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    file = tmp_path / "staff.toml"
    made = staff_command("add", "Alice", "--admin", typed="a long staff password\n" * 2, file=file)
    assert made.returncode == 0 and "Saved alice (admin)." in made.stdout
    assert "a long staff password" not in made.stdout + made.stderr + file.read_text()
    monkeypatch.setenv("COR_READY_STAFF_FILE", str(file))
    at = open_page(app, "workspace")
    sign_in(at, "alice", "a long staff password")
    assert "Signed in as alice (admin)" in texts(at)


def test_the_staff_command_refuses_two_different_passwords(tmp_path: Path) -> None:
    file = tmp_path / "staff.toml"
    made = staff_command("add", "alice", typed="a long staff password\nanother long password\n", file=file)
    assert made.returncode == 1 and "differ" in made.stderr and not file.exists()
