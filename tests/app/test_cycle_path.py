"""The Cycle planner takes the partner and program chosen on Readiness, and says how
far a date is from today in words ("633 days ago", not "-633")."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.partners import find
from tests.app.conftest import open_page

C = default_content()
TODAY = date(2026, 12, 7)


def test_the_partner_and_program_chosen_on_readiness_are_filled_in(app: AppTest) -> None:
    unit = next(u for u in C.units if u.code == "721024")  # framing: a construction CU
    partner = next(m.partner_id for m in find(unit.code, C) if m.partner_id)
    at = open_page(app, "readiness")
    at.text_input(key="rd.workers").input("12").run()
    at.selectbox(key="rd.cu").set_value(unit.code).run()
    at = open_page(at, "cycle")
    assert at.selectbox(key="cy.partner").value == partner
    assert at.selectbox(key="cy.program").value == "bc-small"
    assert any("Filled in from what you chose" in caption.value for caption in at.caption)
    # a choice made on the planner stays while Readiness does not change
    at.selectbox(key="cy.partner").set_value(None).run()
    at = open_page(open_page(at, "home"), "cycle")
    assert at.selectbox(key="cy.partner").value is None


def test_days_from_today_read_as_words(app: AppTest) -> None:
    app.session_state["today"] = TODAY
    at = open_page(app, "cycle")
    at.text_input(key="cy.certified").input("2025-03-14").run()
    table = at.dataframe[0].value
    when = dict(zip(table["Milestone"], table["When"], strict=True))
    assert when["Certification audit"] == f"{(TODAY - date(2025, 3, 14)).days:,} days ago"
    assert when["Year 2 maintenance audit"] == f"in {(date(2026, 12, 31) - TODAY).days} days"
    assert "Days from today" not in table.columns
    assert not any(str(value).startswith("-") for value in table["When"])
