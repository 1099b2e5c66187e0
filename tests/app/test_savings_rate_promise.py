"""Savings promises a filled-in rate only when it holds one of the audit year:
today no CU has one, so the page says to type it and where the employer's own rate is."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from tests.app.conftest import open_page


def test_with_no_current_rate_the_page_does_not_promise_to_fill_one_and_says_where_to_look(
    app: AppTest,
) -> None:
    at = open_page(app, "savings")
    text = " ".join(m.value for m in at.markdown)
    assert "to fill in a current rate" not in text
    assert "no rate is filled in: type yours" in text
    assert default_content().incentives.bc.rate_where in text
    at.selectbox(key="sv.cu.0").select("766011").run()
    assert at.text_input(key="sv.rate.0").value == ""  # and indeed nothing is filled in


def test_in_a_year_with_a_rate_on_file_the_page_says_which_year_it_fills(app: AppTest) -> None:
    import datetime as dt

    app.session_state["today"] = dt.date(2025, 3, 1)  # COR Ready holds 2024 rates: last year's
    at = open_page(app, "savings")
    text = " ".join(m.value for m in at.markdown)
    assert "Picking a CU fills in its base rate where COR Ready holds one for 2024" in text
    at.selectbox(key="sv.cu.0").select("766011").run()
    assert at.text_input(key="sv.rate.0").value == "4.54"
