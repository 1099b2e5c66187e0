"""The same assessment recorded for a client is found again, on SQLite and PostgreSQL, and only
for that client."""

from __future__ import annotations

from datetime import date

import pytest

from cor.assessment import Assessment
from cor.db import Database
from cor.workspace.imports import fingerprint
from cor.workspace.models import AlreadyRecordedError, Client, ClientAction, ClientAssessment, NotFoundError
from cor.workspace.repository import Workspace

ANNA = "anna"


def test_a_recorded_assessment_is_found_by_its_fingerprint_for_its_client_only(database: Database) -> None:
    workspace = Workspace(database)
    first = workspace.save_client(ANNA, Client(owner=ANNA, organisation="Coastal Framing"))
    second = workspace.save_client(ANNA, Client(owner=ANNA, organisation="Inland Framing"))
    assessment = Assessment(jurisdiction="BC", program_id="bc-large", answers={"q1": "yes"})
    mark = fingerprint(assessment)
    assert workspace.find_recorded(ANNA, first.id, mark) is None
    workspace.add_assessment(ANNA, first.id, assessment, date(2026, 3, 2), fingerprint=mark)
    found = workspace.find_recorded(ANNA, first.id, mark)
    assert found is not None and found.taken_on == date(2026, 3, 2)
    assert workspace.find_recorded(ANNA, second.id, mark) is None


def test_the_fingerprint_ignores_when_the_file_was_saved_but_not_what_it_says() -> None:
    from datetime import datetime

    one = Assessment(jurisdiction="BC", answers={"q1": "yes"}, saved_at=datetime(2026, 1, 1))
    again = one.model_copy(update={"saved_at": datetime(2026, 5, 1)})
    other = one.model_copy(update={"answers": {"q1": "no"}})
    assert fingerprint(one) == fingerprint(again) != fingerprint(other)


def _visit(client: Client, assessment: Assessment, taken_on: date) -> ClientAssessment:
    return ClientAssessment(client_id=client.id, taken_on=taken_on, assessment=assessment)


def test_recording_a_visit_adds_it_with_its_plan_and_refuses_the_same_assessment_again(
    database: Database,
) -> None:
    workspace = Workspace(database)
    client = workspace.save_client(ANNA, Client(owner=ANNA, organisation="Coastal Framing"))
    assessment = Assessment(jurisdiction="BC", program_id="bc-large", answers={"q1": "no"})
    plan = [
        ClientAction(client_id=client.id, question_id="q1", title="Write the policy"),
        ClientAction(client_id=client.id, question_id="q2", title="Train the supervisors"),
    ]
    visit = workspace.record(ANNA, _visit(client, assessment, date(2026, 3, 2)), plan)
    assert [v.id for v in workspace.list_assessments(ANNA, client.id)] == [visit.id]
    assert {a.title for a in workspace.list_actions(ANNA, client.id)} == {
        "Write the policy",
        "Train the supervisors",
    }
    again = _visit(client, assessment, date(2026, 4, 1))
    with pytest.raises(AlreadyRecordedError, match=r"already recorded .*the visit of 2 Mar 2026"):
        workspace.record(ANNA, again, [ClientAction(client_id=client.id, question_id="q3", title="Drill")])
    assert len(workspace.list_assessments(ANNA, client.id)) == 1  # nothing of the refused visit is written
    assert len(workspace.list_actions(ANNA, client.id)) == 2


def test_a_question_with_an_open_action_gets_no_second_one_but_a_done_one_does(database: Database) -> None:
    workspace = Workspace(database)
    client = workspace.save_client(ANNA, Client(owner=ANNA, organisation="Coastal Framing"))
    workspace.save_action(ANNA, ClientAction(client_id=client.id, question_id="q1", title="Policy (open)"))
    workspace.save_action(
        ANNA, ClientAction(client_id=client.id, question_id="q2", title="Training (done)", status="done")
    )
    plan = [
        ClientAction(client_id=client.id, question_id="q1", title="Policy (new)"),
        ClientAction(client_id=client.id, question_id="q2", title="Training (new)"),
    ]
    workspace.record(ANNA, _visit(client, Assessment(answers={"q1": "no"}), date(2026, 3, 2)), plan)
    titles = sorted(a.title for a in workspace.list_actions(ANNA, client.id))
    assert titles == ["Policy (open)", "Training (done)", "Training (new)"]


def test_nobody_records_a_visit_for_a_client_not_shared_with_them(database: Database) -> None:
    workspace = Workspace(database)
    client = workspace.save_client(ANNA, Client(owner=ANNA, organisation="Coastal Framing"))
    with pytest.raises(NotFoundError):
        workspace.record("ben", _visit(client, Assessment(answers={"q1": "no"}), date(2026, 3, 2)))
    assert workspace.list_assessments(ANNA, client.id) == []
