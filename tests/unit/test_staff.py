"""Staff accounts (cor.staff): one normal form for names, a file that says clearly what is wrong,
and a command that adds or changes a person without ever showing a hash."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cor.passwords import hash_password
from cor.staff import (
    StaffAccount,
    StaffFileError,
    add_account,
    authenticate,
    load_staff,
    normal_name,
    parse_staff,
    remove_account,
    render_staff,
    write_staff,
)

HASH = hash_password("correct horse battery staple")


@pytest.mark.parametrize("typed", ["alice", "ALICE", "  Alice  ", "Ａｌｉｃｅ", "alice\u00a0"])
def test_a_name_typed_in_any_case_width_or_spacing_is_the_same_person(typed: str) -> None:
    assert normal_name(typed) == "alice"


def test_inner_spaces_are_made_one_and_accents_compare_in_one_form() -> None:
    assert normal_name("Marie   Claire") == "marie claire"
    assert normal_name("Zoe\u0301") == normal_name("Zo\u00e9") == "zo\u00e9"


def test_a_file_with_two_spellings_of_one_name_is_refused_naming_it() -> None:
    text = f'[staff.alice]\npassword_hash = "{HASH}"\n[staff.ALICE]\npassword_hash = "{HASH}"\n'
    with pytest.raises(StaffFileError, match="'alice' twice"):
        parse_staff(text)


def test_a_damaged_hash_is_named_by_person_and_never_repeated() -> None:
    text = '[staff.bob]\npassword_hash = "scrypt$$x$secret-looking-text"\n'
    with pytest.raises(StaffFileError) as caught:
        parse_staff(text)
    assert "staff.bob" in str(caught.value) and "secret-looking-text" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[staff.bob\n", "not valid TOML"),
        ('[staff.bob]\npassword_hash = "x"\nadmin = "yes"\n', "admin as true or false"),
        (f'[staff.bob]\npassword_hash = "{HASH}"\nrole = "admin"\n', "unknown setting: role"),
        (f'[staff."bob@example.org"]\npassword_hash = "{HASH}"\n', "no @"),
        (f'[people.bob]\npassword_hash = "{HASH}"\n', "unknown section: people"),
    ],
)
def test_a_wrong_file_says_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(StaffFileError, match=says):
        parse_staff(text)


def test_the_file_written_reads_back_the_same_even_with_odd_names(tmp_path: Path) -> None:
    people = {
        name: StaffAccount(name, HASH, admin)
        for name, admin in [("alice", True), ('o"brien \\ co', False), ("zo\u00e9 tremblay", False)]
    }
    path = tmp_path / "staff.toml"
    write_staff(path, people)
    assert parse_staff(render_staff(people)) == people == load_staff(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_adding_a_person_changes_only_them_and_keeps_their_admin_flag_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "staff.toml"
    add_account(path, "Alice", "a long first password", admin=True)
    add_account(path, "bob", "bob's long password")
    add_account(path, "  ALICE ", "a long second password")  # a new password; still an admin
    accounts = load_staff(path)
    assert sorted(accounts) == ["alice", "bob"] and accounts["alice"].admin and not accounts["bob"].admin
    assert authenticate(accounts, "alice", "a long second password") == accounts["alice"]
    assert authenticate(accounts, "alice", "a long first password") is None
    add_account(path, "alice", "a long second password", admin=False)
    assert not load_staff(path)["alice"].admin


def test_a_short_password_or_a_bad_name_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "staff.toml"
    with pytest.raises(ValueError, match="at least 12"):
        add_account(path, "alice", "short")
    with pytest.raises(StaffFileError, match="no @"):
        add_account(path, "alice@example.org", "a long enough password")
    assert not path.exists()


def test_an_unknown_name_and_a_wrong_password_are_both_refused(tmp_path: Path) -> None:
    accounts = {"alice": StaffAccount("alice", HASH)}
    assert authenticate(accounts, "mallory", "correct horse battery staple") is None
    assert authenticate(accounts, "alice", "wrong horse battery staple") is None
    assert authenticate(accounts, " Alice", "correct horse battery staple") == accounts["alice"]


def test_removing_a_person(tmp_path: Path) -> None:
    path = tmp_path / "staff.toml"
    add_account(path, "alice", "a long enough password")
    assert remove_account(path, "ALICE") and load_staff(path) == {}
    assert not remove_account(path, "alice")


def test_a_missing_file_is_said_without_its_path(tmp_path: Path) -> None:
    with pytest.raises(StaffFileError) as caught:
        load_staff(tmp_path / "nowhere" / "staff.toml")
    assert "does not exist" in str(caught.value) and "nowhere" not in str(caught.value)
