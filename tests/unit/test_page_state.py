"""A page's typed state: made from defaults once, changed only through validated updates."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ui.state import PERSIST, PageState, widget_key


class RowsState(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: tuple[int, ...] = (0,)
    next_row: int = Field(default=1, ge=1)


ROWS = PageState("test.rows", RowsState)


@pytest.fixture(autouse=True)
def empty_session() -> Iterator[None]:
    st.session_state.clear()
    yield
    st.session_state.clear()


def test_the_first_read_gives_the_models_defaults_and_keeps_them() -> None:
    state = ROWS.get()
    assert state == RowsState()
    assert st.session_state["test.rows"] is state
    assert ROWS.get() is state


def test_an_update_is_kept_under_the_one_key() -> None:
    state = ROWS.get()
    ROWS.update(rows=(*state.rows, state.next_row), next_row=state.next_row + 1)
    assert ROWS.get() == RowsState(rows=(0, 1), next_row=2)


def test_a_bad_update_is_refused_and_the_state_is_kept() -> None:
    ROWS.update(rows=(0, 1))
    with pytest.raises(ValidationError):
        ROWS.update(next_row=0)
    assert ROWS.get() == RowsState(rows=(0, 1), next_row=1)


def test_something_else_under_the_key_is_replaced_by_defaults() -> None:
    st.session_state["test.rows"] = {"rows": "not the model"}
    assert ROWS.get() == RowsState()


def test_widget_keys_are_namespaced_by_page_and_persist_for_the_session() -> None:
    assert widget_key("sv", "payroll", 2) == "sv.payroll.2"
    assert widget_key("cy", "auditor") == "cy.auditor"
    assert PERSIST == "session"
