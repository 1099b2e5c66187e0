"""The workspace's widget keys are made in one place, all under "ws." (signing out clears them
with the page's typed state), each used by one widget; and the state validates what it keeps."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cor.workspace.models import Client
from ui.workspace.state import PAGE, RECORD_FOR, WORKSPACE, Conflict, Keys, WorkspaceState


def _widget_keys() -> dict[str, str]:
    return {name: value for name, value in vars(Keys).items() if name.isupper() and isinstance(value, str)}


def test_every_widget_key_and_the_state_are_under_the_page_prefix_so_signing_out_clears_them() -> None:
    keys = [*_widget_keys().values(), Keys.unshare("ben"), Keys.yes("client.1"), Keys.no("client.1")]
    assert all(key.startswith(f"{PAGE}.") for key in [*keys, WORKSPACE.key, RECORD_FOR])


def test_no_two_widgets_share_a_key() -> None:
    keys = list(_widget_keys().values())
    assert len(keys) == len(set(keys))


def test_the_keys_scripts_and_the_bench_drive_are_the_ones_the_widgets_have() -> None:
    """bench/scenarios.py and the app tests find the client form's fields by these keys."""
    assert (Keys.CLIENT, Keys.ORGANISATION, Keys.CONTACT, Keys.CU_CODES, Keys.WORKERS) == (
        "ws.client",
        "ws.f.org",
        "ws.f.contact",
        "ws.f.cus",
        "ws.f.workers",
    )


def test_the_state_refuses_a_conflict_without_both_copies() -> None:
    client = Client(owner="anna", organisation="Coastal Framing", version=1)
    state = WorkspaceState(conflict=Conflict(stored=client, attempted=client, base=client))
    assert state.conflict is not None and state.conflict.stored == client
    with pytest.raises(ValidationError):
        Conflict.model_validate({"stored": client, "attempted": None, "base": client})
