"""A province is content: a made-up third one (Northreach, added by tests/third_jurisdiction.py
to a copy of content/, never shipped) opens on every page through the router, and each page
shows Northreach's own record: its name, its pass rule, its program, its partner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cor.content import default_content, partner_guide
from tests.app.conftest import open_page
from tests.app.test_partners import search, texts
from tests.conftest import ROOT
from tests.third_jurisdiction import (
    CODE,
    DIRECTION,
    MAINTENANCE_AUDITOR,
    NAME,
    PARTNER,
    PARTNERS_PROGRAM,
    PROGRAM,
    ROLE,
    with_third_jurisdiction,
)
from ui.state import plain


@pytest.fixture
def northreach(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    """The app on content holding Northreach, in a session that has picked it."""
    monkeypatch.setenv("COR_READY_CONTENT_DIR", str(with_third_jurisdiction(tmp_path)))
    default_content.cache_clear()
    partner_guide.cache_clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["jurisdiction"] = CODE
    yield at.run()
    default_content.cache_clear()
    partner_guide.cache_clear()


def _picked(at: AppTest, key: str) -> None:
    """The page's province picker offers Northreach by name, and holds it."""
    picker = at.radio(key=key)
    assert NAME in picker.options and picker.value == CODE


def _home(at: AppTest) -> None:
    assert "75% overall and at least 40%" in at.info[0].value  # Northreach's pass rule, not 80/50


def _readiness(at: AppTest) -> None:
    _picked(at, "rd.jurisdiction")
    assert f"**{PROGRAM}** ({NAME})" in texts(at)
    assert f"- **Maintenance audits:** {MAINTENANCE_AUDITOR}." in texts(at)
    assert "No ISO 45001 / CSA Z45001 route here. Northreach accepts no ISO 45001" in texts(at)
    popovers = " ".join(m.value for popover in at.get("popover") for m in popover.markdown)
    assert f"**{DIRECTION}** (direction, 2026)." in popovers  # where its program is heading
    assert not [box for box in at.selectbox if box.key == "rd.cu"]  # no CU codes in Northreach


def _savings(at: AppTest) -> None:
    _picked(at, "sv.jurisdiction")


def _cycle(at: AppTest) -> None:
    note = " ".join(info.value for info in at.info)
    assert f"This planner follows British Columbia's rules. In {NAME}: {MAINTENANCE_AUDITOR.lower()}." in note
    assert "55% overall, lower than the 75% for certification" in note


def _partners(at: AppTest) -> None:
    _picked(at, "pg.jurisdiction")
    page = texts(at)
    assert f"In {NAME}, search by plain words for your industry (CU codes are WorkSafeBC's, for BC)." in page
    assert f"Certifying partners in {NAME}" in page
    assert "Northreach has one certifying partner." in page
    assert f"**{PARTNER} (NSP)**" in page and f"**{ROLE}**" in page
    assert PARTNERS_PROGRAM in page
    assert "British Columbia" not in page.replace("for BC", "")  # no BC partner, role or path


def _about(at: AppTest) -> None:
    headings = [header.value for header in at.subheader]
    assert f"Pass rule ({CODE})" in headings and f"Programs ({CODE})" in headings
    shown = " ".join(m.value for m in at.markdown)
    assert "75% / 40%" in shown and PROGRAM in shown


def _renders(at: AppTest) -> None:
    """A page with nothing that differs by province: it opens, on Northreach's content too."""


PAGES: dict[str, Callable[[AppTest], None]] = {
    "home": _home,
    "readiness": _readiness,
    "savings": _savings,
    "cycle": _cycle,
    "partners": _partners,
    "about": _about,
    "workshop": _renders,
    "workspace": _renders,
}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_on_a_province_added_as_content(northreach: AppTest, page: str) -> None:
    at = open_page(northreach, page)
    assert at.title, f"{page} has no title"
    PAGES[page](at)


def test_the_partner_finder_searches_the_new_provinces_partners_by_industry(northreach: AppTest) -> None:
    at = search(open_page(northreach, "partners"), "forestry")
    assert "Partners for this industry" in [s.value for s in at.subheader]
    checklist = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert "NSP" in checklist and "555-0100" in checklist  # Northreach's partners program
    search(at, "766011")
    assert at.warning[0].value == plain(
        "Six-digit classification unit codes are WorkSafeBC's, so they work for British Columbia only. "
        f"For {NAME}, search by industry words, e.g. “construction”."
    )


def test_readiness_recommends_the_new_provinces_program_for_a_worker_count(northreach: AppTest) -> None:
    at = open_page(northreach, "readiness")
    at.text_input(key="rd.workers").input("12").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="rd.program").value == "nr-cor"
    assert "Recommended by the general size rule." in [c.value for c in at.caption]
