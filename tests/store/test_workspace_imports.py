"""The same assessment recorded for a client is found again, on SQLite and PostgreSQL, and only
for that client."""

from __future__ import annotations

from datetime import date

from cor.assessment import Assessment
from cor.db import Database
from cor.workspace.imports import fingerprint
from cor.workspace.models import Client
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
