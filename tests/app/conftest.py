"""AppTest fixtures: always start from app.py (the router), as a user does."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Element

from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def fresh_streamlit_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    return at.run()


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def elements(where: AppTest | Block, kind: str) -> list[Element]:
    """The elements of one kind (``"page_link"``, ``"download_button"``...) on the page or in a
    block; AppTest has no typed list for these, their fields are read from the element's proto."""
    found = where.get(kind)
    assert all(isinstance(node, Element) for node in found), kind
    return [node for node in found if isinstance(node, Element)]
