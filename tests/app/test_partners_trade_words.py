"""The Partner guide in AppTest for trade words and single matches."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_page


def search(at: AppTest, words: str) -> AppTest:
    at.text_input(key="pg.query").input(words).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_roofer_finds_bccsa_and_this_weeks_checklist(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "roofer")
    headings = [s.value for s in at.subheader]
    assert "Partners for this industry" in headings and "This week" in headings
    assert any("BC Construction Safety Alliance" in m.value for m in at.markdown)
    assert not at.warning or not any("Nothing in COR Ready's list" in w.value for w in at.warning)


def test_a_single_matching_cu_is_confirmed_with_one_button_not_a_dropdown(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "framing")
    assert not [s for s in at.selectbox if s.key == "pg.pick"]
    assert any("1 CU in our list matches: 721024" in m.value and "BCCSA" in m.value for m in at.markdown)
    at.button(key="pg.confirm").click().run()
    assert "CU 721024: Framing or Residential Forming" in [s.value for s in at.subheader]
    search(at, "roofer")  # a new search forgets the confirmed CU
    assert not [s for s in at.subheader if s.value.startswith("CU ")]


def test_the_start_of_a_construction_code_shows_bccsa(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "7215")
    assert "Every CU starting 7215" in [s.value for s in at.subheader]
    assert any("starts with 721 or 722 or 723 is contracted to BCCSA" in c.value for c in at.caption)


def test_the_guide_says_which_sector_a_trade_belongs_to_with_its_source(app: AppTest) -> None:
    at = search(open_page(app, "partners"), "roofer")
    said = " ".join(c.value for c in at.caption)
    assert "is one of the trades of Construction" in said and "which is BCCSA's" in said
    assert "bccsa.ca/definition.php" in said
