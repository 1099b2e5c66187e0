"""A signed-in consultant's process is killed behind the balancer, and nothing is lost (issue 20).

``scripts/serve.sh --processes 2`` on a throwaway PostgreSQL database, as an association deploys
it. A consultant signs in and opens a client; the process serving their tab is killed with
SIGKILL; at once they change the client's contact and save. The balancer sends the tab to the
other process, which must know them (the signed session cookie, checked against the database),
open the same client (its id in the address), and keep the edit (stored in the database, shown
after a reload).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from cor.workspace.repository import Workspace
from tests.conftest import Place
from tests.e2e.conftest import goto, person_pause, wait_idle
from tests.e2e.servers import new_page, process_serving
from tests.e2e.test_failover import Balanced, serve
from tests.e2e.test_workspace import sign_in
from tests.e2e.test_workspace_sessions import add_client, chosen_client
from tests.staff_accounts import write_people

pytestmark = pytest.mark.e2e

ORGANISATION = "Harbour Builders Ltd"
CONTACT = "Sam Okafor, 604-555-0142"


@pytest.fixture
def balanced_staff(postgres_place: Place, tmp_path: Path) -> Iterator[Balanced]:
    assert postgres_place.url is not None
    settings = {
        "DATABASE_URL": postgres_place.url,
        # each process would keep its own sign-ins and clients here if DATABASE_URL were ignored
        "COR_READY_DRAFT_DB": str(tmp_path / "not-shared.sqlite3"),
        "COR_READY_STAFF_FILE": str(write_people(tmp_path / "staff.toml")),
    }
    with serve(tmp_path, settings) as found:
        yield found


def test_a_consultant_stays_signed_in_on_their_client_and_their_next_save_is_kept(
    browser: Browser, balanced_staff: Balanced, postgres_place: Place
) -> None:
    page = new_page(browser)
    sign_in(page, balanced_staff.url, "dana")
    add_client(page, ORGANISATION)
    assert ORGANISATION in chosen_client(page)
    assert "client=" in page.url

    killed = balanced_staff.pid_of(process_serving(page))
    os.kill(killed, signal.SIGKILL)
    # the fields wait (disabled) while the tab reconnects; the consultant types as soon as they
    # can, and the new process's first run (a second or more) must not replace what they typed
    contact = page.get_by_label("Contact (name, phone or e-mail)")
    expect(contact).to_be_disabled()
    contact.fill(CONTACT)
    person_pause(page, 8_000)  # they read it over before saving: the new process has run by now
    expect(contact).to_have_value(CONTACT)
    page.get_by_role("button", name="Save the client's details").click()
    wait_idle(page)

    expect(page.get_by_text("Signed in as dana")).to_be_visible(timeout=60_000)
    expect(page.get_by_text(f"Saved {ORGANISATION}.")).to_be_visible(timeout=60_000)
    # the other process, or this one started again by serve.sh: either way a new session
    assert balanced_staff.pid_of(process_serving(page)) != killed
    assert ORGANISATION in chosen_client(page)
    assert page.get_by_role("heading", name="Staff sign-in").count() == 0
    assert page.get_by_test_id("stException").count() == 0

    # the page above may still be the one drawn before the kill (its "Saved" is the add's): the
    # edit is kept once the database holds it, which the new process's save does within a minute
    assert _stored_when_settled(postgres_place) == [(ORGANISATION, CONTACT)]
    goto(page, page.url)  # a reload, on whichever process: the edit is in the database
    expect(page.get_by_text("Signed in as dana")).to_be_visible()
    expect(page.get_by_label("Contact (name, phone or e-mail)")).to_have_value(CONTACT, timeout=60_000)
    page.context.close()


def _stored_when_settled(place: Place) -> list[tuple[str, str]]:
    """The consultant's clients as stored, once the contact is saved or a minute has passed."""
    workspace = Workspace(place.database())
    stored: list[tuple[str, str]] = []
    for _ in range(120):
        stored = [(client.organisation, client.contact) for client in workspace.list_clients("dana")]
        if all(contact for _, contact in stored):
            break
        time.sleep(0.5)
    return stored
