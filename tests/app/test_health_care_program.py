"""Readiness recommends BCMSA's small program to a small health care employer, as the
partner directory lists it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_page


def test_a_ten_worker_long_term_care_home_is_recommended_bcmsas_small_employer_cor(app: AppTest) -> None:
    at = open_page(app, "readiness")
    at.selectbox(key="rd.cu").set_value("766011").run()
    at.text_input(key="rd.workers").input("10").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = " ".join(c.value for c in at.caption)
    assert "Recommended by BCMSA's size rule (BCMSA Small Employer COR)" in captions
    assert at.selectbox(key="rd.program").value == "bc-small"
    directory = open_page(at, "partners")
    cards = " ".join(m.value for m in directory.markdown)
    assert "BC Municipal Safety Association" in cards and "Small employer COR" in cards


def test_the_health_care_path_says_bcmsa_has_a_small_employer_program(app: AppTest) -> None:
    at = open_page(app, "partners")
    at.text_input(key="pg.query").input("766011").run()
    page = " ".join(m.value for m in at.markdown)
    assert "Fewer than 20 workers? BCMSA has a small-employer program." in page
