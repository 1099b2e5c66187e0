"""The Savings page's rate-list uploader: a hostile or broken file gets one plain message in the
uploader's section and is never offered for use."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_page
from tests.bombs import xlsx_bomb


def savings(app: AppTest) -> AppTest:
    app.session_state["today"] = dt.date(2025, 6, 1)
    return open_page(app, "savings")


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="sv.rate_file").set_value((name, data, "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at: AppTest) -> list[str]:
    """The error messages as a reader sees them (plain text is Markdown-escaped in the source)."""
    return [str(e.value).replace("\\", "").replace("\u200b", "") for e in at.error]


def test_an_xlsx_bomb_is_refused_in_the_uploader_and_not_offered(app: AppTest) -> None:
    at = upload(savings(app), "rates.xlsx", xlsx_bomb(10**9))
    assert any("This workbook unpacks to 1,000,016," in e for e in errors(at))
    assert not [b for b in at.button if b.label == "Use these rates"]


def warnings(at: AppTest) -> list[str]:
    return [str(w.value).replace("\\", "").replace("\u200b", "") for w in at.warning]


def test_an_unclosed_quote_is_explained_in_the_uploader_with_its_row(app: AppTest) -> None:
    data = b'CU code,CU name,Year,Base rate\n766011,"Long Term Care,2027,4.40\n'
    at = upload(savings(app), "rates.csv", data)
    assert [e for e in errors(at) if e.startswith('Row 2: a quotation mark (") opens a cell')]
    assert not [e for e in errors(at) if "not a year" in e]


def test_a_windows_text_file_is_previewed_with_a_note_to_check_the_names(app: AppTest) -> None:
    data = "CU code,CU name,Year,Base rate\n800123,Entretien ménager,2027,4.40\n".encode("cp1252")
    at = upload(savings(app), "rates.csv", data)
    assert not at.error
    assert any("read as Windows text (cp1252)" in w for w in warnings(at))
    assert [b for b in at.button if b.label == "Use these rates"]
