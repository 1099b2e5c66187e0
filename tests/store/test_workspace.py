"""The workspace keeps each consultant's clients private, and never loses a concurrent edit."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date

import pytest

from cor.assessment import Assessment
from cor.db import Database
from cor.workspace.models import (
    Client,
    ClientAction,
    ConflictError,
    NotFoundError,
    UnavailableError,
    WorkspaceError,
)
from cor.workspace.repository import Workspace
from tests.conftest import ROOT, Place

ANNA = "anna@association.example"
BEN = "ben@association.example"
BOSS = "admin@association.example"


@pytest.fixture
def workspace(database: Database) -> Workspace:
    return Workspace(database)


def new_client(workspace: Workspace, user: str = ANNA, organisation: str = "Coastal Framing Ltd.") -> Client:
    return workspace.save_client(
        user, Client(owner=user, organisation=organisation, cu_codes=("721028",), workers=24)
    )


def test_a_saved_client_comes_back_with_every_field(workspace: Workspace) -> None:
    draft = Client(
        owner=ANNA,
        organisation="Coastal Framing Ltd.",
        contact="Priya, office manager",
        cu_codes=("721028", "721005"),
        workers=24,
        partner_id="bccsa",
        notes="Wants the audit before spring.",
        certified_on=date(2025, 3, 14),
    )
    saved = workspace.save_client(ANNA, draft)
    assert saved.version == 1
    assert workspace.get_client(ANNA, draft.id) == saved
    assert saved.model_dump(exclude={"version"}) == draft.model_dump(exclude={"version"})


def test_a_consultant_lists_only_their_own_clients(workspace: Workspace) -> None:
    new_client(workspace, ANNA, "Zephyr Roofing")
    new_client(workspace, ANNA, "alpine Care Home")
    bens = new_client(workspace, BEN, "Ben's Client")
    assert [client.organisation for client in workspace.list_clients(ANNA)] == [
        "alpine Care Home",
        "Zephyr Roofing",
    ]
    assert [client.id for client in workspace.list_clients(BEN)] == [bens.id]
    assert len(workspace.list_clients(BOSS, admin=True)) == 3
    assert workspace.list_clients(BOSS) == []


def test_another_consultants_client_is_not_found_for_every_kind_of_read(workspace: Workspace) -> None:
    client = new_client(workspace, ANNA)
    workspace.add_assessment(ANNA, client.id, Assessment(answers={"q": "yes"}), date(2026, 1, 5))
    for read in (
        lambda: workspace.get_client(BEN, client.id),
        lambda: workspace.list_assessments(BEN, client.id),
        lambda: workspace.list_actions(BEN, client.id),
        lambda: workspace.add_assessment(BEN, client.id, Assessment(), date(2026, 1, 6)),
        lambda: workspace.save_action(BEN, ClientAction(client_id=client.id, title="Sneak in")),
        lambda: workspace.save_client(BEN, client),
        lambda: workspace.delete_client(BEN, client.id),
        lambda: workspace.share_client(BEN, client.id, BEN),
    ):
        with pytest.raises(NotFoundError):
            read()
    assert workspace.get_client(ANNA, client.id) == client


def test_a_shared_client_is_seen_and_edited_but_not_reshared_by_the_colleague(workspace: Workspace) -> None:
    client = new_client(workspace, ANNA)
    shared = workspace.share_client(ANNA, client.id, BEN)
    assert shared.shared_with == (BEN,)
    assert [found.id for found in workspace.list_clients(BEN)] == [client.id]
    edited = workspace.save_client(BEN, shared.model_copy(update={"notes": "Visited on Tuesday"}))
    assert edited.owner == ANNA
    assert edited.shared_with == (BEN,)
    with pytest.raises(WorkspaceError):
        workspace.share_client(BEN, client.id, "carol@association.example")
    with pytest.raises(WorkspaceError):
        workspace.delete_client(BEN, client.id)
    workspace.unshare_client(ANNA, client.id, BEN)
    assert workspace.list_clients(BEN) == []


def test_an_admin_shares_any_client(workspace: Workspace) -> None:
    client = new_client(workspace, ANNA)
    workspace.share_client(BOSS, client.id, BEN, admin=True)
    assert workspace.get_client(BEN, client.id).organisation == client.organisation


def test_saving_never_changes_owner_or_sharing(workspace: Workspace) -> None:
    client = workspace.share_client(ANNA, new_client(workspace, ANNA).id, BEN)
    sneaky = client.model_copy(update={"owner": BEN, "shared_with": ("mallory@example",)})
    saved = workspace.save_client(ANNA, sneaky)
    assert (saved.owner, saved.shared_with) == (ANNA, (BEN,))
    assert workspace.get_client(ANNA, client.id) == saved


def test_the_second_of_two_staff_saving_the_same_client_gets_a_conflict_and_loses_nothing(
    workspace: Workspace,
) -> None:
    client = workspace.share_client(ANNA, new_client(workspace, ANNA).id, BEN)
    annas_copy = workspace.get_client(ANNA, client.id)
    bens_copy = workspace.get_client(BEN, client.id)
    first = workspace.save_client(ANNA, annas_copy.model_copy(update={"contact": "Priya (new number)"}))
    bens_edit = bens_copy.model_copy(update={"notes": "Safety committee meets monthly", "workers": 30})
    with pytest.raises(ConflictError) as caught:
        workspace.save_client(BEN, bens_edit)
    conflict = caught.value
    assert conflict.stored == first
    assert conflict.attempted == bens_edit
    assert set(conflict.changed) == {"contact", "notes", "workers"}
    assert workspace.get_client(ANNA, client.id) == first
    merged = conflict.stored.model_copy(update={"notes": bens_edit.notes, "workers": bens_edit.workers})
    final = workspace.save_client(BEN, merged)
    assert (final.contact, final.notes, final.workers, final.version) == (
        "Priya (new number)",
        "Safety committee meets monthly",
        30,
        3,
    )


def test_two_app_processes_on_one_database_see_the_same_client(place: Place) -> None:
    """Two Workspace objects on two engines (two app instances behind a load balancer)."""
    first, second = Workspace(place.database()), Workspace(place.database())
    client = new_client(first, ANNA)
    assert second.get_client(ANNA, client.id) == client
    changed = second.save_client(ANNA, client.model_copy(update={"notes": "from the second instance"}))
    assert first.get_client(ANNA, client.id) == changed
    with pytest.raises(ConflictError):
        first.save_client(ANNA, client.model_copy(update={"notes": "stale"}))


_OTHER_PROCESS = """
import sys
from cor.db import Database
from cor.workspace.repository import Workspace
workspace = Workspace(Database(sys.argv[1]))
print("|".join(client.organisation for client in workspace.list_clients(sys.argv[2])))
"""


def test_a_client_saved_by_one_app_process_is_listed_by_another_process(postgres_place: Place) -> None:
    """Two separate Python processes on one PostgreSQL (two app instances behind a load balancer):
    what one saves, the other reads from the database, not from shared memory."""
    assert postgres_place.url is not None
    new_client(Workspace(postgres_place.database()), ANNA, "Second Process Roofing Ltd.")
    listed = subprocess.run(
        [sys.executable, "-c", _OTHER_PROCESS, postgres_place.url, ANNA],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert listed.stdout.strip().split("|") == ["Second Process Roofing Ltd."]


def test_assessments_are_kept_whole_and_listed_oldest_first(workspace: Workspace) -> None:
    client = new_client(workspace, ANNA)
    later = Assessment(
        answers={"insp-schedule": "yes"}, notes={"insp-schedule": "Monthly, signed"}, quick=False
    )
    earlier = Assessment(answers={"insp-schedule": "no"}, workers=24, cu_code="721028")
    workspace.add_assessment(ANNA, client.id, later, date(2026, 6, 1), "Second visit")
    workspace.add_assessment(ANNA, client.id, earlier, date(2026, 1, 10), "First visit")
    found = workspace.list_assessments(ANNA, client.id)
    assert [(record.label, record.assessment) for record in found] == [
        ("First visit", earlier),
        ("Second visit", later),
    ]
    workspace.delete_assessment(ANNA, found[0].id)
    assert [record.label for record in workspace.list_assessments(ANNA, client.id)] == ["Second visit"]


def test_actions_keep_status_owner_and_due_date_and_refuse_a_stale_save(workspace: Workspace) -> None:
    client = new_client(workspace, ANNA)
    undated = workspace.save_action(ANNA, ClientAction(client_id=client.id, title="Write the policy"))
    dated = workspace.save_action(
        ANNA,
        ClientAction(
            client_id=client.id, question_id="insp-schedule", title="Book inspections", due=date(2026, 2, 1)
        ),
    )
    assert [action.title for action in workspace.list_actions(ANNA, client.id)] == [
        dated.title,
        undated.title,
    ]
    started = workspace.save_action(
        ANNA, undated.model_copy(update={"status": "in_progress", "owner": "Priya"})
    )
    assert started.version == 2
    with pytest.raises(ConflictError) as caught:
        workspace.save_action(ANNA, undated.model_copy(update={"status": "done"}))
    assert caught.value.changed == ("status", "owner")
    assert workspace.list_actions(ANNA, client.id)[1] == started
    workspace.delete_action(ANNA, dated.id)
    assert workspace.list_actions(ANNA, client.id) == [started]


def test_deleting_a_client_deletes_its_assessments_and_actions(
    workspace: Workspace, database: Database
) -> None:
    client = new_client(workspace, ANNA)
    workspace.add_assessment(ANNA, client.id, Assessment(), date(2026, 1, 5))
    workspace.save_action(ANNA, ClientAction(client_id=client.id, title="Write the policy"))
    workspace.share_client(ANNA, client.id, BEN)
    workspace.delete_client(ANNA, client.id)
    with pytest.raises(NotFoundError):
        workspace.get_client(ANNA, client.id)
    with database.begin() as conn:
        for table in ("client_assessments", "client_actions", "client_shares", "clients"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0


def test_an_unusable_database_is_a_workspace_error_without_address_or_password() -> None:
    down = Workspace(Database("postgresql://staff:hunter2@/cor?host=/nonexistent-socket&connect_timeout=2"))
    for call in (lambda: down.list_clients(ANNA), lambda: down.list_actions(ANNA, "c1")):
        with pytest.raises(UnavailableError) as caught:
            call()
        assert "hunter2" not in str(caught.value)
        assert "nonexistent-socket" not in str(caught.value)
        assert isinstance(caught.value, WorkspaceError)


def test_a_record_changed_without_validation_is_refused_with_the_field_named(workspace: Workspace) -> None:
    client = new_client(workspace, ANNA)
    emptied = client.model_copy(update={"organisation": ""})
    with pytest.raises(WorkspaceError, match="organisation"):
        workspace.save_client(ANNA, emptied)
    assert workspace.get_client(ANNA, client.id) == client
    action = ClientAction(client_id=client.id, title="Write the policy")
    with pytest.raises(WorkspaceError, match="status"):
        workspace.save_action(ANNA, action.model_copy(update={"status": "finished"}))
    assert workspace.list_actions(ANNA, client.id) == []


def test_of_six_staff_saving_one_client_at_the_same_moment_exactly_one_wins(place: Place) -> None:
    """True concurrency, six engines: the version check and the write are one locked step."""
    client = new_client(Workspace(place.database()), ANNA)
    results: list[str] = []
    start = threading.Barrier(6)

    def save(number: int) -> None:
        workspace = Workspace(place.database())
        start.wait()
        try:
            workspace.save_client(ANNA, client.model_copy(update={"notes": f"edit {number}"}))
            results.append("saved")
        except ConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=save, args=(number,)) for number in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict"] * 5 + ["saved"]
    stored = Workspace(place.database()).get_client(ANNA, client.id)
    assert stored.version == 2
    assert stored.notes.startswith("edit ")
