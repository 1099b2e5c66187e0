"""A rate list that cannot be read says why in a person's words, with its row; one that can be
read is read as a person expects."""

from __future__ import annotations

import pytest

from cor import rates

HEAD = "CU code,CU name,Year,Base rate"


def refused(data: bytes) -> str:
    with pytest.raises(rates.RateListError) as error:
        rates.read_rate_list(data, "rates.csv")
    return str(error.value)


def test_an_unclosed_quote_is_named_with_its_row_not_as_a_missing_year() -> None:
    message = refused(f'{HEAD}\n766011,"Long Term Care,2027,4.40\n766006,B,2027,3.10\n'.encode())
    assert message.startswith('Row 2: a quotation mark (") opens a cell that is never closed')
    assert "not a year" not in message


def test_text_after_a_closing_quote_is_named_with_its_row() -> None:
    message = refused(f'{HEAD}\n766011,A,2027,4.40\n766006,"Community" Health,2027,3.10\n'.encode())
    assert message.startswith("Row 3: a cell has text after its closing quotation mark")


def test_cr_only_line_ends_read_like_any_other() -> None:
    listed = rates.read_rate_list(f"{HEAD}\r766011,Long Term Care,2027,4.40\r".encode(), "rates.csv")
    assert [(r.cu_code, r.cu_name, r.row) for r in listed.rates] == [("766011", "Long Term Care", 2)]


def test_one_stray_byte_in_a_utf8_file_is_refused_naming_its_row_not_read_as_mojibake() -> None:
    data = f"{HEAD}\n800123,Entretien ménager,2027,4.40\n800124,Café,2027,1.00\n".encode()
    message = refused(data.replace("Café".encode(), b"Caf\xe9"))
    assert message.startswith("Row 3: the byte 0xE9 is not UTF-8 text, though the rest of the file is.")
    assert '"CSV UTF-8"' in message


def test_a_windows_1252_file_is_read_as_such_and_says_so() -> None:
    listed = rates.read_rate_list(f"{HEAD}\n800123,Entretien ménager,2027,4.40\n".encode("cp1252"), "r.csv")
    assert listed.rates[0].cu_name == "Entretien ménager"
    assert listed.note == rates.NOT_UTF8_NOTE and "read as Windows text (cp1252)" in listed.note


def test_a_utf8_file_has_no_reading_note() -> None:
    assert rates.read_rate_list(f"{HEAD}\n800123,Entretien ménager,2027,4.40\n".encode(), "r.csv").note == ""


def test_no_message_quotes_pythons_own_words() -> None:
    """A huge cell, an unclosed quote at the end."""
    for data in (
        f"{HEAD}\n766011,{'x' * 200_000},2027,4.40\n".encode(),
        f'{HEAD}\n766011,"A\n'.encode(),
    ):
        message = refused(data)
        assert "universal-newline" not in message and "field limit" not in message
        assert message.startswith("Row ")


def test_control_characters_in_a_name_are_left_out() -> None:
    rows = "".join(f"8{n:05d},A,2027,4.40\n" for n in range(300))  # the NUL comes after the first 4 KB
    listed = rates.read_rate_list(f"{HEAD}\n{rows}766006,Com\x00munity\x1b[31m,2027,1\n".encode(), "r.csv")
    assert listed.rates[-1].cu_name == "Community[31m"
