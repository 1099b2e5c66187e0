"""No lost work in the workspace: a form left open while a colleague saves is a conflict (with
both values shown), never a silent undo; and the client form always shows what is stored, even
after the view was switched away and back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_workspace import add_client, frame_with, seen, signed_in
from tests.staff_accounts import use_staff_file

SAVE = "FormSubmitter:ws.client_form-Save the client's details"


@pytest.fixture(autouse=True)
def staff(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_staff_file(monkeypatch, tmp_path)


def test_a_stale_form_after_a_rerun_does_not_undo_a_colleague_s_rename() -> None:
    tab_a = add_client(signed_in("dana"), "Harbour Builders Ltd")
    tab_b = signed_in("dana")  # the same consultant in a second tab
    tab_b.text_input(key="ws.f.org").input("Harbour Builders Group")
    tab_b.button(key=SAVE).click().run()
    assert seen(tab_b.success[0].value) == "Saved Harbour Builders Group."
    tab_a.run()  # any rerun: a click elsewhere, a tab switch
    tab_a.text_input(key="ws.f.contact").input("Sam Lee, 604-555-0100")
    tab_a.button(key=SAVE).click().run()
    assert "Someone else saved this client" in tab_a.warning[0].value
    table = frame_with(tab_a, "Saved by them")
    row = table[table["Field"] == "Organisation"].iloc[0]
    assert row["Saved by them"] == "Harbour Builders Group"
    assert row["After saving yours"] == "Harbour Builders Group"  # A did not change the name
    contact = table[table["Field"] == "Contact"].iloc[0]
    assert contact["Yours"] == "Sam Lee, 604-555-0100" and contact["Saved by them"] == "Sam Lee"
    assert tab_a.text_input(key="ws.f.contact").value == "Sam Lee, 604-555-0100"  # still in the form
    tab_a.button(key="ws.conflict.mine").click().run()
    fresh = signed_in("dana")
    assert fresh.text_input(key="ws.f.org").value == "Harbour Builders Group"
    assert fresh.text_input(key="ws.f.contact").value == "Sam Lee, 604-555-0100"


def test_a_stale_action_edit_is_a_conflict_not_an_overwrite() -> None:
    from datetime import date

    from tests.app.test_workspace import import_visit, quick_file

    tab_a = add_client(signed_in("dana"), "Harbour Builders Ltd")
    import_visit(tab_a, quick_file(best=9), date(2026, 3, 2), "First visit")
    tab_b = signed_in("dana")
    tab_b.radio(key="ws.edit.status").set_value("done")
    tab_b.button(key="FormSubmitter:ws.edit_action-Save this action").click().run()
    tab_a.run()
    tab_a.text_input(key="ws.edit.owner").input("Site lead")
    tab_a.button(key="FormSubmitter:ws.edit_action-Save this action").click().run()
    assert "Someone else updated this action meanwhile (now Done" in tab_a.warning[0].value.replace("\\", "")
    assert tab_a.text_input(key="ws.edit.owner").value == "Site lead"


def test_the_client_form_shows_what_is_stored_after_switching_to_all_clients_and_back() -> None:
    at = add_client(signed_in("dana"), "Harbour Builders Ltd")
    at.text_area(key="ws.f.notes").input("Binder in the trailer")
    at.button(key=SAVE).click().run()
    at.segmented_control(key="ws.view").set_value("All clients").run()
    at.segmented_control(key="ws.view").set_value("Clients").run()
    assert at.text_input(key="ws.f.org").value == "Harbour Builders Ltd"
    assert at.text_input(key="ws.f.contact").value == "Sam Lee"
    assert at.text_area(key="ws.f.notes").value == "Binder in the trailer"
    at.button(key=SAVE).click().run()  # saving then keeps the contact and the notes
    fresh = signed_in("dana")
    assert fresh.text_input(key="ws.f.contact").value == "Sam Lee"
    assert fresh.text_area(key="ws.f.notes").value == "Binder in the trailer"
