"""About the numbers: each figure once, the rule scores follow, and a contents list."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from cor.content import default_content
from cor.formatting import SCORE_RULE
from tests.app.conftest import open_page


def shown(markdown: str) -> str:
    """What a reader sees of Markdown: escapes (names are shown as plain text) removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def page_text(at: AppTest) -> str:
    return shown("\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]))


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
    figures = [shown(m.value) for m in at.markdown if m.value.startswith("**") and "· [source]" in m.value]
    for rate in ("$4.54 per $100", "$3.47 per $100"):
        assert sum(rate in figure for figure in figures) == 1, rate


def test_a_contents_list_links_to_every_topic(app: AppTest) -> None:
    at = open_page(app, "about")
    topics = [s for s in at.subheader]
    contents = next(m.value for m in at.markdown if m.value.startswith("- ["))
    for heading in topics:
        assert f"[{heading.value}](#{heading.proto.anchor})" in contents
    assert len(topics) > 5


def test_no_internal_labels_reach_the_page(app: AppTest) -> None:
    text = page_text(open_page(app, "about"))
    assert "(source 00" not in text and "source 004" not in text and "source 000" not in text
    assert "workers: 1-1" not in text and not re.search(r"\b1-1\b", text)
    assert "12-31" not in text and "06-30" not in text and "11-30" not in text
    assert "IOO (individual owner/operator)" in text and "1 worker" in text
