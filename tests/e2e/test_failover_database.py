"""PostgreSQL goes away while people work, and comes back (issue 20).

The app runs on a PostgreSQL cluster of this test's own (scripts/pg_test_cluster.sh), which the
test stops (``pg_ctl stop -m fast``, as a restart or a database failover does) while a person
answers Readiness or a consultant edits a client, and starts again. While it is away the page
says, where the person is looking, that saving is paused; nothing they entered is lost, there is
no traceback, and their next action once it is back saves everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from cor.content import default_content
from cor.db import Database
from cor.store import DraftStore
from cor.workspace.repository import Workspace
from tests.e2e.conftest import goto, wait_idle
from tests.e2e.servers import OwnPostgres, app_server, new_page, own_postgres
from tests.e2e.test_workspace import sign_in
from tests.e2e.test_workspace_sessions import add_client
from tests.staff_accounts import write_people

pytestmark = pytest.mark.e2e

BANK = default_content().bank
FIRST = [q for q in BANK.question_set("large") if q.element == BANK.elements[0].id][:5]
CHOICES = {q.id: BANK.scale(q.scale).options[i % 3] for i, q in enumerate(FIRST)}
TOTAL = len(BANK.question_set("large"))
PAUSED = "Saving is paused: the database is not answering"
BACK = "The database is back"
SLOW = 60_000


@pytest.fixture
def outage(tmp_path: Path) -> Iterator[tuple[str, OwnPostgres]]:
    """The app on a PostgreSQL cluster that only this test uses (and may stop)."""
    with own_postgres() as database:
        settings = {
            "DATABASE_URL": database.url,
            "COR_READY_DRAFT_DB": str(tmp_path / "not-used.sqlite3"),
            "COR_READY_STAFF_FILE": str(write_people(tmp_path / "staff.toml")),
        }
        with app_server(tmp_path, settings) as url:
            yield url, database


def _answer(page: Page, number: int) -> None:
    question = FIRST[number - 1]
    group = page.get_by_role("radiogroup", name=f"Q{number}. {question.text}")
    group.get_by_text(CHOICES[question.id].label, exact=True).click()
    wait_idle(page)
    expect(group.get_by_role("radio", name=CHOICES[question.id].label, exact=True)).to_be_checked(
        timeout=SLOW
    )


def _no_traceback(page: Page) -> None:
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").inner_text()
    assert "Traceback" not in page.get_by_test_id("stMain").inner_text()


def test_readiness_answers_given_while_postgresql_is_down_are_saved_when_it_is_back(
    page: Page, outage: tuple[str, OwnPostgres]
) -> None:
    url, database = outage
    goto(page, url)
    page.get_by_role("link", name="Readiness").first.click()
    wait_idle(page)
    for number in (1, 2):
        _answer(page, number)
    token = page.url.split("draft=", 1)[1][:32]
    store = DraftStore(url=database.url, days=30)
    stored = store.load(token)
    assert stored is not None and len(stored["answers"]) == 2
    store.database.dispose()

    database.stop()
    for number in (3, 4):
        _answer(page, number)
        paused = page.get_by_test_id("stToast").filter(has_text=PAUSED).last  # one per answer
        expect(paused).to_be_visible(timeout=SLOW)
        expect(paused).to_be_in_viewport()  # where the person is looking, not off screen
        _no_traceback(page)
    expect(page.get_by_text(f"4 of {TOTAL} questions answered")).to_be_visible()
    assert f"draft={token}" in page.url  # the link still names the same draft

    database.start()
    _answer(page, 5)  # the next action once it is back
    expect(page.get_by_test_id("stToast").filter(has_text=BACK)).to_be_visible(timeout=SLOW)
    _no_traceback(page)
    stored = DraftStore(url=database.url, days=30).load(token)
    assert stored is not None
    assert stored["answers"] == {question.id: CHOICES[question.id].id for question in FIRST}
    goto(page, page.url)  # reopened: every answer is in the database
    expect(page.get_by_text(f"5 of {TOTAL} questions answered")).to_be_visible(timeout=SLOW)


def test_a_client_edit_made_while_postgresql_is_down_is_kept_and_saved_once_it_is_back(
    browser: Browser, outage: tuple[str, OwnPostgres]
) -> None:
    url, database = outage
    page = new_page(browser)
    sign_in(page, url, "dana")
    add_client(page, "Harbour Builders Ltd")
    contact = page.get_by_label("Contact (name, phone or e-mail)")

    database.stop()
    contact.fill("Sam Okafor, 604-555-0142")
    page.get_by_role("button", name="Save the client's details").click()
    wait_idle(page)
    paused = page.get_by_text("Not saved: the database is not answering").first
    expect(paused).to_be_visible(timeout=SLOW)
    expect(paused).to_be_in_viewport()
    _no_traceback(page)
    expect(page.get_by_text("Signed in as dana")).to_be_visible()
    expect(contact).to_have_value("Sam Okafor, 604-555-0142")  # nothing typed is lost

    database.start()
    page.get_by_role("button", name="Save the client's details").click()
    wait_idle(page)
    expect(page.get_by_text("Saved Harbour Builders Ltd.")).to_be_visible(timeout=SLOW)
    _no_traceback(page)
    reader = Database(database.url)
    try:
        stored = Workspace(reader).list_clients("dana")
    finally:
        reader.dispose()
    assert [client.contact for client in stored] == ["Sam Okafor, 604-555-0142"]
    page.context.close()
