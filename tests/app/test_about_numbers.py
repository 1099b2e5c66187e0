"""About the numbers: each figure once, the rule scores follow, and a contents list (issues 16.8 and
17.10)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.formatting import SCORE_RULE
from tests.app.conftest import open_page


def page_text(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def test_each_small_employer_minimum_is_listed_once(app: AppTest) -> None:
    at = open_page(app, "about")
    text = page_text(at)
    for minimum in default_content().incentives.bc.small_employer_minimum:
        assert text.count(f"{minimum.share_of_premium_pct}% of premium, up to") == 1
        assert text.count(minimum.wording) <= 1


def test_about_states_the_one_rule_every_score_follows(app: AppTest) -> None:
    at = open_page(app, "about")
    assert "How scores are shown" in [s.value for s in at.subheader]
    assert SCORE_RULE in page_text(at)


def test_a_worked_example_rate_is_listed_once(app: AppTest) -> None:
    at = open_page(app, "about")
    figures = [m.value for m in at.markdown if m.value.startswith("**") and "· [source]" in m.value]
    for rate in ("$4.54 per $100", "$3.47 per $100"):
        assert sum(rate in figure for figure in figures) == 1, rate
