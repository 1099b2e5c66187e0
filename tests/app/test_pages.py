"""Every page renders from the router without an exception; the frame-level behaviours hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import CONTENT_DIR, default_content
from cor.figures import figures
from tests.app.conftest import elements, open_page
from tests.conftest import ROOT
from ui.state import plain

# Each page's own heading, and a field only that page asks for (home and About ask for none).
PAGES = {
    "home": ("COR Ready", None),
    "readiness": ("Would you pass a COR audit today?", "Workers"),
    "savings": ("What would COR save you?", "Assessable payroll"),
    "cycle": ("Your three-year audit cycle", "Certification audit completed on"),
    "partners": ("Find your certifying partner", "CU code, CU name or industry words"),
    "about": ("About the numbers", None),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_without_exception(app: AppTest, page: str) -> None:
    """Switching to a page shows that page: its own heading and its own field, no other page's."""
    open_page(app, page)
    heading, _ = PAGES[page]
    assert [title.value for title in app.title] == [heading]
    fields = [box.label for box in app.text_input]
    for other, (_, other_field) in PAGES.items():
        if other_field is not None:
            assert (other_field in fields) == (other == page), f"{page} shows {other}'s {other_field!r}"
    if page == "home":
        assert len(app.get("page_link")) >= 5  # home links every tool
    if page == "about":
        assert app.subheader[0].value.startswith("Pass rule")  # the figures, by topic


def test_home_explains_the_pass_rule_and_links_every_tool(app: AppTest) -> None:
    assert "80% overall and at least 50%" in app.info[0].value
    labels = " ".join(link.label for link in elements(app, "page_link"))
    for words in ("Readiness", "Incentive", "Cycle", "Partner", "About the numbers"):
        assert words in labels


def test_about_lists_every_figure_with_source_and_year(app: AppTest) -> None:
    open_page(app, "about")
    shown = [m.value for m in app.markdown]  # a figure's name and value are plain text (escaped)
    for figure in figures(default_content()):
        line = f"**{plain(figure.figure)}**: {plain(figure.value)} ({figure.year}) · [source]({figure.source_url})"
        assert line in shown, f"missing on the page: {figure.figure}"
    assert any("$4.54 per $100" in line for line in shown)


def test_about_groups_the_figures_by_topic_in_the_order_of_the_rules(app: AppTest) -> None:
    open_page(app, "about")
    headings = [header.value for header in app.subheader]
    topics = list(dict.fromkeys(figure.topic for figure in figures(default_content())))
    assert headings[: len(topics)] == topics
    assert topics[0].startswith("Pass rule") and topics[-1] == "CU base rates (BC)"


def test_about_shows_the_known_erratum_of_the_source(app: AppTest) -> None:
    open_page(app, "about")
    text = " ".join(m.value for m in app.markdown)
    assert "$1,000,000" in text and "$4,540.00" in text


def test_a_broken_content_file_shows_a_clear_message_instead_of_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, broken)
    path = broken / "programs.toml"
    path.write_text(path.read_text("utf-8").replace("min_workers = 20", "min_workers = -4", 1), "utf-8")
    monkeypatch.setenv("COR_READY_CONTENT_DIR", str(broken))
    default_content.cache_clear()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        assert not at.exception
        message = at.error[0].value
        assert "programs.toml" in message and "bc-large" in message and "min_workers" in message
    finally:
        default_content.cache_clear()
