"""Workspace records read what staff type the way the rest of the app does, and say what changed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cor.workspace.models import Client, ClientAction, ConflictError


def test_cu_codes_are_read_like_everywhere_else_and_kept_once() -> None:
    client = Client(
        owner="anna", organisation="Coastal Framing", cu_codes=("７２１０２８", "721 028", "721-005")
    )
    assert client.cu_codes == ("721028", "721005")


@pytest.mark.parametrize("codes", [("72102",), ("framing",), "721028"])
def test_a_bad_cu_code_is_refused_with_the_code_in_the_message(codes: object) -> None:
    with pytest.raises(ValidationError, match="CU code"):
        Client(owner="anna", organisation="Coastal Framing", cu_codes=codes)  # type: ignore[arg-type]  # a bad value of any type


def test_new_records_get_distinct_opaque_ids_that_say_nothing_about_the_client() -> None:
    first = Client(owner="anna", organisation="Coastal Framing")
    second = Client(owner="anna", organisation="Coastal Framing")
    assert first.id != second.id
    assert "coastal" not in first.id.lower()
    assert first.version == 0


def test_a_conflict_names_the_fields_that_differ_but_not_the_version() -> None:
    stored = ClientAction(client_id="c" * 24, title="Book inspections", status="done", version=3)
    attempted = stored.model_copy(update={"status": "in_progress", "owner": "Priya", "version": 2})
    conflict = ConflictError(stored, attempted)
    assert conflict.changed == ("status", "owner")
    assert "status, owner" in str(conflict)
