"""A CU name brought in by ``python -m cor.rates import`` is shown as plain text on the Partner
guide and About the numbers: never as Markdown or a link."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor import rates
from cor.content import default_content
from tests.app.conftest import open_page
from tests.conftest import ROOT

NAME = "**Roofing** [sign in](https://evil.example) <b>now</b> :red[x]"


def as_read(markdown: str) -> str:
    """The text a Markdown source shows, once backslash escapes and link breakers are resolved."""
    out, escaped = [], False
    for char in markdown:
        if escaped or char != "\\":
            out.append(char)
        escaped = not escaped and char == "\\"
    return "".join(out).replace("\u200b", "")


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = io.StringIO()
    csv.writer(out).writerows(
        [
            ["CU code", "CU name", "Year", "Base rate"],
            ["766011", "Long Term Care", "2027", "4.40"],
            ["800123", NAME, "2027", "2.23"],
        ]
    )
    listed = tmp_path / "rates-2027.csv"
    listed.write_text(out.getvalue(), "utf-8")
    rates.import_list(listed, 2027, "https://example.org/2027-rates", content, stage="example")
    monkeypatch.setenv("COR_READY_CONTENT_DIR", str(content))
    default_content.cache_clear()
    yield
    default_content.cache_clear()


def test_an_imported_markdown_cu_name_is_plain_text_on_the_partner_guide(imported: None) -> None:
    at = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "partners")
    at.text_input(key="pg.query").input("800123").run()
    assert not at.exception
    heading = next(s.value for s in at.subheader if s.value.startswith("CU 800123"))
    assert as_read(heading) == f"CU 800123: {NAME}"  # every character shown as typed ...
    assert "**Roofing**" not in heading and "](https://" not in heading  # ... none of it as Markdown


def test_an_imported_markdown_cu_name_is_plain_text_on_about(imported: None) -> None:
    at = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), "about")
    line = next(m.value for m in at.markdown if "800123" in m.value)
    assert f"CU 800123 {NAME}: year of the rate" in as_read(line)
    assert "**Roofing**" not in line and "[sign in](https://" not in line
